// "Create from an idea": the whole pipeline as a job with its stages, bar and time, then
// the new work with its downloads, and new versions from it (an edited poem, or the poem
// kept with a new painting and song), each with its own two stages.
import { runJob } from "./api.js";
import { el, seedValue } from "./dom.js";
import { clearError, showError } from "./errors.js";
import { optionLabel } from "./i18n.js";
import { loadGallery } from "./library.js";
import { getPoem } from "./poem.js";
import { uploadPhoto } from "./art.js";
import { Progress } from "./progress.js";
import { versionView } from "./version.js";

const $ = (id) => document.getElementById(id);
let shown = null; // the result on the panel, drawn again when the language changes

async function createWork() {
  const button = $("create-go");
  if (button.disabled) return;
  button.disabled = true;
  clearError();
  $("create-result").replaceChildren();
  const progress = new Progress($("create-progress"), "creation");
  try {
    const photo = $("create-photo").files.length ? await uploadPhoto($("create-photo")) : null;
    const result = await runJob("/api/creations", {
      idea: $("create-idea").value, form: $("create-form").value,
      seed: seedValue($("create-seed")), upload: photo,
    }, (snap) => progress.update(snap));
    showResult(result);
    loadGallery();
  } catch (err) { progress.update({ status: "failed", events: [] }); showError(err); }
  finally { button.disabled = false; }
}

function showResult(result) {
  shown = result;
  $("create-seed").placeholder = String(result.version.seeds.poem ?? "");
  const actions = { saveEdit: () => remix(result.work.id, { poem: getPoem() }),
    keepPoem: () => remix(result.work.id, { keep: ["poem"] }) };
  $("create-result").replaceChildren(versionView(result.work, result.version, actions));
}

async function remix(workId, body) {
  clearError();
  const progress = new Progress($("create-progress"), "remix");
  try {
    showResult(await runJob(`/api/works/${workId}/remix`, body, (snap) => progress.update(snap)));
    loadGallery();
  } catch (err) { progress.update({ status: "failed", events: [] }); showError(err); }
}

export function initCreate(options) {
  for (const f of options.forms) $("create-form").append(el("option", { value: f, "data-value": f }, optionLabel(f)));
  $("create-form").value = "七绝";
  $("create-go").addEventListener("click", createWork);
  // Enter in the idea field starts, like submitting a form.
  $("create-idea").addEventListener("keydown", (ev) => { if (ev.key === "Enter") { ev.preventDefault(); createWork(); } });
  document.addEventListener("langchange", () => { if (shown) showResult(shown); });
}
