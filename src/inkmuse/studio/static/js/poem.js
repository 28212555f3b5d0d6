// The poem panel: live checking as you type, the popover of replacements for a character
// or a line, and writing, continuing or rewriting with the poet.
import { api } from "./api.js";
import { el, seedValue } from "./dom.js";
import { getPoem, initEditor, replaceAt } from "./editor.js";
import { clearError, CodedError, showError } from "./errors.js";
import { addOptionLabels, optionLabel, t } from "./i18n.js";
import { describe } from "./messages.js";
import { closePopover, initPopover, openPopover } from "./popover.js";
import { initPoemKeys, renderPoem } from "./poemview.js";
import { initWriting } from "./write.js";

const $ = (id) => document.getElementById(id);
let lastCheck = null;
let lastProblem = null;
let selected = null; // {line, pos} (1-based), the character chosen last
let checkSerial = 0;
let timer = null;

export { getPoem, setPoem } from "./editor.js";

function scheduleCheck(delay = 150) {
  clearTimeout(timer);
  timer = setTimeout(check, delay);
}

function settings() {
  return { form: $("poem-form").value || null, rhymebook: $("poem-book").value };
}

async function check() {
  const serial = ++checkSerial;
  try {
    const data = await api("/api/check", { method: "POST", json: {
      text: getPoem(), ...settings(), rules: $("poem-rules").value } });
    if (serial !== checkSerial) return; // a newer keystroke's answer will follow
    lastCheck = data;
    lastProblem = null;
    draw();
  } catch (err) {
    if (serial !== checkSerial) return;
    lastCheck = null;
    lastProblem = err;
    draw();
  }
}

function draw() {
  // Drawing replaces the characters: the one that had focus gets it back.
  const had = document.activeElement && document.activeElement.closest && document.activeElement.closest(".ch");
  const place = had ? `.ch[data-line="${had.dataset.line}"][data-pos="${had.dataset.pos}"]` : null;
  if (lastCheck) {
    renderPoem(lastCheck, selected, { onOpen: openForChar, onFix: (line, pos, s) => replaceAt(line, pos, s) });
    // Half typed: the tones show, and the summary says (in the page's language) why no verdict.
    if (!lastCheck.report && lastCheck.problem) $("poem-summary").textContent = describe({ body: lastCheck.problem });
  } else {
    $("poem-view").replaceChildren();
    $("poem-faults").replaceChildren();
    $("poem-summary").textContent = lastProblem ? describe(lastProblem) : "";
  }
  if (place) document.querySelector(place)?.focus();
}

function select(line, pos) {
  selected = { line, pos };
  document.querySelectorAll(".ch.selected").forEach((n) => n.classList.remove("selected"));
  const cell = document.querySelector(`.ch[data-line="${line}"][data-pos="${pos}"]`);
  if (cell) cell.classList.add("selected");
}

function openForChar(line, pos, anchor) {
  select(line, pos);
  const char = anchor.querySelector(".c").textContent;
  const body = { text: getPoem(), line, pos, ...settings(), keywords: $("poem-keywords").value, seed: seedValue($("poem-seed")) };
  openPopover(anchor, anchor, body, t("suggestions_for", { char, line, pos }), (s) => replaceAt(line, pos, s));
}

function rewriteLine() {
  if (!selected) { showError(new CodedError("pick_line")); return; }
  clearError();
  const { line } = selected;
  const row = document.querySelector(`.ch[data-line="${line}"]`)?.closest(".pline");
  const button = $("poem-rewrite");
  const body = { text: getPoem(), line, ...settings(), keywords: $("poem-keywords").value, seed: seedValue($("poem-seed")) };
  openPopover(row ? row.lastElementChild : button, button, body, t("lines_for", { line }), (s) => replaceAt(line, null, s));
}

function fillSelect(select, values) {
  for (const v of values) select.append(el("option", { value: v, "data-value": v }, optionLabel(v)));
}

export function initPoem(options) {
  const tunes = Object.entries(options.ci_labels || {});
  addOptionLabels(Object.fromEntries(tunes.map(([name, pinyin]) => [name, [name, `${pinyin} (ci)`]])));
  fillSelect($("poem-form"), options.forms.concat(options.ci_forms || [], options.couplet_forms || []));
  fillSelect($("poem-book"), options.rhymebooks);
  for (const id of ["poem-form", "poem-book", "poem-rules"]) $(id).addEventListener("change", () => scheduleCheck(0));
  $("poem-rewrite").addEventListener("click", rewriteLine);
  initPopover();
  initPoemKeys();
  initWriting();
  document.addEventListener("langchange", draw);
}

// After the draft is back in the fields: its text is where undo starts.
export function startEditor() {
  initEditor((delay) => { closePopover({ restoreFocus: false }); scheduleCheck(delay); });
}
