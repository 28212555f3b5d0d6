"""The red seal (印章): characters cut white into a square of cinnabar (白文), pressed
unevenly, the way paste leaves a stamp.

    >>> seal = seal_alpha("墨趣", 48, seed=1)
    >>> seal.shape, bool(seal.max() > 0.9)
    ((48, 48), True)
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from inkmuse.core.errors import InputError
from inkmuse.core.seeds import derive_seed, make_rng
from inkmuse.painting.fonts import cjk_font_path, load_font
from inkmuse.painting.noise import FloatArray, value_noise

DEFAULT_SEAL = "墨趣"  # "the delight of ink", a common leisure-seal phrase
MAX_SEAL_CHARS = 4


def seal_alpha(text: str, size: int, seed: int) -> FloatArray:
    """The seal's coverage (0..1) on a size x size square; 1 to 4 characters.

    Characters read in columns from the right, as seals are cut: 2 stacked, 4 in a 2x2.
    """
    chars = [c for c in text if not c.isspace()]
    if not 1 <= len(chars) <= MAX_SEAL_CHARS:
        raise InputError(f"a seal holds 1 to {MAX_SEAL_CHARS} characters, got {len(chars)}",
                         accepted="e.g. 墨趣, 山水清音")  # fmt: skip
    ss = size * 3
    img = Image.new("L", (ss, ss), 0)
    draw = ImageDraw.Draw(img)
    rng = make_rng(derive_seed(seed, "seal"))
    inset = ss * 0.04
    draw.rounded_rectangle((inset, inset, ss - inset, ss - inset), radius=ss * 0.05, fill=255)
    border = ss * 0.1
    inner = ss - 2 * border
    if len(chars) == 1:
        cells = [(0, 0, 1, 1)]
    elif len(chars) == 2:
        cells = [(0, 0, 1, 2), (0, 1, 1, 2)]
    elif len(chars) == 3:  # one tall column on the right, two on the left
        cells = [(1, 0, 2, 1), (0, 0, 2, 2), (0, 1, 2, 2)]
    else:
        cells = [(1, 0, 2, 2), (1, 1, 2, 2), (0, 0, 2, 2), (0, 1, 2, 2)]
    font_path = cjk_font_path()
    for ch, (col, row, ncols, nrows) in zip(chars, cells, strict=True):
        cw, chh = inner / ncols, inner / nrows
        font = load_font(font_path, int(min(cw, chh) * 0.98))
        cx = border + (col + 0.5) * cw
        cy = border + (row + 0.5) * chh
        draw.text((cx, cy), ch, font=font, fill=0, anchor="mm")
    alpha = np.asarray(img.resize((size, size), Image.Resampling.BOX), np.float32) / 255.0
    # uneven paste: a soft mottling, plus a few pits where the paper did not take it
    mottle = value_noise(rng, (size, size), max(2.0, size / 10))
    pits = value_noise(rng, (size, size), 1.5) > 0.8
    alpha = alpha * (0.78 + 0.3 * mottle) * np.where(pits, 0.55, 1.0)
    result: FloatArray = np.clip(alpha, 0.0, 1.0).astype(np.float32)
    return result


__all__ = ["DEFAULT_SEAL", "MAX_SEAL_CHARS", "seal_alpha"]
