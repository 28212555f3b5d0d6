// The poem editor: live checking as you type, 平/仄 and rhyme under every character,
// faults underlined with their explanation, replacements on click, write / continue /
// rewrite a line, and the candidates to choose from.
import { api, el, seedValue, showError, streamPost } from "./api.js";
import { getLang, t } from "./i18n.js";

const HAN = /\p{Script=Han}/u;
const BREAKS = "，。！？；、：,.!?;:\n";
const $ = (id) => document.getElementById(id);
let lastCheck = null;
let selected = null; // {line, pos} (1-based), the character clicked last
let checkSerial = 0;

// Where each character of (line, pos) sits in the textarea, following the server's split.
function positions(text) {
  const lines = [];
  let current = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (BREAKS.includes(ch)) { if (current.length) lines.push(current); current = []; }
    else if (HAN.test(ch)) current.push(i);
  }
  if (current.length) lines.push(current);
  return lines;
}

export function getPoem() { return $("poem-input").value; }

export function setPoem(text) {
  $("poem-input").value = text;
  scheduleCheck(0);
}

function replaceAt(line, pos, replacement) {
  const input = $("poem-input");
  const map = positions(input.value)[line - 1];
  if (!map) return;
  const chars = [...input.value];
  if (pos) chars[map[pos - 1]] = replacement;
  else {
    // A whole line: write the new characters over the old ones, in place.
    [...replacement].forEach((c, j) => { if (j < map.length) chars[map[j]] = c; });
  }
  setPoem(chars.join(""));
}

let timer = null;
function scheduleCheck(delay = 150) {
  clearTimeout(timer);
  timer = setTimeout(check, delay);
}

async function check() {
  const serial = ++checkSerial;
  const text = getPoem();
  try {
    const data = await api("/api/check", { method: "POST", json: {
      text, form: $("poem-form").value || null, rhymebook: $("poem-book").value,
      rules: $("poem-rules").value } });
    if (serial !== checkSerial) return; // a newer keystroke's answer will follow
    showError(null);
    lastCheck = data;
    render(data);
  } catch (err) {
    if (serial !== checkSerial) return;
    lastCheck = null;
    $("poem-view").replaceChildren();
    $("poem-faults").replaceChildren();
    $("poem-summary").textContent = err.message;
  }
}

function toneClass(tones) {
  if (tones.length === 2) return ["both", "平/仄"];
  if (tones.length === 0) return ["both", "?"];
  return [tones[0] === "平" ? "ping" : "ze", tones[0]];
}

function render(data) {
  const zh = getLang() === "zh";
  const report = data.report;
  const worst = new Map();
  const rank = { error: 3, warning: 2, info: 1 };
  const lineFaults = new Map();
  for (const f of report ? report.faults : []) {
    if (f.kind === "polyphone") continue;
    if (f.line && f.pos) {
      const key = `${f.line}:${f.pos}`;
      if (!worst.has(key) || rank[f.severity] > rank[worst.get(key).severity]) worst.set(key, f);
    } else if (f.line && f.severity === "error") lineFaults.set(f.line, f);
  }
  const view = $("poem-view");
  view.replaceChildren();
  data.chars.forEach((chars, i) => {
    const info = report && report.lines[i];
    const rhymes = info && info.pattern.endsWith("平");
    const row = el("div", { class: "pline" + (lineFaults.has(i + 1) ? " fault-error" : ""),
      title: lineFaults.has(i + 1) ? message(lineFaults.get(i + 1)) : null }, el("span", { class: "lno" }, String(i + 1)));
    chars.forEach((c, j) => {
      const fault = worst.get(`${i + 1}:${j + 1}`);
      const judged = info ? [info.tones[j]] : c.tones;
      const [cls, label] = toneClass(judged.filter((x) => x === "平" || x === "仄"));
      const last = j === chars.length - 1;
      const rhyme = last && rhymes && c.rhymes.length ? c.rhymes[0] : "";
      const cell = el("span", {
        class: "ch" + (fault && fault.severity !== "info" ? ` fault-${fault.severity}` : ""),
        "data-line": i + 1, "data-pos": j + 1, title: fault ? message(fault) : null,
        onclick: (ev) => openPopover(i + 1, j + 1, ev.currentTarget),
      }, el("span", { class: "c" }, c.char), el("span", { class: `t ${cls}` }, label),
      el("span", { class: "r" }, rhyme));
      if (selected && selected.line === i + 1 && selected.pos === j + 1) cell.classList.add("selected");
      row.append(cell);
    });
    // A 古绝 keeps no tone pattern: showing one would suggest it should.
    if (info && !report.ancient_style) row.append(el("span", { class: "pattern" }, `${t("pattern")} ${info.pattern}`));
    view.append(row);
  });
  const summary = $("poem-summary");
  summary.replaceChildren();
  if (report) {
    const word = report.ancient_style ? t("ancient") : t("valid");
    const verdict = report.ok ? el("span", { class: "ok" }, word) : el("span", { class: "bad" }, t("invalid"));
    const variant = report.ancient_style ? t("ancient") : report.variant;
    summary.append(verdict, ` · ${report.form}${variant ? " · " + variant : ""} · ${report.rhymebook}`,
      report.rhyme_group ? ` ${report.rhyme_group}` : "",
      ` · ${report.counts.errors} ${t("errors")}, ${report.counts.warnings} ${t("warnings")}`);
    if (!report.ok && report.passes_under_tang) summary.append(" · ", el("span", { class: "hint" }, t("tang_hint")));
  } else if (data.problem) summary.append(data.problem.message);
  const list = $("poem-faults");
  list.replaceChildren();
  for (const f of report ? report.faults : []) {
    if (f.kind === "polyphone") continue;
    const item = el("li", { class: f.severity }, `${zh ? f.name : f.name_en}${zh ? "：" : ": "}${message(f)}`);
    if (f.suggestions.length && f.line && f.pos) {
      item.append(" ", ...f.suggestions.map((s) => el("button", { class: "sugg", onclick: () => replaceAt(f.line, f.pos, s) }, s)));
    }
    list.append(item);
  }
}

function message(f) { return getLang() === "zh" ? f.message_zh : f.message_en; }

// Beside the character, not below it, so the fault list under the poem stays readable.
function placeBeside(box, anchor) {
  const rect = anchor.getBoundingClientRect();
  box.style.left = `${rect.right + window.scrollX + 12}px`;
  box.style.top = `${rect.top + window.scrollY - 8}px`;
}

async function openPopover(line, pos, anchor) {
  selected = { line, pos };
  document.querySelectorAll(".ch.selected").forEach((n) => n.classList.remove("selected"));
  anchor.classList.add("selected");
  const box = $("poem-popover");
  placeBeside(box, anchor);
  box.hidden = false;
  box.replaceChildren(el("div", { class: "status" }, t("loading")));
  const body = { text: getPoem(), line, pos, form: $("poem-form").value || null,
    rhymebook: $("poem-book").value, keywords: $("poem-keywords").value, seed: seedValue($("poem-seed")) };
  try {
    const data = await api("/api/suggest", { method: "POST", json: body });
    fillPopover(box, data, line, pos);
  } catch (err) {
    box.replaceChildren(el("div", {}, err.message));
  }
}

function fillPopover(box, data, line, pos) {
  box.replaceChildren();
  const pick = (s) => { box.hidden = true; replaceAt(line, pos, s); };
  if (data.fixes.length) {
    box.append(el("h4", {}, t("fixes")), el("div", {}, data.fixes.map((s) => el("button", { class: "sugg", onclick: () => pick(s) }, s))));
  }
  box.append(el("h4", {}, t("alternatives")));
  box.append(data.alternatives.length
    ? el("div", { class: "alts" }, data.alternatives.map((a) => el("button", {
        class: "sugg", title: `${a.text}  (${a.score})`, onclick: () => pick(a.replacement) }, a.replacement)))
    : el("div", { class: "status" }, data.note || t("none")));
}

async function writePoem(opening) {
  const backend = $("backend").value || "embedded";
  const form = $("poem-form").value || "七绝";
  const buttons = [$("poem-write"), $("poem-continue")];
  buttons.forEach((b) => (b.disabled = true));
  try {
    if (backend !== "embedded" && !opening) return await streamFrom(backend, form);
    const data = await api("/api/poems", { method: "POST", json: {
      keywords: $("poem-keywords").value, form, seed: seedValue($("poem-seed")), opening,
      rhymebook: $("poem-book").value, backend: opening ? "embedded" : backend } });
    showError(null);
    $("poem-seed").placeholder = String(data.seed);
    showCandidates(data.candidates);
    setPoem(data.text);
  } catch (err) { showError(err); } finally { buttons.forEach((b) => (b.disabled = false)); }
}

// A draft from an LLM backend appears as the model writes it, then goes to the editor.
async function streamFrom(backend, form) {
  const box = $("poem-stream");
  box.hidden = false;
  box.textContent = "";
  let final = null;
  await streamPost(`/api/backends/${encodeURIComponent(backend)}/stream`, {
    keywords: $("poem-keywords").value, form, seed: seedValue($("poem-seed")) }, (event) => {
    if (event.text && !event.done) box.textContent += event.text;
    if (event.error) showError(new Error(event.error.message));
    if (event.done) final = event.check ? event.check.text : event.text;
  });
  if (final) setPoem(final);
}

function showCandidates(candidates) {
  const list = $("poem-candidates");
  list.replaceChildren(...candidates.map((c) => el("li", { onclick: () => setPoem(c.text) },
    c.text, el("span", { class: "meta" }, `${c.ok ? "✓" : "✗"} ${c.score ?? ""}`))));
}

async function rewriteLine() {
  if (!selected) { showError(new Error(t("pick_line"))); return; }
  const { line } = selected;
  const box = $("poem-popover");
  const anchor = document.querySelector(`.ch[data-line="${line}"][data-pos="1"]`);
  if (anchor) placeBeside(box, anchor.closest(".pline").lastElementChild);
  box.hidden = false;
  box.replaceChildren(el("div", { class: "status" }, t("loading")));
  try {
    const data = await api("/api/suggest", { method: "POST", json: { text: getPoem(), line,
      form: $("poem-form").value || null, rhymebook: $("poem-book").value,
      keywords: $("poem-keywords").value, seed: seedValue($("poem-seed")) } });
    fillPopover(box, data, line, null);
  } catch (err) { box.replaceChildren(el("div", {}, err.message)); }
}

export function initPoem(options) {
  for (const f of options.forms) $("poem-form").append(el("option", { value: f }, f));
  for (const b of options.rhymebooks) $("poem-book").append(el("option", { value: b }, b));
  $("poem-input").addEventListener("input", () => scheduleCheck());
  $("poem-form").addEventListener("change", () => scheduleCheck(0));
  $("poem-book").addEventListener("change", () => scheduleCheck(0));
  $("poem-rules").addEventListener("change", () => scheduleCheck(0));
  $("poem-write").addEventListener("click", () => writePoem(null));
  $("poem-continue").addEventListener("click", () => writePoem(getPoem()));
  $("poem-rewrite").addEventListener("click", rewriteLine);
  document.addEventListener("click", (ev) => {
    const box = $("poem-popover");
    if (!box.hidden && !box.contains(ev.target) && !ev.target.closest(".ch") && ev.target.id !== "poem-rewrite") box.hidden = true;
  });
  document.addEventListener("langchange", () => { if (lastCheck) render(lastCheck); });
}
