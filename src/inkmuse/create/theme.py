"""One Theme for poem, painting and song, from an idea (and optionally an image).

The mapping, in one place:
- imagery, mood, season, time of day and palette come from the idea's words
  (`inkmuse.core.theme_lexicon`); an image adds its own reading (below) where the words
  are silent, and its palette always wins (the person showed us the colours they want);
- key, mode and tempo come from the mood, season and time (`music_plan_from_theme`):
  a sad autumn night gives 羽 (Chinese minor) or Aeolian, slow; a joyful spring morning
  gives 宫 or Ionian, quick;
- the palette of a night is cool (blue-grey ink), of dusk warm, of seasons their own.
An image is read by colour alone (no model): dark and grey → night and melancholy, warm
and low → dusk, bright and saturated → joyful, white and cold → winter, green → spring
or summer, red-orange → autumn.

    >>> ct = creation_theme("秋夜 思乡")
    >>> ct.theme.season, ct.theme.time_of_day, ct.theme.mood, ct.key, ct.tempo < 80
    ('autumn', 'night', 'nostalgic', 'C商', True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from inkmuse.core.hanzi import is_han
from inkmuse.core.theme import Theme
from inkmuse.core.theme_lexicon import palette_for, theme_from_text

# Chinese words for scene elements: keywords for the poet when the idea is not Chinese.
ELEMENT_WORDS = {
    "mountain": "山", "river": "江", "lake": "湖", "waterfall": "飞泉", "moon": "明月",
    "sun": "斜阳", "stars": "星河", "cloud": "白云", "mist": "烟", "rain": "雨", "snow": "雪",
    "wind": "风", "boat": "孤舟", "fisherman": "渔翁", "willow": "杨柳", "pine": "松",
    "bamboo": "竹", "plum": "梅", "peach": "桃花", "maple": "枫", "lotus": "荷",
    "chrysanthemum": "菊", "reeds": "芦花", "goose": "雁", "crane": "鹤", "bird": "鸟",
    "pavilion": "亭", "bridge": "桥", "temple": "寺", "village": "村",
}  # fmt: skip
MOOD_WORDS = {
    "melancholy": "愁", "lonely": "孤", "nostalgic": "思乡", "serene": "幽",
    "joyful": "春风", "heroic": "长风", "tender": "相思",
}  # fmt: skip
SEASON_WORDS = {"spring": "春", "summer": "夏", "autumn": "秋", "winter": "冬"}
TIME_WORDS = {"dawn": "晓", "day": "日", "dusk": "暮", "night": "夜"}


@dataclass(frozen=True)
class ImageReading:
    """What an image's colours say (each None when they say nothing clear)."""

    palette: str
    mood: str | None
    season: str | None
    time_of_day: str | None
    brightness: float  # 0..1, mean HSV value
    saturation: float  # 0..1, mean HSV saturation


@dataclass(frozen=True)
class CreationTheme:
    theme: Theme
    key: str  # e.g. E羽, A minor
    tempo: int  # quarter notes per minute
    style: str  # chinese, piano, strings
    keywords: tuple[str, ...]  # Chinese keywords for the poet
    image: ImageReading | None = None

    def to_dict(self) -> dict[str, object]:
        t = self.theme
        out: dict[str, object] = {
            "imagery": list(t.imagery),
            "mood": t.mood,
            "season": t.season,
            "time_of_day": t.time_of_day,
            "palette": t.palette,
            "key": self.key,
            "tempo": self.tempo,
            "style": self.style,
            "keywords": list(self.keywords),
        }
        if self.image is not None:
            out["image"] = {
                "palette": self.image.palette,
                "mood": self.image.mood,
                "season": self.image.season,
                "time_of_day": self.image.time_of_day,
                "brightness": round(self.image.brightness, 3),
                "saturation": round(self.image.saturation, 3),
            }
        return out


def read_image(path: Path) -> ImageReading:
    """Read mood, season, time and palette from an image's colours."""
    from inkmuse.painting.images import load_image

    image = load_image(path).convert("RGB")
    image.thumbnail((128, 128))
    hsv = np.asarray(image.convert("HSV"), dtype=np.float64) / 255.0
    hue, sat, val = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    brightness, saturation = float(val.mean()), float(sat.mean())
    coloured = sat > 0.25
    hues = hue[coloured] * 360

    def share(lo: float, hi: float) -> float:
        return float(((hues >= lo) & (hues < hi)).mean()) if hues.size else 0.0

    warm = share(0, 50) + share(330, 361)
    green = share(70, 170)
    blue = share(170, 260)
    mood = season = time = None
    if brightness < 0.3:
        time, mood = "night", "melancholy" if saturation < 0.3 else "lonely"
    elif warm > 0.5 and brightness < 0.6:
        time, mood = "dusk", "nostalgic"
    elif brightness > 0.75 and saturation < 0.12:
        season, mood = "winter", "serene"
    elif saturation > 0.45 and brightness > 0.55:
        mood = "joyful"
    if green > 0.4:
        season = season or ("spring" if brightness > 0.55 else "summer")
    elif warm > 0.45 and time != "dusk":
        season = season or "autumn"
    if blue > 0.4 and mood is None:
        mood = "serene"
    return ImageReading(palette_for(time, season), mood, season, time, brightness, saturation)


def creation_theme(idea: str, image: Path | None = None, key: str | None = None) -> CreationTheme:
    """The Theme all three arts share, with the key, tempo and style of the song."""
    from inkmuse.music import music_plan_from_theme

    theme = theme_from_text(idea)
    reading = read_image(image) if image is not None else None
    if reading is not None:
        words_silent = not theme.imagery
        theme = replace(
            theme,
            mood=reading.mood if (reading.mood and words_silent) else theme.mood,
            season=theme.season or reading.season,
            time_of_day=theme.time_of_day or reading.time_of_day,
            palette=reading.palette,
        )
    plan = music_plan_from_theme(theme, style="chinese", key=key)
    return CreationTheme(
        theme, plan.key.name, plan.tempo_bpm, plan.style, poet_keywords(idea, theme), reading
    )


def poet_keywords(idea: str, theme: Theme) -> tuple[str, ...]:
    """Up to four Chinese keywords: the idea's own Chinese words, else words for its Theme."""
    own = [w for w in re.split(r"[\s,，、;；/|。.!！?？]+", idea) if w]
    chinese = [w[:4] for w in own if all(is_han(c) for c in w)]
    if chinese:
        return tuple(dict.fromkeys(chinese))[:4]
    words = [SEASON_WORDS.get(theme.season or ""), TIME_WORDS.get(theme.time_of_day or "")]
    words += [ELEMENT_WORDS.get(e) for e in theme.imagery[:2]]
    words.append(MOOD_WORDS.get(theme.mood))
    return tuple(dict.fromkeys(w for w in words if w))[:4] or ("山水",)


def merge_poem_imagery(theme: Theme, poem: str) -> Theme:
    """The Theme with the finished poem's images added (the painting shows what it says)."""
    extra = [e for e in theme_from_text(poem).imagery if e not in theme.imagery]
    return replace(theme, imagery=(*theme.imagery, *extra))


def creation_theme_from_dict(data: dict[str, object]) -> CreationTheme:
    """Rebuild a saved CreationTheme (the `theme` record of a library version)."""

    def text(key: str) -> str | None:
        value = data.get(key)
        return str(value) if value is not None else None

    imagery = data.get("imagery") or []
    keywords = data.get("keywords") or []
    assert isinstance(imagery, list) and isinstance(keywords, list)
    theme = Theme(
        imagery=tuple(str(x) for x in imagery),
        mood=text("mood") or "serene",
        season=text("season"),
        time_of_day=text("time_of_day"),
        palette=text("palette") or "ink",
        keywords=tuple(str(x) for x in keywords),
    )
    tempo = data.get("tempo", 72)
    return CreationTheme(
        theme,
        text("key") or "C宫",
        int(tempo) if isinstance(tempo, int | float | str) else 72,
        text("style") or "chinese",
        tuple(str(x) for x in keywords),
    )
