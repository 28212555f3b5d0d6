"""Painting: an idea or a poem becomes a picture, offline, in about a second.

    >>> from inkmuse.painting import PaintRequest, paint
    >>> painting = paint(PaintRequest(text="月落乌啼霜满天", size=(320, 240), seed=1))
    >>> painting.theme.time_of_day
    'night'

Save it with `save_png(painting, "moon.png")`; read its record back with `read_metadata`.
"""

from inkmuse.painting.metadata import read_metadata
from inkmuse.painting.metrics import Metrics, measure
from inkmuse.painting.pipeline import paint, painting_png_bytes, save_png
from inkmuse.painting.prompts import Prompts, build_prompts
from inkmuse.painting.request import STYLES, Painting, PaintRequest

__all__ = [
    "STYLES",
    "Metrics",
    "PaintRequest",
    "Painting",
    "Prompts",
    "build_prompts",
    "measure",
    "paint",
    "painting_png_bytes",
    "read_metadata",
    "save_png",
]
