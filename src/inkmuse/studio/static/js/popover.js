// The popover of replacements beside a character (or a line, for "rewrite this line").
// A dialog for the keyboard: it takes focus when its choices arrive, Tab stays among them,
// Escape closes it and gives focus back to the character that opened it. Each opening has
// a serial number, so a slow answer for an earlier character (or for one character when a
// whole line was asked for since) is dropped instead of replacing the newer one.
import { api } from "./api.js";
import { el } from "./dom.js";
import { describe } from "./messages.js";
import { t } from "./i18n.js";

const box = () => document.getElementById("poem-popover");
let serial = 0;
let opener = null;

// Beside the anchor when there is room, else under it: on a phone the box takes the width.
function place(anchor) {
  const node = box();
  const rect = anchor.getBoundingClientRect();
  const width = Math.min(416, document.documentElement.clientWidth - 16);
  node.style.maxWidth = `${width}px`;
  let left = rect.right + 12;
  let top = rect.top - 8;
  if (left + width > document.documentElement.clientWidth - 8) {
    left = Math.max(8, document.documentElement.clientWidth - width - 8);
    top = rect.bottom + 6;
  }
  node.style.left = `${left + window.scrollX}px`;
  node.style.top = `${top + window.scrollY}px`;
}

export function isOpen() { return !box().hidden; }

export function closePopover({ restoreFocus = true } = {}) {
  const node = box();
  if (node.hidden) return;
  serial++;
  node.hidden = true;
  node.replaceChildren();
  if (restoreFocus && opener && document.contains(opener)) opener.focus();
}

// Ask `body` of /api/suggest and offer its answer; pick(choice) writes one in.
export async function openPopover(anchor, focusTarget, body, title, pick) {
  const mine = ++serial;
  opener = focusTarget;
  const node = box();
  node.setAttribute("aria-label", title);
  place(anchor);
  node.hidden = false;
  node.replaceChildren(el("div", { class: "status", role: "status" }, t("loading")));
  let data;
  try {
    data = await api("/api/suggest", { method: "POST", json: body });
  } catch (err) {
    if (mine === serial) fill([el("div", { role: "alert" }, describe(err))]);
    return;
  }
  if (mine !== serial) return; // a newer opening owns the box now
  const choose = (s) => { closePopover(); pick(s); };
  const parts = [];
  if (data.fixes.length) {
    parts.push(el("h4", {}, t("fixes")), el("div", { class: "fixes" }, data.fixes.map((s) =>
      el("button", { type: "button", class: "sugg", lang: "zh", onclick: () => choose(s) }, s))));
  }
  parts.push(el("h4", {}, t(body.pos ? "alternatives" : "new_lines")));
  parts.push(data.alternatives.length
    ? el("div", { class: "alts" }, data.alternatives.map((a) => el("button", {
        type: "button", class: "sugg", lang: "zh", title: `${a.text} (${a.score})`, onclick: () => choose(a.replacement) }, a.replacement)))
    : el("div", { class: "status" }, t("none")));
  fill(parts);
}

function fill(parts) {
  const node = box();
  node.replaceChildren(el("button", { type: "button", class: "close", "aria-label": t("close"),
    onclick: () => closePopover() }, "×"), ...parts);
  const first = node.querySelector(".sugg") || node.querySelector(".close");
  first.focus();
}

export function initPopover() {
  const node = box();
  node.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") { ev.preventDefault(); closePopover(); return; }
    if (ev.key !== "Tab") return;
    // Tab cycles inside the dialog while it is open.
    const items = [...node.querySelectorAll("button")];
    if (!items.length) return;
    const i = items.indexOf(document.activeElement);
    const next = ev.shiftKey ? (i <= 0 ? items.length - 1 : i - 1) : (i + 1) % items.length;
    ev.preventDefault();
    items[next].focus();
  });
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape" && isOpen()) closePopover(); });
  document.addEventListener("click", (ev) => {
    if (isOpen() && !node.contains(ev.target) && !ev.target.closest(".ch") && ev.target.id !== "poem-rewrite") {
      closePopover({ restoreFocus: false });
    }
  });
}
