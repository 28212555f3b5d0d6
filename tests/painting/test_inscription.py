"""Inscription: placed only where nothing is painted, columns right to left, seal, fonts."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from inkmuse.core import fonts
from inkmuse.core.errors import InputError, MissingDependencyError
from inkmuse.painting import PaintRequest, paint
from inkmuse.painting.canvas import Canvas
from inkmuse.painting.inscription import (
    SUBJECT_THRESHOLD,
    ganzhi_year,
    inscribe,
    poem_lines,
    signature,
)
from inkmuse.painting.palettes import get_palette
from inkmuse.painting.seal import seal_alpha

CASES = [
    ("床前明月光，疑是地上霜。举头望明月，低头思故乡。", 1),
    ("孤舟蓑笠翁，独钓寒江雪", 2),
    ("大漠孤烟直，长河落日圆", 3),
    ("Lonely geese cross the autumn sky\nunder a cold moon", 4),
    ("青绿山水 飞流直下三千尺", 5),
    ("春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。", 6),
]


@pytest.mark.parametrize(("text", "seed"), CASES)
def test_inscription_never_covers_the_painted_subject(text: str, seed: int) -> None:
    painting = paint(
        PaintRequest(text=text, size=(480, 360), seed=seed, title="题", date="2025-10")
    )
    assert painting.inscription is not None, painting.warnings
    x, y, w, h = painting.inscription.box
    region = painting.subject[y : y + h, x : x + w]
    assert region.shape == (h, w)  # the block lies wholly inside the picture
    assert float(region.max()) <= SUBJECT_THRESHOLD
    # and something was written there
    bare = paint(PaintRequest(text=text, size=(480, 360), seed=seed, inscribe=False))
    before = np.asarray(bare.image, dtype=np.int16)[y : y + h, x : x + w]
    after = np.asarray(painting.image, dtype=np.int16)[y : y + h, x : x + w]
    assert int(np.abs(after - before).max()) > 100


def test_chinese_columns_read_right_to_left() -> None:
    canvas = Canvas.blank(400, 300, (1.0, 1.0, 1.0))
    placed = inscribe(canvas, "山山山山山山山，一", get_palette("ink"), sign="", seal="",
                      seed=1, prefer_right=True)  # fmt: skip
    assert placed is not None and placed.vertical
    x, y, w, h = placed.box
    ink = 1.0 - canvas.rgb[y : y + h, x : x + w].mean(axis=2)
    right, left = ink[:, w // 2 :].sum(), ink[:, : w // 2].sum()
    assert right > 3 * left  # the long first line is the rightmost column


def test_a_full_canvas_gets_no_inscription_and_is_left_untouched() -> None:
    canvas = Canvas.blank(200, 150, (0.9, 0.9, 0.9))
    canvas.subject[:] = 1.0
    before = canvas.rgb.copy()
    assert (
        inscribe(canvas, "明月", get_palette("ink"), sign="", seal="墨", seed=1, prefer_right=True)
        is None
    )
    assert np.array_equal(before, canvas.rgb)


def test_poem_lines_drop_punctuation_and_wrap_english() -> None:
    assert poem_lines("白日依山尽，黄河入海流。") == (["白日依山尽", "黄河入海流"], True)
    lines, vertical = poem_lines(
        "a very long English line that certainly needs to be wrapped somewhere"
    )
    assert not vertical and len(lines) >= 2 and all(len(ln) <= 34 for ln in lines)
    with pytest.raises(InputError, match="at most"):
        poem_lines("字" * 401)


def test_signature_dates() -> None:
    assert (ganzhi_year(1984), ganzhi_year(2024), ganzhi_year(2025)) == ("甲子", "甲辰", "乙巳")
    assert signature("寒江", "2025-12-01", chinese=True) == "寒江 乙巳冬"
    assert signature(None, "2025", chinese=False) == "2025"
    with pytest.raises(InputError, match="YYYY"):
        signature(None, "next tuesday", chinese=True)


def test_seal_accepts_one_to_four_characters() -> None:
    assert seal_alpha("印", 40, 1).shape == (40, 40)
    assert seal_alpha("山水清音", 40, 1).mean() > 0.2
    with pytest.raises(InputError, match="1 to 4"):
        seal_alpha("太长的印章文字", 40, 1)


def test_missing_font_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "_CJK_PATHS", ())
    monkeypatch.setattr(fonts, "_fc_list", lambda lang: None)
    with pytest.raises(MissingDependencyError, match="fonts-arphic-ukai"):
        paint(PaintRequest(text="明月", size=(200, 150), seed=1))
    # painting without an inscription needs no font
    assert (
        paint(PaintRequest(text="明月", size=(200, 150), seed=1, inscribe=False)).inscription
        is None
    )


def test_font_override_must_exist(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(fonts.ENV_VAR, str(tmp_path / "nope.ttf"))
    with pytest.raises(MissingDependencyError, match="not a file"):
        fonts.cjk_font_path()


def test_writing_on_a_dark_ground_is_pale() -> None:
    canvas = Canvas.blank(300, 200, (0.1, 0.12, 0.2))
    placed = inscribe(
        canvas, "明月", get_palette("ink"), sign="", seal="", seed=1, prefer_right=True
    )
    assert placed is not None
    x, y, w, h = placed.box
    assert float(canvas.rgb[y : y + h, x : x + w].max()) > 0.8


def test_nothing_to_write_is_not_a_warning() -> None:
    painting = paint(PaintRequest(text="，。！", theme=None, size=(200, 150), seed=1))
    assert painting.inscription is None and painting.warnings == ()


def test_a_crowded_request_warns_instead_of_covering() -> None:
    long_poem = "，".join(["山高月小水落石出"] * 40)
    painting = paint(PaintRequest(text=long_poem, size=(160, 120), seed=1))
    assert painting.inscription is None
    assert painting.warnings == ("inscription left out: no empty area was large enough for it",)


@pytest.mark.parametrize(
    ("text", "sign"),
    [("春江花月夜", ""), ("春江花月夜", "春江 乙巳春"), ("Spring river", ""), ("Spring", "x")],
)
def test_the_seal_never_stamps_over_the_writing(text: str, sign: str) -> None:
    from inkmuse.painting.inscription import _layout

    lines, vertical = poem_lines(text)
    block = _layout(lines, sign, 32, vertical)
    sx, sy, side = block.seal_at
    writing = np.asarray(block.text, dtype=np.float32)
    assert sx >= 0 and sx + side <= block.size[0] and sy + side <= block.size[1]
    assert float(writing[sy : sy + side, sx : sx + side].max()) == 0.0
