"""Theme: the shared mood of a creation (poem, painting and song read the same one).

The painting work owns the lexicon that reads a Theme from text (`theme_from_text`); the
music work reads `mood`, `season` and `time_of_day` to pick mode, key and tempo.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Closed vocabularies, so every art form can map each value without guessing.
MOODS = (
    "melancholy",  # 惆怅 悲 愁: sad, wistful
    "lonely",  # 孤 寂: solitary
    "nostalgic",  # 思乡 怀古: longing for home or the past
    "serene",  # 静 闲 幽: calm, contemplative
    "joyful",  # 喜 欢 春风: bright, happy
    "heroic",  # 壮 豪: grand, bold
    "tender",  # 柔 情: love, gentle
)
SEASONS = ("spring", "summer", "autumn", "winter")
TIMES_OF_DAY = ("dawn", "day", "dusk", "night")


@dataclass(frozen=True)
class Theme:
    """What a creation is about and how it feels.

    imagery: scene element ids in the painting vocabulary ("moon", "mountain", "river",
        "boat", "willow", "goose", ...), most salient first.
    mood: one of MOODS.  season: one of SEASONS or None.  time_of_day: one of TIMES_OF_DAY
        or None.  palette: a palette name known to the painting renderers.
    keywords: the person's own words (for conditioning the poet).
    """

    imagery: tuple[str, ...] = ()
    mood: str = "serene"
    season: str | None = None
    time_of_day: str | None = None
    palette: str = "ink"
    keywords: tuple[str, ...] = ()
    extras: dict[str, str] = field(default_factory=dict)
