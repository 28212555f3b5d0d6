// The poem's text: one place that changes it (typing, a suggestion, a candidate, a written
// poem), each change recorded for undo and redo, saved as the draft, and checked again.
import { saveDraft } from "./draft.js";
import { History } from "./history.js";

const HAN = /\p{Script=Han}/u;
const BREAKS = "，。！？；、：,.!?;:\n";
const $ = (id) => document.getElementById(id);
let history = null;
let onChange = () => {};

export function getPoem() { return $("poem-input").value; }

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

// A change the page makes: its own undo step.
export function setPoem(text) {
  $("poem-input").value = text;
  history.replaced(text);
  changed(0);
}

function changed(delay) {
  saveDraft();
  $("poem-undo").disabled = !history.canUndo;
  $("poem-redo").disabled = !history.canRedo;
  onChange(delay);
}

// Write a character (pos) or a whole line (pos null) over the old one, in place, so
// punctuation and line breaks stay.
export function replaceAt(line, pos, replacement) {
  const text = getPoem();
  const map = positions(text)[line - 1];
  if (!map) return;
  const chars = [...text];
  if (pos) chars[map[pos - 1]] = replacement;
  else [...replacement].forEach((c, j) => { if (j < map.length) chars[map[j]] = c; });
  setPoem(chars.join(""));
}

function step(direction) {
  const text = direction < 0 ? history.undo() : history.redo();
  if (text === null) return;
  $("poem-input").value = text;
  changed(0);
}

export const undo = () => step(-1);
export const redo = () => step(1);

function isUndoKey(ev) {
  return (ev.ctrlKey || ev.metaKey) && !ev.altKey && ev.key.toLowerCase() === "z" && !ev.shiftKey;
}
function isRedoKey(ev) {
  const k = ev.key.toLowerCase();
  return (ev.ctrlKey || ev.metaKey) && !ev.altKey && ((k === "z" && ev.shiftKey) || k === "y");
}

export function initEditor(check) {
  onChange = check;
  const input = $("poem-input");
  history = new History(input.value);
  input.addEventListener("input", () => { history.typed(input.value); changed(150); });
  $("poem-undo").addEventListener("click", undo);
  $("poem-redo").addEventListener("click", redo);
  // Ctrl+Z in the poem panel (the textarea, the characters, the buttons) uses the page's
  // history, which also holds the suggestions the browser's own undo never saw. Other text
  // fields keep their own undo.
  document.addEventListener("keydown", (ev) => {
    const target = ev.target;
    const field = target.matches && target.matches("input, select, textarea") && target !== input;
    if (field || $("panel-poem").hidden) return;
    if (isUndoKey(ev)) { ev.preventDefault(); undo(); }
    else if (isRedoKey(ev)) { ev.preventDefault(); redo(); }
  });
  changed(0);
}
