"""Photos people upload: size-limited, and checked by Pillow from the header before any
pixel is decoded, so a small file that would expand into gigabytes (a decompression bomb)
is refused.

    >>> check_image(b"not an image", limit=1000)  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    inkmuse.core.errors.InputError: the upload is not an image that can be read ...
"""

from __future__ import annotations

import io
import warnings

from PIL import Image, UnidentifiedImageError

from inkmuse.core.errors import InputError
from inkmuse.painting.images import MAX_INPUT_PIXELS

FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp", "BMP": "bmp", "GIF": "gif"}
_ACCEPTED = "PNG, JPEG, WebP, BMP or GIF"


def check_image(data: bytes, limit: int) -> tuple[str, int, int]:
    """(file extension, width, height) of an acceptable upload, or an InputError."""
    if len(data) > limit:
        raise InputError(
            f"the upload is {len(data) / 1e6:.1f} MB", accepted=f"files up to {limit / 1e6:.1f} MB"
        )
    if not data:
        raise InputError("the upload is empty", accepted=_ACCEPTED)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:  # reads the header only
                fmt = img.format or ""
                width, height = img.size
                if fmt not in FORMATS:
                    raise InputError(
                        f"the upload is a {fmt or 'unknown'} image", accepted=_ACCEPTED
                    )
                if width * height > MAX_INPUT_PIXELS:
                    raise InputError(
                        f"the upload is {width}x{height} pixels",
                        accepted=f"images up to {MAX_INPUT_PIXELS // 1_000_000} megapixels",
                    )
                if min(width, height) < 16:
                    raise InputError(
                        f"the upload is only {width}x{height}",
                        accepted="images at least 16 pixels on each side",
                    )
            # The header looked sane; now decode fully to catch truncated or corrupt data.
            with Image.open(io.BytesIO(data)) as img:
                img.load()
    except InputError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise InputError(
            "the upload is too large to decode safely",
            accepted=f"images up to {MAX_INPUT_PIXELS // 1_000_000} megapixels",
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        # Pillow's own message names its file object (<_io.BytesIO object at 0x…>): not said.
        raise InputError(
            "the upload is not an image that can be read", accepted=_ACCEPTED
        ) from None
    return FORMATS[fmt], width, height
