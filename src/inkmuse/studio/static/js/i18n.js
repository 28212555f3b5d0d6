// Interface strings in Chinese and English. Poem text and checker messages come from the
// API in both languages; this table covers the page itself.
const STRINGS = {
  studio: ["工作室", "studio"], tab_poem: ["写诗", "Poem"], tab_paint: ["绘画", "Painting"],
  tab_music: ["音乐", "Music"], tab_create: ["一念成作", "Create from an idea"],
  tab_library: ["文库", "Library"], backend: ["模型", "Backend"], form: ["体裁", "Form"],
  auto: ["自动", "auto"], rhymebook: ["韵书", "Rhyme book"],
  tang_hint: ["按唐人宽律可过（折腰体、古绝）", "passes under Tang practice (折腰体, 古绝)"],
  rules: ["格律", "Rules"], rules_strict: ["严格", "strict"], rules_tang: ["唐人宽律", "Tang practice"], keywords: ["关键词", "Keywords"],
  seed: ["种子", "Seed"], write: ["作诗", "Write"], continue: ["续写", "Continue"],
  rewrite_line: ["重写此句", "Rewrite this line"], candidates: ["候选", "Candidates"],
  renderer: ["画法", "Renderer"], preset: ["笔触", "Brush"], inscription: ["题诗", "Inscription"],
  photo: ["照片", "Photo"], paint: ["作画", "Paint"], regenerate: ["换一幅", "Regenerate"],
  key: ["调", "Key"], tempo: ["速度", "Tempo"], style: ["风格", "Style"], compose: ["谱曲", "Compose"],
  idea: ["意念", "Idea"], palette_photo: ["配色照片", "Palette photo"], create: ["创作", "Create"],
  search: ["搜索", "Search"], refresh: ["刷新", "Refresh"],
  valid: ["合律", "Valid"], ancient: ["古绝", "ancient-style quatrain"], invalid: ["不合律", "Not valid"], errors: ["处错误", "error(s)"],
  warnings: ["处提示", "warning(s)"], fixes: ["合律的字", "Characters that fix it"],
  alternatives: ["诗人推荐（保持格律）", "The poet's choices (keep the form)"],
  loading: ["计算中…", "working…"], none: ["无", "none"], pattern: ["格", "pattern"],
  pick_line: ["先点选一句中的字", "Click a character of the line first"],
  open_editor: ["在编辑器中打开", "Open in the editor"], save_edit: ["以编辑后的诗存为新版本", "Save the edited poem as a new version"],
  remix_keep_poem: ["保留诗，重作画与乐", "Keep the poem, new painting and song"],
  versions: ["版本", "versions"], version: ["版本", "Version"], export: ["导出", "Export"],
  delete: ["删除", "Delete"], compare: ["比较", "Compare"], confirm_delete: ["确定删除此作品？", "Delete this work?"],
  deleted: ["已删除", "Deleted"], no_works: ["文库为空", "The library is empty"],
  step_theme: ["意象", "theme"], step_poem: ["诗", "poem"], step_painting: ["画", "painting"],
  step_song: ["乐", "song"], step_page: ["页面", "page"], step_saved: ["存入文库", "saved"],
  step_done: ["完成", "done"], step_failed: ["失败", "failed"],
  download: ["下载", "Download"], seconds: ["秒", "s"], unreachable: ["不可用", "unreachable"],
  random: ["随机", "random"],
  nothing_to_paint: ["先写一首诗或填写意念", "Write a poem first"],
};

let lang = localStorage.getItem("inkmuse-lang") ||
  ((navigator.language || "zh").toLowerCase().startsWith("zh") ? "zh" : "en");

export function getLang() { return lang; }

export function t(key) {
  const pair = STRINGS[key];
  if (!pair) return key;
  return lang === "zh" ? pair[0] : pair[1];
}

export function applyLang() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = t(el.dataset.i18nPlaceholder);
  const button = document.getElementById("lang");
  if (button) button.textContent = lang === "zh" ? "EN" : "中文";
}

export function toggleLang() {
  lang = lang === "zh" ? "en" : "zh";
  localStorage.setItem("inkmuse-lang", lang);
  applyLang();
  document.dispatchEvent(new CustomEvent("langchange"));
}
