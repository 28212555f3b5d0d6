"""The red seal (印章): characters cut white into a square of cinnabar (白文), in a seal-like
hand: each glyph is stretched to fill its cell the way seal characters fill the stone, its
strokes evened to one weight (thin strokes thickened, thick ones pared), and its edges and
the stone's border chipped like a cut and inked seal.

The font gives the characters' structure; what makes it read as a seal is the filling,
the even strokes and the carving. Two characters stand side by side read from the right,
each a tall cell (seal characters are tall); four make a 2x2 read in columns from the right.

    >>> seal = seal_alpha("墨趣", 48, seed=1)
    >>> seal.shape, bool(seal.max() > 0.9)
    ((48, 48), True)
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from inkmuse.core.errors import InputError
from inkmuse.core.fonts import cjk_font_path, load_font
from inkmuse.core.seeds import derive_seed, make_rng
from inkmuse.painting.noise import FloatArray, value_noise

DEFAULT_SEAL = "墨趣"  # "the delight of ink", a common leisure-seal phrase
MAX_SEAL_CHARS = 4
_SS = 4  # the seal is cut at 4x and reduced, so thin white strokes survive
_MAX_CUT = 320  # ...but never on more than 320 px: a big seal's filters would cost seconds

# cells (column from the right, row, columns, rows) for 1 to 4 characters
_CELLS = {
    1: [(0, 0, 1, 1)],
    2: [(0, 0, 2, 1), (1, 0, 2, 1)],
    3: [(0, 0, 2, 1), (1, 0, 2, 2), (1, 1, 2, 2)],
    4: [(0, 0, 2, 2), (0, 1, 2, 2), (1, 0, 2, 2), (1, 1, 2, 2)],
}


def seal_alpha(text: str, size: int, seed: int) -> FloatArray:
    """The seal's coverage (0..1) on a size x size square; 1 to 4 characters."""
    chars = [c for c in text if not c.isspace()]
    if not 1 <= len(chars) <= MAX_SEAL_CHARS:
        raise InputError(f"a seal holds 1 to {MAX_SEAL_CHARS} characters, got {len(chars)}",
                         accepted="e.g. 墨趣, 山水清音")  # fmt: skip
    ss = min(size * _SS, max(_MAX_CUT, size))
    rng = make_rng(derive_seed(seed, "seal"))
    stone = Image.new("L", (ss, ss), 0)
    inset = ss * 0.03
    ImageDraw.Draw(stone).rectangle((inset, inset, ss - inset, ss - inset), fill=255)
    border = ss * 0.09
    inner = ss - 2 * border
    gap = ss * 0.035  # the red left standing between characters
    cut = Image.new("L", (ss, ss), 0)
    for ch, (col, row, ncols, nrows) in zip(chars, _CELLS[len(chars)], strict=True):
        cw, chh = (inner - gap * (ncols - 1)) / ncols, (inner - gap * (nrows - 1)) / nrows
        x = ss - border - (col + 1) * cw - col * gap  # columns run from the right
        y = border + row * (chh + gap)
        glyph = _seal_glyph(ch, int(cw), int(chh), stroke=ss * 0.05)
        cut.paste(glyph, (int(x), int(y)), glyph)
    stone_a = np.asarray(stone, np.float32) / 255.0
    cut_a = np.asarray(cut, np.float32) / 255.0
    # carving: the border and the cut edges are chipped by a fine noise
    chips = value_noise(rng, (ss, ss), max(2.0, ss / 60)) > 0.78
    edge = _edge_band(stone_a, ss * 0.02)
    alpha = stone_a * (1.0 - cut_a)
    alpha = np.where(chips & (edge > 0.5), alpha * 0.15, alpha)
    small = Image.fromarray((alpha * 255).astype(np.uint8)).resize(
        (size, size), Image.Resampling.BOX
    )
    out = np.asarray(small, np.float32) / 255.0
    # uneven paste: a soft mottling, plus a few pits where the paper did not take it
    mottle = value_noise(rng, (size, size), max(2.0, size / 8))
    pits = value_noise(rng, (size, size), 1.3) > 0.91
    out = out * (0.82 + 0.25 * mottle) * np.where(pits, 0.6, 1.0)
    result: FloatArray = np.clip(out, 0.0, 1.0).astype(np.float32)
    return result


def _seal_glyph(ch: str, w: int, h: int, stroke: float) -> Image.Image:
    """One character filling a w x h cell with strokes of one weight (an 'L' mask)."""
    big = max(w, h) * 2
    font = load_font(cjk_font_path(), big)
    img = Image.new("L", (big * 2, big * 2), 0)
    ImageDraw.Draw(img).text((big, big), ch, font=font, fill=255, anchor="mm")
    box = img.getbbox()
    if box is None:
        return Image.new("L", (w, h), 0)
    glyph = img.crop(box).resize((max(1, w), max(1, h)), Image.Resampling.LANCZOS)
    # one weight for every stroke: grow them all by the same width, so the thin strokes of
    # the brush font come up to the thick ones, as a seal cutter's knife would make them
    grow = max(3, int(stroke * 0.5) | 1)
    even = glyph.point(lambda v: 255 if v > 110 else 0).filter(ImageFilter.MaxFilter(grow))
    return even.filter(ImageFilter.GaussianBlur(stroke * 0.08)).point(
        lambda v: 255 if v > 128 else 0
    )


def _edge_band(mask: FloatArray, width: float) -> FloatArray:
    """1 within `width` pixels of the mask's outer edge, inside it."""
    img = Image.fromarray((mask * 255).astype(np.uint8))
    k = max(3, int(width) | 1)
    shrunk = np.asarray(img.filter(ImageFilter.MinFilter(k)), np.float32) / 255.0
    band: FloatArray = (mask - shrunk).astype(np.float32)
    return band


__all__ = ["DEFAULT_SEAL", "MAX_SEAL_CHARS", "seal_alpha"]
