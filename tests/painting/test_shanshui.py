"""The ink landscape: determinism, variety across seeds, every palette, layout and element."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from inkmuse.core.theme import Theme
from inkmuse.core.theme_lexicon import ELEMENTS, PALETTES
from inkmuse.painting import PaintRequest, paint, painting_png_bytes
from inkmuse.painting.reader import read_scene
from inkmuse.painting.scene import LAYOUTS, compose_scene, ridge
from inkmuse.painting.scene_words import SCENE_KINDS
from inkmuse.painting.shanshui import render_shanshui

POEM = "孤舟蓑笠翁，独钓寒江雪"


def test_same_request_and_seed_give_identical_bytes() -> None:
    request = PaintRequest(text=POEM, size=(320, 240), seed=11, title="寒江独钓", date="2025-12")
    assert painting_png_bytes(paint(request)) == painting_png_bytes(paint(request))


def test_different_seeds_give_different_compositions() -> None:
    intent = read_scene(POEM)
    scenes = [compose_scene(intent, 320, 240, seed=s).to_dict() for s in range(6)]
    assert len({repr(s) for s in scenes}) == 6
    images = [render_shanshui(compose_scene(intent, 320, 240, s), "ink", s).rgb for s in (1, 2)]
    assert float(np.abs(images[0] - images[1]).mean()) > 0.01


@pytest.mark.parametrize("palette", PALETTES)
def test_every_palette_paints_in_its_own_colours(palette: str) -> None:
    theme = Theme(imagery=("mountain", "river"), palette=palette)
    canvas = render_shanshui(
        compose_scene(read_scene("", theme), 240, 180, seed=5), palette, seed=5
    )
    assert canvas.rgb.min() >= 0.0 and canvas.rgb.max() <= 1.0
    # the subject covers a real share of the picture but never all of it
    assert 0.1 < float((canvas.subject > 0.1).mean()) < 0.9


def test_palettes_change_the_picture() -> None:
    scene = compose_scene(read_scene("", Theme(imagery=("mountain",))), 200, 150, seed=2)
    means = {
        p: render_shanshui(scene, p, 2).rgb.mean(axis=(0, 1)) for p in ("ink", "qinglv", "night")
    }
    assert means["night"].mean() < means["ink"].mean()  # a night sky is darker
    qinglv = means["qinglv"]
    assert qinglv[1] > qinglv[2]  # blue-green and ochre on warm paper, not grey


def test_every_element_can_be_placed_and_drawn() -> None:
    theme = Theme(imagery=ELEMENTS, season="autumn", time_of_day="night", mood="heroic")
    kinds: set[str] = set()
    for seed in range(4):
        scene = compose_scene(read_scene("", theme), 400, 300, seed)
        kinds |= {e.kind for e in scene.elements}
        canvas = render_shanshui(scene, "qianjiang", seed)
        assert np.isfinite(canvas.rgb).all()
    expected = {"moon", "stars", "tree", "pavilion", "temple", "village", "bridge", "boat",
                "reeds", "geese", "waterfall", "chrysanthemum", "lotus"}  # fmt: skip
    assert expected <= kinds


@pytest.mark.parametrize("kind", SCENE_KINDS)
def test_every_kind_of_landscape_paints(kind: str) -> None:
    intent = replace(read_scene("山 水 smoke"), kind=kind)
    scene = compose_scene(intent, 320, 240, seed=3)
    canvas = render_shanshui(scene, "ink", 3)
    assert scene.kind == kind and np.isfinite(canvas.rgb).all()
    assert 0.02 < float((canvas.subject > 0.1).mean()) < 0.9  # a snowy plain is nearly empty


def test_all_distances_occur_and_the_main_peak_stands_near_a_third() -> None:
    seen = set()
    for seed in range(30):
        for text in ("山", "湖 山", "江 峡", "大漠"):
            scene = compose_scene(read_scene(text), 300, 200, seed)
            seen.add(scene.layout)
            main = [m for m in scene.massifs if m.depth == 1.0]
            if main and scene.kind in ("mountains", "lake"):
                cx = max(main[0].peaks, key=lambda p: p[2])[0] / scene.width
                assert min(abs(cx - 0.3), abs(cx - 0.7)) < 0.1
    assert seen == set(LAYOUTS)


def test_trees_stand_on_the_bank_and_boats_float_on_the_water() -> None:
    intent = read_scene("渔舟 柳 江")
    for seed in range(5):
        scene = compose_scene(intent, 400, 300, seed)
        bank = scene.massifs[-1]
        for e in scene.elements:
            if e.kind == "tree":
                top = float(ridge(bank, np.array([e.x], dtype=np.float32))[0])
                assert abs(e.y - top) < 0.03 * scene.height
            if e.kind == "boat":
                assert scene.water and e.y > scene.horizon


@pytest.mark.parametrize("size", [(64, 64), (300, 600), (900, 200)])
def test_odd_sizes_render(size: tuple[int, int]) -> None:
    painting = paint(PaintRequest(text="秋山", size=size, seed=1, inscribe=False))
    assert painting.image.size == size


def test_bytes_do_not_depend_on_the_process(tmp_path: Path) -> None:
    """Two interpreters with different hash seeds write the same file (no set-order leaks)."""
    outputs = []
    for hash_seed in ("1", "2"):
        out = tmp_path / f"p{hash_seed}.png"
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        subprocess.run([sys.executable, "-m", "inkmuse.cli.main", "paint", "枯藤老树昏鸦 geese",
                        "--seed", "9", "--n", "2", "--size", "240x180", "--out", str(out)],
                       check=True, env=env, capture_output=True)  # fmt: skip
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize(
    "idea", ["孤帆远影碧空尽，唯见长江天际流", "小桥流水人家 扁舟", "海上 孤舟", "大漠 长河 舟"]
)
def test_boats_are_on_open_water_not_on_land(idea: str) -> None:
    for seed in range(6):
        scene = compose_scene(read_scene(idea), 640, 480, seed)
        boats = [e for e in scene.elements if e.kind == "boat"]
        assert boats and scene.water
        for boat in boats:
            x = np.array([boat.x], dtype=np.float32)
            on_land = [
                m for m in scene.massifs if m.base >= boat.y and float(ridge(m, x)[0]) < boat.y
            ]
            assert not on_land, (seed, boat)
