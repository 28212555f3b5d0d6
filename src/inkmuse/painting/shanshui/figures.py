"""Small things that give a landscape its scale and its story: boats, a fisherman, a
pavilion, a pagoda, a village, a bridge, birds, reeds, lotus and chrysanthemums.
"""

from __future__ import annotations

import math

import numpy as np

from inkmuse.painting.canvas import Canvas, Patch
from inkmuse.painting.palettes import RGB, Palette
from inkmuse.painting.scene import Element
from inkmuse.painting.shanshui.brush import dot, line, polygon, quad_curve, taper

CHRYSANTHEMUM: RGB = (0.88, 0.68, 0.18)


def draw_figure(
    canvas: Canvas, e: Element, palette: Palette, rng: np.random.Generator, wind: float = 0.0
) -> None:
    """Draw one placed element that is not a tree, mountain, light or water; wind (-1..1)
    bends the reeds."""
    if e.kind == "reeds":
        _reeds(canvas, e, palette, rng, wind)
        return
    drawers = {"boat": _boat, "pavilion": _pavilion, "temple": _temple, "village": _village,
               "bridge": _bridge, "geese": _birds, "birds": _birds, "crane": _crane,
               "reeds": _reeds, "lotus": _lotus, "chrysanthemum": _flowers}  # fmt: skip
    drawers[e.kind](canvas, e, palette, rng)


def _box(e: Element, left: float, up: float, right: float, down: float) -> Patch:
    s = e.size
    return Patch.new(e.x - left * s, e.y - up * s, (left + right) * s, (up + down) * s)


def _boat(canvas: Canvas, e: Element, palette: Palette, rng: np.random.Generator) -> None:
    L, x, y = e.size, e.x, e.y
    ink = _box(e, 0.7, 1.3, 0.9, 0.3)
    direction = 1.0 if rng.random() < 0.5 else -1.0
    bow, stern = x + direction * L / 2, x - direction * L / 2
    hull = quad_curve((stern, y - 0.1 * L), (x, y + 0.12 * L), (bow, y - 0.16 * L), 10)
    polygon(ink, [*hull, (x, y - 0.06 * L)])
    if e.variant == "sail":
        mast = [(x, y - 0.04 * L), (x + direction * 0.04 * L, y - 0.95 * L)]
        line(ink, mast, max(0.8, L * 0.015))
        sail = Patch.new(ink.x, ink.y, ink.w, ink.h)
        polygon(sail, [(x + direction * 0.05 * L, y - 0.9 * L), (x + direction * 0.38 * L, y - 0.75 * L),
                       (x + direction * 0.3 * L, y - 0.12 * L), (x + direction * 0.04 * L, y - 0.12 * L)])  # fmt: skip
        canvas.lay_patch(sail, palette.far, subject=True, opacity=0.7)
    elif e.variant == "skiff":
        roof = quad_curve(
            (x - 0.22 * L, y - 0.08 * L), (x, y - 0.42 * L), (x + 0.22 * L, y - 0.08 * L)
        )
        polygon(ink, roof)
    else:  # a fisherman in a straw hat with his rod over the water
        fx = x - direction * 0.1 * L
        polygon(
            ink, [(fx - 0.06 * L, y - 0.06 * L), (fx + 0.05 * L, y - 0.06 * L), (fx, y - 0.28 * L)]
        )
        polygon(
            ink, [(fx - 0.13 * L, y - 0.27 * L), (fx + 0.13 * L, y - 0.27 * L), (fx, y - 0.38 * L)]
        )
        tip = (fx + direction * 0.75 * L, y - 0.7 * L)
        line(ink, [(fx, y - 0.2 * L), tip], max(0.6, L * 0.01))
        line(ink, [tip, (tip[0] + direction * 0.02 * L, y + 0.1 * L)], 0.5)
    canvas.lay_patch(ink, palette.ink, subject=True, opacity=0.9)
    # its reflection: a few broken strokes under the hull
    ripple = _box(e, 0.7, 0.0, 0.9, 0.3)
    for k in range(3):
        yy = y + (0.05 + 0.06 * k) * L
        off = rng.normal(0, 0.08 * L)
        line(ripple, [(x - 0.3 * L + off, yy), (x + 0.25 * L + off, yy)], 0.8)
    canvas.lay_patch(ripple, palette.ink, subject=False, opacity=0.35)


def _roof(ink: Patch, x: float, y: float, half: float, rise: float) -> None:
    """A roof with the upturned eaves of Chinese architecture, its ridge at height y - rise."""
    left = quad_curve(
        (x - half * 1.25, y - rise * 0.35),
        (x - half * 0.75, y + rise * 0.1),
        (x - half * 0.2, y - rise),
    )
    right = quad_curve(
        (x + half * 0.2, y - rise),
        (x + half * 0.75, y + rise * 0.1),
        (x + half * 1.25, y - rise * 0.35),
    )
    polygon(ink, [*left, *right, (x + half * 0.9, y), (x - half * 0.9, y)])


def _pavilion(canvas: Canvas, e: Element, palette: Palette, rng: np.random.Generator) -> None:
    h, x, y = e.size, e.x, e.y
    ink = _box(e, 1.0, 1.15, 1.0, 0.1)
    for px in (x - 0.45 * h, x + 0.45 * h):
        line(ink, [(px, y), (px, y - 0.5 * h)], max(0.8, h * 0.05))
    line(ink, [(x - 0.6 * h, y), (x + 0.6 * h, y)], max(1.0, h * 0.07))
    _roof(ink, x, y - 0.5 * h, 0.55 * h, 0.45 * h)
    line(ink, [(x, y - 0.95 * h), (x, y - 1.08 * h)], max(0.6, h * 0.03))
    canvas.lay_patch(ink, palette.ink, subject=True, opacity=0.9)


def _temple(canvas: Canvas, e: Element, palette: Palette, rng: np.random.Generator) -> None:
    """A pagoda of five storeys, each narrower than the one below, seen far off."""
    h, x, y = e.size, e.x, e.y
    ink = _box(e, 0.6, 1.2, 0.6, 0.05)
    storey = h / 5.5
    for k in range(5):
        half = 0.22 * h * (1.0 - 0.13 * k)
        base = y - k * storey
        line(ink, [(x - half * 0.6, base), (x - half * 0.6, base - storey * 0.55)], 0.8)
        line(ink, [(x + half * 0.6, base), (x + half * 0.6, base - storey * 0.55)], 0.8)
        _roof(ink, x, base - storey * 0.55, half, storey * 0.45)
    line(ink, [(x, y - 5 * storey), (x, y - 5.5 * storey)], max(0.6, h * 0.02))
    canvas.lay_patch(ink, palette.ink, subject=True, opacity=0.8)


def _village(canvas: Canvas, e: Element, palette: Palette, rng: np.random.Generator) -> None:
    """Two to four thatched huts on the shore: pale walls, dark roofs."""
    h = e.size
    walls, ink = _box(e, 3.0, 1.2, 3.0, 0.1), _box(e, 3.0, 1.2, 3.0, 0.1)
    for k in range(int(rng.integers(2, 5))):
        x = e.x + (k - 1.5) * h * 1.25 + rng.normal(0, h * 0.15)
        w = h * rng.uniform(0.9, 1.3)
        top = e.y - h * 0.5
        polygon(walls, [(x - w / 2, e.y), (x + w / 2, e.y), (x + w / 2, top), (x - w / 2, top)])
        line(ink, [(x - w / 2, e.y), (x - w / 2, top)], 0.7)
        line(ink, [(x + w / 2, e.y), (x + w / 2, top)], 0.7)
        polygon(
            ink,
            [
                (x - w * 0.65, top),
                (x + w * 0.65, top),
                (x + w * 0.3, top - h * 0.45),
                (x - w * 0.3, top - h * 0.45),
            ],
        )
    canvas.lay_patch(walls, palette.paper, subject=True, opacity=0.95)
    canvas.lay_patch(ink, palette.ink, subject=True, opacity=0.85)


def _bridge(canvas: Canvas, e: Element, palette: Palette, rng: np.random.Generator) -> None:
    L, x, y = e.size, e.x, e.y
    ink = _box(e, 0.6, 0.35, 0.6, 0.1)
    arch = quad_curve((x - L / 2, y), (x, y - 0.45 * L), (x + L / 2, y), 12)
    line(ink, arch, max(1.0, L * 0.03))
    line(ink, [(p[0], p[1] - 0.08 * L) for p in arch], max(0.6, L * 0.012))
    for p in arch[2:-2:2]:
        line(ink, [p, (p[0], p[1] - 0.08 * L)], 0.6)
    canvas.lay_patch(ink, palette.ink, subject=True, opacity=0.85)


def _birds(canvas: Canvas, e: Element, palette: Palette, rng: np.random.Generator) -> None:
    """Geese fly in a V (人字雁阵); other birds scatter. Each is one flat brush flick."""
    n, span = int(e.variant or 5), e.size
    ink = Patch.new(e.x - span * 14, e.y - span * 8, span * 28, span * 16)
    for i in range(n):
        if e.kind == "geese":
            k = (i + 1) // 2
            side = -1 if i % 2 else 1
            bx, by = e.x + side * k * span * 2.2, e.y + k * span * 1.3
        else:
            bx, by = e.x + rng.normal(0, span * 5), e.y + rng.normal(0, span * 3)
        flap = rng.uniform(0.2, 0.5)
        pts = quad_curve(
            (bx - span, by - span * flap), (bx - span * 0.4, by - span * 0.1), (bx, by), 4
        )
        pts += quad_curve(
            (bx, by), (bx + span * 0.4, by - span * 0.1), (bx + span, by - span * flap), 4
        )[1:]
        line(ink, pts, max(0.8, span * 0.14))
    canvas.lay_patch(ink, palette.ink, subject=True, opacity=0.85)


def _crane(canvas: Canvas, e: Element, palette: Palette, rng: np.random.Generator) -> None:
    """A crane in flight: white wings with black flight feathers, neck stretched forward,
    legs trailing, and the red crown (丹顶) that names it."""
    s, x, y = e.size, e.x, e.y
    white, ink, crown = (_box(e, 1.3, 0.9, 1.3, 0.8) for _ in range(3))
    lift = rng.uniform(0.25, 0.55)
    for side in (-1.0, 1.0):
        wing = [(x - s * 0.12, y), (x + s * 0.12, y),
                (x + side * s * 0.55, y - s * lift), (x + side * s * 0.35, y - s * lift * 0.2)]  # fmt: skip
        polygon(white, wing)
        tip = [(x + side * s * 0.42, y - s * lift * 0.85), (x + side * s * 0.62, y - s * lift * 1.05),
               (x + side * s * 0.5, y - s * lift * 0.45)]  # fmt: skip
        polygon(ink, tip)
        line(ink, [(x, y), (x + side * s * 0.55, y - s * lift)], max(0.5, s * 0.015))
    dot(white, x, y + s * 0.02, s * 0.2, s * 0.07)
    line(ink, [(x + s * 0.18, y), (x + s * 0.62, y - s * 0.05)], max(0.6, s * 0.03))
    dot(crown, x + s * 0.64, y - s * 0.055, s * 0.035)
    line(ink, [(x - s * 0.2, y + s * 0.03), (x - s * 0.7, y + s * 0.1)], max(0.5, s * 0.018))
    canvas.lay_patch(white, (0.98, 0.97, 0.94), subject=True)
    canvas.lay_patch(ink, palette.ink, subject=True, opacity=0.9)
    canvas.lay_patch(crown, palette.seal, subject=True)


def _reeds(canvas: Canvas, e: Element, palette: Palette, rng: np.random.Generator,
           wind: float = 0.0) -> None:  # fmt: skip
    h = e.size
    ink = _box(e, 2.0, 1.2, 2.0, 0.1)
    for _ in range(int(rng.integers(14, 26))):
        bx = e.x + rng.normal(0, h * 0.6)
        lean = (rng.normal(0.15, 0.2) + wind * 0.6) * h
        tall = h * rng.uniform(0.5, 1.1)
        blade = quad_curve(
            (bx, e.y), (bx + lean * 0.2, e.y - tall * 0.6), (bx + lean, e.y - tall), 6
        )
        taper(ink, blade, max(0.9, h * 0.025), 0.3)
        if rng.random() < 0.35:
            tx, ty = blade[-1]
            dot(ink, tx, ty - h * 0.04, h * 0.02, h * 0.06)
    canvas.lay_patch(ink, palette.ink, subject=True, opacity=0.7)


def _lotus(canvas: Canvas, e: Element, palette: Palette, rng: np.random.Generator) -> None:
    s = e.size
    leaves, ink, flowers = (
        _box(e, 2.5, 1.5, 2.5, 0.5),
        _box(e, 2.5, 1.5, 2.5, 0.5),
        _box(e, 2.5, 1.5, 2.5, 0.5),
    )
    for _ in range(int(rng.integers(4, 7))):
        lx, ly = e.x + rng.normal(0, s), e.y + rng.normal(0, s * 0.25)
        r = s * rng.uniform(0.35, 0.6)
        dot(leaves, lx, ly, r, r * 0.35)
        line(ink, [(lx - r, ly), (lx, ly - r * 0.1), (lx + r, ly)], 0.6)
    for _ in range(int(rng.integers(1, 3))):
        fx, fy = e.x + rng.normal(0, s * 0.8), e.y - s * rng.uniform(0.4, 0.9)
        line(ink, [(fx, fy), (fx + rng.normal(0, s * 0.05), e.y)], 0.7)
        for a in (-0.5, 0.0, 0.5):
            tip = (fx + math.sin(a) * s * 0.3, fy - math.cos(a) * s * 0.35)
            polygon(flowers, [(fx - s * 0.06, fy), tip, (fx + s * 0.06, fy)])
    canvas.lay_patch(leaves, palette.foliage, subject=True, opacity=0.7)
    canvas.lay_patch(flowers, palette.blossom, subject=True, opacity=0.85)
    canvas.lay_patch(ink, palette.ink, subject=True, opacity=0.7)


def _flowers(canvas: Canvas, e: Element, palette: Palette, rng: np.random.Generator) -> None:
    s = e.size
    heads, ink = _box(e, 1.5, 1.2, 1.5, 0.1), _box(e, 1.5, 1.2, 1.5, 0.1)
    for _ in range(int(rng.integers(5, 9))):
        fx, fy = e.x + rng.normal(0, s * 0.5), e.y - s * rng.uniform(0.3, 1.0)
        line(ink, [(fx, fy), (fx + rng.normal(0, s * 0.1), e.y)], 0.6)
        for a in np.linspace(0, 2 * math.pi, 10, endpoint=False):
            dot(
                heads,
                fx + math.cos(a) * s * 0.11,
                fy + math.sin(a) * s * 0.065,
                s * 0.055,
                s * 0.032,
            )
    canvas.lay_patch(heads, CHRYSANTHEMUM, subject=True, opacity=0.9)
    canvas.lay_patch(ink, palette.ink, subject=True, opacity=0.7)


__all__ = ["draw_figure"]
