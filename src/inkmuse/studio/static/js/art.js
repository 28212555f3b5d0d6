// The painting and music panels: each request runs as a job with its progress shown;
// results show at once, with their downloads, and every setting (seed included) can be
// changed and run again.
import { api, runJob } from "./api.js";
import { el, seedValue } from "./dom.js";
import { clearError, CodedError, showError } from "./errors.js";
import { optionLabel, t } from "./i18n.js";
import { getPoem } from "./poem.js";
import { Progress } from "./progress.js";

const $ = (id) => document.getElementById(id);
let uploadId = null;
let lastPainting = null;
let lastSong = null;

export async function uploadPhoto(input) {
  const file = input.files[0];
  if (!file) return null;
  const form = new FormData();
  form.append("file", file);
  const data = await api("/api/uploads", { method: "POST", form });
  return data.id;
}

export function downloadLink(href, name, label) {
  return el("a", { href, download: name, class: "download" }, `${t("download")} `, el("span", { translate: "no" }, label));
}

async function paint(fresh) {
  const text = getPoem().trim();
  clearError();
  if (!text && !uploadId) { showError(new CodedError("nothing_to_paint")); return; }
  if (fresh) $("paint-seed").value = String(Math.floor(Math.random() * 2 ** 31));
  [$("paint-go"), $("paint-again")].forEach((b) => (b.disabled = true));
  const progress = new Progress($("paint-progress"), "painting");
  try {
    lastPainting = await runJob("/api/paintings", {
      text: text || "photo", poem: text || null, style: $("paint-style").value,
      preset: $("paint-preset").value, seed: seedValue($("paint-seed")),
      inscribe: $("paint-inscribe").checked, upload: uploadId,
    }, (snap) => progress.update(snap));
    $("paint-seed").value = String(lastPainting.seed);
    $("paint-img").src = lastPainting.url;
    $("paint-img").alt = t("tab_paint");
    drawPainting();
  } catch (err) { progress.update({ status: "failed", events: [] }); showError(err); }
  finally { [$("paint-go"), $("paint-again")].forEach((b) => (b.disabled = false)); }
}

function drawPainting() {
  const r = lastPainting;
  if (!r) return;
  $("paint-info").textContent = `${optionLabel(r.style)} · ${t("seed")} ${r.seed} · ${r.width}×${r.height} · ` +
    `${t("harmony")} ${r.metrics.harmony} · ${t("balance")} ${r.metrics.balance}`;
  $("paint-downloads").replaceChildren(downloadLink(r.url, `painting-${r.seed}.png`, "PNG"));
}

async function composeSong() {
  const poem = getPoem().trim();
  clearError();
  $("music-go").disabled = true;
  const progress = new Progress($("music-progress"), "song");
  try {
    const tempo = $("music-tempo").value.trim();
    lastSong = await runJob("/api/songs", {
      poem: poem || null, mood: poem ? null : "calm", key: $("music-key").value.trim() || null,
      tempo: tempo ? Number(tempo) : null, style: $("music-style").value || null,
      seed: seedValue($("music-seed")),
    }, (snap) => progress.update(snap));
    showSong(lastSong);
  } catch (err) { progress.update({ status: "failed", events: [] }); showError(err); }
  finally { $("music-go").disabled = false; }
}

// The player appears only once there is a song: an empty one (0:00) offers nothing.
function showSong(result) {
  $("music-seed").value = String(result.seed);
  const audio = $("music-audio");
  audio.src = result.files.wav;
  audio.hidden = false;
  $("music-roll").src = result.files.png;
  $("music-roll").alt = t("tab_music");
  drawSong();
}

function drawSong() {
  const r = lastSong;
  if (!r) return;
  const chords = r.progression.map((c) => c.chord).join(" ");
  $("music-info").replaceChildren(el("span", { translate: "no" }, r.key), ` · ♩=${r.tempo} · ${Number(r.seconds).toFixed(1)} ${t("seconds")} · `,
    el("span", { translate: "no" }, chords));
  const links = [["mid", "MIDI", "mid"], ["musicxml", "MusicXML", "musicxml"], ["wav", "WAV", "wav"], ["png", "PNG", "png"]];
  $("music-downloads").replaceChildren(...links.filter(([fmt]) => r.files[fmt]).map(([fmt, label, ext]) =>
    downloadLink(r.files[fmt], `song-${r.seed}.${ext}`, label)));
}

function fillSelect(select, values) {
  for (const v of values) select.append(el("option", { value: v, "data-value": v }, optionLabel(v)));
}

export function initArt(options) {
  fillSelect($("paint-style"), options.paint_styles);
  fillSelect($("paint-preset"), options.paint_presets);
  fillSelect($("music-style"), options.music_styles);
  // The brush preset only means something to the painterly renderer.
  const presetShown = () => { $("paint-preset").parentElement.hidden = $("paint-style").value !== "painterly"; };
  $("paint-style").addEventListener("change", presetShown);
  presetShown();
  $("paint-go").addEventListener("click", () => paint(false));
  $("paint-again").addEventListener("click", () => paint(true));
  $("music-go").addEventListener("click", composeSong);
  $("paint-photo").addEventListener("change", async (ev) => {
    clearError();
    try {
      uploadId = await uploadPhoto(ev.target);
      if (uploadId && $("paint-style").value === "shanshui") { $("paint-style").value = "painterly"; presetShown(); }
    } catch (err) { uploadId = null; ev.target.value = ""; showError(err); }
  });
  document.addEventListener("langchange", () => { drawPainting(); drawSong(); });
}
