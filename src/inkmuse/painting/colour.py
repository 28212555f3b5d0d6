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

_RGB2LMS = np.array([[0.3811, 0.5783, 0.0402], [0.1967, 0.7244, 0.0782], [0.0241, 0.1288, 0.8444]])
_LMS2LAB = np.diag([1 / np.sqrt(3), 1 / np.sqrt(6), 1 / np.sqrt(2)]) @ np.array(
    [[1, 1, 1], [1, 1, -2], [1, -1, 0]]
)


def _to_lab(rgb: np.ndarray) -> np.ndarray:
    lms = np.clip(rgb.reshape(-1, 3) @ _RGB2LMS.T, 1e-4, None)
    lab: np.ndarray = np.log10(lms) @ _LMS2LAB.T
    return lab


def _from_lab(lab: np.ndarray) -> np.ndarray:
    lms = 10.0 ** (lab @ np.linalg.inv(_LMS2LAB).T)
    return lms @ np.linalg.inv(_RGB2LMS).T


def transfer_colour(
    image: Image.Image, reference: Image.Image, strength: float = 1.0
) -> Image.Image:
    """`image` recoloured with the colour statistics of `reference` (strength 0..1)."""
    src = np.asarray(image.convert("RGB"), dtype=np.float64) / 255.0 + 1.0 / 255.0
    ref_small = reference.convert("RGB")
    ref_small.thumbnail((256, 256))
    ref = np.asarray(ref_small, dtype=np.float64) / 255.0 + 1.0 / 255.0
    lab, rlab = _to_lab(src), _to_lab(ref)
    mean, std = lab.mean(axis=0), lab.std(axis=0) + 1e-6
    rmean, rstd = rlab.mean(axis=0), rlab.std(axis=0)
    moved = (lab - mean) * (rstd / std) + rmean
    out = lab + (moved - lab) * float(np.clip(strength, 0.0, 1.0))
    rgb = _from_lab(out).reshape(src.shape) - 1.0 / 255.0
    return Image.fromarray(np.clip(rgb * 255.0 + 0.5, 0, 255).astype(np.uint8), mode="RGB")


__all__ = ["transfer_colour"]
