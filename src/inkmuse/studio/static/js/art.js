// The painting and music panels: each request runs as a job; results show at once and
// every setting (seed included) can be changed and run again.
import { api, el, runJob, seedValue, showError } from "./api.js";
import { t } from "./i18n.js";
import { getPoem } from "./poem.js";

const $ = (id) => document.getElementById(id);
let uploadId = null;

export async function uploadPhoto(input) {
  const file = input.files[0];
  if (!file) return null;
  const form = new FormData();
  form.append("file", file);
  const data = await api("/api/uploads", { method: "POST", form });
  return data.id;
}

async function paint(fresh) {
  const text = getPoem().trim();
  if (!text && !uploadId) { showError(new Error(t("nothing_to_paint"))); return; }
  if (fresh) $("paint-seed").value = String(Math.floor(Math.random() * 2 ** 31));
  const status = $("paint-status");
  [$("paint-go"), $("paint-again")].forEach((b) => (b.disabled = true));
  status.textContent = t("loading");
  try {
    const result = await runJob("/api/paintings", {
      text: text || "photo", poem: text || null, style: $("paint-style").value,
      preset: $("paint-preset").value, seed: seedValue($("paint-seed")),
      inscribe: $("paint-inscribe").checked, upload: uploadId,
    }, (snap) => { status.textContent = `${snap.status} ${snap.events.map((e) => e.step).join(" → ")}`; });
    showError(null);
    $("paint-seed").value = String(result.seed);
    $("paint-img").src = result.url;
    $("paint-info").textContent = `${result.style} · ${t("seed")} ${result.seed} · ${result.width}×${result.height} · ` +
      `harmony ${result.metrics.harmony} · balance ${result.metrics.balance}`;
    status.textContent = "";
  } catch (err) { showError(err); status.textContent = ""; }
  finally { [$("paint-go"), $("paint-again")].forEach((b) => (b.disabled = false)); }
}

async function composeSong() {
  const status = $("music-status");
  const poem = getPoem().trim();
  $("music-go").disabled = true;
  status.textContent = t("loading");
  try {
    const tempo = $("music-tempo").value.trim();
    const result = await runJob("/api/songs", {
      poem: poem || null, mood: poem ? null : "calm", key: $("music-key").value.trim() || null,
      tempo: tempo ? Number(tempo) : null, style: $("music-style").value || null,
      seed: seedValue($("music-seed")),
    }, (snap) => { status.textContent = `${snap.status} ${snap.events.map((e) => e.step).join(" → ")}`; });
    showError(null);
    showSong(result);
    status.textContent = "";
  } catch (err) { showError(err); status.textContent = ""; }
  finally { $("music-go").disabled = false; }
}

export function showSong(result) {
  $("music-seed").value = String(result.seed);
  $("music-audio").src = result.files.wav;
  $("music-roll").src = result.files.png;
  const chords = result.progression.map((c) => c.chord).join(" ");
  $("music-info").textContent = `${result.key} · ♩=${result.tempo} · ${Number(result.seconds).toFixed(1)} ${t("seconds")} · ${chords}`;
  const links = [["mid", "MIDI"], ["musicxml", "MusicXML"], ["wav", "WAV"]];
  $("music-downloads").replaceChildren(...links.map(([fmt, label]) =>
    el("a", { href: result.files[fmt], download: "" }, `${t("download")} ${label}`)));
}

export function initArt(options) {
  for (const s of options.paint_styles) $("paint-style").append(el("option", { value: s }, s));
  for (const p of options.paint_presets) $("paint-preset").append(el("option", { value: p }, p));
  for (const s of options.music_styles) $("music-style").append(el("option", { value: s }, s));
  // The brush preset only means something to the painterly renderer.
  const presetShown = () => { $("paint-preset").parentElement.hidden = $("paint-style").value !== "painterly"; };
  $("paint-style").addEventListener("change", presetShown);
  presetShown();
  $("paint-go").addEventListener("click", () => paint(false));
  $("paint-again").addEventListener("click", () => paint(true));
  $("music-go").addEventListener("click", composeSong);
  $("paint-photo").addEventListener("change", async (ev) => {
    try {
      uploadId = await uploadPhoto(ev.target);
      if (uploadId && $("paint-style").value === "shanshui") { $("paint-style").value = "painterly"; presetShown(); }
      showError(null);
    } catch (err) { uploadId = null; ev.target.value = ""; showError(err); }
  });
}
