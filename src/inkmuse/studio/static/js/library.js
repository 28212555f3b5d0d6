// "Create from an idea" (the whole pipeline with progress) and the library gallery:
// versions, open in the editor, compare, export, delete, and new versions from edits.
import { api, el, runJob, seedValue, showError } from "./api.js";
import { t } from "./i18n.js";
import { getPoem, setPoem } from "./poem.js";
import { uploadPhoto } from "./art.js";

const $ = (id) => document.getElementById(id);
const STEPS = ["theme", "poem", "painting", "song", "page", "saved"];

function progressList(snap) {
  const done = new Map(snap.events.map((e) => [e.step, e]));
  const firstOpen = STEPS.find((s) => !done.has(s));
  $("create-progress").replaceChildren(...STEPS.map((s) => {
    const e = done.get(s);
    const cls = e ? "done" : s === firstOpen && snap.status === "running" ? "running" : "";
    return el("li", { class: cls, "data-step": s }, t(`step_${s}`) + (e && e.seconds !== undefined ? ` ${e.seconds.toFixed(2)} ${t("seconds")}` : ""));
  }));
}

async function createWork() {
  const button = $("create-go");
  button.disabled = true;
  $("create-result").replaceChildren();
  try {
    const photo = $("create-photo").files.length ? await uploadPhoto($("create-photo")) : null;
    const result = await runJob("/api/creations", {
      idea: $("create-idea").value, form: $("create-form").value,
      seed: seedValue($("create-seed")), upload: photo,
    }, progressList);
    showError(null);
    showResult(result);
  } catch (err) { showError(err); } finally { button.disabled = false; }
}

function showResult(result) {
  const v = result.version;
  $("create-seed").placeholder = String(v.seeds.poem ?? "");
  $("create-result").replaceChildren(versionView(result.work, v, true));
}

function versionView(work, v, actions) {
  const files = v.files;
  const left = el("div", {}, files["painting.png"] ? el("img", { src: files["painting.png"], alt: work.title }) : null);
  const right = el("div", {},
    el("div", { class: "meta" }, `${t("version")} ${v.number} · ${v.action} · ${v.created_at.slice(0, 19).replace("T", " ")} UTC`),
    el("div", { class: "poemtext" }, v.poem),
    files["song.wav"] ? el("audio", { controls: "", src: files["song.wav"] }) : null,
    el("div", { class: "links" },
      el("button", { onclick: () => { setPoem(v.poem); document.querySelector('[data-tab="poem"]').click(); } }, t("open_editor")),
      ...["song.mid", "song.musicxml", "song.wav", "index.html"].filter((n) => files[n]).map((n) =>
        el("a", { href: files[n], target: n.endsWith(".html") ? "_blank" : null, download: n.endsWith(".html") ? null : "" }, n))),
    actions ? el("div", { class: "links" },
      el("button", { onclick: () => remix(work.id, { poem: getPoem() }) }, t("save_edit")),
      el("button", { onclick: () => remix(work.id, { keep: ["poem"] }) }, t("remix_keep_poem"))) : null);
  return el("div", { class: "version", "data-version": v.number }, left, right);
}

async function remix(workId, body) {
  try {
    const result = await runJob(`/api/works/${workId}/remix`, body, progressList);
    showError(null);
    showResult(result);
    loadGallery();
  } catch (err) { showError(err); }
}

export async function loadGallery() {
  try {
    const q = $("lib-search").value.trim();
    const works = await api("/api/works" + (q ? `?search=${encodeURIComponent(q)}` : ""));
    const grid = $("lib-grid");
    grid.replaceChildren(...works.map((w) => el("div", { class: "card", "data-work": w.id, onclick: () => openWork(w.id) },
      w.latest && w.latest.files["painting.png"] ? el("img", { src: w.latest.files["painting.png"], alt: w.title, loading: "lazy" }) : null,
      el("div", { class: "title" }, w.title),
      el("div", { class: "meta" }, `${w.versions} ${t("versions")} · ${w.created_at.slice(0, 16).replace("T", " ")}`))));
    if (!works.length) grid.append(el("div", { class: "status" }, t("no_works")));
  } catch (err) { showError(err); }
}

async function openWork(id) {
  try {
    const work = await api(`/api/works/${id}`);
    const detail = $("lib-detail");
    const a = el("select", { id: "cmp-a" }, work.versions.map((v) => el("option", { value: v.number }, `v${v.number}`)));
    const b = el("select", { id: "cmp-b" }, work.versions.map((v) => el("option", { value: v.number }, `v${v.number}`)));
    b.value = String(work.versions.at(-1).number);
    const table = el("div", { id: "cmp-out" });
    detail.replaceChildren(
      el("h2", {}, work.title),
      el("div", { class: "row" },
        el("a", { href: `/api/works/${id}/export`, download: "" }, t("export")),
        el("button", { onclick: () => removeWork(id) }, t("delete")),
        a, b, el("button", { onclick: () => compare(id, a.value, b.value, table) }, t("compare"))),
      table,
      ...work.versions.slice().reverse().map((v) => versionView(work, v, false)));
    detail.scrollIntoView({ behavior: "smooth" });
  } catch (err) { showError(err); }
}

async function compare(id, a, b, out) {
  try {
    const data = await api(`/api/works/${id}/compare?a=${a}&b=${b}`);
    out.replaceChildren(el("table", { class: "compare" },
      data.lines.map((l) => el("tr", { class: l.same ? "" : "changed" }, el("td", {}, String(l.line)), el("td", {}, l.a ?? ""), el("td", {}, l.b ?? "")))),
      el("div", { class: "meta" }, `changed: ${data.changed.join(", ") || t("none")}`));
  } catch (err) { showError(err); }
}

async function removeWork(id) {
  if (!confirm(t("confirm_delete"))) return;
  try {
    await api(`/api/works/${id}`, { method: "DELETE" });
    $("lib-detail").replaceChildren(el("div", { class: "status" }, t("deleted")));
    loadGallery();
  } catch (err) { showError(err); }
}

export function initLibrary(options) {
  for (const f of options.forms) $("create-form").append(el("option", { value: f }, f));
  $("create-form").value = "七绝";
  $("create-go").addEventListener("click", createWork);
  $("lib-refresh").addEventListener("click", loadGallery);
  $("lib-search").addEventListener("keydown", (ev) => { if (ev.key === "Enter") loadGallery(); });
}
