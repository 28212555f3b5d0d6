"""Issue 21: undo and redo over every edit and accepted suggestion, the draft kept across a
reload, "续写" with form 自动 keeping the opening's comma, a search with no hits."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from inkmuse.studio import StudioConfig

from .browser import BROWSER_MARKS, open_page
from .conftest import running_studio

pytestmark = BROWSER_MARKS
OFF_RHYME = "白日依山尽，黄河入海流。欲穷千里目，更上一层天。"
FIXED = "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。"


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_studio(StudioConfig(home=tmp_path_factory.mktemp("home"))) as base:
        yield base


def value_is(text: str) -> str:
    return f"document.querySelector('#poem-input').value === {text!r}"


def test_undo_and_redo_after_a_suggestion_and_typing(url: str, tmp_path: Path) -> None:
    with open_page(tmp_path / "profile", url) as p:
        p.type("#poem-input", OFF_RHYME, delay=2)
        p.locator('.ch[data-line="4"][data-pos="5"].fault-error').click()
        p.locator("#poem-popover .sugg", has_text="楼").first.click()
        p.wait_for_function(value_is(FIXED))
        p.click("#poem-undo")
        p.wait_for_function(value_is(OFF_RHYME))
        p.locator('.ch[data-line="4"][data-pos="5"].fault-error').wait_for()  # checked again
        p.click("#poem-redo")
        p.wait_for_function(value_is(FIXED))
        p.locator("#poem-summary .ok").wait_for()

        p.focus("#poem-input")
        p.keyboard.press("End")
        p.keyboard.type("白日")  # typing is undone as one step, then the suggestion
        p.wait_for_timeout(700)
        p.keyboard.press("Control+z")
        p.wait_for_function(value_is(FIXED))
        p.keyboard.press("Control+z")
        p.wait_for_function(value_is(OFF_RHYME))
        p.keyboard.press("Control+Shift+z")
        p.wait_for_function(value_is(FIXED))
        assert not p.is_disabled("#poem-redo")


def test_a_reload_keeps_the_draft_and_its_settings(url: str, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    with open_page(profile, url) as p:
        p.fill("#poem-input", OFF_RHYME)
        p.dispatch_event("#poem-input", "input")
        p.fill("#poem-keywords", "春江 花月")
        p.fill("#poem-plan", "雁,霜,灯,乡")
        p.select_option("#poem-form", "五绝")
        p.select_option("#poem-rules", "tang")
        p.click('[data-tab="create"]')
        p.fill("#create-idea", "江南 春雨")
        p.reload()
        p.wait_for_selector("body[data-ready='1']")
        assert p.input_value("#poem-input") == OFF_RHYME
        assert p.input_value("#poem-keywords") == "春江 花月"
        assert p.input_value("#poem-plan") == "雁,霜,灯,乡"  # the line plan is kept too
        assert p.input_value("#poem-form") == "五绝"
        assert p.input_value("#poem-rules") == "tang"
        assert p.input_value("#create-idea") == "江南 春雨"
        p.locator('.ch[data-line="4"][data-pos="5"].fault-error').wait_for()  # checked at once
    with open_page(profile, url) as p:  # the browser closed and opened again
        assert p.input_value("#poem-input") == OFF_RHYME


def test_continue_with_form_auto_keeps_the_comma(url: str, tmp_path: Path) -> None:
    with open_page(tmp_path / "profile", url) as p:
        p.fill("#poem-input", "床前明月光，")
        p.fill("#poem-seed", "3")
        p.click("#poem-continue")
        p.wait_for_function("document.querySelector('#poem-input').value.length > 12")
        text = p.input_value("#poem-input")
        lines = [line for line in re.split("[，。]", text) if line]
        assert text.startswith("床前明月光，") and [len(x) for x in lines] == [5] * 4, text
        p.click("#poem-undo")  # a written poem is one undo step too
        p.wait_for_function(value_is("床前明月光，"))


def test_a_search_with_no_hits_is_not_an_empty_library(url: str, tmp_path: Path) -> None:
    with open_page(tmp_path / "profile", url) as p:
        p.click('[data-tab="library"]')
        p.locator("#lib-grid .status").wait_for()
        assert p.inner_text("#lib-grid .status") == "文库为空"
        p.fill("#lib-search", "无此作")
        p.press("#lib-search", "Enter")
        p.wait_for_function(
            "document.querySelector('#lib-grid .status').textContent.includes('无此作')"
        )
        assert p.inner_text("#lib-grid .status") == "没有与「无此作」相符的作品"
