"""Brush strokes on a mountain: the contour along its ridge, texture strokes (皴) down its
flanks and moss dots (点苔) on its crest. Each function returns the coverage (0..1) of its
strokes over a block of the canvas, drawn at 2x with Pillow and reduced.

Contours are broken into strokes of a hand's length with dry gaps between them, each
swelling and tapering with a little noise in its width. Texture strokes start under the
ridge and run downhill: along the ridge line near the crest, turning to fall straight lower
down. Rounded hills take long hemp-fibre strokes (披麻皴), tall peaks short axe-cut wedges
(斧劈皴). Strokes gather on the shadow flank and under the ridge, and thin toward the foot,
where the wash and the paper carry the form.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from PIL import Image, ImageDraw

from inkmuse.painting.noise import FloatArray

_SS = 2  # supersampling of the stroke patches


def _surface(shape: tuple[int, int]) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    img = Image.new("L", (max(1, shape[1]) * _SS, max(1, shape[0]) * _SS), 0)
    return img, ImageDraw.Draw(img)


def _coverage(img: Image.Image, shape: tuple[int, int]) -> FloatArray:
    small = img.resize((max(1, shape[1]), max(1, shape[0])), Image.Resampling.BOX)
    return np.asarray(small, dtype=np.float32) / np.float32(255.0)


def _stroke(draw: ImageDraw.ImageDraw, pts: Sequence[tuple[float, float]],
            widths: Sequence[float], value: int) -> None:  # fmt: skip
    """One stroke through `pts` (patch units) with a width at each point."""
    for (ax, ay), (bx, by), wa, wb in zip(pts, pts[1:], widths, widths[1:], strict=False):
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / length, dx / length
        ha, hb = wa / 2, wb / 2
        draw.polygon([(ax + nx * ha, ay + ny * ha), (bx + nx * hb, by + ny * hb),
                      (bx - nx * hb, by - ny * hb), (ax - nx * ha, ay - ny * ha)], fill=value)  # fmt: skip
        if hb > 0.8:
            draw.ellipse((bx - hb, by - hb, bx + hb, by + hb), fill=value)


def contour(xs: FloatArray, top: FloatArray, at: tuple[int, int], shape: tuple[int, int],
            rng: np.random.Generator, width: float) -> FloatArray:  # fmt: skip
    """The ridge drawn in strokes of 30-120 px with dry gaps; widths swell and taper."""
    y0, x0 = at
    img, draw = _surface(shape)
    bottom = y0 + shape[0] - 2
    i, n = 0, len(xs)
    while i < n - 2:
        if top[i] >= bottom:
            i += 1
            continue
        length = int(rng.integers(30, 120))
        j = min(n - 1, i + length)
        idx = np.arange(i, j + 1, 3)
        if idx.size >= 2:
            pts = [((float(xs[k]) - x0) * _SS, (float(top[k]) - y0 + 0.6) * _SS) for k in idx]
            u = np.linspace(0.0, 1.0, idx.size)
            swell = 0.3 + 0.9 * np.sin(np.pi * u) ** 0.6
            jitter = 0.75 + 0.5 * rng.random(idx.size)
            widths = (width * _SS * swell * jitter).tolist()
            _stroke(draw, pts, widths, int(rng.uniform(200, 255)))
        # a dry gap, sometimes none: the brush lifts and comes down again
        i = j + (int(rng.integers(2, 9)) if rng.random() < 0.6 else 0)
    return _coverage(img, shape)


def texture(xs: FloatArray, top: FloatArray, base: float, at: tuple[int, int], mask: FloatArray,
            shade: FloatArray, rng: np.random.Generator, scale: float, *, near: bool,
            pointed: bool) -> FloatArray:  # fmt: skip
    """Texture strokes (皴) over a mass: hemp fibres on hills, axe cuts on tall peaks."""
    y0, x0 = at
    shape = (int(mask.shape[0]), int(mask.shape[1]))
    img, draw = _surface(shape)
    area = float(mask.sum())
    n = int(np.clip(area / (900.0 * max(scale, 0.25) ** 2), 6, 260))
    slope = np.gradient(top)
    flank = shade[0] if shade.ndim == 2 else shade
    # more candidates than strokes: keep those on the shadow flank more often
    cols = rng.integers(0, len(xs), n * 2)
    keep = rng.random(n * 2) < (0.3 + 0.7 * flank[cols])
    cols = cols[keep][:n]
    span = np.maximum(base - top[cols], 4.0)
    depth = span * rng.beta(1.3, 3.2, cols.size)
    for c, d, sp in zip(cols.tolist(), depth.tolist(), span.tolist(), strict=True):
        x, y = float(xs[c]), float(top[c]) + d + 1.5
        s = float(slope[c])
        down = 1.0 if s >= 0 else -1.0
        along = (down, abs(s))  # downhill along the ridge line
        # along the slope near the crest, turning at most part way to falling straight
        b = min(1.0, d / sp * 1.2) * 0.6
        dx, dy = along[0] * (1 - b) + down * 0.2 * b, along[1] * (1 - b) + b
        norm = math.hypot(dx, dy) or 1.0
        dx, dy = dx / norm, dy / norm
        if pointed:  # 斧劈: a short wedge, wide where the brush lands
            length = sp * float(rng.uniform(0.04, 0.1)) + 3.0
            w0, w1 = (1.4 + 1.6 * float(rng.random())) * scale + 0.6, 0.3
            bend = float(rng.normal(0.0, 0.05)) * length
        else:  # 披麻: a long fibre that bows a little
            length = sp * float(rng.uniform(0.1, 0.24)) + 4.0
            w0, w1 = (0.7 + 0.7 * float(rng.random())) * scale + 0.35, 0.2
            bend = float(rng.normal(0.0, 0.15)) * length
        tone = float(rng.uniform(0.4, 0.9 if near else 0.75)) * (0.8 if pointed else 1.0)
        # strokes come in loose bundles: a brush goes back over a fold, never in step
        for b_i in range(int(rng.integers(1, 4))):
            gap = (w0 * 2.0 + 1.5) * b_i * float(rng.uniform(0.8, 1.6))
            shift = length * float(rng.uniform(-0.25, 0.25)) * (b_i > 0)
            sx, sy = x - dy * gap + dx * shift, y + dx * gap + dy * shift
            ln = length * float(rng.uniform(0.6, 1.0)) if b_i else length
            pts, widths = [], []
            for k in range(6):
                t = k / 5
                off = bend * 4 * t * (1 - t)
                px = sx + dx * ln * t - dy * off
                py = sy + dy * ln * t + dx * off
                pts.append(((px - x0) * _SS, (py - y0) * _SS))
                widths.append((w0 + (w1 - w0) * t) * _SS * (0.85 + 0.3 * float(rng.random())))
            _stroke(draw, pts, widths, int(255 * tone * (1.0 - 0.15 * b_i)))
    return _coverage(img, shape)


def moss(xs: FloatArray, top: FloatArray, at: tuple[int, int], shape: tuple[int, int],
         rng: np.random.Generator, scale: float, count: int) -> FloatArray:  # fmt: skip
    """Clusters of dark, flat dots (点苔) on the crest, more on the higher parts."""
    y0, x0 = at
    img, draw = _surface(shape)
    bottom = y0 + shape[0] - 2
    alive = np.nonzero(top < bottom - 4)[0]
    if alive.size == 0:
        return _coverage(img, shape)
    height = (bottom - top[alive]).astype(np.float64)
    weight = height**2 / float((height**2).sum())
    for c in rng.choice(alive, size=count, p=weight).tolist():
        cx, cy = float(xs[c]), float(top[c])
        for _ in range(int(rng.integers(3, 8))):
            rx = (1.0 + 1.8 * float(rng.random())) * scale + 0.6
            px = cx + float(rng.normal(0, 7.0 * scale + 1.0))
            py = cy + float(rng.uniform(0.5, 6.0)) * scale + 0.5
            ry = rx * float(rng.uniform(0.5, 0.8))
            box = (
                (px - x0 - rx) * _SS,
                (py - y0 - ry) * _SS,
                (px - x0 + rx) * _SS,
                (py - y0 + ry) * _SS,
            )
            draw.ellipse(box, fill=int(rng.uniform(215, 255)))
    return _coverage(img, shape)


__all__ = ["contour", "moss", "texture"]
