"""Helpers for the browser tests: Debian's /usr/bin/chromium driven by Playwright for
Python (never `playwright install`: its download cannot work here), a fresh profile per
page, and the checks the issue-21 tests share (language, overflow, screenshots)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import pytest

CHROMIUM = Path("/usr/bin/chromium")
BROWSER_MARKS = [
    pytest.mark.slow,
    pytest.mark.network,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian chromium is not installed (apt-get install chromium)"
    ),
]
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync",
         "--autoplay-policy=no-user-gesture-required"]  # fmt: skip
DESKTOP = {"width": 1100, "height": 860}
PHONE = {"width": 390, "height": 844}


@contextmanager
def open_page(
    profile: Path,
    url: str,
    *,
    lang: str = "zh",
    viewport: dict[str, int] | None = None,
    init_script: str | None = None,
) -> Iterator[Any]:
    """A Chromium page on `url` in the profile folder `profile` (the same folder again is
    the same browser: its localStorage survives), ready; fails on any page error."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=FLAGS,
            locale="zh-CN" if lang == "zh" else "en-US", viewport=cast(Any, viewport or DESKTOP),
            accept_downloads=True,
        )  # fmt: skip
        try:
            page = context.new_page()
            page.set_default_timeout(60_000)
            errors: list[str] = []
            page.on("pageerror", lambda err: errors.append(str(err)))
            if init_script:
                page.add_init_script(init_script)
            page.goto(url)
            page.wait_for_selector("body[data-ready='1']")
            yield page
            assert errors == [], errors
        finally:
            context.close()


def shot(page: Any, tmp_path: Path, name: str) -> Path:
    """A screenshot in the test's folder, and in $STUDIO_SCREENSHOTS when set (docs/)."""
    path = tmp_path / name
    page.screenshot(path=str(path), full_page=True)
    target = os.environ.get("STUDIO_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(target) / name)
    assert path.stat().st_size > 10_000  # a real rendering, not a blank page
    return path


# Text in the other language, in what a person can see or hear: text nodes that are
# rendered, the options of rendered selects, placeholders, and accessible names. Parts
# marked as the page's other language (lang="zh" around a quoted poem character in the
# English page) or as not to be translated (translate="no": program and file names) are
# data, not the interface's words, and are skipped.
_SCAN = """
(lang) => {
  const other = lang === "zh" ? "en" : "zh";
  const allowed = new Set(["inkmuse", "API", "PNG", "JPEG", "WebP", "BMP", "GIF", "MIDI", "MusicXML", "WAV", "ZIP", "UTC"]);
  const wrong = lang === "zh"
    ? (s) => (s.match(/[A-Za-z]{2,}/g) || []).filter((w) => !allowed.has(w))
    : (s) => s.match(/\\p{Script=Han}+/gu) || [];
  const skipped = (el) => el.closest(`[lang="${other}"], [translate="no"], script, style`);
  const seen = (el) => el.getClientRects().length > 0;
  const found = [];
  const note = (where, text) => { const w = wrong(text); if (w.length) found.push(`${where}: ${text.trim().slice(0, 80)}`); };
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const node = walk.currentNode, el = node.parentElement;
    if (el && el.tagName !== "OPTION" && !skipped(el) && seen(el)) note(el.tagName.toLowerCase(), node.textContent);
  }
  for (const select of document.querySelectorAll("select")) {
    if (!seen(select) || skipped(select)) continue;
    for (const o of select.options) if (!skipped(o)) note("option", o.textContent);
  }
  for (const el of document.querySelectorAll("[placeholder], [aria-label]")) {
    if (!seen(el) || skipped(el) || el.classList.contains("ch")) continue;
    for (const attr of ["placeholder", "aria-label"]) if (el.getAttribute(attr)) note(attr, el.getAttribute(attr));
  }
  return found;
}
"""


def other_language(page: Any, lang: str) -> list[str]:
    """Every piece of the page's visible text that is in the other language."""
    found: list[str] = page.evaluate(_SCAN, lang)
    return found


# Elements wider than the screen, or reaching past its right edge.
_OVERFLOW = """
() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.width && (r.right > width + 0.5 || r.left < -0.5))
      out.push(`${el.tagName.toLowerCase()}#${el.id}.${el.className}: ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  return { scroll: document.documentElement.scrollWidth, width, out: out.slice(0, 10) };
}
"""


def overflow(page: Any) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate(_OVERFLOW)
    return result
