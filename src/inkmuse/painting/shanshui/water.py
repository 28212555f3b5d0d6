"""Water is mostly paper left bare: a faint tint, broken reflections of the shore, and a
few ripple strokes that thin out away from the banks. A waterfall is paper kept white
down a mountain face, edged with ink and misted at its foot.
"""

from __future__ import annotations

import numpy as np

from inkmuse.painting.canvas import Canvas
from inkmuse.painting.noise import value_noise
from inkmuse.painting.palettes import Palette
from inkmuse.painting.scene import Element, Scene


def draw_water(canvas: Canvas, scene: Scene, palette: Palette, rng: np.random.Generator) -> None:
    h, w = canvas.height, canvas.width
    top = int(scene.horizon)
    rows = (h if scene.shore is None else min(h, int(scene.shore))) - top
    if rows < 4:
        return
    ys = np.arange(rows, dtype=np.float32)[:, None]
    # Reflection: the rows above the horizon mirrored, each row shifted by a ripple.
    depth = min(rows, top)
    src = top - 1 - np.arange(depth)
    wobble = (value_noise(rng, (depth, 1), (6.0, 1.0))[:, 0] - 0.5) * 10.0 * (w / 1024)
    cols = (np.arange(w)[None, :] + wobble[:, None].astype(np.int64)) % w
    mirrored = canvas.rgb[src[:, None], cols]
    fade = np.exp(-ys[:depth] / (rows * 0.35)) * 0.32
    mirrored_subject = canvas.subject[src[:, None], cols]
    canvas.lay((fade * mirrored_subject).astype(np.float32), mirrored, at=(top, 0))
    # A faint tint, strongest near the far shore.
    # a band of river across a plain is water because it is lighter than the land
    strength = 0.12
    if scene.shore is not None:
        edge = np.clip(ys / 3.0, 0.0, 1.0) * np.clip((rows - ys) / 3.0, 0.0, 1.0)
        canvas.lay(
            (0.7 * edge * np.ones((1, w), np.float32)).astype(np.float32),
            palette.paper,
            at=(top, 0),
        )
    tint = (strength * np.exp(-ys / (rows * 0.5)) + 0.03) * np.ones((1, w), np.float32)
    tint *= np.clip(ys / 3.0, 0.0, 1.0) * np.clip((rows - ys) / 4.0, 0.0, 1.0)  # no hard edges
    canvas.lay(tint.astype(np.float32), palette.water, at=(top, 0))
    # Ripple strokes: noise stretched flat, kept only in thin bright ridges.
    ripples = value_noise(rng, (rows, w), (2.2, 45.0 * w / 1024))
    patches = value_noise(rng, (rows, w), (rows * 0.2, w * 0.15))
    density = (0.25 + 0.75 * np.exp(-ys / (rows * 0.25))) * np.clip(patches * 2.0 - 0.6, 0.0, 1.0)
    marks = np.clip((ripples - 0.8) * 8.0, 0.0, 1.0) * density * 0.5
    canvas.lay(marks.astype(np.float32), palette.water, at=(top, 0))


def draw_waterfall(canvas: Canvas, e: Element, palette: Palette, rng: np.random.Generator) -> None:
    h = e.size
    half = max(3.0, h * 0.045)
    y0, x0 = int(e.y - h), int(e.x - half * 3)
    rows, cols = int(h), int(half * 6)
    ys = np.arange(rows, dtype=np.float32)[:, None]
    xs = np.arange(cols, dtype=np.float32)[None, :] - cols / 2
    # the fall widens as it drops and sways a little
    sway = (value_noise(rng, (rows, 1), (rows / 3.0, 1.0)) - 0.5) * half
    width = half * (0.6 + 0.6 * ys / rows)
    d = np.abs(xs - sway) / width
    sheet = np.clip(1.2 - d, 0.0, 1.0) * np.clip(ys / (rows * 0.08), 0.0, 1.0)
    canvas.lay(sheet.astype(np.float32) * 0.92, palette.paper, subject=True, at=(y0, x0))
    edges = np.exp(-(((d - 1.0) * width / 1.2) ** 2)) * np.clip(ys / (rows * 0.05), 0.0, 1.0)
    streaks = value_noise(rng, (rows, cols), (rows / 6.0, 1.5))
    inner = np.clip((streaks - 0.7) * 3.0, 0.0, 1.0) * (d < 0.9) * 0.25
    ink = np.maximum(edges * 0.7, inner)
    canvas.lay(ink.astype(np.float32), palette.ink, subject=False, at=(y0, x0))
    # spray at the foot
    foot = np.exp(-(((ys - rows) / (rows * 0.12)) ** 2)) * np.exp(-((xs / (half * 2.5)) ** 2))
    canvas.lay(foot.astype(np.float32) * 0.8, palette.paper, subject=False, at=(y0, x0))


__all__ = ["draw_water", "draw_waterfall"]
