// Wires the panels together: tabs, language, backend picker, options from the API.
import { api, el, showError } from "./api.js";
import { initArt } from "./art.js";
import { applyLang, t, toggleLang } from "./i18n.js";
import { initLibrary, loadGallery } from "./library.js";
import { initPoem } from "./poem.js";

const $ = (id) => document.getElementById(id);

function showTab(name) {
  for (const b of document.querySelectorAll("#tabs button")) b.classList.toggle("active", b.dataset.tab === name);
  for (const p of document.querySelectorAll(".panel")) p.hidden = p.id !== `panel-${name}`;
  if (name === "library") loadGallery();
}

async function loadBackends() {
  const select = $("backend");
  select.replaceChildren(el("option", { value: "embedded" }, "embedded"));
  try {
    const data = await api("/api/backends");
    select.replaceChildren(...data.backends.map((b) => el("option", {
      value: b.name, title: b.detail, disabled: b.reachable ? null : "" },
      `${b.name}${b.reachable ? "" : " (" + t("unreachable") + ")"}`)));
    select.value = data.backends.some((b) => b.name === data.default && b.reachable) ? data.default : "embedded";
  } catch (err) { showError(err); }
}

async function start() {
  applyLang();
  $("lang").addEventListener("click", toggleLang);
  for (const b of document.querySelectorAll("#tabs button")) b.addEventListener("click", () => showTab(b.dataset.tab));
  try {
    const options = await api("/api/options");
    $("version").textContent = `inkmuse ${options.version}`;
    initPoem(options);
    initArt(options);
    initLibrary(options);
  } catch (err) { showError(err); }
  loadBackends();
  document.body.dataset.ready = "1"; // the browser tests wait for this
}

start();
