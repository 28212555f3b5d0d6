// Writing with the poet: a new poem from the keywords, a continuation of the text so far
// (the form read from its first line when the form is 自动), an LLM backend's draft
// streamed into the page, and the ranked candidates to choose from.
import { api, streamPost } from "./api.js";
import { el, seedValue } from "./dom.js";
import { getPoem, setPoem } from "./editor.js";
import { clearError, showError } from "./errors.js";

const $ = (id) => document.getElementById(id);

async function writePoem(opening) {
  const backend = $("backend").value || "embedded";
  // 自动 with an opening: the server reads the form from it ("床前明月光，" is a 五绝), so
  // the comma ends the line instead of the poet writing on to seven characters.
  const form = $("poem-form").value || (opening ? null : "七绝");
  const buttons = [$("poem-write"), $("poem-continue")];
  buttons.forEach((b) => (b.disabled = true));
  clearError();
  try {
    if (backend !== "embedded" && !opening) { await streamFrom(backend, form); return; }
    const data = await api("/api/poems", { method: "POST", json: {
      keywords: $("poem-keywords").value, form, seed: seedValue($("poem-seed")), opening,
      plan: $("poem-plan").value || null,
      rhymebook: $("poem-book").value, backend: opening ? "embedded" : backend } });
    $("poem-seed").placeholder = String(data.seed);
    showPlan(data.plan);
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
    if (event.error) showError({ body: event.error });
    if (event.done) final = event.check ? event.check.text : event.text;
  });
  if (final) setPoem(final);
}

// The plan the poet followed, one word a line: shown, and offered in the plan field to edit.
function showPlan(plan) {
  $("poem-plan-used").hidden = !plan;
  $("poem-plan-words").textContent = plan ? plan.map((w, i) => `${i + 1} ${w}`).join(" · ") : "";
  $("poem-plan").dataset.suggested = plan ? plan.join(",") : "";
  $("poem-plan").title = plan ? plan.join(",") : "";
}

function showCandidates(candidates) {
  $("poem-candidates").replaceChildren(...candidates.map((c) => el("li", {},
    el("button", { type: "button", class: "cand", onclick: () => setPoem(c.text) },
      el("span", { lang: "zh" }, c.text), el("span", { class: "meta" }, `${c.ok ? "✓" : "✗"} ${c.score ?? ""}`)))));
}

export function initWriting() {
  // The plan the poet followed goes into the plan field to be edited, not retyped.
  $("poem-plan-edit").addEventListener("click", () => {
    $("poem-plan").value = $("poem-plan").dataset.suggested || "";
    $("poem-plan").focus();
  });
  $("poem-write").addEventListener("click", () => writePoem(null));
  $("poem-continue").addEventListener("click", () => writePoem(getPoem()));
  // Enter in the keywords field writes, as a search box searches.
  $("poem-keywords").addEventListener("keydown", (ev) => { if (ev.key === "Enter") { ev.preventDefault(); writePoem(null); } });
}
