"""Sky, light and weather: the sky wash, moon and sun, stars, mist bands, rain, falling
snow and the paper itself (fibres and uneven sizing), all vectorised over the canvas.
"""

from __future__ import annotations

import numpy as np

from inkmuse.painting.canvas import Canvas
from inkmuse.painting.noise import FloatArray, fbm, value_noise
from inkmuse.painting.palettes import Palette
from inkmuse.painting.scene import Element, Scene


def sky(canvas: Canvas, scene: Scene, palette: Palette, rng: np.random.Generator) -> None:
    """A graded wash from the top of the sky down to the horizon, uneven like a real wash."""
    h, w = canvas.height, canvas.width
    ys = np.linspace(0.0, 1.0, h, dtype=np.float32)[:, None]
    horizon = scene.horizon / h
    t = np.clip(ys / max(horizon, 0.1), 0.0, 1.0)
    top, bottom = palette.sky_strength
    strength = top + (bottom - top) * t
    strength = np.where(ys <= horizon, strength, bottom * np.exp(-(ys - horizon) * 6.0))
    uneven = value_noise(rng, (h // 4 + 1, w // 4 + 1), (30, 80))
    uneven = np.asarray(uneven, dtype=np.float32)
    alpha = strength * (0.8 + 0.4 * _up(uneven, h, w))
    st, sh = np.asarray(palette.sky_top, np.float32), np.asarray(palette.sky_horizon, np.float32)
    color = st + (sh - st) * t[..., None]
    canvas.lay(alpha.astype(np.float32), np.broadcast_to(color, (h, w, 3)), subject=False)


def light(canvas: Canvas, element: Element, palette: Palette, rng: np.random.Generator) -> None:
    """The moon (pale disc with a halo) or the sun (a vermilion disc), behind the mountains."""
    r = element.size
    pad = int(r * 4)
    y0, x0 = int(element.y) - pad, int(element.x) - pad
    yy, xx = np.mgrid[0 : 2 * pad, 0 : 2 * pad].astype(np.float32)
    d = np.hypot(yy - pad, xx - pad)
    disc = np.clip(r - d + 0.5, 0.0, 1.0)
    if element.kind == "moon":
        halo = np.exp(-np.maximum(d - r, 0.0) / (r * 0.9)) * 0.35
        canvas.lay(halo.astype(np.float32), palette.moon, subject=False, at=(y0, x0))
        canvas.lay(disc.astype(np.float32) * 0.95, palette.moon, subject=True, at=(y0, x0))
        rim = np.clip(1.2 - np.abs(d - r), 0.0, 1.0) * 0.25
        canvas.lay(rim.astype(np.float32), palette.ink, subject=False, at=(y0, x0))
    else:
        canvas.lay(disc.astype(np.float32) * 0.85, palette.sun, subject=True, at=(y0, x0))


def stars(canvas: Canvas, element: Element, palette: Palette, rng: np.random.Generator) -> None:
    n = int(element.variant or 40)
    xs = rng.uniform(0, canvas.width, n).astype(np.int64)
    ys = rng.uniform(0, element.size, n).astype(np.int64)
    bright = rng.uniform(0.4, 0.9, n).astype(np.float32)
    region = canvas.rgb[ys, xs]
    canvas.rgb[ys, xs] = region + (np.asarray(palette.moon, np.float32) - region) * bright[:, None]


def mist(canvas: Canvas, scene: Scene, palette: Palette, rng: np.random.Generator,
         bands: list[float], amount: float) -> None:  # fmt: skip
    """Horizontal drifts of paper-coloured mist across the given heights (pixels)."""
    h, w = canvas.height, canvas.width
    small = fbm(rng, (h // 4 + 1, w // 4 + 1), cell=60, octaves=3, aspect=0.25)
    drift = _up(small, h, w)
    ys = np.arange(h, dtype=np.float32)[:, None]
    band = np.zeros((h, 1), dtype=np.float32)
    thickness = h * 0.06
    for centre in bands:
        band = np.maximum(band, np.exp(-(((ys - centre) / thickness) ** 2)))
    # lay only the rows the bands reach: the rest of the canvas is untouched anyway
    rows = np.nonzero(band[:, 0] > 0.005)[0]
    if rows.size == 0:
        return
    r0, r1 = int(rows[0]), int(rows[-1]) + 1
    alpha = band[r0:r1] * _clip01((drift[r0:r1] - 0.3) * 2.2) * amount
    canvas.lay(alpha.astype(np.float32), _paper_sky(palette), subject=False, at=(r0, 0))


def rain(canvas: Canvas, palette: Palette, rng: np.random.Generator) -> None:
    """Slanting streaks of grey: noise stretched along the rain's fall, then sheared."""
    h, w = canvas.height, canvas.width
    n = value_noise(rng, (h, w), (30.0, 1.2))
    shift = (np.arange(h) * 0.2).astype(np.int64)
    rows = np.arange(h)[:, None]
    cols = (np.arange(w)[None, :] + shift[:, None]) % w
    streaks = _clip01((n[rows, cols] - 0.8) * 6.0) * 0.13
    canvas.lay(streaks.astype(np.float32), palette.ink, subject=False)


def falling_snow(canvas: Canvas, palette: Palette, rng: np.random.Generator) -> None:
    h, w = canvas.height, canvas.width
    n = int(h * w / 900)
    xs = rng.uniform(0, w - 2, n).astype(np.int64)
    ys = rng.uniform(0, h - 2, n).astype(np.int64)
    white = np.asarray((0.98, 0.98, 0.97), np.float32)
    for dy in (0, 1):
        for dx in (0, 1):
            canvas.rgb[ys + dy, xs + dx] = canvas.rgb[ys + dy, xs + dx] * 0.2 + white * 0.8


def paper(canvas: Canvas, rng: np.random.Generator) -> None:
    """Xuan paper: fine grain, long fibres lying every way, and uneven sizing, multiplied
    into everything painted (the paper shows through the ink as it does in a real wash)."""
    h, w = canvas.height, canvas.width
    grain = value_noise(rng, (h, w), 1.3)
    sizing = _up(value_noise(rng, (h // 8 + 1, w // 8 + 1), 6.0), h, w)
    # fibres: thin ridges of stretched noise, some lying across, some along
    across = value_noise(rng, (h, w), (1.2, 16.0))
    along = value_noise(rng, (h, w), (16.0, 1.2))
    fibres = _clip01((np.maximum(across, along) - np.float32(0.86)) * np.float32(6.0))
    tone = 1.0 - 0.035 * _clip01((grain - 0.55) * 2.5) - 0.035 * sizing - 0.03 * fibres
    canvas.rgb *= tone[..., None].astype(np.float32)


def _paper_sky(palette: Palette) -> tuple[float, float, float]:
    s = palette.sky_strength[1]
    p, sky_h = palette.paper, palette.sky_horizon
    return (
        p[0] + (sky_h[0] - p[0]) * s,
        p[1] + (sky_h[1] - p[1]) * s,
        p[2] + (sky_h[2] - p[2]) * s,
    )


def _up(small: FloatArray, h: int, w: int) -> FloatArray:
    """Nearest-free upscaling of a quarter-size field (bilinear through Pillow)."""
    from PIL import Image

    img = Image.fromarray(np.ascontiguousarray(small, dtype=np.float32), mode="F")
    return np.asarray(img.resize((w, h), Image.Resampling.BILINEAR), dtype=np.float32)


def _clip01(x: FloatArray) -> FloatArray:
    return np.clip(x, 0.0, 1.0).astype(np.float32)


__all__ = ["falling_snow", "light", "mist", "paper", "rain", "sky", "stars"]
