"""Issue 21: every screen in one language (Chinese or English, nothing of the other but
quoted poem text), every screen fitting a 390 px phone, and a download for every file and
for the whole work. One work with two versions is made through the API first."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from inkmuse.studio import StudioConfig

from .browser import BROWSER_MARKS, PHONE, open_page, other_language, overflow, shot
from .conftest import running_studio, wait_job

pytestmark = BROWSER_MARKS
OFF_RHYME = "白日依山尽，黄河入海流。欲穷千里目，更上一层天。"


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_studio(StudioConfig(home=tmp_path_factory.mktemp("home"))) as base:
        with httpx.Client(base_url=base, timeout=120) as client:
            job = client.post("/api/creations", json={"idea": "秋夜 思乡", "seed": 7}).json()
            done = wait_job(client, job, timeout=300)
            assert done["status"] == "done", done
            work = done["result"]["work"]["id"]  # type: ignore[index]
            job = client.post(f"/api/works/{work}/remix", json={"keep": ["poem"], "seed": 8})
            assert wait_job(client, job.json(), timeout=300)["status"] == "done"
        yield base


def visit_every_screen(p: Any, check: Any) -> None:
    """Walk each panel with its results showing; call check(name) on each screen."""
    p.fill("#poem-input", OFF_RHYME)
    p.dispatch_event("#poem-input", "input")
    p.locator('.ch[data-line="4"][data-pos="5"].fault-error').wait_for()
    check("poem")
    p.click('.ch[data-line="4"][data-pos="5"]')
    p.locator("#poem-popover .alts .sugg").first.wait_for()
    check("poem popover")
    p.keyboard.press("Escape")
    p.fill("#poem-input", "床前明月光，")  # half typed: the summary says why there is no verdict
    p.dispatch_event("#poem-input", "input")
    p.wait_for_function(
        "document.querySelector('#poem-view .pline') && !document.querySelector('#poem-summary .bad')"
    )
    check("poem half typed")
    p.fill("#poem-input", OFF_RHYME)
    p.dispatch_event("#poem-input", "input")

    p.click('[data-tab="paint"]')
    p.fill("#paint-seed", "3")
    p.click("#paint-go")
    p.locator("#paint-downloads a").wait_for()
    check("painting")
    p.set_input_files(
        "#paint-photo",
        files=[{"name": "x.png", "mimeType": "image/png", "buffer": b"not an image"}],
    )
    p.locator("#error").wait_for()  # a refusal, in the page's language
    check("painting refused upload")

    p.click('[data-tab="music"]')
    assert p.locator("#music-audio").is_hidden()  # no empty player before there is a song
    p.fill("#music-seed", "2")
    p.click("#music-go")
    p.locator("#music-downloads a").first.wait_for()
    assert p.locator("#music-audio").is_visible()
    check("music")

    p.click('[data-tab="create"]')
    p.fill("#create-idea", "长" * 501)
    p.press("#create-idea", "Enter")
    p.locator("#error").wait_for()
    check("create refused")

    p.click('[data-tab="library"]')
    p.locator(".card").first.click()
    p.locator("#lib-detail .version").nth(1).wait_for()
    p.select_option("#cmp-a", "1")
    p.select_option("#cmp-b", "2")
    p.click("#lib-detail .row button:nth-of-type(2)")
    p.locator("#cmp-out table").wait_for()
    check("library")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_screen_is_in_one_language(url: str, tmp_path: Path, lang: str) -> None:
    found: dict[str, list[str]] = {}
    with open_page(tmp_path / "profile", url, lang=lang) as p:
        assert p.evaluate("document.documentElement.lang") == lang

        def check(screen: str) -> None:
            wrong = other_language(p, lang)
            if wrong:
                found[screen] = wrong
            if screen == "create refused":  # pydantic's words never; the field, in the language
                said = {
                    "en": "Idea is too long: at most 500 characters",
                    "zh": "「意念」太长：最多 500 字",
                }
                assert p.inner_text("#error") == said[lang]

        visit_every_screen(p, check)
        if lang == "en":
            shot(p, tmp_path, "studio-library-en.png")
        p.click("#lang")  # switching redraws what is open, the library detail included
        other = "en" if lang == "zh" else "zh"
        assert other_language(p, other) == []
    assert found == {}, found


def test_every_screen_fits_a_390_px_phone(url: str, tmp_path: Path) -> None:
    wide: dict[str, Any] = {}
    with open_page(tmp_path / "profile", url, viewport=PHONE) as p:

        def check(screen: str) -> None:
            result = overflow(p)
            if result["scroll"] > PHONE["width"] or result["out"]:
                wide[screen] = result
            if screen == "poem popover":
                box = p.locator("#poem-popover").bounding_box()
                assert box["width"] >= 300, box  # it was squeezed to 129 px
            if screen == "library":
                shot(p, tmp_path, "studio-phone-library.png")
            if screen == "poem popover":
                shot(p, tmp_path, "studio-phone-popover.png")

        visit_every_screen(p, check)
    assert wide == {}, wide


def download(p: Any, locator: Any) -> tuple[str, bytes]:
    with p.expect_download() as info:
        locator.click()
    got = info.value
    return got.suggested_filename, Path(got.path()).read_bytes()


def test_a_download_for_every_file_and_the_whole_work(url: str, tmp_path: Path) -> None:
    with open_page(tmp_path / "profile", url) as p:
        p.fill("#poem-input", OFF_RHYME)
        p.click('[data-tab="paint"]')
        p.fill("#paint-seed", "3")
        p.click("#paint-go")
        name, data = download(p, p.locator("#paint-downloads a"))
        assert name == "painting-3.png" and data.startswith(b"\x89PNG")

        p.click('[data-tab="music"]')
        p.fill("#music-seed", "2")
        p.click("#music-go")
        links = p.locator("#music-downloads a")
        links.first.wait_for()
        magic = {"mid": b"MThd", "musicxml": b"<?xml", "wav": b"RIFF", "png": b"\x89PNG"}
        names = []
        for i in range(links.count()):
            name, data = download(p, links.nth(i))
            names.append(name)
            assert data.startswith(magic[name.rsplit(".", 1)[1]]), name
        assert names == ["song-2.mid", "song-2.musicxml", "song-2.wav", "song-2.png"]

        p.click('[data-tab="library"]')
        p.locator(".card").first.click()
        newest = p.locator("#lib-detail .version").first
        newest.wait_for()
        files = newest.locator(".files a.download")
        listed = [files.nth(i).inner_text().removeprefix("下载 ") for i in range(files.count())]
        assert "painting.png" in listed and "song.wav" in listed and "song.mid" in listed
        for i in range(files.count()):
            name, data = download(p, files.nth(i))
            assert name == listed[i] and len(data) > 0, name
        name, data = download(p, newest.locator("a.zip"))
        assert name.endswith("-v2.zip")
        assert "painting.png" in zipfile.ZipFile(io.BytesIO(data)).namelist()
        name, data = download(p, p.locator("#work-zip"))
        inside = zipfile.ZipFile(io.BytesIO(data)).namelist()
        assert {"work.json", "v1/painting.png", "v2/painting.png", "v1/version.json"} <= set(inside)
        assert "v2/song.wav" in inside
