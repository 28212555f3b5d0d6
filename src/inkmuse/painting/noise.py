"""Seeded noise fields, vectorised with numpy and Pillow's resampler (no Python pixel loops).

Value noise is a coarse grid of random numbers scaled up with bicubic interpolation; fBm
sums a few octaves. Anisotropic cells (tall and thin) give the vertical texture strokes
(皴) of an ink mountain; wide cells give mist bands.

    >>> field = fbm(make_rng(3), (48, 64), cell=16)
    >>> field.shape, bool(0.0 <= field.min() and field.max() <= 1.0)
    ((48, 64), True)
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from PIL import Image

from inkmuse.core.seeds import make_rng

FloatArray = NDArray[np.float32]

__all__ = ["FloatArray", "fbm", "make_rng", "noise1d", "value_noise"]


def value_noise(
    rng: np.random.Generator, shape: tuple[int, int], cell: tuple[float, float] | float
) -> FloatArray:
    """Smooth noise in [0, 1] of `shape` (rows, cols) whose features are `cell` pixels big.

    `cell` is (rows, cols) in pixels, or one number for square cells.
    """
    h, w = shape
    ch, cw = (cell, cell) if isinstance(cell, int | float) else cell
    gh, gw = max(2, int(np.ceil(h / ch)) + 2), max(2, int(np.ceil(w / cw)) + 2)
    grid = rng.random((gh, gw), dtype=np.float32)
    # Scale the grid up past the target, then crop: the border cells of a bicubic resize
    # are squashed, so the crop keeps the noise statistically even to the edges.
    big_w, big_h = round(gw * cw), round(gh * ch)
    img = Image.fromarray(grid, mode="F").resize((big_w, big_h), Image.Resampling.BICUBIC)
    oy, ox = int(ch // 2), int(cw // 2)
    out = np.asarray(img, dtype=np.float32)[oy : oy + h, ox : ox + w]
    return np.clip(out, 0.0, 1.0)


def fbm(
    rng: np.random.Generator,
    shape: tuple[int, int],
    cell: float,
    octaves: int = 4,
    gain: float = 0.5,
    aspect: float = 1.0,
) -> FloatArray:
    """Fractal noise in [0, 1]: octaves of value noise, each half the size and `gain` as loud.

    `aspect` > 1 stretches features vertically (rows), < 1 horizontally.
    """
    total = np.zeros(shape, dtype=np.float32)
    amp, norm, size = 1.0, 0.0, float(cell)
    for _ in range(octaves):
        total += amp * value_noise(rng, shape, (max(1.0, size * aspect), max(1.0, size)))
        norm += amp
        amp *= gain
        size /= 2.0
    return total / np.float32(norm)


def noise1d(rng: np.random.Generator, n: int, cell: float, octaves: int = 4) -> FloatArray:
    """A smooth 1-D fractal curve of length n in [-1, 1] (ridge lines, shore lines)."""
    curve: FloatArray = fbm(rng, (1, n), cell, octaves=octaves)[0] * np.float32(2.0) - np.float32(
        1.0
    )
    return curve
