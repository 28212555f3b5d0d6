"""Issue 21: the studio by keyboard alone. A poem's characters are reached by Tab and the
arrow keys, Enter opens the popover and picks a replacement, Escape closes it; Enter in
the idea field creates; focus is always visible; "重写此句" is never overtaken by an older
answer for one character."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from inkmuse.studio import StudioConfig

from .browser import BROWSER_MARKS, open_page, shot
from .conftest import running_studio

pytestmark = BROWSER_MARKS
OFF_RHYME = "白日依山尽，黄河入海流。欲穷千里目，更上一层天。"


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_studio(StudioConfig(home=tmp_path_factory.mktemp("home"))) as base:
        yield base


def tab_to(page: Any, selector: str, limit: int = 60) -> None:
    """Press Tab until `selector` has focus; the focus ring must show on it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            assert outline != "none", f"no visible focus on {selector}"
            return
    raise AssertionError(f"Tab never reached {selector}")


def focused(page: Any) -> str:
    return str(page.evaluate("document.activeElement.id || document.activeElement.className"))


def test_keyboard_only_poem_popover_and_escape(url: str, tmp_path: Path) -> None:
    with open_page(tmp_path / "profile", url) as p:
        tab_to(p, "#poem-input")
        p.keyboard.type(OFF_RHYME)
        p.locator('.ch[data-line="4"][data-pos="5"].fault-error').wait_for()
        tab_to(p, '.ch[data-line="1"][data-pos="1"]')
        for key in ["ArrowDown", "ArrowDown", "ArrowDown", "End"]:
            p.keyboard.press(key)  # the arrows walk the poem like a grid
        assert (
            p.evaluate("document.activeElement.dataset.line + document.activeElement.dataset.pos")
            == "45"
        )
        assert "第4句第5字" in p.evaluate("document.activeElement.getAttribute('aria-label')")
        p.keyboard.press("Enter")
        p.locator("#poem-popover .sugg").first.wait_for()
        assert p.evaluate("document.activeElement.closest('#poem-popover') !== null")
        assert p.get_attribute("#poem-popover", "role") == "dialog"
        p.keyboard.press("Escape")  # closes, and the character has the focus again
        assert p.locator("#poem-popover").is_hidden()
        assert p.evaluate("document.activeElement.dataset.pos") == "5"

        p.keyboard.press("Enter")
        fix = p.locator("#poem-popover .fixes .sugg", has_text="楼")
        fix.wait_for()
        while p.evaluate("document.activeElement.textContent") != "楼":
            p.keyboard.press("Tab")  # Tab stays inside the dialog
            assert p.evaluate("document.activeElement.closest('#poem-popover') !== null")
        p.keyboard.press("Enter")
        p.wait_for_function("document.querySelector('#poem-summary .ok') !== null")
        assert p.input_value("#poem-input").endswith("更上一层楼。")
        p.keyboard.press("Control+z")  # undo the accepted suggestion, from the keyboard
        p.wait_for_function(f"document.querySelector('#poem-input').value === {OFF_RHYME!r}")


def test_keyboard_only_create_then_a_remix_with_every_stage_ticked(
    url: str, tmp_path: Path
) -> None:
    with open_page(tmp_path / "profile", url) as p:
        tab_to(p, "#tab-poem")
        for _ in range(3):
            p.keyboard.press("ArrowRight")  # the tabs are one stop; arrows choose
        assert p.locator("#panel-create").is_visible()
        assert p.get_attribute("#tab-create", "aria-selected") == "true"
        tab_to(p, "#create-idea")
        p.keyboard.press("Control+a")
        p.keyboard.press("Delete")
        p.keyboard.press("Enter")  # an empty idea: refused, in Chinese
        p.locator("#error").wait_for()
        assert p.inner_text("#error") == "请写下意念，如「秋夜 思乡」"
        p.keyboard.type("秋夜 思乡")
        tab_to(p, "#create-seed")
        p.keyboard.type("7")
        tab_to(p, "#create-idea")
        p.keyboard.press("Enter")  # Enter in the idea field starts the creation
        # The old error goes as the new job starts, not when it ends.
        p.locator("#create-progress progress").wait_for()
        assert p.locator("#error").is_hidden()
        p.locator("#create-progress li.running, #create-progress li.done").first.wait_for()
        assert "已用" in p.inner_text("#create-progress .elapsed")
        p.locator("#create-result .version").wait_for(timeout=180_000)
        assert p.locator("#create-progress li.done").count() == 6
        assert p.get_attribute("#create-progress progress", "value") == "6"
        shot(p, tmp_path, "studio-keyboard-create.png")

        tab_to(p, "#create-result .links button:nth-child(2)")  # keep the poem, new art
        assert p.evaluate("document.activeElement.textContent") == "保留诗，重作画与乐"
        p.keyboard.press("Enter")
        p.locator('#create-result .version[data-version="2"]').wait_for(timeout=180_000)
        stages = p.locator("#create-progress li")
        # A remix has a creation's six stages, each ticked; the kept poem says so.
        assert [stages.nth(i).get_attribute("class") for i in range(stages.count())] == ["done"] * 6
        assert "保留" in p.inner_text('#create-progress li[data-step="poem"]')
        assert p.get_attribute("#create-progress progress", "value") == "6"


def test_rewrite_line_is_not_overtaken_by_an_older_character_answer(
    url: str, tmp_path: Path
) -> None:
    # The answer for one character is held back 1.5 s, so it arrives after the line's.
    slow = """
    const real = window.fetch;
    window.fetch = async (path, init) => {
      const response = await real(path, init);
      if (String(path).endsWith('/api/suggest') && JSON.parse(init.body).pos) {
        await new Promise((r) => setTimeout(r, 1500));
      }
      return response;
    };
    """
    fixed = "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。"
    with open_page(tmp_path / "profile", url, init_script=slow) as p:
        p.fill("#poem-input", fixed)
        p.dispatch_event("#poem-input", "input")
        p.locator("#poem-summary .ok").wait_for()
        p.click('.ch[data-line="2"][data-pos="3"]')
        p.click("#poem-rewrite")
        p.locator("#poem-popover .alts .sugg").first.wait_for()
        p.wait_for_timeout(2500)  # the character's answer has come and must have been dropped
        heading = p.inner_text("#poem-popover h4")
        assert heading == "重写的句子（保持格律）"
        alts = p.locator("#poem-popover .alts .sugg")
        texts = [alts.nth(i).inner_text() for i in range(alts.count())]
        assert texts and all(len(t) == 5 for t in texts), texts
