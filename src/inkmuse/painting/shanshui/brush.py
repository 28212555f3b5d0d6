"""Brush primitives on a Patch: tapered strokes, curved polylines and dots.

Coordinates are canvas pixels; the patch converts them to its supersampled grid.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from inkmuse.painting.canvas import Patch

Point = tuple[float, float]


def taper(patch: Patch, points: Sequence[Point], w0: float, w1: float,
          wobble: Sequence[float] | None = None) -> None:  # fmt: skip
    """A stroke along `points` whose width goes from w0 to w1 (canvas pixels); `wobble`,
    one factor a point, makes the width uneven the way a brush's pressure is."""
    n = len(points)
    if n < 2:
        return
    draw = patch.draw
    k = wobble if wobble is not None and len(wobble) == n else [1.0] * n
    for i in range(n - 1):
        (ax, ay), (bx, by) = patch.local(*points[i]), patch.local(*points[i + 1])
        wa = patch.s(w0 + (w1 - w0) * i / (n - 1)) / 2 * k[i]
        wb = patch.s(w0 + (w1 - w0) * (i + 1) / (n - 1)) / 2 * k[i + 1]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / length, dx / length
        quad = [(ax + nx * wa, ay + ny * wa), (bx + nx * wb, by + ny * wb),
                (bx - nx * wb, by - ny * wb), (ax - nx * wa, ay - ny * wa)]  # fmt: skip
        draw.polygon(quad, fill=255)
        draw.ellipse((bx - wb, by - wb, bx + wb, by + wb), fill=255)
    ax, ay = patch.local(*points[0])
    wa = patch.s(w0) / 2 * k[0]
    draw.ellipse((ax - wa, ay - wa, ax + wa, ay + wa), fill=255)


def line(patch: Patch, points: Sequence[Point], width: float) -> None:
    """A constant-width line (hair-thin details: needles, rails, ripples)."""
    if len(points) < 2:
        return
    pts = [patch.local(x, y) for x, y in points]
    patch.draw.line(pts, fill=255, width=max(1, round(patch.s(width))), joint="curve")


def dot(patch: Patch, x: float, y: float, rx: float, ry: float | None = None) -> None:
    cx, cy = patch.local(x, y)
    ax, ay = patch.s(rx), patch.s(ry if ry is not None else rx)
    patch.draw.ellipse((cx - ax, cy - ay, cx + ax, cy + ay), fill=255)


def polygon(patch: Patch, points: Sequence[Point], value: int = 255) -> None:
    patch.draw.polygon([patch.local(x, y) for x, y in points], fill=value)


def quad_curve(p0: Point, p1: Point, p2: Point, steps: int = 8) -> list[Point]:
    """Points on the quadratic Bézier p0 -> p2 pulled toward p1."""
    out = []
    for i in range(steps + 1):
        t = i / steps
        a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t * t
        out.append((a * p0[0] + b * p1[0] + c * p2[0], a * p0[1] + b * p1[1] + c * p2[1]))
    return out


__all__ = ["Point", "dot", "line", "polygon", "quad_curve", "taper"]
