// The draft survives a reload: the poem and the settings it was written under, kept in
// localStorage on every change and put back before the first check.
const KEY = "inkmuse-draft";
export const DRAFT_FIELDS = ["poem-input", "poem-keywords", "poem-form", "poem-book", "poem-rules",
  "poem-plan", "poem-seed", "create-idea", "create-form"];

export function saveDraft() {
  const draft = {};
  for (const id of DRAFT_FIELDS) draft[id] = document.getElementById(id).value;
  try { localStorage.setItem(KEY, JSON.stringify(draft)); } catch { /* storage full or off: keep going */ }
}

// Returns whether a draft with a poem was put back.
export function restoreDraft() {
  let draft;
  try { draft = JSON.parse(localStorage.getItem(KEY) || "null"); } catch { draft = null; }
  if (!draft || typeof draft !== "object") return false;
  for (const id of DRAFT_FIELDS) {
    const node = document.getElementById(id);
    const value = draft[id];
    if (typeof value !== "string") continue;
    // A select keeps its value only if the option still exists.
    if (node.tagName !== "SELECT" || [...node.options].some((o) => o.value === value)) node.value = value;
  }
  return Boolean(draft["poem-input"]);
}

export function watchDraft() {
  for (const id of DRAFT_FIELDS) {
    const node = document.getElementById(id);
    node.addEventListener("input", saveDraft);
    node.addEventListener("change", saveDraft);
  }
}
