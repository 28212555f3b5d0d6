"""From a Theme (mood, season, time of day) to a musical plan: mode, key, tempo, style.

The one mapping used everywhere (`music_plan_from_theme`):

- mood → mode and base tempo (quarter notes per minute). Sad and lonely moods take the
  minor-like 羽 and 角 modes, longing takes 商, calm 宫 or 徵, joy 徵 or 宫 (the most common
  modes of the Han folk songs are 徵 then 羽), and the Western counterparts for the
  'piano' and 'strings' styles (minor, phrygian, dorian, major, mixolydian, lydian);
- season → tonic: spring and summer sit in brighter, higher keys (D, G, A), autumn and
  winter lower and darker (C, F, E flat); winter also slows the tempo by 6, summer
  speeds it by 6;
- time of day: night slows by 4, dawn and day quicken by 4.

Moods given as words are read from a small table of Chinese and English words
(惆怅 → melancholy, 思乡 → nostalgic, 欢快 → joyful, ...).

    >>> from inkmuse.core.theme import Theme
    >>> plan = music_plan_from_theme(Theme(mood="melancholy", season="autumn"))
    >>> plan.key.name, plan.tempo_bpm
    ('C羽', 62)
"""

from __future__ import annotations

from dataclasses import dataclass

from inkmuse.core.errors import InputError
from inkmuse.core.theme import MOODS, Theme
from inkmuse.core.theme_lexicon import mood_examples, mood_of_word
from inkmuse.music.theory import MODES, Key, parse_key, simplest_key

# mood → (Chinese mode, Western mode, base tempo)
_MOOD_MUSIC = {
    "melancholy": ("羽", "minor", 62),
    "lonely": ("角", "phrygian", 58),
    "nostalgic": ("商", "dorian", 66),
    "serene": ("宫", "major", 72),
    "joyful": ("徵", "mixolydian", 112),
    "heroic": ("徵", "major", 100),
    "tender": ("宫", "lydian", 76),
}
# season → (tonic pitch class, tempo change)
_SEASON = {"spring": (2, 0), "summer": (9, 6), "autumn": (0, 0), "winter": (3, -6)}
_TIME = {"dawn": 4, "day": 4, "dusk": 0, "night": -4}

STYLES = ("chinese", "piano", "strings")
_STYLE_ALIASES = {"中国风": "chinese", "国风": "chinese", "zhongguofeng": "chinese"}


@dataclass(frozen=True)
class MusicPlan:
    """What a Theme asks of the music: key (tonic + mode), tempo (quarter notes per
    minute), style ('chinese', 'piano' or 'strings') and the mood it came from."""

    key: Key
    tempo_bpm: int
    style: str
    mood: str


def mood_from_word(word: str) -> str:
    """A Theme mood from a Chinese or English word ('惆怅', 'Sad', 'melancholy')."""
    found = mood_of_word(word)  # the one mood lexicon, shared with the poem and painting
    if found:
        return found
    raise InputError(
        f"unknown mood {word!r}",
        accepted=", ".join(MOODS) + "; or words like " + " ".join(mood_examples()),
    )


def normalize_style(style: str) -> str:
    """'chinese' / '中国风', 'piano' or 'strings'."""
    s = _STYLE_ALIASES.get(style.strip(), style.strip().lower())
    if s not in STYLES:
        raise InputError(f"unknown style {style!r}", accepted="chinese (中国风), piano, strings")
    return s


def music_plan_from_theme(
    theme: Theme, *, style: str = "chinese", key: str | None = None, tempo: int | None = None
) -> MusicPlan:
    """The plan for a Theme; an explicit key or tempo overrides what the Theme suggests."""
    style = normalize_style(style)
    mood = theme.mood if theme.mood in _MOOD_MUSIC else "serene"
    chinese_mode, western_mode, bpm = _MOOD_MUSIC[mood]
    tonic, season_tempo = _SEASON.get(theme.season or "", (0, 0))
    bpm += season_tempo + _TIME.get(theme.time_of_day or "", 0)
    if key is not None:
        chosen = parse_key(key)
    else:
        mode = chinese_mode if style == "chinese" else western_mode
        # The planner, not the person, chose this tonic: spell it with the fewest
        # accidentals (winter's Eb with 角 is written D#角, five sharps, not seven flats).
        chosen = simplest_key(tonic, MODES[mode])
    if tempo is not None:
        if not 30 <= tempo <= 240:
            raise InputError(f"tempo {tempo} is out of range", accepted="30..240 quarter notes/min")
        bpm = tempo
    return MusicPlan(chosen, bpm, style, mood)
