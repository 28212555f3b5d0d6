// The checked poem drawn character by character: tone under each (平 blue, 仄 brown), the
// rhyme group under each rhyme, faults underlined and listed with their replacements.
// Every character is a button: Tab or the arrow keys reach it, Enter opens its popover.
import { el } from "./dom.js";
import { marked } from "./han.js";
import { getLang, t } from "./i18n.js";

const RANK = { error: 3, warning: 2, info: 1 };

function toneClass(tones) {
  if (tones.length === 2) return ["both", "平/仄", "tone_both"];
  if (tones.length === 0) return ["both", "?", "tone_unknown"];
  return tones[0] === "平" ? ["ping", "平", "tone_ping"] : ["ze", "仄", "tone_ze"];
}

export function message(f) { return getLang() === "zh" ? f.message_zh : f.message_en; }

function faultsByPlace(report) {
  const worst = new Map();
  const lineFaults = new Map();
  for (const f of report ? report.faults : []) {
    if (f.kind === "polyphone") continue;
    if (f.line && f.pos) {
      const key = `${f.line}:${f.pos}`;
      if (!worst.has(key) || RANK[f.severity] > RANK[worst.get(key).severity]) worst.set(key, f);
    } else if (f.line && f.severity === "error") lineFaults.set(f.line, f);
  }
  return { worst, lineFaults };
}

function charButton(c, i, j, info, fault, rhymes, last, onOpen) {
  // The checker's reading where it settled one; a polyphone it left open shows both.
  const judged = info && "平仄".includes(info.tones[j]) ? [info.tones[j]] : c.tones;
  const [cls, label, toneKey] = toneClass(judged.filter((x) => x === "平" || x === "仄"));
  const rhyme = last && rhymes && c.rhymes.length ? c.rhymes[0] : "";
  const faulty = fault && fault.severity !== "info";
  const aria = t("char_label", { line: i + 1, pos: j + 1, char: c.char, tone: t(toneKey) }) +
    (faulty ? (getLang() === "zh" ? "，" : ", ") + t("has_fault") : "") + (rhyme ? ` ${rhyme}` : "");
  return el("button", {
    type: "button", class: "ch" + (faulty ? ` fault-${fault.severity}` : ""),
    "data-line": i + 1, "data-pos": j + 1, title: fault ? message(fault) : null,
    "aria-label": aria, "aria-haspopup": "dialog",
    onclick: (ev) => onOpen(i + 1, j + 1, ev.currentTarget),
  }, el("span", { class: "c", lang: "zh" }, c.char), el("span", { class: `t ${cls}`, lang: "zh" }, label),
  el("span", { class: "r", lang: "zh" }, rhyme));
}

function summaryOf(data) {
  const report = data.report;
  if (!report) return [];
  const ci = report.rhymebook === "词林正韵"; // a 词 keeps its tune (合谱), a 诗 its form
  const word = report.ancient_style ? t("ancient") : t(ci ? "ci_valid" : "valid");
  const verdict = report.ok ? el("span", { class: "ok" }, word) : el("span", { class: "bad" }, t(ci ? "ci_invalid" : "invalid"));
  const variant = report.ancient_style ? "" : report.variant;
  const facts = [report.form, variant, report.rhymebook + (report.rhyme_group ? ` ${report.rhyme_group}` : "")].filter(Boolean);
  const parts = [verdict, " · ", ...marked(facts.join(" · ")),
    ` · ${report.counts.errors} ${t("errors")}, ${report.counts.warnings} ${t("warnings")}`];
  if (!report.ok && report.passes_under_tang) parts.push(" · ", el("span", { class: "hint" }, t("tang_hint")));
  return parts;
}

export function renderPoem(data, selected, { onOpen, onFix }) {
  const report = data.report;
  const { worst, lineFaults } = faultsByPlace(report);
  const rows = data.chars.map((chars, i) => {
    const info = report && report.lines[i];
    // A 诗 rhymes on 平 line ends; a 词's grid says which lines end on a rhyme (平 or 仄).
    const rhymes = info && (info.rhyme ?? (info.pattern || "").endsWith("平"));
    const lineFault = lineFaults.get(i + 1);
    const row = el("div", { class: "pline" + (lineFault ? " fault-error" : ""), role: "group",
      "aria-label": `${t("line")} ${i + 1}`, title: lineFault ? message(lineFault) : null },
    el("span", { class: "lno", "aria-hidden": "true" }, String(i + 1)));
    chars.forEach((c, j) => {
      const cell = charButton(c, i, j, info, worst.get(`${i + 1}:${j + 1}`), rhymes, j === chars.length - 1, onOpen);
      if (selected && selected.line === i + 1 && selected.pos === j + 1) cell.classList.add("selected");
      row.append(cell);
    });
    // A 古绝 keeps no tone pattern: showing one would suggest it should.
    if (info && info.pattern && !report.ancient_style) row.append(el("span", { class: "pattern" }, `${t("pattern")} `, el("span", { lang: "zh" }, info.pattern)));
    return row;
  });
  document.getElementById("poem-view").replaceChildren(...rows);
  document.getElementById("poem-summary").replaceChildren(...summaryOf(data));
  const zh = getLang() === "zh";
  const items = (report ? report.faults : []).filter((f) => f.kind !== "polyphone").map((f) => {
    const item = el("li", { class: f.severity }, ...marked(`${zh ? f.name : f.name_en}${zh ? "：" : ": "}${message(f)}`));
    if (f.suggestions.length && f.line && f.pos) {
      item.append(" ", ...f.suggestions.map((s) => el("button", { type: "button", class: "sugg", lang: "zh",
        onclick: () => onFix(f.line, f.pos, s) }, s)));
    }
    return item;
  });
  document.getElementById("poem-faults").replaceChildren(...items);
}

// Arrow keys move between the poem's characters, like a grid; Home and End go to a line's ends.
export function initPoemKeys() {
  document.getElementById("poem-view").addEventListener("keydown", (ev) => {
    const cell = ev.target.closest(".ch");
    if (!cell) return;
    const line = Number(cell.dataset.line);
    const pos = Number(cell.dataset.pos);
    const moves = { ArrowRight: [line, pos + 1], ArrowLeft: [line, pos - 1], ArrowDown: [line + 1, pos],
      ArrowUp: [line - 1, pos], Home: [line, 1], End: [line, 99] };
    const to = moves[ev.key];
    if (!to) return;
    const cells = [...document.querySelectorAll(`.ch[data-line="${to[0]}"]`)];
    const target = cells[Math.min(to[1], cells.length) - 1];
    if (target) { ev.preventDefault(); target.focus(); }
  });
}
