// The one error box under the header: said in the page's language (messages.js), said
// again when the language switches, and cleared whenever a new action starts, so an old
// failure never sits beside the next job's progress.
import { describe } from "./messages.js";

let shown = null;

export class CodedError extends Error {
  constructor(code, params = {}) {
    super(code);
    this.code = code;
    this.body = { code, params };
  }
}

export function showError(err) {
  const box = document.getElementById("error");
  shown = err || null;
  box.hidden = !shown;
  box.textContent = shown ? describe(shown) : "";
}

export function clearError() { showError(null); }

document.addEventListener("langchange", () => { if (shown) showError(shown); });
