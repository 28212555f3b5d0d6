"""Composition of a 山水 from a Theme: where mountains, water, trees and figures go.

The scene is plain data (JSON-able, recorded in the provenance) and is fixed by the
seed. Compositions follow the three distances of Guo Xi (郭熙): 平远 "level" (wide water,
low far hills), 高远 "high" (a tall main peak, often a waterfall) and 深远 "deep" (ranges
receding through mist). The main mass sits on one side with its peak near a third of the
width, leaving the other side open for sky, water and the inscription.

    >>> from inkmuse.core.theme_lexicon import theme_from_text
    >>> scene = compose_scene(theme_from_text("孤舟蓑笠翁，独钓寒江雪"), 640, 480, seed=7)
    >>> scene.water, any(e.kind == "boat" for e in scene.elements)
    (True, True)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from inkmuse.core.seeds import derive_seed, make_rng
from inkmuse.core.theme import Theme
from inkmuse.painting.noise import FloatArray, noise1d

LAYOUTS = ("level", "high", "deep")
_WATER = {"river", "lake", "boat", "fisherman", "reeds", "lotus", "goose"}


@dataclass(frozen=True)
class Massif:
    """One mountain mass: peaks over a horizontal span, standing on `base` (pixels).

    depth: 0 (far) .. 3 (foreground). peaks: (centre x, half width, height) in pixels.
    seed: drives the jagged detail of the ridge, so placement and drawing agree.
    """

    depth: float
    base: float
    x0: float
    x1: float
    peaks: tuple[tuple[float, float, float], ...]
    seed: int
    snow: bool = False


@dataclass(frozen=True)
class Element:
    """A placed thing: kind ('tree', 'boat', ...), anchor (x, y) at its foot, size in pixels.

    size is the height for trees and buildings, the length for boats, the radius for the
    moon and sun, and the wing span for birds. variant picks a species or a form.
    """

    kind: str
    x: float
    y: float
    size: float
    variant: str = ""


@dataclass(frozen=True)
class Scene:
    width: int
    height: int
    layout: str
    side: str  # where the main mass stands: "left" or "right"
    horizon: float  # the water line / ground plane of the middle distance, in pixels
    water: bool
    massifs: tuple[Massif, ...]
    elements: tuple[Element, ...]
    weather: tuple[str, ...] = field(default_factory=tuple)  # mist, cloud, rain, snow, wind

    def to_dict(self) -> dict[str, Any]:
        """Rounded JSON-able form for the provenance record."""
        data = asdict(self)
        for m in data["massifs"]:
            m["peaks"] = [[round(v, 1) for v in p] for p in m["peaks"]]
            for key in ("base", "x0", "x1", "depth"):
                m[key] = round(m[key], 1)
        for e in data["elements"]:
            for key in ("x", "y", "size"):
                e[key] = round(e[key], 1)
        data["horizon"] = round(self.horizon, 1)
        return data


def ridge(massif: Massif, xs: FloatArray) -> FloatArray:
    """The top edge (y in pixels) of a massif at each x; `base` where there is no mountain.

    Each peak blends a pointed cone (concave flanks, the peaks of Fan Kuan) with a rounded
    dome (the hills of Dong Yuan) in a proportion set by the seed; peaks are joined by the
    highest of them, with fractal jags scaled by the local height.
    """
    rng = make_rng(massif.seed)
    height = np.zeros_like(xs)
    for cx, half, h in massif.peaks:
        t = np.clip(1.0 - np.abs(xs - cx) / half, 0.0, 1.0)
        pointed = float(rng.uniform(0.35, 1.0))
        shape = pointed * t**1.35 + (1.0 - pointed) * (1.0 - (1.0 - t) ** 1.8)
        np.maximum(height, h * shape, out=height)
    span = max(8, int(massif.x1 - massif.x0) + 2)
    jag = noise1d(rng, span, cell=max(6.0, span / 12.0), octaves=6)
    idx = np.clip((xs - massif.x0).astype(np.int64), 0, span - 1)
    tallest = max(h for _, _, h in massif.peaks)
    # jags scale with the local height, so peaks are rugged and the foot stays level
    height = np.where(height > 0, height * (1.0 + 0.22 * jag[idx]) + jag[idx] * 0.05 * tallest, 0.0)
    return (massif.base - np.clip(height, 0.0, None)).astype(np.float32)


def compose_scene(theme: Theme, width: int, height: int, seed: int) -> Scene:
    """Place everything for one painting; the same theme, size and seed give the same scene."""
    rng = make_rng(derive_seed(seed, "scene"))
    img = set(theme.imagery)
    layout = _pick_layout(img, theme, rng)
    side = "left" if rng.random() < 0.5 else "right"
    water = layout == "level" or bool(img & _WATER) or rng.random() < 0.55
    horizon = height * {"level": 0.6, "high": 0.77, "deep": 0.7}[layout]
    horizon += height * rng.uniform(-0.05, 0.05)
    snow = theme.season == "winter" or "snow" in img
    place = _Placer(width, height, side, rng, seed)

    massifs = place.mountains(layout, horizon, snow)
    bank = massifs[-1]
    elements: list[Element] = []
    elements += place.light(theme, img)
    elements += place.trees(bank, theme, img)
    elements += place.buildings(massifs, bank, img, horizon, water)
    if water:
        elements += place.on_water(img, theme, horizon, bank)
    elements += place.birds(img, theme)
    if "waterfall" in img or (layout == "high" and rng.random() < 0.5):
        main = next(m for m in massifs if m.depth == 1.0)
        cx, _, h = max(main.peaks, key=lambda p: p[2])
        elements.append(Element("waterfall", cx + rng.uniform(-0.2, 0.2) * h * 0.4, main.base,
                                h * rng.uniform(0.45, 0.7)))  # fmt: skip
    # every painting has some mist at the feet of its mountains; these make more of it
    weather = [w for w in ("mist", "cloud", "rain", "snow", "wind") if w in img]
    if snow and "snow" not in weather and rng.random() < 0.5:
        weather.append("snow")
    return Scene(width, height, layout, side, float(horizon), water, tuple(massifs),
                 tuple(elements), tuple(weather))  # fmt: skip


def _pick_layout(img: set[str], theme: Theme, rng: np.random.Generator) -> str:
    if "waterfall" in img or (theme.mood == "heroic" and rng.random() < 0.6):
        return "high" if rng.random() < 0.8 else "deep"
    if img & _WATER:
        return "level" if rng.random() < 0.75 else "deep"
    return str(rng.choice(LAYOUTS, p=[0.4, 0.3, 0.3]))


class _Placer:
    """Placement helpers sharing the canvas size, the main side and the random stream."""

    def __init__(self, width: int, height: int, side: str, rng: np.random.Generator, seed: int):
        self.w, self.h, self.side, self.rng, self.seed = width, height, side, rng, seed
        self.count = 0
        # element sizes follow the shorter extent, so a tall scroll gets trees, not giants
        self.unit = min(float(height), width * 0.75)

    def x(self, f: float) -> float:
        """A fraction of the width measured from the main side."""
        return f * self.w if self.side == "left" else (1.0 - f) * self.w

    def u(self, lo: float, hi: float) -> float:
        return float(self.rng.uniform(lo, hi))

    def massif(self, depth: float, base: float, f0: float, f1: float,
               peaks: list[tuple[float, float, float]], snow: bool) -> Massif:  # fmt: skip
        """A massif from fractional peaks (x from the main side, half width, height)."""
        self.count += 1
        px = tuple((self.x(f), hw * self.w, hh * self.h) for f, hw, hh in peaks)
        # the span covers every peak's full width, so no flank is cut off square
        x0 = min([self.x(f0), self.x(f1)] + [cx - half for cx, half, _ in px])
        x1 = max([self.x(f0), self.x(f1)] + [cx + half for cx, half, _ in px])
        seed = derive_seed(self.seed, "massif", str(self.count))
        return Massif(depth, base, x0, x1, px, seed, snow)

    def mountains(self, layout: str, horizon: float, snow: bool) -> list[Massif]:
        u, out = self.u, []
        far_h = {"level": 0.1, "high": 0.16, "deep": 0.2}[layout]
        # far range across the whole width, lower on the open side
        n = int(self.rng.integers(4, 7))
        far = [(u(-0.05, 1.05), u(0.08, 0.18), far_h * u(0.5, 1.1) * (1.3 - 0.6 * f))
               for f in np.linspace(0, 1, n)]  # fmt: skip
        out.append(self.massif(0.0, horizon - 0.005 * self.h, -0.1, 1.1, far, snow))
        if layout == "deep":
            for k, lift in enumerate((0.12, 0.06)):
                peaks = [(u(0.0, 0.8), u(0.12, 0.22), u(0.12, 0.24)) for _ in range(3)]
                f1 = u(0.6, 0.95) if k == 0 else u(0.45, 0.7)
                out.append(
                    self.massif(0.4 + 0.2 * k, horizon - lift * self.h, -0.1, f1, peaks, snow)
                )
        # the main mass, its summit near a third of the width from the main side
        summit = {"level": u(0.26, 0.4), "high": (horizon / self.h) - u(0.14, 0.22),
                  "deep": u(0.3, 0.42)}[layout]  # fmt: skip
        top_x = u(0.22, 0.38)
        reach = u(0.5, 0.68) if layout != "level" else u(0.42, 0.6)
        peaks = [(top_x, u(0.16, 0.24), summit)]
        for _ in range(int(self.rng.integers(2, 5))):
            f = u(-0.05, reach - 0.08)
            peaks.append((f, u(0.07, 0.16), summit * u(0.35, 0.75)))
        out.append(self.massif(1.0, horizon + 0.01 * self.h, -0.1, reach, peaks, snow))
        if self.rng.random() < 0.5:  # a smaller answering mass on the open side
            f = u(0.8, 0.98)
            out.append(self.massif(1.2, horizon + 0.01 * self.h, f - 0.25, 1.15,
                                   [(f, u(0.08, 0.14), summit * u(0.25, 0.45))], snow))  # fmt: skip
        # foreground bank where the trees stand, on either side
        near_side = self.rng.random() < 0.65
        f0, f1 = (-0.1, u(0.3, 0.48)) if near_side else (u(0.55, 0.7), 1.1)
        mid = (f0 + f1) / 2
        bank = [(mid + u(-0.08, 0.08), (f1 - f0) * 0.45, u(0.1, 0.17)),
                (f0 + (f1 - f0) * u(0.1, 0.4), u(0.08, 0.14), u(0.06, 0.12))]  # fmt: skip
        out.append(self.massif(3.0, self.h * 1.02, f0, f1, bank, False))
        return out

    def light(self, theme: Theme, img: set[str]) -> list[Element]:
        out: list[Element] = []
        night = theme.time_of_day == "night"
        if "moon" in img or night:
            out.append(Element("moon", self.x(self.u(0.62, 0.82)), self.h * self.u(0.12, 0.26),
                               self.unit * self.u(0.035, 0.055)))  # fmt: skip
        elif "sun" in img or (theme.time_of_day in ("dusk", "dawn") and "rain" not in img):
            out.append(Element("sun", self.x(self.u(0.55, 0.8)), self.h * self.u(0.2, 0.34),
                               self.unit * self.u(0.03, 0.05)))  # fmt: skip
        if night and ("stars" in img or self.rng.random() < 0.5):
            out.append(
                Element("stars", 0.0, 0.0, self.h * 0.45, str(int(self.rng.integers(30, 70))))
            )
        return out

    def trees(self, bank: Massif, theme: Theme, img: set[str]) -> list[Element]:
        species = [s for s in ("pine", "willow", "plum", "peach", "maple", "bamboo") if s in img]
        default = {
            "spring": ["leafy", "willow", "peach"],
            "summer": ["leafy", "pine", "bamboo"],
            "autumn": ["maple", "leafy", "bare"],
            "winter": ["bare", "pine", "plum"],
        }
        pool = species or default.get(theme.season or "", ["pine", "leafy", "bare"])  # fmt: skip
        n = int(self.rng.integers(2, 5))
        lo, hi = bank.x0 + 0.12 * (bank.x1 - bank.x0), bank.x1 - 0.2 * (bank.x1 - bank.x0)
        lo, hi = max(lo, 0.03 * self.w), min(hi, 0.97 * self.w)
        xs = np.sort(self.rng.uniform(lo, hi, n)).astype(np.float32)
        ys = ridge(bank, xs)
        out = []
        for i, (x, y) in enumerate(zip(xs, ys, strict=True)):
            kind = pool[i % len(pool)] if i < len(pool) else str(self.rng.choice(pool))
            size = self.unit * self.u(0.16, 0.3) * (1.15 if i == 0 else 1.0)
            out.append(Element("tree", float(x), float(y) + 0.01 * self.h, size, kind))
        return out

    def buildings(self, massifs: list[Massif], bank: Massif, img: set[str], horizon: float,
                  water: bool) -> list[Element]:  # fmt: skip
        out: list[Element] = []
        main = next(m for m in massifs if m.depth == 1.0)
        if "pavilion" in img or self.rng.random() < 0.35:
            x = float(self.rng.uniform(bank.x0, bank.x1) * 0.5 + (bank.x0 + bank.x1) * 0.25)
            x = min(max(x, 0.05 * self.w), 0.95 * self.w)
            y = float(ridge(bank, np.array([x], dtype=np.float32))[0]) + 0.01 * self.h
            out.append(Element("pavilion", x, y, self.unit * self.u(0.06, 0.09)))
        if "temple" in img or self.rng.random() < 0.2:
            cx, half, h = max(main.peaks, key=lambda p: p[2])
            x = cx + self.u(-0.5, 0.5) * half
            y = float(ridge(main, np.array([x], dtype=np.float32))[0]) + h * self.u(0.25, 0.45)
            out.append(Element("temple", x, y, self.unit * self.u(0.05, 0.08)))
        if "village" in img or self.rng.random() < 0.25:
            x = self.x(self.u(0.25, 0.45))
            out.append(
                Element("village", x, horizon - 0.002 * self.h, self.unit * self.u(0.035, 0.05))
            )
        if "bridge" in img:
            x = self.x(self.u(0.4, 0.55))
            out.append(Element("bridge", x, horizon + 0.02 * self.h, self.w * self.u(0.06, 0.09)))
        if "lotus" in img and water:
            x, y = self.x(self.u(0.55, 0.8)), self.h * self.u(0.88, 0.95)
            out.append(Element("lotus", x, y, self.unit * self.u(0.05, 0.08)))
        if "chrysanthemum" in img:
            x = min(max((bank.x0 + bank.x1) / 2, 0.05 * self.w), 0.95 * self.w)
            y = float(ridge(bank, np.array([x], dtype=np.float32))[0]) + 0.03 * self.h
            out.append(Element("chrysanthemum", x, y, self.unit * self.u(0.05, 0.08)))
        return out

    def on_water(self, img: set[str], theme: Theme, horizon: float, bank: Massif) -> list[Element]:
        out: list[Element] = []
        boats = 1 if img & {"boat", "fisherman"} else int(self.rng.random() < 0.35)
        if theme.mood in ("joyful", "heroic") and boats:
            boats += int(self.rng.integers(0, 3))
        for _ in range(boats):
            # open water: of a few tries, the one farthest from the bank and its trees
            tries = self.rng.uniform(0.1, 0.9, 6) * self.w
            clear = np.maximum(bank.x0 - tries, tries - bank.x1).clip(0, 0.25 * self.w)
            x = float(tries[int(np.argmax(clear + self.rng.uniform(0, 0.05 * self.w, 6)))])
            y = horizon + (self.h - horizon) * self.u(0.25, 0.6)
            variant = "fisher" if "fisherman" in img else str(self.rng.choice(["sail", "skiff"]))
            out.append(Element("boat", x, y, self.w * self.u(0.05, 0.08), variant))
        if "reeds" in img or (theme.season == "autumn" and self.rng.random() < 0.5):
            edge = bank.x1 if bank.x0 < self.w / 2 else bank.x0
            out.append(Element("reeds", edge, self.h * self.u(0.86, 0.95), self.unit * 0.08))
        return out

    def birds(self, img: set[str], theme: Theme) -> list[Element]:
        out: list[Element] = []
        # between the main mass and the moon's usual place, so birds do not cross the moon
        y = self.h * self.u(0.1, 0.3)
        x = self.x(self.u(0.42, 0.56))
        if "goose" in img:
            out.append(Element("geese", x, y, self.w * self.u(0.012, 0.018),
                               str(int(self.rng.integers(5, 10)))))  # fmt: skip
        elif "crane" in img:
            out.append(Element("crane", x, y, self.w * self.u(0.04, 0.06)))
        elif "bird" in img or self.rng.random() < 0.3:
            out.append(Element("birds", x, y, self.w * self.u(0.008, 0.013),
                               str(int(self.rng.integers(2, 6)))))  # fmt: skip
        return out


__all__ = ["LAYOUTS", "Element", "Massif", "Scene", "compose_scene", "ridge"]
