// The interface language: Chinese or English, from the browser, switched by the button and
// remembered. Every string the page writes goes through t() or optionLabel().
import { OPTION_LABELS, STRINGS } from "./strings.js";

let lang = localStorage.getItem("inkmuse-lang") ||
  ((navigator.language || "zh").toLowerCase().startsWith("zh") ? "zh" : "en");

export function getLang() { return lang; }

function pick(pair) { return lang === "zh" ? pair[0] : pair[1]; }

// t("elapsed", {s: 3}) fills {s}; an unknown key is a bug, shown as the key to be noticed.
export function t(key, params = {}) {
  const pair = STRINGS[key];
  const text = pair ? pick(pair) : key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ""));
}

// Labels the API sends with its options (the 词牌, named in pinyin for the English page).
export function addOptionLabels(labels) { Object.assign(OPTION_LABELS, labels); }

export function optionLabel(value) {
  const pair = OPTION_LABELS[value];
  return pair ? pick(pair) : value;
}

export function applyLang() {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-placeholder]")) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of document.querySelectorAll("[data-i18n-label]")) node.setAttribute("aria-label", t(node.dataset.i18nLabel));
  for (const node of document.querySelectorAll("option[data-value]")) node.textContent = optionLabel(node.dataset.value);
  const button = document.getElementById("lang");
  if (button) {
    button.textContent = lang === "zh" ? "EN" : "中文";
    // The button names the other language in that language, so it is marked as such.
    button.lang = lang === "zh" ? "en" : "zh";
    button.setAttribute("aria-label", t("lang_switch"));
  }
}

export function toggleLang() {
  lang = lang === "zh" ? "en" : "zh";
  localStorage.setItem("inkmuse-lang", lang);
  applyLang();
  document.dispatchEvent(new CustomEvent("langchange"));
}
