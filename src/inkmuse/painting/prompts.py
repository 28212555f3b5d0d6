"""Prompts for Stable Diffusion and Midjourney from the same Theme inkmuse paints from,
for people who render elsewhere (`inkmuse paint --prompt-only`).

    >>> from inkmuse.core.theme_lexicon import theme_from_text
    >>> p = build_prompts(theme_from_text("孤舟蓑笠翁，独钓寒江雪"), "shanshui", (1024, 768), seed=7)
    >>> "lone fisherman" in p.positive, p.midjourney.endswith("--ar 4:3 --seed 7")
    (True, True)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from inkmuse.core.errors import InputError
from inkmuse.core.theme import Theme

_ELEMENTS = {
    "mountain": "layered mountains", "river": "a winding river", "lake": "a still lake",
    "waterfall": "a waterfall", "moon": "a full moon", "sun": "a low red sun",
    "stars": "a starry sky", "cloud": "drifting clouds", "mist": "drifting mist",
    "rain": "fine rain", "snow": "falling snow", "wind": "wind in the trees", "boat": "a small boat",
    "fisherman": "a lone fisherman in a straw hat", "willow": "weeping willows",
    "pine": "old pine trees", "bamboo": "bamboo", "plum": "plum blossom", "peach": "peach blossom",
    "maple": "red maple leaves", "lotus": "lotus leaves", "chrysanthemum": "chrysanthemums",
    "reeds": "reeds by the shore", "goose": "wild geese flying in formation",
    "crane": "a flying crane", "bird": "distant birds", "pavilion": "a small pavilion",
    "bridge": "a stone bridge", "temple": "a distant pagoda", "village": "a thatched village",
}  # fmt: skip
_MOODS = {
    "melancholy": "melancholy, wistful", "lonely": "solitary, vast empty space",
    "nostalgic": "nostalgic, longing for home", "serene": "serene, tranquil, contemplative",
    "joyful": "bright, joyful", "heroic": "grand, majestic, sweeping", "tender": "tender, gentle",
}  # fmt: skip
_TIMES = {"dawn": "at dawn", "day": "in daylight", "dusk": "at dusk", "night": "at night"}

# preset -> (style words, extra negative words)
PRESETS: dict[str, tuple[str, str]] = {
    "shanshui": ("traditional Chinese ink wash painting, shanshui, sumi-e, monochrome ink on "
                 "xuan paper, expressive brushwork, generous empty space", "color photo, 3d render"),
    "qinglv": ("Chinese blue-green landscape painting, qinglv shanshui, mineral azurite and "
               "malachite pigments, fine ink outlines, silk scroll", "photo, 3d render"),
    "gongbi": ("gongbi painting, meticulous fine-line brushwork, delicate colour washes on silk",
               "photo, sketchy, loose brushwork"),
    "impressionist": ("impressionist oil painting, visible broken brush strokes, plein air light",
                      "photo, smooth digital art"),
    "watercolour": ("loose watercolour painting, wet-in-wet washes, soft bleeding edges, paper "
                    "texture", "photo, hard outlines, 3d render"),
}  # fmt: skip
_NEGATIVE = "text, watermark, signature, lowres, blurry, jpeg artifacts, deformed, oversaturated"


@dataclass(frozen=True)
class Prompts:
    positive: str
    negative: str
    midjourney: str

    def as_text(self) -> str:
        return (f"Stable Diffusion prompt:\n{self.positive}\n\nNegative prompt:\n{self.negative}\n\n"
                f"Midjourney:\n{self.midjourney}\n")  # fmt: skip


def build_prompts(theme: Theme, preset: str, size: tuple[int, int], seed: int) -> Prompts:
    """Positive and negative prompts plus a Midjourney line with aspect ratio and seed."""
    if preset not in PRESETS:
        raise InputError(f"unknown prompt preset '{preset}'", accepted=", ".join(PRESETS))
    style, negative_extra = PRESETS[preset]
    subject = [_ELEMENTS[e] for e in theme.imagery if e in _ELEMENTS] or [
        "misty mountains and water"
    ]
    parts = [", ".join(subject[:6])]
    if theme.season:
        parts.append(f"{theme.season}")
    if theme.time_of_day:
        parts.append(_TIMES[theme.time_of_day])
    parts.append(_MOODS.get(theme.mood, theme.mood))
    parts.append(style)
    positive = ", ".join(parts)
    negative = f"{_NEGATIVE}, {negative_extra}"
    w, h = size
    g = math.gcd(w, h)
    mj = f"{positive} --no {negative_extra} --ar {w // g}:{h // g} --seed {seed}"
    return Prompts(positive, negative, mj)


__all__ = ["PRESETS", "Prompts", "build_prompts"]
