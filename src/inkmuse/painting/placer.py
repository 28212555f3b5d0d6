"""Placement helpers the layouts share: masses from fractional peaks, trees on a ridge, and
the things any kind of landscape may hold when the words ask for them (moon, sun, birds,
boats, smoke, buildings). Positions are measured from the main side, so one layout serves
both a left- and a right-hand composition.
"""

from __future__ import annotations

import numpy as np

from inkmuse.core.seeds import derive_seed
from inkmuse.painting.reader import SceneIntent
from inkmuse.painting.scene import Element, Massif, ridge

_SEASON_TREES = {
    "spring": ["leafy", "willow", "peach"],
    "summer": ["leafy", "pine", "bamboo"],
    "autumn": ["maple", "leafy", "bare"],
    "winter": ["bare", "pine", "plum"],
}
SPECIES = ("pine", "willow", "plum", "peach", "maple", "bamboo")


class Placer:
    """Canvas size, main side and the random stream of one composition."""

    def __init__(self, width: int, height: int, rng: np.random.Generator, seed: int):
        self.w, self.h, self.rng, self.seed = width, height, rng, seed
        self.side = "left" if rng.random() < 0.5 else "right"
        self.count = 0
        # element sizes follow the shorter extent, so a tall scroll gets trees, not giants
        self.unit = min(float(height), width * 0.75)

    def x(self, f: float) -> float:
        """A fraction of the width measured from the main side."""
        return f * self.w if self.side == "left" else (1.0 - f) * self.w

    def u(self, lo: float, hi: float) -> float:
        return float(self.rng.uniform(lo, hi))

    def mass(self, depth: float, base: float, f0: float, f1: float,
             peaks: list[tuple[float, float, float]], snow: bool = False,
             form: str = "rock") -> Massif:  # fmt: skip
        """A mass from fractional peaks (x from the main side, half width, height)."""
        self.count += 1
        px = tuple((self.x(f), hw * self.w, hh * self.h) for f, hw, hh in peaks)
        # the span covers every peak's full width, so no flank is cut off square
        x0 = min([self.x(f0), self.x(f1)] + [cx - half for cx, half, _ in px])
        x1 = max([self.x(f0), self.x(f1)] + [cx + half for cx, half, _ in px])
        seed = derive_seed(self.seed, "massif", str(self.count))
        return Massif(depth, base, x0, x1, px, seed, snow, form)

    def far_range(self, horizon: float, height: float, snow: bool, form: str = "rock") -> Massif:
        """Pale far hills across the whole width, lower on the open side."""
        u = self.u
        n = int(self.rng.integers(4, 7))
        far = [(u(-0.05, 1.05), u(0.08, 0.18), height * u(0.5, 1.1) * (1.3 - 0.6 * f))
               for f in np.linspace(0, 1, n)]  # fmt: skip
        return self.mass(0.0, horizon - 0.005 * self.h, -0.1, 1.1, far, snow, form)

    def main_mass(self, base: float, summit: float, reach: float, snow: bool) -> Massif:
        """The main mass, its summit (a fraction of the height) near a third from the side."""
        u = self.u
        peaks = [(u(0.22, 0.38), u(0.16, 0.24), summit)]
        for _ in range(int(self.rng.integers(2, 5))):
            peaks.append((u(-0.05, reach - 0.08), u(0.07, 0.16), summit * u(0.35, 0.75)))
        return self.mass(1.0, base, -0.1, reach, peaks, snow)

    def bank(self, f0: float, f1: float, height: float, snow: bool = False,
             form: str = "rock", base: float | None = None) -> Massif:  # fmt: skip
        """A foreground bank between two fractions from the main side."""
        mid = (f0 + f1) / 2
        peaks = [(mid + self.u(-0.08, 0.08), abs(f1 - f0) * 0.45, height),
                 (f0 + (f1 - f0) * self.u(0.1, 0.4), self.u(0.08, 0.14), height * self.u(0.5, 0.8))]  # fmt: skip
        return self.mass(
            3.0, base if base is not None else self.h * 1.02, f0, f1, peaks, snow, form
        )

    def on_ridge(self, m: Massif, x: float, drop: float = 0.01) -> float:
        return float(ridge(m, np.array([x], dtype=np.float32))[0]) + drop * self.h

    def trees(self, bank: Massif, intent: SceneIntent, n: int, size: tuple[float, float],
              pool: list[str] | None = None, span: tuple[float, float] = (0.12, 0.8)) -> list[Element]:  # fmt: skip
        """n trees standing on `bank`, of the species asked for, else of the season's."""
        asked = [s for s in SPECIES if intent.wants(s)]
        pool = pool or asked or _SEASON_TREES.get(intent.season or "", ["pine", "leafy", "bare"])
        # the span is measured from the main side, like every other placement
        a, b = (span[0], span[1]) if self.side == "left" else (1.0 - span[1], 1.0 - span[0])
        lo, hi = bank.x0 + a * (bank.x1 - bank.x0), bank.x0 + b * (bank.x1 - bank.x0)
        lo, hi = max(lo, 0.03 * self.w), min(hi, 0.97 * self.w)
        if hi <= lo or n <= 0:
            return []
        xs = np.sort(self.rng.uniform(lo, hi, n)).astype(np.float32)
        ys = ridge(bank, xs)
        out = []
        for i, (x, y) in enumerate(zip(xs.tolist(), ys.tolist(), strict=True)):
            kind = pool[i % len(pool)] if i < len(pool) else str(self.rng.choice(pool))
            tall = self.unit * self.u(*size) * (1.15 if i == 0 else 1.0)
            out.append(Element("tree", x, y + 0.01 * self.h, tall, kind))
        return out

    def light(self, intent: SceneIntent, horizon: float) -> list[Element]:
        out: list[Element] = []
        if intent.wants("moon"):
            y = (
                horizon - self.h * self.u(0.05, 0.12)
                if intent.moon_low
                else self.h * self.u(0.12, 0.26)
            )
            out.append(Element("moon", self.x(self.u(0.62, 0.82)), y, self.unit * self.u(0.035, 0.055),
                               "low" if intent.moon_low else ""))  # fmt: skip
        if intent.sun == "low":
            r = self.unit * self.u(0.035, 0.055)
            # sitting on the far hills, half behind them at times: 长河落日圆
            y = horizon - self.h * self.u(0.03, 0.1)
            out.append(Element("sun", self.x(self.u(0.55, 0.8)), y, r, "low"))
        elif intent.sun == "high":
            out.append(Element("sun", self.x(self.u(0.55, 0.8)), self.h * self.u(0.1, 0.2),
                               self.unit * self.u(0.03, 0.045), "high"))  # fmt: skip
        if intent.wants("stars"):
            out.append(
                Element("stars", 0.0, 0.0, self.h * 0.45, str(int(self.rng.integers(30, 70))))
            )
        return out

    def birds(self, intent: SceneIntent) -> list[Element]:
        # between the main mass and the moon's usual place, so birds do not cross the moon
        y, x = self.h * self.u(0.1, 0.3), self.x(self.u(0.42, 0.56))
        if intent.wants("goose"):
            n = str(int(self.rng.integers(5, 10)))
            return [Element("geese", x, y, self.w * self.u(0.012, 0.018), n)]
        if intent.wants("crane"):
            return [Element("crane", x, y, self.w * self.u(0.04, 0.06))]
        if intent.wants("bird"):
            n = str(int(self.rng.integers(2, 6)))
            return [Element("birds", x, y, self.w * self.u(0.008, 0.013), n)]
        return []

    def boats(
        self, intent: SceneIntent, top: float, bottom: float, masses: list[Massif]
    ) -> list[Element]:
        """Boats asked for, on open water between `top` and `bottom`: of a few tries, the
        one with the most water around it (no land above or beside it)."""
        if not intent.wants("boat", "fisherman"):
            return []
        n = 1 + (int(self.rng.integers(0, 3)) if intent.mood in ("joyful", "heroic") else 0)
        out = []
        for _ in range(n):
            xs = (self.rng.uniform(0.08, 0.92, 12) * self.w).astype(np.float32)
            ys = top + (bottom - top) * self.rng.uniform(0.2, 0.6, 12)
            margin = self.w * 0.06
            clear = np.ones(12, dtype=np.float32)
            for m in masses:
                # land stands at a try if the mass rises above it there or a boat's length away
                for dx in (-margin, 0.0, margin):
                    land = (ridge(m, xs + dx) < ys + 0.01 * self.h) & (m.base >= ys)
                    clear -= land.astype(np.float32) * (0.5 if dx else 1.0)
            k = int(np.argmax(clear + self.rng.uniform(0, 0.1, 12)))
            variant = (
                "fisher" if intent.wants("fisherman") else str(self.rng.choice(["sail", "skiff"]))
            )
            out.append(
                Element("boat", float(xs[k]), float(ys[k]), self.w * self.u(0.05, 0.08), variant)
            )
        return out

    def smoke(self, x: float, y: float) -> Element:
        """A column of smoke rising straight from (x, y): 孤烟直, or a chimney's 炊烟."""
        return Element("smoke", x, y, self.h * self.u(0.22, 0.32))


__all__ = ["SPECIES", "Placer"]
