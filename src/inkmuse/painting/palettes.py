"""Colour palettes for the ink-wash renderer, from monochrome ink to 青绿 and the seasons.

Colours are linear-ish sRGB floats in [0, 1]. Each palette names the traditional
pigments it imitates: 石青 (azurite blue), 石绿 (malachite green), 赭石 (red ochre),
藤黄 (gamboge), 胭脂 (rouge) and 朱砂 (cinnabar, the seal).

    >>> get_palette("qinglv").near_top
    (0.2, 0.5, 0.43)
"""

from __future__ import annotations

from dataclasses import dataclass

from inkmuse.core.errors import InputError
from inkmuse.core.theme_lexicon import PALETTES

RGB = tuple[float, float, float]


@dataclass(frozen=True)
class Palette:
    """The colours of one painting. Sky entries are a wash laid over the paper.

    sky_top / sky_horizon: wash colour at the top and at the horizon; sky_strength:
    opacity (0..1) of that wash at the top and at the horizon.
    """

    name: str
    paper: RGB
    ink: RGB
    far: RGB  # farthest mountains (atmospheric perspective: pale and cool)
    near_top: RGB  # ridges and peaks of the near mountains
    near_base: RGB  # the foot of the near mountains
    foliage: RGB
    blossom: RGB
    water: RGB
    sun: RGB
    moon: RGB
    sky_top: RGB
    sky_horizon: RGB
    sky_strength: tuple[float, float]
    seal: RGB = (0.74, 0.13, 0.10)  # 朱砂 cinnabar; seal paste is the same in every palette


_PALETTES = {
    p.name: p
    for p in (
        Palette(
            "ink", paper=(0.93, 0.90, 0.83), ink=(0.09, 0.09, 0.10), far=(0.58, 0.59, 0.61),
            near_top=(0.22, 0.22, 0.23), near_base=(0.50, 0.49, 0.47), foliage=(0.14, 0.15, 0.14),
            blossom=(0.78, 0.28, 0.25), water=(0.45, 0.46, 0.47), sun=(0.78, 0.22, 0.16),
            moon=(0.97, 0.96, 0.91), sky_top=(0.80, 0.79, 0.76), sky_horizon=(0.93, 0.90, 0.83),
            sky_strength=(0.18, 0.0),
        ),
        Palette(
            "qinglv", paper=(0.91, 0.85, 0.72), ink=(0.12, 0.11, 0.10), far=(0.45, 0.60, 0.65),
            near_top=(0.20, 0.50, 0.43), near_base=(0.72, 0.55, 0.34), foliage=(0.16, 0.40, 0.32),
            blossom=(0.86, 0.42, 0.40), water=(0.35, 0.52, 0.55), sun=(0.80, 0.25, 0.15),
            moon=(0.97, 0.95, 0.86), sky_top=(0.82, 0.76, 0.62), sky_horizon=(0.91, 0.85, 0.72),
            sky_strength=(0.25, 0.0),
        ),
        Palette(
            "qianjiang", paper=(0.93, 0.88, 0.77), ink=(0.13, 0.11, 0.10), far=(0.62, 0.60, 0.60),
            near_top=(0.40, 0.35, 0.30), near_base=(0.76, 0.57, 0.40), foliage=(0.50, 0.28, 0.17),
            blossom=(0.82, 0.36, 0.20), water=(0.50, 0.50, 0.50), sun=(0.80, 0.30, 0.16),
            moon=(0.97, 0.95, 0.88), sky_top=(0.84, 0.80, 0.72), sky_horizon=(0.93, 0.88, 0.77),
            sky_strength=(0.2, 0.0),
        ),
        Palette(
            "spring", paper=(0.94, 0.91, 0.84), ink=(0.11, 0.12, 0.11), far=(0.60, 0.67, 0.66),
            near_top=(0.30, 0.46, 0.34), near_base=(0.66, 0.63, 0.50), foliage=(0.40, 0.58, 0.30),
            blossom=(0.93, 0.58, 0.64), water=(0.45, 0.55, 0.55), sun=(0.85, 0.35, 0.25),
            moon=(0.97, 0.96, 0.90), sky_top=(0.84, 0.86, 0.82), sky_horizon=(0.94, 0.91, 0.84),
            sky_strength=(0.2, 0.0),
        ),
        Palette(
            "summer", paper=(0.93, 0.90, 0.80), ink=(0.09, 0.11, 0.10), far=(0.48, 0.60, 0.62),
            near_top=(0.15, 0.40, 0.30), near_base=(0.52, 0.56, 0.38), foliage=(0.14, 0.38, 0.22),
            blossom=(0.90, 0.50, 0.60), water=(0.35, 0.50, 0.52), sun=(0.85, 0.30, 0.18),
            moon=(0.97, 0.96, 0.90), sky_top=(0.78, 0.84, 0.84), sky_horizon=(0.93, 0.90, 0.80),
            sky_strength=(0.25, 0.0),
        ),
        Palette(
            "autumn", paper=(0.93, 0.87, 0.75), ink=(0.12, 0.10, 0.09), far=(0.60, 0.56, 0.55),
            near_top=(0.38, 0.32, 0.26), near_base=(0.74, 0.54, 0.36), foliage=(0.74, 0.30, 0.15),
            blossom=(0.90, 0.70, 0.25), water=(0.48, 0.48, 0.48), sun=(0.82, 0.28, 0.14),
            moon=(0.97, 0.94, 0.84), sky_top=(0.86, 0.78, 0.66), sky_horizon=(0.93, 0.87, 0.75),
            sky_strength=(0.25, 0.0),
        ),
        Palette(
            "winter", paper=(0.95, 0.95, 0.93), ink=(0.08, 0.09, 0.11), far=(0.62, 0.64, 0.67),
            near_top=(0.30, 0.31, 0.34), near_base=(0.55, 0.56, 0.58), foliage=(0.16, 0.18, 0.18),
            blossom=(0.80, 0.20, 0.22), water=(0.40, 0.42, 0.45), sun=(0.80, 0.30, 0.25),
            moon=(0.98, 0.98, 0.96), sky_top=(0.55, 0.58, 0.62), sky_horizon=(0.75, 0.77, 0.80),
            sky_strength=(0.55, 0.2),
        ),
        Palette(
            "dusk", paper=(0.94, 0.87, 0.75), ink=(0.12, 0.09, 0.10), far=(0.60, 0.48, 0.52),
            near_top=(0.25, 0.19, 0.22), near_base=(0.58, 0.42, 0.38), foliage=(0.22, 0.16, 0.15),
            blossom=(0.85, 0.40, 0.35), water=(0.50, 0.40, 0.40), sun=(0.86, 0.26, 0.12),
            moon=(0.98, 0.92, 0.80), sky_top=(0.72, 0.62, 0.66), sky_horizon=(0.97, 0.68, 0.42),
            sky_strength=(0.35, 0.55),
        ),
        Palette(
            "night", paper=(0.90, 0.88, 0.82), ink=(0.06, 0.07, 0.10), far=(0.36, 0.39, 0.47),
            near_top=(0.12, 0.13, 0.17), near_base=(0.30, 0.32, 0.38), foliage=(0.08, 0.09, 0.11),
            blossom=(0.75, 0.60, 0.65), water=(0.30, 0.32, 0.38), sun=(0.75, 0.30, 0.25),
            moon=(0.98, 0.96, 0.86), sky_top=(0.22, 0.25, 0.33), sky_horizon=(0.42, 0.45, 0.52),
            sky_strength=(0.8, 0.55),
        ),
    )
}  # fmt: skip
assert tuple(_PALETTES) == PALETTES, "painting palettes must match the lexicon's vocabulary"


def get_palette(name: str) -> Palette:
    """The palette called `name`; an InputError names the accepted ones otherwise."""
    try:
        return _PALETTES[name]
    except KeyError:
        raise InputError(f"unknown palette '{name}'", accepted=", ".join(PALETTES)) from None


__all__ = ["PALETTES", "RGB", "Palette", "get_palette"]
