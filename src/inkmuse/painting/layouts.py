"""The kinds of landscape, each a small function that stands its masses and its staples.

A layout returns its distance (平远 level, 高远 high, 深远 deep), the horizon, the masses
back to front and the elements that make the kind what it is (the huts and bridge of a
village, the grove of a bamboo scene). `compose` then adds only what the words asked for
(moon, sun, birds, boats, smoke, a waterfall, buildings) and checks nothing forbidden
slipped in.

    >>> from inkmuse.painting.reader import read_scene
    >>> compose(read_scene("大漠孤烟直"), 640, 480, seed=1).kind
    'desert'
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from inkmuse.core.seeds import derive_seed, make_rng
from inkmuse.painting.placer import Placer
from inkmuse.painting.reader import SceneIntent
from inkmuse.painting.scene import Element, Massif, Scene, ridge

Built = tuple[str, float, list[Massif], list[Element]]
# element kind -> the intent words that forbid it
_FORBIDS = {"birds": "bird", "geese": "goose", "crane": "crane", "moon": "moon", "sun": "sun",
            "boat": "boat", "smoke": "smoke", "village": "village", "pavilion": "pavilion",
            "temple": "temple", "bridge": "bridge", "stars": "stars", "waterfall": "waterfall"}  # fmt: skip


def _lake(p: Placer, it: SceneIntent, snow: bool) -> Built:
    layout = "level" if p.rng.random() < 0.75 else "deep"
    horizon = p.h * (0.6 if layout == "level" else 0.68) + p.h * p.u(-0.05, 0.04)
    out = [p.far_range(horizon, 0.1 if layout == "level" else 0.2, snow)]
    if layout == "deep":
        peaks = [(p.u(0.0, 0.8), p.u(0.12, 0.22), p.u(0.12, 0.24)) for _ in range(3)]
        out.append(p.mass(0.5, horizon - 0.08 * p.h, -0.1, p.u(0.5, 0.9), peaks, snow))
    out.append(p.main_mass(horizon + 0.01 * p.h, p.u(0.24, 0.38), p.u(0.42, 0.6), snow))
    if p.rng.random() < 0.5:  # a smaller answering mass on the open side
        f = p.u(0.8, 0.98)
        out.append(p.mass(1.2, horizon + 0.01 * p.h, f - 0.25, 1.15,
                          [(f, p.u(0.08, 0.14), p.u(0.06, 0.12))], snow))  # fmt: skip
    near = p.rng.random() < 0.65
    f0, f1 = (-0.1, p.u(0.3, 0.48)) if near else (p.u(0.55, 0.7), 1.1)
    bank = p.bank(f0, f1, p.u(0.1, 0.17))
    out.append(bank)
    return layout, horizon, out, p.trees(bank, it, int(p.rng.integers(2, 5)), (0.16, 0.3))


def _mountains(p: Placer, it: SceneIntent, snow: bool) -> Built:
    layout = "high" if p.rng.random() < 0.65 or it.kind == "temple" else "deep"
    horizon = p.h * p.u(0.74, 0.8)
    out = [p.far_range(horizon, 0.16 if layout == "high" else 0.22, snow)]
    if layout == "deep":
        for k, lift in enumerate((0.14, 0.07)):
            peaks = [(p.u(0.0, 0.8), p.u(0.12, 0.22), p.u(0.14, 0.26)) for _ in range(3)]
            out.append(
                p.mass(0.4 + 0.2 * k, horizon - lift * p.h, -0.1, p.u(0.5, 0.95), peaks, snow)
            )
    top = p.u(0.1, 0.2) if layout == "high" else p.u(0.2, 0.3)
    main = p.main_mass(horizon + 0.01 * p.h, horizon / p.h - top, p.u(0.5, 0.68), snow)
    out.append(main)
    f0, f1 = (-0.1, p.u(0.3, 0.5)) if p.rng.random() < 0.6 else (p.u(0.55, 0.7), 1.1)
    bank = p.bank(f0, f1, p.u(0.08, 0.14))
    out.append(bank)
    elements = p.trees(bank, it, int(p.rng.integers(2, 4)), (0.14, 0.26),
                       pool=["pine", "pine", "leafy"] if it.kind == "temple" else None)  # fmt: skip
    if it.kind == "temple":
        cx, half, h = max(main.peaks, key=lambda q: q[2])
        x = cx + p.u(-0.45, 0.45) * half
        elements.append(Element("temple", x, p.on_ridge(main, x) + h * p.u(0.3, 0.45),
                                p.unit * p.u(0.07, 0.1)))  # fmt: skip
    return layout, horizon, out, elements


def _river_valley(p: Placer, it: SceneIntent, snow: bool) -> Built:
    """深远: masses step forward from alternate sides, the river winding between them."""
    horizon = p.h * p.u(0.5, 0.58)
    out = [p.far_range(horizon, p.u(0.1, 0.16), snow)]
    steps = [(0.0, 0.5, horizon + 0.03 * p.h, p.u(0.2, 0.3)),
             (0.58, 1.1, horizon + 0.11 * p.h, p.u(0.16, 0.24)),
             (-0.1, 0.4, horizon + 0.2 * p.h, p.u(0.14, 0.2))]  # fmt: skip
    for k, (f0, f1, base, height) in enumerate(steps):
        top_x = f0 + (f1 - f0) * (p.u(0.3, 0.45) if k != 1 else p.u(0.55, 0.7))
        peaks = [
            (top_x, (f1 - f0) * p.u(0.3, 0.42), height),
            (f0 + (f1 - f0) * p.u(0.1, 0.9), p.u(0.06, 0.12), height * p.u(0.4, 0.7)),
        ]
        out.append(p.mass(1.0 if k == 0 else 2.0 + 0.2 * k, base, f0, f1, peaks, snow))
    bank = p.bank(p.u(0.55, 0.68), 1.1, p.u(0.08, 0.13))
    out.append(bank)
    return "deep", horizon, out, p.trees(bank, it, int(p.rng.integers(2, 4)), (0.14, 0.26))


def _desert(p: Placer, it: SceneIntent, snow: bool) -> Built:
    """平远 over sand: low far hills, long dunes, a plain that runs to the horizon."""
    horizon = p.h * p.u(0.55, 0.63)
    out = [p.far_range(horizon, p.u(0.04, 0.07), snow)]
    # dunes in three rows, each lower on the canvas and larger than the one behind it
    for base, tall, n in ((0.07, (0.025, 0.045), 3), (0.17, (0.05, 0.08), 2)):
        dunes = [(p.u(-0.05, 1.05), p.u(0.15, 0.3), p.u(*tall)) for _ in range(n)]
        out.append(p.mass(2.2 + base, horizon + p.h * base, -0.1, 1.1, dunes, snow, "dune"))
    out.append(p.bank(-0.1, p.u(0.55, 0.75), p.u(0.12, 0.2), snow, "dune"))
    return "level", horizon, out, []


def _snowy_plain(p: Placer, it: SceneIntent, snow: bool) -> Built:
    """平远 in snow: a white plain, low far hills and a cold grove (寒林) on a rise."""
    horizon = p.h * p.u(0.48, 0.56)
    out = [p.far_range(horizon, p.u(0.07, 0.12), True)]
    # a low snowy rise in the middle distance, then the near rise where the grove stands
    out.append(p.mass(2.2, horizon + p.h * p.u(0.08, 0.12), 0.45, 1.1,
                      [(p.u(0.6, 0.9), p.u(0.15, 0.25), p.u(0.02, 0.04))], True, "ground"))  # fmt: skip
    bank = p.bank(-0.1, p.u(0.45, 0.6), p.u(0.05, 0.08), True, "ground")
    out.append(bank)
    trees = p.trees(bank, it, int(p.rng.integers(4, 7)), (0.2, 0.32), pool=["bare", "bare", "pine"],
                    span=(0.15, 0.65))  # fmt: skip
    return "level", horizon, out, trees


def _cloud_sea(p: Placer, it: SceneIntent, snow: bool) -> Built:
    """高远 above the clouds: peaks rise out of a white sea, a cliff with pines in front."""
    horizon = p.h * p.u(0.6, 0.66)
    cloud_top = p.h * p.u(0.44, 0.52)
    out = []
    for k, f in enumerate((p.u(0.45, 0.6), p.u(0.75, 0.95))):
        # far summits come in groups, a tall one with lower shoulders
        tall = p.u(0.08, 0.16)
        cluster = [(f + p.u(-0.06, 0.06), p.u(0.05, 0.09), tall * (1.0 if i == 0 else p.u(0.4, 0.7)))
                   for i in range(3)]  # fmt: skip
        out.append(p.mass(0.5 + 0.1 * k, cloud_top + 0.08 * p.h, f - 0.1, f + 0.1, cluster, snow))
    main = p.main_mass(cloud_top + 0.1 * p.h, p.u(0.3, 0.4), p.u(0.4, 0.55), snow)
    out.append(main)
    cliff = p.bank(-0.1, p.u(0.22, 0.32), p.u(0.28, 0.4), snow)
    out.append(cliff)
    elements = [Element("cloud_sea", p.w / 2, cloud_top, p.h - cloud_top)]
    elements += p.trees(
        cliff, it, int(p.rng.integers(1, 3)), (0.16, 0.24), pool=["pine"], span=(0.3, 0.75)
    )
    return "high", horizon, out, elements


def _coast(p: Placer, it: SceneIntent, snow: bool) -> Built:
    """平远 at sea: a flat sea line, a headland standing in the water, rocks in front."""
    horizon = p.h * p.u(0.46, 0.54)
    out = [
        p.mass(0.3, horizon, 0.7, 1.0, [(p.u(0.75, 0.95), p.u(0.04, 0.08), p.u(0.02, 0.04))], snow)
    ]
    base = horizon + p.h * p.u(0.2, 0.28)
    out.append(p.main_mass(base, p.u(0.3, 0.42), p.u(0.38, 0.5), snow))
    bank = p.bank(-0.1, p.u(0.3, 0.42), p.u(0.08, 0.12), snow)
    out.append(bank)
    return (
        "level",
        horizon,
        out,
        p.trees(bank, it, int(p.rng.integers(1, 3)), (0.14, 0.22), pool=["pine"]),
    )


def _village(p: Placer, it: SceneIntent, snow: bool) -> Built:
    """平远 by a stream: huts on the near bank, a bridge to the far one, trees by the water."""
    horizon = p.h * p.u(0.52, 0.6)
    out = [p.far_range(horizon, p.u(0.1, 0.16), snow)]
    out.append(p.main_mass(horizon + 0.01 * p.h, p.u(0.18, 0.28), p.u(0.45, 0.6), snow))
    near = p.bank(-0.1, p.u(0.46, 0.52), p.u(0.1, 0.15), snow)
    far = p.bank(p.u(0.6, 0.66), 1.1, p.u(0.06, 0.1), snow, base=p.h * p.u(0.9, 0.96))
    out += [far, near]
    hx = p.x(p.u(0.14, 0.24))
    elements = [Element("village", hx, p.on_ridge(near, hx, 0.02), p.unit * p.u(0.05, 0.065))]
    elements.append(_bridge_between(p, near, far))
    elements += p.trees(near, it, int(p.rng.integers(2, 4)), (0.15, 0.26), span=(0.62, 0.95))
    elements += p.trees(far, it, 1, (0.12, 0.2), span=(0.3, 0.6))
    return "level", horizon, out, elements


def _bridge_between(p: Placer, a: Massif, b: Massif) -> Element:
    """A bridge from the inner edge of one bank to that of the other, at a height both
    banks rise above, so each end rests on land."""
    xs = np.arange(p.w, dtype=np.float32)
    ra, rb = ridge(a, xs), ridge(b, xs)
    y = min(max(float(ra.min()), float(rb.min())) + 0.015 * p.h, p.h * 0.97)
    ends = [xs[r < y] for r in (ra, rb)]
    if ends[0].mean() > ends[1].mean():
        ends.reverse()
    x0, x1 = float(ends[0].max()), float(ends[1].min())
    length = max(abs(x1 - x0) * 1.1, p.w * 0.06)
    return Element("bridge", (x0 + x1) / 2, y, length)


def _pavilion(p: Placer, it: SceneIntent, snow: bool) -> Built:
    layout, horizon, out, elements = _lake(p, it, snow)
    bank = out[-1]
    x = bank.x0 + (bank.x1 - bank.x0) * p.u(0.45, 0.7)
    x = min(max(x, 0.06 * p.w), 0.94 * p.w)
    elements.append(Element("pavilion", x, p.on_ridge(bank, x), p.unit * p.u(0.08, 0.11)))
    return layout, horizon, out, elements


def _bamboo(p: Placer, it: SceneIntent, snow: bool) -> Built:
    """A near view: a grove of bamboo on a bank, far hills faint behind."""
    horizon = p.h * p.u(0.62, 0.7)
    out = [p.far_range(horizon, p.u(0.08, 0.14), snow)]
    bank = p.bank(-0.1, p.u(0.6, 0.8), p.u(0.1, 0.16), snow)
    out.append(bank)
    grove = p.trees(
        bank, it, int(p.rng.integers(4, 7)), (0.4, 0.62), pool=["bamboo"], span=(0.08, 0.7)
    )
    return "level", horizon, out, grove


def _willows(p: Placer, it: SceneIntent, snow: bool) -> Built:
    """平远 along a river: a long low bank with a row of willows, the far shore low."""
    horizon = p.h * p.u(0.5, 0.58)
    out = [p.far_range(horizon, p.u(0.05, 0.09), snow)]
    out.append(p.mass(1.0, horizon + 0.01 * p.h, 0.3, 1.1,
                      [(p.u(0.5, 0.9), p.u(0.15, 0.3), p.u(0.03, 0.06))], snow))  # fmt: skip
    bank = p.bank(-0.1, p.u(0.6, 0.8), p.u(0.07, 0.11), snow)
    out.append(bank)
    pool = ["willow"] + [s for s in ("peach", "plum") if it.wants(s)]
    row = p.trees(bank, it, int(p.rng.integers(3, 6)), (0.28, 0.4), pool=pool, span=(0.1, 0.75))
    return "level", horizon, out, row


LAYOUT_OF: dict[str, Callable[[Placer, SceneIntent, bool], Built]] = {
    "lake": _lake, "mountains": _mountains, "temple": _mountains, "river_valley": _river_valley,
    "desert": _desert, "snowy_plain": _snowy_plain, "cloud_sea": _cloud_sea, "coast": _coast,
    "village": _village, "pavilion": _pavilion, "bamboo": _bamboo, "willows": _willows,
}  # fmt: skip


def compose(intent: SceneIntent, width: int, height: int, seed: int) -> Scene:
    """The scene for `intent`; the same intent, size and seed give the same scene."""
    # the kind and what is asked seed the composition too, so two poems painted with one
    # seed do not share their mountains
    p = Placer(
        width, height, make_rng(derive_seed(seed, "scene", intent.kind, *intent.wanted)), seed
    )
    snow = intent.season == "winter" or "snow" in intent.wanted
    layout, horizon, masses, elements = LAYOUT_OF[intent.kind](p, intent, snow)
    # on a plain a river is a band across it, not water to the bottom edge
    shore = horizon + p.h * p.u(0.035, 0.06) if intent.kind in ("desert", "snowy_plain") else None
    elements = p.light(intent, horizon) + elements
    elements += _asked(p, intent, masses, horizon, elements)
    elements += p.birds(intent)
    kept = [e for e in elements if _FORBIDS.get(e.kind) not in intent.forbidden
            and e.variant not in intent.forbidden]  # fmt: skip
    return Scene(width, height, layout, p.side, float(horizon), intent.water, tuple(masses),
                 tuple(kept), intent.weather, intent.kind, intent.sky, intent, shore)  # fmt: skip


def _asked(p: Placer, it: SceneIntent, masses: list[Massif], horizon: float,
           have: list[Element]) -> list[Element]:  # fmt: skip
    """What the words ask for beyond the layout's own elements."""
    out: list[Element] = []
    kinds = {e.kind for e in have}
    bank = masses[-1]
    main = max((m for m in masses if m.depth < 3.0), key=lambda m: max(q[2] for q in m.peaks))
    if it.water:
        bottom = horizon + 0.05 * p.h if it.kind in ("desert", "snowy_plain") else p.h
        out += p.boats(it, horizon, bottom, masses)
    if it.wants("waterfall"):
        cx, _, h = max(main.peaks, key=lambda q: q[2])
        out.append(Element("waterfall", cx + p.u(-0.08, 0.08) * h, min(main.base, p.h * 0.98),
                           h * p.u(0.45, 0.7)))  # fmt: skip
    if it.wants("pavilion") and "pavilion" not in kinds:
        x = min(max((bank.x0 + bank.x1) / 2 + p.u(-0.1, 0.1) * p.w, 0.06 * p.w), 0.94 * p.w)
        out.append(Element("pavilion", x, p.on_ridge(bank, x), p.unit * p.u(0.06, 0.09)))
    if it.wants("temple") and "temple" not in kinds:
        cx, half, h = max(main.peaks, key=lambda q: q[2])
        x = cx + p.u(-0.4, 0.4) * half
        out.append(
            Element("temple", x, p.on_ridge(main, x) + h * p.u(0.25, 0.4), p.unit * p.u(0.05, 0.08))
        )
    if it.wants("village") and "village" not in kinds:
        out.append(
            Element(
                "village", p.x(p.u(0.25, 0.45)), horizon - 0.002 * p.h, p.unit * p.u(0.035, 0.05)
            )
        )
    if it.wants("bridge") and "bridge" not in kinds and it.water:
        out.append(
            Element("bridge", p.x(p.u(0.4, 0.55)), horizon + 0.02 * p.h, p.w * p.u(0.06, 0.09))
        )
    if it.wants("smoke"):
        village = next((e for e in have + out if e.kind == "village"), None)
        if village is not None:  # 炊烟: from the huts
            out.append(p.smoke(village.x + village.size * 0.6, village.y - village.size * 0.8))
        else:  # 孤烟: far out on the plain, on the open side
            out.append(p.smoke(p.x(p.u(0.6, 0.75)), horizon + 0.01 * p.h))
    if it.wants("reeds") and it.water:
        edge = bank.x1 if bank.x0 < p.w / 2 else bank.x0
        out.append(Element("reeds", edge, p.h * p.u(0.86, 0.95), p.unit * 0.08))
    if it.wants("lotus") and it.water:
        out.append(
            Element("lotus", p.x(p.u(0.55, 0.8)), p.h * p.u(0.88, 0.95), p.unit * p.u(0.05, 0.08))
        )
    if it.wants("chrysanthemum"):
        x = min(max((bank.x0 + bank.x1) / 2, 0.05 * p.w), 0.95 * p.w)
        out.append(Element("chrysanthemum", x, p.on_ridge(bank, x, 0.03), p.unit * p.u(0.05, 0.08)))
    return out


__all__ = ["LAYOUT_OF", "compose"]
