"""Test images made in memory: a real photo-like PNG and a decompression bomb."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
from PIL import Image


def photo_png(width: int = 160, height: int = 120) -> bytes:
    """A smooth gradient with a dark disc: something the painterly style can paint."""
    y, x = np.mgrid[0:height, 0:width]
    rgb = np.stack([x * 255 // width, y * 255 // height, 255 - x * 255 // width], axis=-1)
    disc = (x - width / 2) ** 2 + (y - height / 2) ** 2 < (height / 4) ** 2
    rgb[disc] = (30, 40, 50)
    out = io.BytesIO()
    Image.fromarray(rgb.astype(np.uint8)).save(out, "PNG")
    return out.getvalue()


def bomb_png(width: int, height: int) -> bytes:
    """A valid-looking PNG of width x height whose compressed data is a few hundred bytes:
    decoding it would need width x height x 3 bytes of memory."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    row = b"\x00" + b"\x00" * (width * 3)
    idat = zlib.compress(row * 4, 9)  # only 4 rows present: the rest is "truncated"
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
