"""Mountains in ink, laid the way a painter builds them: a pale wash that fades into mist
at the foot, a second, darker wash in the shadows with paper left bare on the lit faces
(留白), brush contours along the ridge with tapering, broken widths, texture strokes (皴)
that run down the flanks (see `strokes.py`), dark moss dots (点苔) on the crests, and snow
left as bare paper on winter peaks. Dunes are smooth washes with one contour; flat ground
is a faint wash under its edge.

Each massif is drawn over its bounding box only; its lower peaks are drawn again in front
of the whole, so their outlines make the inner folds a brush would draw.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from inkmuse.core.seeds import derive_seed
from inkmuse.painting.canvas import Canvas
from inkmuse.painting.noise import FloatArray
from inkmuse.painting.palettes import RGB, Palette
from inkmuse.painting.scene import Massif, ridge
from inkmuse.painting.shanshui.ground import SAND
from inkmuse.painting.shanshui.strokes import contour, moss, texture


@dataclass(frozen=True)
class Textures:
    """Canvas-sized noise fields shared by every massif (made once per painting)."""

    broad: FloatArray  # large soft noise: uneven wash
    brush: FloatArray  # mid-size noise: pressure of the outlining brush, and its dry gaps


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


def draw_massif(canvas: Canvas, massif: Massif, palette: Palette, tex: Textures, scale: float,
                rng: np.random.Generator) -> None:  # fmt: skip
    """Paint one massif and its front peaks. `scale` is canvas width / 1024 (stroke widths);
    `rng` places the brush strokes."""
    _draw_body(canvas, massif, palette, tex, scale, rng, front=False)
    if len(massif.peaks) < 2 or massif.form != "rock":
        return
    tallest = max(p[2] for p in massif.peaks)
    front = sorted((p for p in massif.peaks if p[2] < tallest), key=lambda p: -p[2])
    for i, peak in enumerate(front):
        cx, half, _h = peak
        sub = replace(massif, peaks=(peak,), x0=cx - half, x1=cx + half,
                      seed=derive_seed(massif.seed, "front", str(i)))  # fmt: skip
        _draw_body(canvas, sub, palette, tex, scale, rng, front=True)


def _draw_body(canvas: Canvas, m: Massif, palette: Palette, tex: Textures, scale: float,
               rng: np.random.Generator, *, front: bool) -> None:  # fmt: skip
    x0, x1 = max(0, int(m.x0)), min(canvas.width, int(np.ceil(m.x1)))
    if x1 - x0 < 2:
        return
    xs = np.arange(x0, x1, dtype=np.float32)
    top_line = ridge(m, xs)
    y0 = max(0, int(top_line.min()) - 2)
    y1 = min(canvas.height, int(np.ceil(m.base)))
    if y1 - y0 < 2:
        return
    ys = np.arange(y0, y1, dtype=np.float32)[:, None]
    depth_px = ys - top_line[None, :]  # pixels below the ridge
    span = np.maximum(m.base - top_line, 4.0)[None, :]
    t = np.clip(depth_px / span, 0.0, 1.0)  # 0 at the ridge, 1 at the foot
    inside = np.clip(depth_px / 1.5, 0.0, 1.0)

    far = m.depth < 0.9
    near = m.depth >= 2.5
    sl = (slice(y0, y1), slice(x0, x1))
    broad, brush = tex.broad[sl], tex.brush[sl]

    # Shadow flank: light comes from the upper left, so slopes falling to the right are dark.
    # Shadow flank: light from the upper left, so slopes falling to the right are dark. The
    # slope is smoothed over a stretch of ridge (the jags must not stripe the shading), more
    # widely lower down, so the line between lit and shadowed faces fans out from a summit.
    narrow = _flank(top_line, max(3, int(canvas.width * 0.045)))
    wide = _flank(top_line, max(5, int(canvas.width * 0.12)))
    slope = narrow[None, :] + (wide - narrow)[None, :] * np.clip(t * 1.5, 0.0, 1.0)
    shade = np.clip(0.5 + 0.4 * np.tanh(slope * 1.5) + 0.25 * (broad - 0.5), 0.0, 1.0)

    if m.form != "rock":
        _smooth_body(canvas, m, palette, (y0, x0), depth_px, t, inside, shade, broad, scale, rng)
        return
    # Wash: dense under the ridge, fading into mist at the foot (a bank reaches the bottom).
    # a bank standing on the bottom edge keeps its foot; anything else fades out entirely
    grounded = near and m.base >= canvas.height * 0.99
    mist = 0.15 if grounded else 1.0
    fade = 1.0 - mist * _smoothstep(0.35, 1.0, t)
    strength = 0.5 if far else 0.8
    # 留白: lit faces keep some paper where the broad noise is high
    bare = 1.0 - (0.0 if far else 0.55) * _smoothstep(0.55, 0.8, broad) * (1.0 - shade)
    body = inside * fade * strength * (0.8 + 0.35 * broad) * bare
    if m.snow:
        body *= 0.15 + 0.85 * _smoothstep(0.05, 0.5 + 0.2 * broad, t)
    if far:
        color: RGB | FloatArray = _mix(palette.far, palette.paper, 0.15 * m.depth)
    else:
        top = palette.near_top if not front else _mix(palette.near_top, palette.near_base, 0.25)
        k = np.clip(t**0.8 + 0.15 * (broad - 0.5), 0.0, 1.0)[..., None]
        tc, bc = np.asarray(top, np.float32), np.asarray(palette.near_base, np.float32)
        color = tc + (bc - tc) * k
        color = color * (1.0 - 0.18 * shade[..., None] * (1.0 - k))
    canvas.lay(body.astype(np.float32), color, subject=False, at=(y0, x0))
    solid = inside * fade
    sub = canvas.subject[sl]
    np.maximum(sub, (solid > 0.25).astype(np.float32) * np.float32(solid), out=sub)
    if not far:
        # 墨分五色: a second, darker wash pooled in the shadows and under the ridge
        pool = _smoothstep(0.45, 0.75, shade * 0.7 + brush * 0.5) * np.exp(-t * 2.2)
        second = pool * inside * fade * (0.38 if not m.snow else 0.12)
        canvas.lay(second.astype(np.float32), palette.ink, subject=False, at=(y0, x0))

    # A faint soft line under the brush contour, so the ridge never reads as a cut edge.
    width = ((1.0 if far else 1.6) * scale + 0.6) * (0.5 + brush)
    line = np.exp(-np.maximum(depth_px, 0.0) / width) * inside
    line *= np.clip(0.1 + 1.6 * brush, 0.0, 1.0)
    canvas.lay((line * (0.35 if far else 0.45)).astype(np.float32), palette.ink, at=(y0, x0))
    if far:
        return
    # Brush strokes: contour, texture and moss, drawn on one patch, kept inside the mass.
    weight = 2.6 if near else 2.0
    mask = (inside * fade * (1.0 if not m.snow else _smoothstep(0.1, 0.4, t))).astype(np.float32)
    ink = contour(xs, top_line, (y0, x0), mask.shape, rng, weight * scale + 0.5)
    ink = np.maximum(ink, texture(xs, top_line, m.base, (y0, x0), mask, shade, rng, scale,
                                  near=near, pointed=_pointed(m)) * mask)  # fmt: skip
    canvas.lay((ink * 0.85).astype(np.float32), palette.ink, subject=False, at=(y0, x0))
    dots = moss(xs, top_line, (y0, x0), mask.shape, rng, scale, count=_moss_count(m, scale))
    canvas.lay((dots * inside).astype(np.float32), palette.ink, subject=False, at=(y0, x0))


def _flank(top_line: FloatArray, k: int) -> FloatArray:
    """The ridge's slope smoothed over k pixels."""
    k |= 1
    smooth = np.convolve(np.pad(top_line, k // 2, mode="edge"), np.ones(k) / k, mode="valid")
    return np.gradient(smooth.astype(np.float32)).astype(np.float32)


def _pointed(m: Massif) -> bool:
    """Tall narrow peaks take axe-cut strokes (斧劈皴), rounded hills hemp fibres (披麻皴)."""
    return max(h / max(half, 1.0) for _, half, h in m.peaks) > 1.1


def _moss_count(m: Massif, scale: float) -> int:
    return int(np.clip((m.x1 - m.x0) / (60.0 * max(scale, 0.2)), 2, 14))


def _smooth_body(canvas: Canvas, m: Massif, palette: Palette, at: tuple[int, int],
                 depth_px: FloatArray, t: FloatArray, inside: FloatArray, shade: FloatArray,
                 broad: FloatArray, scale: float, rng: np.random.Generator) -> None:  # fmt: skip
    """A dune (a smooth wash, darker on its shadow side) or flat ground (a wash only under
    its edge), each with one brush contour along its top."""
    y0, x0 = at
    xs = np.arange(x0, x0 + inside.shape[1], dtype=np.float32)
    top_line = ridge(m, xs)
    if m.form == "dune":
        # dense under the crest, thinning down the slope; the lee (shadow) side darker
        body = inside * (0.25 + 0.5 * np.exp(-t * 2.5)) * (0.55 + 0.7 * shade) * (0.8 + 0.4 * broad)
        if m.base < canvas.height * 0.99:  # a dune behind others melts into the sand at its foot
            body *= 1.0 - _smoothstep(0.45, 1.0, t)
        colour: RGB = _mix(palette.near_base, SAND, 0.6) if not m.snow else palette.far
        if m.snow:
            body *= 0.3
    else:
        body = inside * np.exp(-np.maximum(depth_px, 0.0) / (6.0 + 10.0 * scale)) * 0.35
        colour = palette.far
    canvas.lay(body.astype(np.float32), colour, subject=False, at=at)
    sub = canvas.subject[y0 : y0 + inside.shape[0], x0 : x0 + inside.shape[1]]
    np.maximum(sub, (inside > 0.5).astype(np.float32) * np.float32(0.6), out=sub)
    ink = contour(xs, top_line, at, inside.shape, rng, 1.6 * scale + 0.5)
    canvas.lay((ink * 0.7).astype(np.float32), palette.ink, subject=False, at=at)


def _smoothstep(lo: float, hi: float | FloatArray, x: FloatArray) -> FloatArray:
    t = np.clip((x - lo) / (np.asarray(hi) - lo), 0.0, 1.0)
    return (t * t * (3.0 - 2.0 * t)).astype(np.float32)


def ridge_trees(canvas: Canvas, massif: Massif, palette: Palette, rng: np.random.Generator,
                scale: float) -> None:  # fmt: skip
    """Rows of tiny distant trees (远树) along stretches of a ridge: a stroke and a few dots.

    Painters use them to give a mountain its size; they sit just below the ridge line so
    the mountain's outline still reads.
    """
    from inkmuse.painting.canvas import Patch
    from inkmuse.painting.shanshui.brush import dot, line

    x0, x1 = max(0.0, massif.x0), min(float(canvas.width), massif.x1)
    if x1 - x0 < 40 * scale:
        return
    patch = Patch.new(x0, 0, x1 - x0, canvas.height)
    size = 11.0 * scale + 3.0
    for _ in range(int(rng.integers(1, 3))):
        start = float(rng.uniform(x0, x1 - 30 * scale))
        length = float(rng.uniform(0.08, 0.2)) * (x1 - x0)
        xs = np.arange(
            start, min(x1 - 2, start + length), size * rng.uniform(0.45, 0.7), dtype=np.float32
        )
        if xs.size == 0:
            continue
        tops = ridge(massif, xs)
        for x, top in zip(xs.tolist(), tops.tolist(), strict=True):
            if top >= massif.base - 4:
                continue
            h = size * float(rng.uniform(0.7, 1.2))
            foot = top + size * 0.35
            line(patch, [(x, foot), (x, foot - h)], max(0.5, 0.6 * scale))
            for k in range(3):
                dot(patch, x + float(rng.normal(0, h * 0.12)), foot - h * (0.45 + 0.2 * k),
                    h * 0.16 * (1.2 - 0.25 * k), h * 0.09)  # fmt: skip
    canvas.lay_patch(patch, palette.ink, subject=True, opacity=0.75)


__all__ = ["Textures", "draw_massif", "ridge_trees"]
