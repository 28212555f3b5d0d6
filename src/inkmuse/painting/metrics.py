"""Cheap critics for a finished picture, printed with every image and used for best-of-N.

- colourfulness: Hasler & Süsstrunk (2003), M = σ_rgyb + 0.3 μ_rgyb on 0..255 RGB.
  About 0 for pure ink, 15-33 "slightly colourful", above 59 "highly colourful".
- harmony: how well the hues fit the best of Matsuda's templates as used by Cohen-Or et
  al. (2006) (i, V, L, I, T, Y, X) at the best rotation; 1 when every saturated pixel
  lies inside the template, falling to 0 as the saturation-weighted mean distance
  outside reaches 20 degrees (a full rainbow scores about 0.5). Grey is trivially harmonious.
- balance: 1 when the visual weight (darkness plus saturation) is centred left-right,
  0 when it all sits at one edge.
- thirds: the share of visual weight within a twelfth of the thirds lines, divided by
  the share an even spread would have there (1.0 = no preference, higher = on thirds).

    >>> from PIL import Image
    >>> m = measure(Image.new("RGB", (64, 48), (128, 128, 128)))
    >>> m.colourfulness, m.harmony
    (0.0, 1.0)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
from PIL import Image

# template name -> sectors (centre offset, width) in degrees
_TEMPLATES: dict[str, tuple[tuple[float, float], ...]] = {
    "i": ((0, 18),),
    "V": ((0, 93.6),),
    "L": ((0, 18), (90, 79.2)),
    "I": ((0, 18), (180, 18)),
    "T": ((0, 180),),
    "Y": ((0, 93.6), (180, 18)),
    "X": ((0, 93.6), (180, 93.6)),
}
_THIRDS_UNIFORM = 1.0 - (2.0 / 3.0) ** 2  # share of the area within the thirds bands


@dataclass(frozen=True)
class Metrics:
    colourfulness: float
    harmony: float
    harmony_template: str
    balance: float
    thirds: float

    def score(self) -> float:
        """One number for choosing among candidates (higher is better), in 0..1."""
        return 0.4 * self.harmony + 0.3 * min(1.0, self.thirds / 1.4) + 0.3 * self.balance

    def to_dict(self) -> dict[str, float | str]:
        return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in asdict(self).items()}

    def summary(self) -> str:
        return (f"colourfulness {self.colourfulness:.1f}, harmony {self.harmony:.2f} "
                f"({self.harmony_template}), balance {self.balance:.2f}, thirds {self.thirds:.2f}")  # fmt: skip


def measure(image: Image.Image) -> Metrics:
    """All metrics of an RGB image (computed on a copy at most 256 px wide: cheap)."""
    small = image.convert("RGB")
    if small.width > 256:
        small = small.resize(
            (256, max(1, round(small.height * 256 / small.width))), Image.Resampling.BOX
        )
    rgb = np.asarray(small, dtype=np.float64)
    template, harmony = hue_harmony(small)
    return Metrics(
        colourfulness=round(colourfulness(rgb), 4),
        harmony=round(harmony, 4),
        harmony_template=template,
        balance=round(_balance(rgb), 4),
        thirds=round(_thirds(rgb), 4),
    )


def colourfulness(rgb: np.ndarray) -> float:
    """Hasler–Süsstrunk colourfulness of an (H, W, 3) array on the 0..255 scale."""
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    rg = r - g
    yb = 0.5 * (r + g) - b
    spread = np.hypot(rg.std(), yb.std())
    centre = np.hypot(rg.mean(), yb.mean())
    return float(spread + 0.3 * centre)


def hue_harmony(image: Image.Image) -> tuple[str, float]:
    """(best template, fit in 0..1) over templates and rotations in 2-degree steps."""
    hsv = np.asarray(image.convert("HSV"), dtype=np.float64)
    hue = hsv[..., 0] * (360.0 / 256.0)
    sat = hsv[..., 1] / 255.0 * (hsv[..., 2] / 255.0)  # dark pixels carry little hue
    weights = np.bincount(hue.astype(np.int64).ravel() % 360, weights=sat.ravel(), minlength=360)
    total = weights.sum()
    if total < 1e-6 * hue.size:
        return "grey", 1.0
    bins = np.arange(360, dtype=np.float64)[None, :]
    rotations = np.arange(0, 360, 2, dtype=np.float64)[:, None]
    best_name, best_cost, fit = "", np.inf, 0.0
    for name, sectors in _TEMPLATES.items():
        outside = np.full((rotations.shape[0], 360), np.inf)
        for centre, width in sectors:
            d = np.abs((bins - rotations - centre + 180.0) % 360.0 - 180.0)
            outside = np.minimum(outside, np.maximum(0.0, d - width / 2.0))
        cost = float((outside @ weights).min()) / total
        # between near-equal fits, name the narrower template: it says more about the picture
        ranked = cost + sum(width for _, width in sectors) / 90.0
        if ranked < best_cost - 1e-9:
            best_name, best_cost, fit = name, ranked, cost
    return best_name, float(max(0.0, 1.0 - fit / 20.0))


def _weight(rgb: np.ndarray) -> np.ndarray:
    darkness = 1.0 - rgb.mean(axis=2) / 255.0
    saturation = (rgb.max(axis=2) - rgb.min(axis=2)) / 255.0
    weight: np.ndarray = darkness + 0.5 * saturation + 1e-9
    return weight


def _balance(rgb: np.ndarray) -> float:
    w = _weight(rgb)
    xs = (np.arange(w.shape[1]) + 0.5) / w.shape[1]
    cx = float((w.sum(axis=0) * xs).sum() / w.sum())
    return float(max(0.0, 1.0 - 2.0 * abs(cx - 0.5)))


def _thirds(rgb: np.ndarray) -> float:
    w = _weight(rgb)
    h, width = w.shape
    xs = (np.arange(width) + 0.5) / width
    ys = (np.arange(h) + 0.5) / h
    near_x = (np.abs(xs - 1 / 3) < 1 / 12) | (np.abs(xs - 2 / 3) < 1 / 12)
    near_y = (np.abs(ys - 1 / 3) < 1 / 12) | (np.abs(ys - 2 / 3) < 1 / 12)
    band = near_y[:, None] | near_x[None, :]
    return float((w * band).sum() / w.sum() / _THIRDS_UNIFORM)


__all__ = ["Metrics", "colourfulness", "hue_harmony", "measure"]
