"""Colour transfer (Reinhard, Ashikhmin, Gooch & Shirley 2001): give a picture the palette
of a reference painting by matching the mean and spread of each channel in lαβ space,
where the channels are nearly independent for natural images.

    >>> from PIL import Image
    >>> out = transfer_colour(Image.new("RGB", (8, 8), (200, 60, 40)), Image.new("RGB", (8, 8), (40, 90, 200)))
    >>> out.getpixel((0, 0))[2] > out.getpixel((0, 0))[0]
    True
"""

from __future__ import annotations

import numpy as np
from PIL import Image

_RGB2LMS = np.array(
    [[0.3811, 0.5783, 0.0402], [0.1967, 0.7244, 0.0782], [0.0241, 0.1288, 0.8444]], np.float32
)
_LMS2LAB = (
    np.diag([1 / np.sqrt(3), 1 / np.sqrt(6), 1 / np.sqrt(2)])
    @ np.array([[1, 1, 1], [1, 1, -2], [1, -1, 0]])
).astype(np.float32)
MAX_SPREAD_GAIN = 2.5
# The paper takes log10; the natural log only scales lαβ by a constant, which the mean and
# spread matching cancels, and np.log/np.exp are several times faster than 10 ** x.


def _log_lms(rgb: np.ndarray) -> np.ndarray:
    """(N, 3) RGB in 0..1 -> (N, 3) lαβ."""
    lms = np.clip(_apply(_RGB2LMS, rgb), 1e-4, None)
    return _apply(_LMS2LAB, np.log(lms))


def _apply(matrix: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """matrix @ each row. einsum: BLAS is slow (and thread-hungry) on tall (N, 3) arrays."""
    out: np.ndarray = np.einsum("nc,kc->nk", rows, matrix)
    return out


def transfer_colour(
    image: Image.Image, reference: Image.Image, strength: float = 1.0
) -> Image.Image:
    """`image` recoloured with the colour statistics of `reference` (strength 0..1)."""
    src_img = image.convert("RGB")
    src = np.asarray(src_img, dtype=np.float32).reshape(-1, 3) / np.float32(255.0)
    ref_small = reference.convert("RGB")
    ref_small.thumbnail((256, 256))
    ref = np.asarray(ref_small, dtype=np.float32).reshape(-1, 3) / np.float32(255.0)
    lab, rlab = _log_lms(src), _log_lms(ref)
    mean, std = lab.mean(axis=0), lab.std(axis=0) + np.float32(1e-6)
    rmean, rstd = rlab.mean(axis=0), rlab.std(axis=0)
    k = np.float32(np.clip(strength, 0.0, 1.0))
    # Per-channel scale and shift in lαβ, mixed with the identity by `strength`. The scale is
    # capped: a nearly grey ink painting has almost no spread in α and β, and matching it in
    # full would blow paper grain up into coloured noise; capped, it takes the tint instead.
    ratio = np.clip(rstd / std, 1.0 / MAX_SPREAD_GAIN, MAX_SPREAD_GAIN)
    scale = 1.0 + (ratio - 1.0) * k
    shift = (rmean - mean * ratio) * k
    moved = lab * scale + shift
    lms = np.exp(_apply(np.linalg.inv(_LMS2LAB).astype(np.float32), moved))
    rgb = _apply(np.linalg.inv(_RGB2LMS).astype(np.float32), lms)
    out = (
        np.clip(rgb * 255.0 + 0.5, 0, 255)
        .astype(np.uint8)
        .reshape(src_img.height, src_img.width, 3)
    )
    return Image.fromarray(out, mode="RGB")


__all__ = ["transfer_colour"]
