"""The scene of a 山水: where mountains, water, trees and figures stand, as plain data.

The scene is JSON-able (recorded in the provenance, printed by `--json`) and fixed by the
seed. `compose_scene` builds it from a `SceneIntent` (what the words ask for, see
`reader.py`) in one of the kinds of landscape of `layouts.py`, each in one of Guo Xi's
(郭熙) three distances: 平远 "level" (wide and low), 高远 "high" (a tall main peak seen from
below) and 深远 "deep" (ranges receding one behind another).

    >>> from inkmuse.painting.reader import read_scene
    >>> scene = compose_scene(read_scene("孤舟蓑笠翁，独钓寒江雪"), 640, 480, seed=7)
    >>> scene.kind, scene.water, any(e.kind == "boat" for e in scene.elements)
    ('lake', 'lake', True)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from inkmuse.core.seeds import make_rng
from inkmuse.painting.noise import FloatArray, noise1d
from inkmuse.painting.reader import SceneIntent

LAYOUTS = ("level", "high", "deep")  # the three distances
FORMS = ("rock", "dune", "ground")  # how a mass is drawn: textured rock, smooth sand, flat land


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
    form: str = "rock"


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
    """kind: the kind of landscape; layout: its distance (LAYOUTS); water: "lake", "river",
    "sea" or None; sky: the reader's sky ("plain", "warm", "dawn", "night", "grey")."""

    width: int
    height: int
    layout: str
    side: str  # where the main mass stands: "left" or "right"
    horizon: float  # the water line / ground plane of the middle distance, in pixels
    water: str | None
    massifs: tuple[Massif, ...]
    elements: tuple[Element, ...]
    weather: tuple[str, ...] = field(default_factory=tuple)  # mist, cloud, rain, snow, wind
    kind: str = "lake"
    sky: str = "plain"
    intent: SceneIntent | None = None
    shore: float | None = None  # the near edge of a band of water (a river across a plain)

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
        data["shore"] = None if self.shore is None else round(self.shore, 1)
        data["plan"] = self.plan()
        return data

    def plan(self) -> dict[str, Any]:
        """What stands where, in fractions of the width and height (for tools and tests).

        Each element names its band (sky above the horizon, middle near it, foreground
        below) and its third of the width (left, centre, right).
        """
        w, h = float(self.width), float(self.height)

        def where(x: float, y: float) -> str:
            band = (
                "sky"
                if y < self.horizon - 0.04 * h
                else "middle"
                if y < self.horizon + 0.12 * h
                else "foreground"
            )
            third = "left" if x < w / 3 else "centre" if x < 2 * w / 3 else "right"
            return f"{band}, {third}"

        elements = [{"kind": e.kind, "variant": e.variant, "x": round(e.x / w, 3),
                     "y": round(e.y / h, 3), "where": where(e.x, e.y)} for e in self.elements]  # fmt: skip
        masses = [{"form": m.form, "depth": m.depth, "snow": m.snow,
                   "x0": round(max(0.0, m.x0) / w, 3), "x1": round(min(w, m.x1) / w, 3),
                   "top": round((m.base - max(p[2] for p in m.peaks)) / h, 3)}
                  for m in self.massifs]  # fmt: skip
        intent = self.intent
        return {"kind": self.kind, "distance": self.layout, "side": self.side,
                "horizon": round(self.horizon / h, 3), "water": self.water, "sky": self.sky,
                "weather": list(self.weather), "masses": masses, "elements": elements,
                "forbidden": list(intent.forbidden) if intent else [],
                "notes": list(intent.notes) if intent else []}  # fmt: skip


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
        # dunes are domes of sand: never pointed, never jagged
        pointed = float(rng.uniform(0.35, 1.0)) if massif.form != "dune" else 0.0
        shape = pointed * t**1.35 + (1.0 - pointed) * (1.0 - (1.0 - t) ** 1.8)
        np.maximum(height, h * shape, out=height)
    span = max(8, int(massif.x1 - massif.x0) + 2)
    jag = noise1d(rng, span, cell=max(6.0, span / 12.0), octaves=6)
    idx = np.clip((xs - massif.x0).astype(np.int64), 0, span - 1)
    tallest = max(h for _, _, h in massif.peaks)
    if massif.form == "dune":
        jag = jag * np.float32(0.15)
    # jags scale with the local height, so peaks are rugged and the foot stays level
    height = np.where(height > 0, height * (1.0 + 0.22 * jag[idx]) + jag[idx] * 0.05 * tallest, 0.0)
    return (massif.base - np.clip(height, 0.0, None)).astype(np.float32)


def compose_scene(intent: SceneIntent, width: int, height: int, seed: int) -> Scene:
    """Place everything for one painting; the same intent, size and seed give the same scene."""
    from inkmuse.painting.layouts import compose

    return compose(intent, width, height, seed)


__all__ = ["FORMS", "LAYOUTS", "Element", "Massif", "Scene", "compose_scene", "ridge"]
