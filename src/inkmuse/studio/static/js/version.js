// One version of a work as the create panel and the library show it: painting, poem,
// player, a download for every file, the version as a zip, and (on the create panel) the
// ways to make a new version.
import { el } from "./dom.js";
import { downloadLink } from "./art.js";
import { t } from "./i18n.js";
import { setPoem } from "./poem.js";

// Files in the order a person looks for them; anything else the version holds comes after.
const ORDER = ["painting.png", "song.wav", "song.mid", "song.musicxml", "song.abc", "song.png", "song.json", "index.html"];

function actionName(action) {
  const key = `action_${action}`;
  const named = t(key);
  return named === key ? t("version") : named;
}

export function versionView(work, v, actions = null) {
  const files = v.files;
  const names = [...ORDER.filter((n) => files[n]), ...Object.keys(files).filter((n) => !ORDER.includes(n)).sort()];
  const when = v.created_at.slice(0, 16).replace("T", " ");
  const left = el("div", { class: "art" }, files["painting.png"] ? el("img", { src: files["painting.png"], alt: work.title, lang: "zh" }) : null);
  const right = el("div", { class: "body" },
    el("div", { class: "meta" }, `${t("version")} ${v.number} · ${actionName(v.action)} · ${when} UTC`),
    el("div", { class: "poemtext", lang: "zh" }, v.poem),
    files["song.wav"] ? el("audio", { controls: true, src: files["song.wav"], preload: "none" }) : null,
    el("div", { class: "links" },
      el("button", { type: "button", onclick: () => { setPoem(v.poem); document.querySelector('[data-tab="poem"]').click(); } }, t("open_editor")),
      el("a", { href: `/api/works/${work.id}/export?version=${v.number}`, download: `inkmuse-${work.id}-v${v.number}.zip`, class: "download zip" }, t("export_version"))),
    el("div", { class: "links files" }, names.map((n) => n.endsWith(".html")
      ? el("a", { href: files[n], target: "_blank", rel: "noopener", translate: "no" }, n)
      : downloadLink(files[n], n, n))),
    actions ? el("div", { class: "links" },
      el("button", { type: "button", onclick: actions.saveEdit }, t("save_edit")),
      el("button", { type: "button", onclick: actions.keepPoem }, t("remix_keep_poem"))) : null);
  return el("article", { class: "version", "data-version": v.number }, left, right);
}
