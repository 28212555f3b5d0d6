"""Reading a person's image (a photo to paint over, a style or palette reference) safely:
every failure is an InputError saying what was wrong and what is accepted.

    >>> parse_size("1024x768")
    (1024, 768)
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from inkmuse.core.errors import InputError

MIN_SIDE, MAX_SIDE = 64, 4096  # output canvas limits, pixels
MAX_INPUT_PIXELS = 50_000_000  # larger inputs are refused before decoding (memory)
_FORMATS = "PNG, JPEG, WebP, BMP, TIFF or GIF"
_SIZE = re.compile(r"^\s*(\d+)\s*[x×X*]\s*(\d+)\s*$")


def parse_size(text: str) -> tuple[int, int]:
    """'WxH' -> (width, height), each side within MIN_SIDE..MAX_SIDE pixels."""
    match = _SIZE.match(text)
    accepted = f"WIDTHxHEIGHT, each {MIN_SIDE}..{MAX_SIDE} pixels, e.g. 1024x768"
    if match is None:
        raise InputError(f"size '{text}' is not understood", accepted=accepted)
    w, h = int(match.group(1)), int(match.group(2))
    if not (MIN_SIDE <= w <= MAX_SIDE and MIN_SIDE <= h <= MAX_SIDE):
        raise InputError(f"size {w}x{h} is out of range", accepted=accepted)
    return w, h


def load_image(path: str | Path, role: str = "image") -> Image.Image:
    """An RGB image from `path` (transparency flattened onto white, EXIF rotation applied)."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{role} {p} does not exist or is not a file", accepted=_FORMATS)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(p) as opened:
                w, h = opened.size
                if w * h > MAX_INPUT_PIXELS:
                    raise InputError(
                        f"{role} {p} is {w}x{h}, too large",
                        accepted=f"images up to {MAX_INPUT_PIXELS // 1_000_000} megapixels",
                    )
                opened.load()
                img: Image.Image = ImageOps.exif_transpose(opened)  # a copy: the file closes
    except InputError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise InputError(
            f"{role} {p} is too large to decode safely",
            accepted=f"images up to {MAX_INPUT_PIXELS // 1_000_000} megapixels",
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as err:
        raise InputError(f"cannot read {role} {p}: {err}", accepted=_FORMATS) from None
    if min(w, h) < 16:
        raise InputError(
            f"{role} {p} is only {w}x{h}", accepted="images at least 16 pixels on each side"
        )
    if img.mode in ("RGBA", "LA", "P", "PA"):
        rgba = img.convert("RGBA")
        flat = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        img = Image.alpha_composite(flat, rgba)
    return img.convert("RGB")


def fit_within(img: Image.Image, width: int, height: int) -> Image.Image:
    """Scale so the image fits in width x height keeping its aspect (Lanczos)."""
    scale = min(width / img.width, height / img.height)
    size = (
        max(MIN_SIDE // 4, round(img.width * scale)),
        max(MIN_SIDE // 4, round(img.height * scale)),
    )
    return img if size == img.size else img.resize(size, Image.Resampling.LANCZOS)


__all__ = ["MAX_INPUT_PIXELS", "MAX_SIDE", "MIN_SIDE", "fit_within", "load_image", "parse_size"]
