"""Writing a character with a brush along its stroke medians (a 行楷 hand).

Each stroke is smoothed (Catmull-Rom through its median points) and drawn as a run of
overlapping discs whose width follows the brush: it lands with a press (入锋), thins where
the hand moves fast over a long straight run, and either lifts away to a point (出锋) on
the falling strokes 撇 and 捺, or stops with a small press (顿笔) on the others. The ink
thins a little along a long stroke, and each stroke takes its own amount of ink, so the
writing is not the even black of a font.

    >>> from PIL import Image, ImageDraw
    >>> img = Image.new("L", (64, 64), 0)
    >>> write_char(ImageDraw.Draw(img), [((0.1, 0.5), (0.9, 0.5))], (0, 0), 64, seed=1)
    >>> img.getpixel((32, 32)) > 128, img.getpixel((32, 5))
    (True, 0)
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PIL import ImageDraw

from inkmuse.core.seeds import make_rng

Point = tuple[float, float]
WEIGHT = 0.07  # stroke width as a share of the character's size, for a simple character


def _smooth(points: Sequence[Point], step: float) -> list[Point]:
    """Catmull-Rom through the points, sampled about every `step` units."""
    pts = [points[0], *points, points[-1]]
    out: list[Point] = []
    for i in range(1, len(pts) - 2):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[i + 1], pts[i + 2]
        n = max(2, int(math.dist(p1, p2) / step))
        for k in range(n):
            t = k / n
            t2, t3 = t * t, t * t * t
            out.append(tuple(0.5 * (2 * p1[j] + (-p0[j] + p2[j]) * t
                                    + (2 * p0[j] - 5 * p1[j] + 4 * p2[j] - p3[j]) * t2
                                    + (-p0[j] + 3 * p1[j] - 3 * p2[j] + p3[j]) * t3)
                             for j in (0, 1)))  # type: ignore[arg-type]  # fmt: skip
    out.append(points[-1])
    return out


def _lifts_away(stroke: Sequence[Point]) -> bool:
    """Falling strokes (撇 down-left, 捺 down-right and long) end in a point."""
    (x0, y0), (x1, y1) = stroke[-2], stroke[-1]
    dx, dy = x1 - x0, y1 - y0
    length = math.dist(stroke[0], stroke[-1])
    return dy > 0.25 * abs(dx) and (dx < 0 or (dx > 0 and length > 0.35)) and abs(dx) > 0.02


def stroke_widths(path: Sequence[Point], lifts: bool) -> list[float]:
    """The width (a share of WEIGHT) at each point of a smoothed stroke."""
    n = len(path)
    seg = [math.dist(path[max(0, i - 1)], path[min(n - 1, i + 1)]) for i in range(n)]
    mean = sum(seg) / n or 1.0
    out = []
    for i in range(n):
        t = i / max(1, n - 1)
        press = 1.0 + 0.22 * math.exp(-((t / 0.07) ** 2))  # the brush lands
        speed = 1.0 - 0.18 * min(1.0, seg[i] / mean - 0.6)  # fast runs are thinner
        if lifts:
            end = max(0.12, 1.0 - max(0.0, t - 0.55) / 0.45 * 0.88)
        else:
            end = 1.0 + 0.18 * math.exp(-(((1.0 - t) / 0.07) ** 2))  # 顿笔: a small press
        out.append(press * speed * end)
    return out


def write_char(draw: ImageDraw.ImageDraw, strokes: Sequence[Sequence[Point]], at: Point,
               size: float, seed: int, value: int = 255) -> None:  # fmt: skip
    """Write one character (its stroke medians in [0, 1] units) in a `size` box at `at`."""
    rng = make_rng(seed)
    ax, ay = at
    # a character of many strokes is written with a finer brush, or its strokes would clog
    base = WEIGHT * size * min(1.0, max(0.55, 1.15 - len(strokes) / 22))
    for stroke in strokes:
        if len(stroke) < 2:
            continue
        path = _smooth(stroke, step=0.012)
        widths = stroke_widths(path, _lifts_away(stroke))
        ink = float(rng.uniform(0.85, 1.0))
        jitter = rng.normal(0.0, 0.04, len(path))
        for i, ((x, y), w) in enumerate(zip(path, widths, strict=True)):
            t = i / max(1, len(path) - 1)
            r = base * w * (1.0 + float(jitter[i])) / 2
            # a long stroke runs a little dry toward its end
            tone = int(value * ink * (1.0 - 0.15 * t * min(1.0, len(path) / 60)))
            cx, cy = ax + x * size, ay + y * size
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=max(0, min(255, tone)))


__all__ = ["WEIGHT", "stroke_widths", "write_char"]
