"""The light of the sky and the ground of the kinds of landscape that have no water under
their horizon: the warm glow of a setting sun, the sand of a desert plain, the white of a
snowy one, a sea of clouds, and a column of smoke.
"""

from __future__ import annotations

import numpy as np

from inkmuse.painting.canvas import Canvas
from inkmuse.painting.noise import fbm, value_noise
from inkmuse.painting.palettes import RGB, Palette
from inkmuse.painting.scene import Element, Scene

# 赭石 and 藤黄 thinned: the glow painters lay behind a setting sun
WARM: RGB = (0.93, 0.58, 0.32)
DAWN: RGB = (0.95, 0.78, 0.6)
SAND: RGB = (0.78, 0.64, 0.44)


def sky_light(canvas: Canvas, scene: Scene, palette: Palette) -> None:
    """A warm or dawn glow rising from the horizon, centred on the sun; a grey sky for rain
    and snow; a darkened sky at night when the palette itself is not the night one."""
    h, w = canvas.height, canvas.width
    horizon = max(scene.horizon, 1.0)
    ys = np.arange(h, dtype=np.float32)[:, None]
    if scene.sky in ("warm", "dawn"):
        sun = next((e for e in scene.elements if e.kind == "sun"), None)
        cx = sun.x if sun is not None else w / 2
        xs = np.arange(w, dtype=np.float32)[None, :]
        # strongest just above the horizon, fading up the sky and quickly below the line
        above = np.exp(-np.maximum(horizon - ys, 0.0) / (horizon * 0.3))
        below = np.exp(-np.maximum(ys - horizon, 0.0) / (h * 0.06))
        centre = 0.35 + 0.65 * np.exp(-(((xs - cx) / (w * 0.3)) ** 2))
        alpha = (above * below * centre * (0.42 if scene.sky == "warm" else 0.3)).astype(np.float32)
        canvas.lay(alpha, WARM if scene.sky == "warm" else DAWN)
    elif scene.sky == "grey":
        alpha = (0.12 * (1.0 - ys / h) * np.ones((1, w), np.float32)).astype(np.float32)
        canvas.lay(alpha, palette.far)
    elif scene.sky == "night" and palette.name != "night":
        t = np.clip(ys / horizon, 0.0, 1.0)
        alpha = ((0.35 - 0.2 * t) * (ys < horizon) * np.ones((1, w), np.float32)).astype(np.float32)
        canvas.lay(alpha, (0.25, 0.28, 0.36))


def plain(canvas: Canvas, scene: Scene, palette: Palette, rng: np.random.Generator) -> None:
    """The ground below the horizon where there is no water: sand or snow, with a few dry
    horizontal strokes that lay it flat."""
    if scene.kind not in ("desert", "snowy_plain") or scene.water == "sea":
        return
    h, w = canvas.height, canvas.width
    top = int(scene.horizon)
    rows = h - top
    if rows < 4:
        return
    ys = np.arange(rows, dtype=np.float32)[:, None]
    uneven = value_noise(rng, (rows, w), (rows * 0.25, w * 0.2))
    if scene.kind == "desert":
        alpha = (0.22 + 0.2 * ys / rows) * (0.7 + 0.5 * uneven)
        canvas.lay(np.clip(alpha, 0.0, 1.0).astype(np.float32), SAND, at=(top, 0))
    else:  # snow: paper left bare, shaded a little toward the distance
        alpha = 0.1 * np.exp(-ys / (rows * 0.3)) * (0.6 + 0.8 * uneven)
        canvas.lay(alpha.astype(np.float32), palette.far, at=(top, 0))
    if scene.kind == "desert":
        return  # sand is one wash: dry strokes across it would read as ripples on water
    marks = value_noise(rng, (rows, w), (2.0, 28.0 * w / 1024))
    density = np.clip(uneven * 2.2 - 1.0, 0.0, 1.0) * (0.3 + 0.7 * np.exp(-ys / (rows * 0.3)))
    strokes = np.clip((marks - 0.86) * 7.0, 0.0, 1.0) * density * 0.3
    canvas.lay(strokes.astype(np.float32), palette.ink, at=(top, 0))


def cloud_sea(canvas: Canvas, e: Element, palette: Palette, rng: np.random.Generator) -> None:
    """A sea of clouds from `e.y` down: paper white, its billows outlined by a faint grey
    shadow under each rounded top, as painters draw clouds by leaving them blank."""
    h, w = canvas.height, canvas.width
    top = max(0, int(e.y - 0.08 * h))
    rows = h - top
    field = fbm(rng, (rows, w), cell=w * 0.2, octaves=2, aspect=0.35)
    ys = np.arange(rows, dtype=np.float32)[:, None] + top
    # the cloud surface: billows reach higher where the field is high
    surface = e.y - (field - 0.5) * 0.16 * h
    inside = np.clip((ys - surface) / (0.05 * h), 0.0, 1.0) ** 1.5
    canvas.lay((inside * 0.97).astype(np.float32), palette.paper, at=(top, 0))
    # shade under the billow tops: the field's downward gradient, a soft grey
    # only the upper billows are shaded: lower down the clouds are one white sea
    upper = np.exp(-np.maximum(ys - e.y, 0.0) / (0.08 * h))
    shade = np.clip(np.gradient(field, axis=0) * -h * 0.6, 0.0, 1.0) * inside * upper * 0.18
    canvas.lay(shade.astype(np.float32), palette.far, at=(top, 0))


def smoke(canvas: Canvas, e: Element, palette: Palette, rng: np.random.Generator) -> None:
    """A thin column rising straight (孤烟直) from (e.x, e.y), paling as it climbs and
    leaning a little at the top where the air moves."""
    tall = e.size
    rows = int(tall)
    y0 = int(e.y - tall)
    width = max(2.0, canvas.width * 0.004)
    cols = int(width * 16)
    x0 = int(e.x - cols / 2)
    ys = np.arange(rows, dtype=np.float32)[:, None]
    t = 1.0 - ys / max(rows, 1)  # 0 at the foot, 1 at the top
    wobble = (value_noise(rng, (rows, 1), (rows / 5.0, 1.0)) - 0.5) * width * 1.6
    lean = (t**3) * width * 5.0
    xs = np.arange(cols, dtype=np.float32)[None, :] - cols / 2
    spread = width * (0.5 + 1.6 * t)
    d = np.abs(xs - wobble - lean) / spread
    body = np.exp(-(d**2)) * (1.0 - t**1.5) * 0.6
    grain = value_noise(rng, (rows, cols), (6.0, 2.0))
    canvas.lay((body * (0.75 + 0.5 * grain)).astype(np.float32), palette.far, at=(y0, x0))


__all__ = ["cloud_sea", "plain", "sky_light", "smoke"]
