// The library: saved works as cards (buttons: Tab and Enter open one), search that says
// when nothing matched, and a work's detail: every version with its downloads, the whole
// work as one zip, compare two versions, delete.
import { api } from "./api.js";
import { el } from "./dom.js";
import { clearError, showError } from "./errors.js";
import { getLang, t } from "./i18n.js";
import { versionView } from "./version.js";

const $ = (id) => document.getElementById(id);
let openId = null;
let lastCompare = null;

export async function loadGallery() {
  try {
    const q = $("lib-search").value.trim();
    const works = await api("/api/works" + (q ? `?search=${encodeURIComponent(q)}` : ""));
    const grid = $("lib-grid");
    grid.replaceChildren(...works.map((w) => el("button", { type: "button", class: "card", "data-work": w.id, onclick: () => openWork(w.id) },
      w.latest && w.latest.files["painting.png"] ? el("img", { src: w.latest.files["painting.png"], alt: "", loading: "lazy" }) : null,
      el("span", { class: "title", lang: "zh" }, w.title),
      el("span", { class: "meta" }, `${t("versions_count", { n: w.versions })} · ${w.created_at.slice(0, 16).replace("T", " ")}`))));
    // An empty search result is not an empty library.
    if (!works.length) grid.append(el("div", { class: "status", role: "status" }, q ? t("no_hits", { q }) : t("no_works")));
  } catch (err) { showError(err); }
}

async function openWork(id) {
  clearError();
  try {
    const work = await api(`/api/works/${id}`);
    openId = id;
    lastCompare = null;
    drawWork(work);
    $("lib-detail").querySelector("h2").focus();
  } catch (err) { showError(err); }
}

function drawWork(work) {
  const id = work.id;
  const options = () => work.versions.map((v) => el("option", { value: v.number }, `${t("version")} ${v.number}`));
  const a = el("select", { id: "cmp-a", "aria-label": t("compare_a") }, options());
  const b = el("select", { id: "cmp-b", "aria-label": t("compare_b") }, options());
  b.value = String(work.versions.at(-1).number);
  const out = el("div", { id: "cmp-out", "aria-live": "polite" });
  $("lib-detail").replaceChildren(
    el("h2", { tabindex: "-1", lang: "zh" }, work.title),
    el("div", { class: "row" },
      el("a", { href: `/api/works/${id}/archive`, download: `inkmuse-${id}.zip`, class: "download zip", id: "work-zip" }, t("export_work")),
      el("button", { type: "button", onclick: () => removeWork(id) }, t("delete")),
      a, b, el("button", { type: "button", onclick: () => compare(id, a.value, b.value) }, t("compare"))),
    out,
    ...work.versions.slice().reverse().map((v) => versionView(work, v)));
  $("lib-detail").dataset.work = id;
  $("lib-detail").work = work;
  if (lastCompare) drawCompare(lastCompare);
}

async function compare(id, a, b) {
  try {
    lastCompare = await api(`/api/works/${id}/compare?a=${a}&b=${b}`);
    drawCompare(lastCompare);
  } catch (err) { showError(err); }
}

function drawCompare(data) {
  const parts = data.changed.map((p) => t(`part_${p}`)).join(getLang() === "zh" ? "、" : ", ");
  $("cmp-out").replaceChildren(el("table", { class: "compare" },
    data.lines.map((l) => el("tr", { class: l.same ? "" : "changed" }, el("td", {}, `${t("line")} ${l.line}`),
      el("td", { lang: "zh" }, l.a ?? ""), el("td", { lang: "zh" }, l.b ?? "")))),
  el("div", { class: "meta" }, t("changed") + (parts || t("none"))));
}

async function removeWork(id) {
  if (!confirm(t("confirm_delete"))) return;
  try {
    await api(`/api/works/${id}`, { method: "DELETE" });
    openId = null;
    $("lib-detail").replaceChildren(el("div", { class: "status", role: "status" }, t("deleted")));
    loadGallery();
  } catch (err) { showError(err); }
}

export function initLibrary() {
  $("lib-refresh").addEventListener("click", loadGallery);
  $("lib-search").addEventListener("keydown", (ev) => { if (ev.key === "Enter") loadGallery(); });
  document.addEventListener("langchange", () => {
    if (!$("panel-library").hidden) loadGallery();
    const work = $("lib-detail").work;
    if (openId && work) drawWork(work);
  });
}
