"""Take the studio screenshots shown in docs/studio.md.

    .venv/bin/python scripts/studio_screenshots.py              # writes docs/screenshots/studio-*.png
    .venv/bin/python scripts/studio_screenshots.py --out /tmp/s # somewhere else, to look
    .venv/bin/python scripts/studio_screenshots.py --only create-index

Also takes docs/screenshots/create-index.png (the README's): the index.html that
`inkmuse create 秋夜 思乡 --seed 7` writes, opened from disk as a person would.

Starts the studio on a free loopback port with a fresh home folder (an empty library),
drives Debian's /usr/bin/chromium through Playwright (never `playwright install`), one
browser at a time, and saves each screen as a PNG reduced to a palette with Pillow so it
stays small. Everything has a fixed seed, so the pictures are the same from run to run up
to timings (the seconds beside each stage) and dates.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync"]  # fmt: skip
DESKTOP = {"width": 1100, "height": 860}
PHONE = {"width": 390, "height": 844}
SEED = "7"
# A creation here takes about 2 s, too quick to photograph mid-run, so the page's event
# stream is held back after the first message that has the poem done, until the script
# lets it go: what shows is a real state of the job, kept on screen.
HOLD_EVENTS = """
(() => {
  const Real = window.EventSource;
  const held = [];
  let hold = true;
  let poemDone = false;
  window.EventSource = class extends Real {
    set onmessage(fn) {
      super.onmessage = (m) => {
        if (hold && poemDone) { held.push(() => fn(m)); return; }
        poemDone = JSON.parse(m.data).events.some((e) => e.step === "poem");
        fn(m);
      };
    }
    set onerror(fn) {  // the stream's end, which makes the page poll: held too
      super.onerror = (ev) => { if (hold && poemDone) held.push(() => fn(ev)); else fn(ev); };
    }
  };
  window.releaseEvents = () => { hold = false; held.splice(0).forEach((f) => f()); };
})();
"""


@contextmanager
def studio(home: Path) -> Iterator[str]:
    """The studio in a thread on a free loopback port; yields its base URL."""
    import uvicorn

    from inkmuse.studio import StudioConfig, create_app

    config = StudioConfig(home=home)
    server = uvicorn.Server(
        uvicorn.Config(create_app(config), host="127.0.0.1", port=0, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the studio did not start")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@contextmanager
def page(
    url: str,
    lang: str,
    viewport: dict[str, int],
    init_script: str | None = None,
    ready: str | None = "body[data-ready='1']",
) -> Iterator[Any]:
    """A fresh Chromium profile on `url` in `lang` (zh or en), once `ready` is on the page
    (the studio's mark; None for a plain page); fails on a page error."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True,
            locale="zh-CN" if lang == "zh" else "en-US", viewport=viewport,  # type: ignore[arg-type]
            # --lang: Chromium's own words (a file input's button) in the page's language
            args=[*FLAGS, "--lang=zh-CN" if lang == "zh" else "--lang=en-US"],
        )  # fmt: skip
        try:
            tab = context.new_page()
            tab.set_default_timeout(240_000)
            errors: list[str] = []
            tab.on("pageerror", lambda err: errors.append(str(err)))
            if init_script:
                tab.add_init_script(init_script)
            tab.goto(url)
            if ready:
                tab.wait_for_selector(ready)
            yield tab
            if errors:
                raise RuntimeError(f"page errors: {errors}")
        finally:
            context.close()


def save(shot: bytes, path: Path, colours: int = 128) -> None:
    """The PNG reduced to a palette of `colours` (text and flat fills survive it)."""
    import io

    image = Image.open(io.BytesIO(shot)).convert("RGB")
    image.quantize(colours, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
          f"{image.width}x{image.height}, {path.stat().st_size // 1024} KB")  # fmt: skip


def write_poem(tab: Any) -> None:
    """Write a poem from 秋夜 思乡 with the embedded poet, as a person would: keywords, Enter."""
    tab.fill("#poem-keywords", "秋夜 思乡")
    tab.fill("#poem-seed", SEED)
    tab.press("#poem-keywords", "Enter")
    tab.locator("#poem-plan-used:not([hidden])").wait_for()
    tab.locator("#poem-view .pline").first.wait_for()
    tab.locator("#poem-summary").wait_for()
    tab.wait_for_timeout(600)  # the check after the poem lands


def poem_panel(tab: Any, out: Path, name: str) -> None:
    """The header and the poem panel down to its candidates."""
    box = tab.locator("#panel-poem").bounding_box()
    clip = {"x": 0, "y": 0, "width": tab.viewport_size["width"],
            "height": min(box["y"] + box["height"] + 8, 1100)}  # fmt: skip
    save(tab.screenshot(clip=clip, full_page=True), out / name)


def creation_index(out: Path) -> None:
    """The index.html of `inkmuse create 秋夜 思乡 --seed 7`, from disk (file://), whole."""
    with tempfile.TemporaryDirectory() as home:
        folder = Path(home) / "creation"
        command = [str(Path(sys.executable).parent / "inkmuse"), "create", "秋夜 思乡",
                   "--seed", SEED, "--out", str(folder), "--no-library"]  # fmt: skip
        subprocess.run(command, check=True, env={**os.environ, "INKMUSE_HOME": home})
        viewport = {"width": 900, "height": 900}
        with page((folder / "index.html").as_uri(), "zh", viewport, ready=None) as tab:
            save(tab.screenshot(full_page=True), out / "create-index.png")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--only", choices=["create-index"], help="take just this one")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    if not CHROMIUM.exists():
        raise SystemExit("needs Debian's chromium: apt-get install chromium")

    creation_index(out)
    if args.only:
        return
    with tempfile.TemporaryDirectory() as home, studio(Path(home)) as url:
        # 1. The poem panel after writing, with the plan the poet followed (zh, desktop).
        with page(url, "zh", DESKTOP) as tab:
            write_poem(tab)
            poem_panel(tab, out, "studio-poem-plan.png")
            # The plan goes into the field to edit; focus shows the keyboard's ring.
            tab.click("#poem-plan-edit")
            tab.locator("#poem-view .ch").first.focus()
            tab.keyboard.press("Enter")  # Enter on a character opens its popover
            tab.locator("#poem-popover .sugg").first.wait_for()
            tab.keyboard.press("Tab")
            tab.wait_for_timeout(300)
            box = tab.locator("#panel-poem").bounding_box()
            clip = {"x": 0, "y": box["y"], "width": DESKTOP["width"], "height": 470}
            save(tab.screenshot(clip=clip, full_page=True), out / "studio-keyboard.png")

        # 2. The same at 390 px, as on a phone.
        with page(url, "zh", PHONE) as tab:
            write_poem(tab)
            poem_panel(tab, out, "studio-poem-plan-phone.png")

        # 3. The English interface of the same panel.
        with page(url, "en", DESKTOP) as tab:
            write_poem(tab)
            poem_panel(tab, out, "studio-poem-en.png")

        # 4. A creation's progress mid-run, then a remix keeping the poem, every stage ticked.
        with page(url, "zh", DESKTOP, HOLD_EVENTS) as tab:
            tab.click('[data-tab="create"]')
            tab.fill("#create-seed", SEED)
            tab.press("#create-idea", "Enter")
            tab.locator('#create-progress li[data-step="poem"].done').wait_for()
            tab.wait_for_timeout(1500)  # the elapsed time ticks on
            progress = tab.locator("#create-progress")
            save(progress.screenshot(), out / "studio-progress-running.png", 64)
            tab.evaluate("window.releaseEvents()")
            tab.locator("#create-result .version").wait_for()
            tab.click("#create-result .links button:nth-child(2)")  # keep the poem
            tab.locator('#create-result .version[data-version="2"]').wait_for()
            box = tab.locator("#panel-create").bounding_box()
            clip = {"x": 0, "y": 0, "width": DESKTOP["width"],
                    "height": min(box["y"] + box["height"] + 8, 900)}  # fmt: skip
            save(tab.screenshot(clip=clip, full_page=True), out / "studio-remix-progress.png")

        # 5. The library: the work's detail with its downloads (each file, the whole zip).
        with page(url, "zh", DESKTOP) as tab:
            tab.click('[data-tab="library"]')
            tab.locator("#lib-grid .card").first.click()
            tab.locator("#lib-detail .version").first.wait_for()
            detail = tab.locator("#lib-detail").bounding_box()
            clip = {"x": 0, "y": detail["y"] - 8, "width": DESKTOP["width"], "height": 560}
            save(tab.screenshot(clip=clip, full_page=True), out / "studio-library-detail.png")


if __name__ == "__main__":
    main()
