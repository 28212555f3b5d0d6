// Chinese inside English text (a poem's characters quoted in a fault's explanation, a form
// name, a rhyme group) is marked lang="zh", so a screen reader reads it as Chinese and the
// language check in the tests can tell quoted poem text from the interface's own words.
import { getLang } from "./i18n.js";

const RUNS = /([\p{Script=Han}，。、；：？！「」（）《》·]+)/u;

export function marked(text) {
  const value = String(text ?? "");
  if (getLang() === "zh") return [value];
  return value.split(RUNS).filter((part) => part !== "").map((part) => {
    if (!RUNS.test(part)) return part;
    const span = document.createElement("span");
    span.lang = "zh";
    span.textContent = part;
    return span;
  });
}

// An element whose whole content is poem text or another Chinese datum, whatever the UI.
export function asChinese(node) {
  node.lang = "zh";
  return node;
}
