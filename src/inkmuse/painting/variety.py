"""How different two compositions are: a distance between the structures of two pictures.

Both are reduced to 32x24 grey (what remains is the layout: where the dark masses, the
open water and the sky are) and compared by correlation after removing their means, so
a change of palette or of brightness alone does not count. 0 is the same structure, 1 is
unrelated, up to 2 for opposite ones (dark where the other is light).

    >>> from PIL import Image
    >>> structure_distance(Image.new("RGB", (64, 48), "white"), Image.new("RGB", (64, 48), "white"))
    0.0
"""

from __future__ import annotations

import numpy as np
from PIL import Image

GRID = (32, 24)


def structure(image: Image.Image) -> np.ndarray:
    """The picture's layout: 32x24 grey, mean removed, scaled to unit length."""
    small = np.asarray(image.convert("L").resize(GRID, Image.Resampling.BOX), np.float64)
    centred = small - small.mean()
    norm = float(np.linalg.norm(centred))
    out: np.ndarray = centred / norm if norm > 1e-9 else centred
    return out


def structure_distance(a: Image.Image, b: Image.Image) -> float:
    """1 - the correlation of the two layouts (0 same, 1 unrelated, 2 opposite)."""
    sa, sb = structure(a), structure(b)
    if not sa.any() and not sb.any():
        return 0.0
    return round(1.0 - float((sa * sb).sum()), 4)


def mean_pairwise_distance(images: list[Image.Image]) -> float:
    """The mean distance over every pair of `images`."""
    ds = [structure_distance(x, y) for i, x in enumerate(images) for y in images[i + 1 :]]
    return float(np.mean(ds)) if ds else 0.0


__all__ = ["mean_pairwise_distance", "structure", "structure_distance"]
