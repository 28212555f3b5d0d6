"""Trees in the manner of the painting manuals (芥子园画传): a gnarled trunk grown by
recursive forking, then the species' foliage: dotted leaves (点叶), pine needle fans,
drooping willow strands, plum and peach blossom, red maple, crab-claw bare branches and
ink bamboo.
"""

from __future__ import annotations

import math

import numpy as np

from inkmuse.painting.canvas import Canvas, Patch
from inkmuse.painting.palettes import RGB, Palette
from inkmuse.painting.scene import Element
from inkmuse.painting.shanshui.brush import Point, dot, line, polygon, quad_curve, taper

MAPLE_RED: RGB = (0.70, 0.22, 0.12)

# species -> (trunk share of height, fork depth, spread (radians), gnarl, foliage)
_FORMS: dict[str, tuple[float, int, float, float, str]] = {
    "leafy": (0.4, 3, 0.55, 0.18, "dots"),
    "pine": (0.6, 2, 1.15, 0.12, "needles"),
    "willow": (0.38, 2, 0.5, 0.15, "strands"),
    "plum": (0.3, 3, 0.7, 0.35, "blossom"),
    "peach": (0.38, 3, 0.6, 0.2, "pink"),
    "maple": (0.4, 3, 0.6, 0.2, "red"),
    "bare": (0.42, 4, 0.55, 0.25, "none"),
}


def draw_tree(
    canvas: Canvas, tree: Element, palette: Palette, rng: np.random.Generator, wind: float = 0.0
) -> None:
    """One tree standing at (tree.x, tree.y), tree.size pixels tall; wind (-1..1) blows
    willow strands sideways."""
    size = tree.size
    box = (tree.x - 1.0 * size, tree.y - 1.2 * size, 2.0 * size, 1.25 * size)
    ink, colour = Patch.new(*box), Patch.new(*box)
    if tree.variant == "bamboo":
        # 墨分浓淡: stalks behind in pale ink, those in front dark, so the grove has depth
        _bamboo(ink, colour, tree, rng)
        canvas.lay_patch(colour, palette.ink, subject=True, opacity=0.42)
        canvas.lay_patch(ink, palette.ink, subject=True, opacity=0.88)
        return
    trunk_share, depth, spread, gnarl, foliage = _FORMS.get(tree.variant, _FORMS["leafy"])
    ends: list[Point] = []
    joints: list[Point] = []
    lean = rng.normal(0, 0.12)
    base_w = size * 0.045
    _grow(ink, rng, (tree.x, tree.y), math.pi / 2 + lean, size * trunk_share, base_w,
          depth, spread, gnarl, ends, joints)  # fmt: skip
    tint = palette.foliage
    if foliage == "dots":
        _dots(colour, ink, ends, size, rng, ink_share=0.3)
    elif foliage == "red":
        _dots(colour, ink, ends, size, rng, ink_share=0.1)
        tint = MAPLE_RED
    elif foliage == "pink":
        _dots(colour, ink, ends, size * 0.8, rng, ink_share=0.0)
        tint = palette.blossom
    elif foliage == "needles":
        _needles(colour, ink, ends, size, rng)
    elif foliage == "strands":
        _strands(colour, ends, size, rng, wind)
    elif foliage == "blossom":
        _blossom(colour, ink, joints + ends, size, rng)
        tint = palette.blossom
    canvas.lay_patch(colour, tint, subject=True, opacity=0.85)
    canvas.lay_patch(ink, palette.ink, subject=True, opacity=0.9)


def _grow(patch: Patch, rng: np.random.Generator, start: Point, angle: float, length: float,
          width: float, depth: int, spread: float, gnarl: float, ends: list[Point],
          joints: list[Point]) -> None:  # fmt: skip
    pts = [start]
    a = angle
    for _ in range(3):
        a += rng.normal(0, gnarl)
        x, y = pts[-1]
        pts.append((x + math.cos(a) * length / 3, y - math.sin(a) * length / 3))
    end_w = width * 0.62
    # trunks and branches swell and pinch a little, as the brush presses and eases
    taper(patch, pts, width, end_w, wobble=rng.uniform(0.8, 1.25, len(pts)).tolist())
    joints.extend(pts[1:])
    if depth == 0 or end_w < 0.45:
        ends.append(pts[-1])
        return
    for k in range(int(rng.integers(2, 4))):
        side = -1.0 if k % 2 == 0 else 1.0
        child = a + side * spread * rng.uniform(0.5, 1.0)
        reach = rng.uniform(0.55, 0.78)
        # branches of a pine reach sideways, short and layered; others rise
        if spread > 1.0:
            child = math.pi / 2 + side * spread + rng.normal(0, 0.15)
            reach = rng.uniform(0.42, 0.6)
        _grow(patch, rng, pts[-1], child, length * reach, end_w, depth - 1,
              spread, gnarl, ends, joints)  # fmt: skip


def _dots(colour: Patch, ink: Patch, ends: list[Point], size: float, rng: np.random.Generator,
          ink_share: float) -> None:  # fmt: skip
    """Clusters of flat leaf dots around each twig end; some dots in ink give depth."""
    r = size * 0.11
    for ex, ey in ends:
        n = int(rng.integers(14, 24))
        dx = rng.normal(0, r * 0.55, n)
        dy = rng.normal(-r * 0.15, r * 0.4, n)
        rx = rng.uniform(0.012, 0.022, n) * size
        for i in range(n):
            target = ink if rng.random() < ink_share else colour
            dot(target, ex + dx[i], ey + dy[i], rx[i], rx[i] * 0.6)


def _needles(colour: Patch, ink: Patch, ends: list[Point], size: float,
             rng: np.random.Generator) -> None:  # fmt: skip
    """Pine needles: fans of short lines over a soft green cushion."""
    r = size * 0.1
    for ex, ey in ends:
        # a ragged wash under the needles, built from overlapping blots rather than one oval
        for _ in range(7):
            dot(colour, ex + rng.normal(0, r * 0.6), ey + rng.normal(-r * 0.2, r * 0.18),
                r * rng.uniform(0.35, 0.6), r * rng.uniform(0.2, 0.32))  # fmt: skip
        for _ in range(int(rng.integers(4, 8))):
            cx, cy = ex + rng.normal(0, r * 0.7), ey + rng.normal(-r * 0.15, r * 0.25)
            # a fan of needles (扇形松针), denser and darker at its hub
            start = rng.uniform(-0.25, 0.2)
            for a in np.linspace(start, math.pi - start, int(rng.integers(11, 17))):
                ln = r * rng.uniform(0.45, 0.75)
                line(ink, [(cx, cy), (cx + math.cos(a) * ln, cy - math.sin(a) * ln * 0.55)], 0.55)


def _strands(colour: Patch, ends: list[Point], size: float, rng: np.random.Generator,
             wind: float) -> None:  # fmt: skip
    """Willow: long strands rising a little then falling like hair."""
    for ex, ey in ends:
        for _ in range(int(rng.integers(6, 11))):
            out = rng.normal(0, size * 0.12) + wind * size * 0.25
            drop = size * rng.uniform(0.25, 0.55)
            pts = quad_curve((ex, ey), (ex + out, ey - size * 0.06), (ex + out * 1.3, ey + drop))
            line(colour, pts, max(0.8, size * 0.004))


def _blossom(colour: Patch, ink: Patch, points: list[Point], size: float,
             rng: np.random.Generator) -> None:  # fmt: skip
    """Plum blossom: small five-petal circles along the branches, with dark calyx dots."""
    r = size * 0.014
    for px, py in points:
        if rng.random() < 0.35:
            continue
        cx, cy = px + rng.normal(0, r * 2), py + rng.normal(0, r * 2)
        for k in range(5):
            a = k * 2 * math.pi / 5 + rng.uniform(0, 0.5)
            dot(colour, cx + math.cos(a) * r * 0.7, cy + math.sin(a) * r * 0.7, r * 0.6)
        dot(ink, cx, cy, r * 0.25)


def _bamboo(ink: Patch, pale: Patch, tree: Element, rng: np.random.Generator) -> None:
    """Ink bamboo: jointed stalks and clusters of blade-shaped leaves pointing down; about
    half the stalks go on the `pale` patch, to be laid in lighter ink behind the others."""
    size = tree.size
    for k in range(int(rng.integers(3, 6))):
        target = pale if k % 2 else ink
        x = tree.x + rng.normal(0, size * 0.08)
        height = size * rng.uniform(0.7, 1.0)
        bend = rng.normal(0, size * 0.05)
        segments = int(rng.integers(5, 8))
        w = size * 0.018
        for s in range(segments):
            t0, t1 = s / segments, (s + 1) / segments - 0.012
            p0 = (x + bend * t0 * t0, tree.y - height * t0)
            p1 = (x + bend * t1 * t1, tree.y - height * t1)
            taper(target, [p0, p1], w, w * 0.9)
            if s >= segments // 2 and rng.random() < 0.7:
                _leaves(target, p1, size, rng)


def _leaves(ink: Patch, at: Point, size: float, rng: np.random.Generator) -> None:
    for _ in range(int(rng.integers(2, 5))):
        a = rng.uniform(-math.pi * 0.95, -math.pi * 0.05)  # pointing down-ish, like "个"
        ln = size * rng.uniform(0.08, 0.14)
        tip = (at[0] + math.cos(a) * ln, at[1] - math.sin(a) * ln)
        mid = (at[0] + math.cos(a) * ln * 0.4, at[1] - math.sin(a) * ln * 0.4)
        nx, ny = -math.sin(a) * ln * 0.09, -math.cos(a) * ln * 0.09
        polygon(ink, [at, (mid[0] + nx, mid[1] + ny), tip, (mid[0] - nx, mid[1] - ny)])


__all__ = ["draw_tree"]
