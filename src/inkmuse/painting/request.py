"""The painting request and its result: small typed objects instead of many arguments.

>>> req = PaintRequest(text="秋夜思乡", size=(640, 480), seed=7)
>>> req.validated().style
'shanshui'
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from PIL import Image

from inkmuse.core.errors import InputError
from inkmuse.core.seeds import resolve_seed
from inkmuse.core.theme import Theme
from inkmuse.painting.images import MAX_SIDE, MIN_SIDE
from inkmuse.painting.inscription import Inscription
from inkmuse.painting.metrics import Metrics
from inkmuse.painting.noise import FloatArray
from inkmuse.painting.painterly import PRESETS
from inkmuse.painting.seal import DEFAULT_SEAL

STYLES = ("shanshui", "painterly", "neural")
MAX_CANDIDATES = 16


@dataclass(frozen=True)
class PaintRequest:
    """What to paint.

    text: the idea or poem (the Theme is read from it unless `theme` is given).
    style: shanshui (procedural ink landscape), painterly (brush strokes over `image`, or
        over the landscape of `text` without one) or neural (style transfer, likewise).
    size: (width, height) in pixels; photos are fitted inside it keeping their aspect.
    seed: None draws a fresh one (recorded).  n: candidates; the best by the metrics wins.
    poem: the text to inscribe (defaults to `text`); inscribe=False paints none.
    """

    text: str = ""
    style: str = "shanshui"
    size: tuple[int, int] = (1024, 768)
    seed: int | None = None
    n: int = 1
    theme: Theme | None = None
    image: Path | None = None
    preset: str = "impressionist"
    neural_style: int = 0
    style_image: Path | None = None
    palette_from: Path | None = None
    inscribe: bool = True
    poem: str | None = None
    title: str | None = None
    date: str | None = None
    seal: str = DEFAULT_SEAL

    def validated(self) -> PaintRequest:
        """This request with its seed resolved, or an InputError naming what is wrong."""
        if self.style not in STYLES:
            raise InputError(f"unknown style '{self.style}'", accepted=", ".join(STYLES))
        w, h = self.size
        if not (MIN_SIDE <= w <= MAX_SIDE and MIN_SIDE <= h <= MAX_SIDE):
            raise InputError(f"size {w}x{h} is out of range",
                             accepted=f"each side {MIN_SIDE}..{MAX_SIDE} pixels")  # fmt: skip
        if not 1 <= self.n <= MAX_CANDIDATES:
            raise InputError(f"n={self.n} candidates", accepted=f"1..{MAX_CANDIDATES}")
        if self.style == "painterly" and self.preset not in PRESETS:
            raise InputError(
                f"unknown painterly preset '{self.preset}'", accepted=", ".join(PRESETS)
            )
        if not self.text.strip() and self.theme is None and self.image is None:
            raise InputError("nothing to paint: give an idea or poem, a theme, or an image")
        if self.image is not None and self.style == "shanshui":
            raise InputError("an input image is painted by the painterly or neural styles",
                             accepted="--style painterly or --style neural with --image")  # fmt: skip
        return replace(self, seed=resolve_seed(self.seed))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key in ("style", "n", "preset", "neural_style", "inscribe", "title", "date", "seal"):
            out[key] = getattr(self, key)
        out["size"] = f"{self.size[0]}x{self.size[1]}"
        return out


@dataclass
class Painting:
    """A finished picture with everything needed to show, judge and reproduce it.

    seed: the request's seed; candidate_seed: the seed of the chosen candidate (equal to
    seed when n=1; painting with it and n=1 gives the same picture). subject: coverage
    (0..1) of what was painted, before the inscription was added.
    """

    image: Image.Image
    seed: int
    candidate_seed: int
    theme: Theme
    metrics: Metrics
    provenance: dict[str, Any]
    parameters: str
    subject: FloatArray
    inscription: Inscription | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)


__all__ = ["MAX_CANDIDATES", "STYLES", "PaintRequest", "Painting"]
