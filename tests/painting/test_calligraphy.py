"""Writing along stroke medians: the brush's widths, the data loader and the inscription.

The stroke data here is made up for the tests (two strokes in hanzi-writer-data's layout),
so the tests need neither the Arphic-licensed package nor a network.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from inkmuse.painting import PaintRequest, paint, painting_png_bytes
from inkmuse.painting.calligraphy import stroke_widths, write_char
from inkmuse.painting.hanzi_strokes import ENV, medians

# 一: one horizontal stroke; 人: a falling stroke down-left (撇) and one down-right (捺)
FAKE = {
    "一": [[[120, 450], [500, 460], [900, 440]]],
    "人": [[[520, 800], [470, 500], [150, 60]], [[520, 560], [700, 300], [950, 80]]],
}


@pytest.fixture
def strokes_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "hanzi-writer-data"
    folder.mkdir()
    for ch, med in FAKE.items():
        (folder / f"{ch}.json").write_text(
            json.dumps({"strokes": [], "medians": med}), encoding="utf-8"
        )
    (folder / "坏.json").write_text("{not json", encoding="utf-8")
    monkeypatch.setenv(ENV, str(folder))
    return folder


def test_without_the_data_nothing_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV, raising=False)
    assert medians("一") is None


def test_medians_are_read_in_unit_coordinates_with_y_down(strokes_dir: Path) -> None:
    one = medians("一")
    assert one is not None and len(one) == 1
    (x0, y0), *_ = one[0]
    assert x0 == pytest.approx(120 / 1024) and y0 == pytest.approx((900 - 450) / 1024)
    top, bottom = medians("人")[0][0], medians("人")[0][-1]  # type: ignore[index]
    assert top[1] < bottom[1]  # the stroke falls down the page
    assert medians("二") is None and medians("坏") is None  # missing and broken: the font


def test_falling_strokes_lift_away_and_others_end_with_a_press() -> None:
    path = [(0.1 + 0.08 * i, 0.5) for i in range(11)]
    blunt, pointed = stroke_widths(path, lifts=False), stroke_widths(path, lifts=True)
    assert pointed[-1] < 0.2 < blunt[-1] and blunt[-1] > blunt[len(path) // 2]
    assert blunt[0] > blunt[len(path) // 2]  # the brush lands with a press


def test_a_written_character_covers_its_strokes_and_is_reproducible() -> None:
    def written(seed: int) -> np.ndarray:
        img = Image.new("L", (96, 96), 0)
        strokes = [tuple((x / 1024, (900 - y) / 1024) for x, y in s) for s in FAKE["人"]]
        write_char(ImageDraw.Draw(img), strokes, (0, 0), 96, seed)
        return np.asarray(img)

    a = written(1)
    assert a[int(96 * (900 - 500) / 1024), int(96 * 470 / 1024)] > 128  # on the 撇
    assert a[5, 5] == 0 and a[90, 48] == 0  # not in the empty corners
    assert (a == written(1)).all() and (a != written(2)).any()


def test_the_inscription_is_written_with_the_brush_where_there_is_data(strokes_dir: Path) -> None:
    request = PaintRequest(text="一人二", size=(480, 360), seed=2)
    painting = paint(request)
    assert painting.inscription is not None and painting.inscription.hand == "brush"
    assert painting.provenance["params"]["inscription"]["hand"] == "brush"
    assert painting_png_bytes(painting) == painting_png_bytes(paint(request))


def test_without_the_data_the_font_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV, raising=False)
    painting = paint(PaintRequest(text="一人二", size=(480, 360), seed=2))
    assert painting.inscription is not None and painting.inscription.hand == "font"
