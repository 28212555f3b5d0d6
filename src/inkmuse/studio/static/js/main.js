// Wires the panels together: tabs (a keyboard tablist), language, backend picker, the
// options from the API, and the draft put back before the first check.
import { api } from "./api.js";
import { el } from "./dom.js";
import { restoreDraft, watchDraft } from "./draft.js";
import { showError } from "./errors.js";
import { initArt } from "./art.js";
import { initCreate } from "./create.js";
import { applyLang, optionLabel, t, toggleLang } from "./i18n.js";
import { initLibrary, loadGallery } from "./library.js";
import { initPoem, startEditor } from "./poem.js";

const $ = (id) => document.getElementById(id);
const tabs = () => [...document.querySelectorAll("#tabs [role=tab]")];

function showTab(name, focus = false) {
  for (const b of tabs()) {
    const on = b.dataset.tab === name;
    b.classList.toggle("active", on);
    b.setAttribute("aria-selected", String(on));
    b.tabIndex = on ? 0 : -1;
    if (on && focus) b.focus();
  }
  for (const p of document.querySelectorAll(".panel")) p.hidden = p.id !== `panel-${name}`;
  if (name === "library") loadGallery();
}

// Arrow keys, Home and End move between tabs (WAI-ARIA tabs pattern); Tab goes into the panel.
function tabKeys(ev) {
  const list = tabs();
  const i = list.indexOf(ev.target);
  const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: list.length - 1 }[ev.key];
  if (to === undefined) return;
  ev.preventDefault();
  showTab(list[(to + list.length) % list.length].dataset.tab, true);
}

function backendLabel(b) {
  return `${optionLabel(b.name)}${b.reachable ? "" : `（${t("unreachable")}）`}`;
}

async function loadBackends() {
  const select = $("backend");
  select.replaceChildren(el("option", { value: "embedded", "data-value": "embedded" }, optionLabel("embedded")));
  try {
    const data = await api("/api/backends");
    // Backend names are the names of programs (ollama, vllm): not words to translate.
    select.replaceChildren(...data.backends.map((b) => el("option", { value: b.name, disabled: !b.reachable,
      translate: ["embedded", "fake"].includes(b.name) ? null : "no", "data-reachable": String(b.reachable) }, backendLabel(b))));
    select.value = data.backends.some((b) => b.name === data.default && b.reachable) ? data.default : "embedded";
    document.addEventListener("langchange", () => {
      for (const [k, o] of [...select.options].entries()) o.textContent = backendLabel(data.backends[k]);
    });
  } catch (err) { showError(err); }
}

async function start() {
  applyLang();
  $("lang").addEventListener("click", toggleLang);
  for (const b of tabs()) {
    b.addEventListener("click", () => showTab(b.dataset.tab));
    b.addEventListener("keydown", tabKeys);
  }
  try {
    const options = await api("/api/options");
    $("version").textContent = `inkmuse ${options.version}`;
    initPoem(options);
    initArt(options);
    initCreate(options);
    initLibrary();
    restoreDraft();
    watchDraft();
    startEditor();
    applyLang();
  } catch (err) { showError(err); }
  loadBackends();
  document.body.dataset.ready = "1"; // the browser tests wait for this
}

start();
