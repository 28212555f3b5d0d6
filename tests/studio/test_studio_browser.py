"""End to end in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright):
type a poem, see the fault marked, apply a suggestion, create a work, play its audio.

Screenshots go to the test's temporary folder, and also to $STUDIO_SCREENSHOTS when set
(that is how docs/screenshots/ was made).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from inkmuse.studio import StudioConfig

from .conftest import running_studio
from .images import photo_png

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.network,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian chromium is not installed (apt-get install chromium)"
    ),
]
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync",
         "--autoplay-policy=no-user-gesture-required"]  # fmt: skip
OFF_RHYME = "白日依山尽，黄河入海流。欲穷千里目，更上一层天。"
FIXED = "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。"


@contextmanager
def _browser(tmp_path: Path, config: StudioConfig, path: str = "/") -> Iterator[object]:
    """A fresh Chromium on the studio's `path`, ready; fails on any page error."""
    from playwright.sync_api import sync_playwright

    with running_studio(config) as url, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"),  # a fresh user-data-dir
            executable_path=str(CHROMIUM), headless=True, args=FLAGS, locale="zh-CN",
            viewport={"width": 1100, "height": 860},
        )  # fmt: skip
        try:
            tab = context.new_page()
            errors: list[str] = []
            tab.on("pageerror", lambda err: errors.append(str(err)))
            tab.goto(url + path)
            tab.wait_for_selector("body[data-ready='1']")
            yield tab
            assert errors == [], errors
        finally:
            context.close()


@pytest.fixture()
def page(tmp_path: Path) -> Iterator[object]:
    with _browser(tmp_path, StudioConfig(home=tmp_path / "home")) as tab:
        yield tab


def _shot(page: object, tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
    target = os.environ.get("STUDIO_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(target) / name)
    assert path.stat().st_size > 10_000  # a real rendering, not a blank page
    return path


def test_type_see_the_fault_apply_a_suggestion(page: object, tmp_path: Path) -> None:
    p = page
    p.type("#poem-input", OFF_RHYME, delay=5)  # type: ignore[attr-defined]
    cell = p.locator('.ch[data-line="4"][data-pos="5"]')  # type: ignore[attr-defined]
    cell.and_(p.locator(".fault-error")).wait_for()  # type: ignore[attr-defined]
    assert "出韵" in (cell.get_attribute("title") or "")
    assert p.locator(".ch").count() == 20  # type: ignore[attr-defined]
    assert p.locator('.ch[data-line="2"][data-pos="5"] .r').inner_text() == "十一尤"  # type: ignore[attr-defined]
    assert "出韵" in p.locator("#poem-faults").inner_text()  # type: ignore[attr-defined]
    _shot(p, tmp_path, "studio-fault.png")

    cell.click()
    fix = p.locator("#poem-popover .sugg", has_text="楼").first  # type: ignore[attr-defined]
    fix.wait_for()
    p.locator("#poem-popover .alts .sugg").first.wait_for()  # type: ignore[attr-defined]
    _shot(p, tmp_path, "studio-suggestions.png")
    fix.click()
    p.wait_for_function("document.querySelector('#poem-summary .ok') !== null")  # type: ignore[attr-defined]
    assert p.input_value("#poem-input") == FIXED  # type: ignore[attr-defined]
    assert p.locator(".ch.fault-error").count() == 0  # type: ignore[attr-defined]

    p.click("#lang")  # type: ignore[attr-defined]
    assert p.locator('[data-tab="poem"]').inner_text() == "Poem"  # type: ignore[attr-defined]
    assert "Valid" in p.locator("#poem-summary").inner_text()  # type: ignore[attr-defined]

    # Write with the embedded poet: ranked candidates to choose from, each checked.
    p.select_option("#poem-form", "五绝")  # type: ignore[attr-defined]
    p.fill("#poem-seed", "5")  # type: ignore[attr-defined]
    p.click("#poem-write")  # type: ignore[attr-defined]
    p.locator("#poem-candidates li").first.wait_for()  # type: ignore[attr-defined]
    last = p.locator("#poem-candidates li .cand").last  # type: ignore[attr-defined]
    chosen = last.inner_text().split("✓")[0].split("✗")[0].strip()
    last.click()
    assert p.input_value("#poem-input") == chosen  # type: ignore[attr-defined]

    # An LLM backend (the scripted fake one here) streams its draft into the page.
    p.select_option("#backend", "fake")  # type: ignore[attr-defined]
    p.click("#poem-write")  # type: ignore[attr-defined]
    p.wait_for_function(f"document.querySelector('#poem-input').value === {FIXED!r}")  # type: ignore[attr-defined]
    assert p.locator("#poem-stream").inner_text() == FIXED  # type: ignore[attr-defined]


def test_a_ci_is_checked_against_its_tune_in_the_grid(page: object, tmp_path: Path) -> None:
    p = page
    p.select_option("#poem-form", "如梦令")  # type: ignore[attr-defined]
    text = "昨夜雨疏风骤，浓睡不消残酒。试问卷帘人，却道海棠依旧。知否，知否，应是绿肥红瘦。"
    p.fill("#poem-input", text.replace("红瘦", "红花"))  # type: ignore[attr-defined]
    p.dispatch_event("#poem-input", "input")  # type: ignore[attr-defined]
    cell = p.locator('.ch[data-line="7"][data-pos="6"]')  # type: ignore[attr-defined]
    cell.and_(p.locator(".fault-error")).wait_for()  # type: ignore[attr-defined]
    assert "「花」" in (cell.get_attribute("title") or "")  # 平 where 仄 is held, and 出韵
    assert "出韵" in p.locator("#poem-faults").inner_text()  # type: ignore[attr-defined]
    assert "如梦令" in p.locator("#poem-summary").inner_text()  # type: ignore[attr-defined]
    assert p.locator(".pattern").count() == 7  # type: ignore[attr-defined]
    assert p.locator('.ch[data-line="1"][data-pos="6"] .r').inner_text()  # type: ignore[attr-defined]
    _shot(p, tmp_path, "studio-ci.png")


def test_tang_practice_turns_a_broken_stick_into_a_warning(page: object, tmp_path: Path) -> None:
    p = page
    p.type(
        "#poem-input", "独怜幽草涧边生，上有黄鹂深树鸣。春潮带雨晚来急，野渡无人舟自横。", delay=5
    )  # type: ignore[attr-defined]
    cell = p.locator('.ch[data-line="3"][data-pos="2"]')  # type: ignore[attr-defined]
    cell.and_(p.locator(".fault-error")).wait_for()  # type: ignore[attr-defined]
    assert "失粘" in (cell.get_attribute("title") or "")
    assert "唐人宽律" in p.locator("#poem-summary").inner_text()  # type: ignore[attr-defined]
    p.select_option("#poem-rules", "tang")  # type: ignore[attr-defined]
    cell.and_(p.locator(".fault-warning")).wait_for()  # type: ignore[attr-defined]
    assert "折腰体" in (cell.get_attribute("title") or "")
    assert p.locator(".ch.fault-error").count() == 0  # type: ignore[attr-defined]
    _shot(p, tmp_path, "studio-tang.png")

    # 春晓 rhymes in 仄: a 古绝, shown without a tone pattern.
    p.fill("#poem-input", "春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。")  # type: ignore[attr-defined]
    p.dispatch_event("#poem-input", "input")  # type: ignore[attr-defined]
    p.wait_for_function("document.querySelector('#poem-summary').textContent.includes('古绝')")  # type: ignore[attr-defined]
    assert p.locator(".pattern").count() == 0  # type: ignore[attr-defined]


def test_create_a_work_and_play_its_audio(page: object, tmp_path: Path) -> None:
    p = page
    p.click('[data-tab="create"]')  # type: ignore[attr-defined]
    p.fill("#create-idea", "秋夜 思乡")  # type: ignore[attr-defined]
    p.fill("#create-seed", "7")  # type: ignore[attr-defined]
    p.click("#create-go")  # type: ignore[attr-defined]
    audio = p.locator("#create-result audio")  # type: ignore[attr-defined]
    audio.wait_for(timeout=120_000)
    steps = p.locator("#create-progress li.done").count()  # type: ignore[attr-defined]
    assert steps == 6
    p.wait_for_function(  # type: ignore[attr-defined]
        "document.querySelector('#create-result img').naturalWidth > 0"
    )
    p.evaluate("document.querySelector('#create-result audio').play()")  # type: ignore[attr-defined]
    p.wait_for_function(  # type: ignore[attr-defined]
        "(() => { const a = document.querySelector('#create-result audio');"
        " return a.currentTime > 0.3 && !a.paused && a.duration > 5; })()",
        timeout=30_000,
    )
    _shot(p, tmp_path, "studio-create.png")

    p.click('[data-tab="library"]')  # type: ignore[attr-defined]
    card = p.locator(".card").first  # type: ignore[attr-defined]
    card.wait_for()
    assert "秋夜 思乡" in card.inner_text()
    card.click()
    p.locator("#lib-detail .version").first.wait_for()  # type: ignore[attr-defined]
    _shot(p, tmp_path, "studio-library.png")


def test_paint_regenerate_and_compose(page: object, tmp_path: Path) -> None:
    p = page
    p.fill("#poem-input", FIXED)  # type: ignore[attr-defined]
    p.click('[data-tab="paint"]')  # type: ignore[attr-defined]
    p.fill("#paint-seed", "3")  # type: ignore[attr-defined]
    p.click("#paint-go")  # type: ignore[attr-defined]
    loaded = "document.querySelector('#paint-img').complete && document.querySelector('#paint-img').naturalWidth > 0"
    p.wait_for_function(
        f"document.querySelector('#paint-img').src.includes('/api/files/') && {loaded}"
    )  # type: ignore[attr-defined]
    first = p.get_attribute("#paint-img", "src")  # type: ignore[attr-defined]
    assert p.input_value("#paint-seed") == "3"  # type: ignore[attr-defined]
    first_info = p.inner_text("#paint-info")  # type: ignore[attr-defined]
    assert "山水" in first_info and " 3 " in first_info
    _shot(p, tmp_path, "studio-painting.png")
    p.click("#paint-again")  # type: ignore[attr-defined]
    p.wait_for_function(
        f"document.querySelector('#paint-img').getAttribute('src') !== {first!r} && {loaded}"
    )  # type: ignore[attr-defined]
    assert p.input_value("#paint-seed") != "3"  # type: ignore[attr-defined]
    assert p.inner_text("#paint-info") != first_info  # type: ignore[attr-defined]

    # A photo painted over in the painterly style.
    p.set_input_files(
        "#paint-photo", files=[{"name": "p.png", "mimeType": "image/png", "buffer": photo_png()}]
    )  # type: ignore[attr-defined]
    p.wait_for_function("document.querySelector('#paint-style').value === 'painterly'")  # type: ignore[attr-defined]
    second = p.get_attribute("#paint-img", "src")  # type: ignore[attr-defined]
    p.click("#paint-go")  # type: ignore[attr-defined]
    p.wait_for_function(
        f"document.querySelector('#paint-img').getAttribute('src') !== {second!r} && {loaded}"
    )  # type: ignore[attr-defined]
    assert "写意" in p.inner_text("#paint-info")  # type: ignore[attr-defined]

    p.click('[data-tab="music"]')  # type: ignore[attr-defined]
    p.fill("#music-seed", "2")  # type: ignore[attr-defined]
    p.click("#music-go")  # type: ignore[attr-defined]
    p.wait_for_function("document.querySelector('#music-audio').duration > 5", timeout=60_000)  # type: ignore[attr-defined]
    p.wait_for_function("document.querySelector('#music-roll').naturalWidth > 0")  # type: ignore[attr-defined]
    links = p.locator("#music-downloads a")  # type: ignore[attr-defined]
    assert [links.nth(i).inner_text() for i in range(links.count())] == [
        "下载 MIDI",
        "下载 MusicXML",
        "下载 WAV",
        "下载 PNG",
    ]
    _shot(p, tmp_path, "studio-music.png")


def test_token_mode_works_from_one_link(tmp_path: Path) -> None:
    # Issue 14, item 8: the page opened once with ?token= runs every call, event stream,
    # audio and image on the cookie, and the token is gone from the address bar.
    token = "k3J9-test-token-of-enough-length"
    config = StudioConfig(home=tmp_path / "home", token=token)
    with _browser(tmp_path, config, f"/?token={token}") as p:
        assert "token" not in p.url  # type: ignore[attr-defined]
        assert p.evaluate("document.cookie") == ""  # type: ignore[attr-defined]  # HttpOnly
        assert "inkmuse" in p.inner_text("#version")  # type: ignore[attr-defined]
        p.fill("#poem-input", FIXED)  # type: ignore[attr-defined]
        p.wait_for_function("document.querySelector('#poem-summary .ok') !== null")  # type: ignore[attr-defined]
        p.click('[data-tab="music"]')  # type: ignore[attr-defined]
        p.fill("#music-seed", "2")  # type: ignore[attr-defined]
        p.click("#music-go")  # type: ignore[attr-defined]
        p.wait_for_function("document.querySelector('#music-audio').duration > 5", timeout=60_000)  # type: ignore[attr-defined]
        p.wait_for_function("document.querySelector('#music-roll').naturalWidth > 0")  # type: ignore[attr-defined]
