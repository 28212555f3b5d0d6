"""Imagery that belongs to a season or to the night, and imagery that contradicts it.

The lexicon (`data/imagery.json`, built by scripts/build_imagery_lexicon.py from the titles
and lines of the poet's training corpus) holds, for each season and for day and night, the
characters and two-character words that mark it: 茱萸, 菊花, 砧 for autumn, 桃花, 春光,
寒食 for spring, 灯, 三更 for the night, 夕阳, 晴, 朝日 for the daylight. A poem written for
an autumn night that says 桃花 or 夕阳 contradicts its theme; the poet penalises such words
while it writes and when it ranks, and the eval counts them (in real poems too).

    >>> [c.word for c in clashes("寒食红杏照客衣，秋风落叶满长安。", season="autumn")]
    ['寒食', '红杏']
    >>> clashes("寒灯独夜人，", season="autumn", time="night")
    []
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

SEASONS = ("spring", "summer", "autumn", "winter")
# How strongly a word must mark a label to count (its weighted share, see the build script).
# Chosen on v1's held-out poems whose title names a season or the night: at these levels a
# season-titled real poem carries another season's word in 6.3% of cases (10.2% with the
# season names below; the issue's own list found 5.8%), a night-titled one a daylight
# word in 7.0%.
SEASON_MARK = 0.85
TIME_MARK = 0.85
# A season named outright (春 in an autumn poem) contradicts it too, with two exceptions
# measured on real poems: the season ahead is looked forward to (winter poems name 春 in
# one case of ten: 梅 heralds it), and words where the name means years or a thing, not
# the season (千秋, 春秋, 青春, 秋千).
SEASON_NAMES = {"spring": "春", "summer": "夏", "autumn": "秋", "winter": "冬"}
NEXT_SEASON = {"spring": "summer", "summer": "autumn", "autumn": "winter", "winter": "spring"}
NOT_THE_SEASON = ("千秋", "春秋", "三秋", "青春", "秋千", "万春", "长春", "宜春", "阳春", "夏侯")
# The opposite season (summer for a winter poem, spring for an autumn one) is held to a
# lower mark: 暑 and 炎 are 72-74% summer's, below SEASON_MARK because autumn poems keep
# them (残暑), but they have no place in a winter poem. Measured over the 50 winter
# requests of benchmarks/eval_poet_real.py: poet-v2 wrote 炎 or 暑 in 23 (冬热暑风微,
# 地旱炎炎甚), real poems in none (docs/poet.md).
OPPOSITE_SEASON = {"spring": "autumn", "summer": "winter", "autumn": "spring", "winter": "summer"}
OPPOSITE_MARK = 0.7
# The times of day whose opposite the lexicon can tell: a night poem wants no daylight.
OPPOSITE_TIME = {"night": "day"}


# The words a season's poems lack though another season's hold them ten times as often
# (杜鹃, 落梅 in an autumn poem: the build script's "absent" table), and the sunlight words
# night poems lack though other poems hold them four times as often (残阳, 太阳, 晴窗: the
# table's "night"). Their Clash strength is not a share of one label, so they are given
# the lowest a marker can have.
ABSENT_STRENGTH = OPPOSITE_MARK


@dataclass(frozen=True)
class Clash:
    """A word of the poem that marks another season or time than the one asked for."""

    word: str
    marks: str  # the season or time it marks: spring, day ...
    wanted: str  # what the theme asked for: autumn, night ...
    strength: float  # the word's weighted share of the label it marks (0.7 .. 1)


@dataclass(frozen=True)
class Lexicon:
    season: dict[str, dict[str, float]]
    time: dict[str, dict[str, float]]


@cache
def _table() -> dict[str, Any]:
    text = resources.files("inkmuse.poetry").joinpath("data/imagery.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def lexicon(season_level: float = SEASON_MARK, time_level: float = TIME_MARK) -> Lexicon:
    """The markers at the given strengths (lower levels hold more, weaker, markers)."""
    data = _table()

    def strong(table: dict[str, dict[str, float]], level: float) -> dict[str, dict[str, float]]:
        return {k: {w: s for w, s in v.items() if s >= level} for k, v in table.items()}

    return Lexicon(strong(data["season"], season_level), strong(data["time"], time_level))


@cache
def absent_words(label: str) -> Mapping[str, str]:
    """The words a season's (or the night's) poems lack, each with the label that holds
    them: another season, or "day" (read-only: contrary_words reads it for every poem and
    ranked candidate, so it is not copied)."""
    words: dict[str, str] = _table().get("absent", {}).get(label, {})
    return MappingProxyType(words)


def contrary_words(
    season: str | None = None, time: str | None = None, *, level: float | None = None
) -> dict[str, Clash]:
    """Every marker word that contradicts the asked season and time, with what it marks.

    A word that also marks the asked season (雪 is winter's, and no clash in a winter poem
    even if another table lists it) is left out. The opposite season's words count from
    OPPOSITE_MARK (unless a level is given for all), and the words the season's poems lack
    and the night's (absent_words) count at every level.
    """
    lex = lexicon() if level is None else lexicon(level, level)
    wide = lexicon(OPPOSITE_MARK, TIME_MARK) if level is None else lex
    own = set(lex.season.get(season or "", {})) | set(lex.time.get(time or "", {}))
    out: dict[str, Clash] = {}
    if season in SEASONS:
        for other in SEASONS:
            if other == season:
                continue
            table = wide if other == OPPOSITE_SEASON[season] else lex
            for word, share in table.season.get(other, {}).items():
                if word not in own:
                    out.setdefault(word, Clash(word, other, season, share))
            if other != NEXT_SEASON[season]:
                out.setdefault(SEASON_NAMES[other], Clash(SEASON_NAMES[other], other, season, 1.0))
        _add_absent(out, season, own)
    opposite = OPPOSITE_TIME.get(time or "")
    if opposite:
        for word, share in lex.time.get(opposite, {}).items():
            if word not in own:
                out.setdefault(word, Clash(word, opposite, str(time), share))
        _add_absent(out, str(time), own)
    return out


def _add_absent(out: dict[str, Clash], wanted: str, own: set[str]) -> None:
    """Add the words the wanted season's or the night's poems lack (absent_words) that are
    not among its own markers, after the markers already in `out`."""
    for word, other in absent_words(wanted).items():
        if word not in own:
            out.setdefault(word, Clash(word, other, wanted, ABSENT_STRENGTH))


def clashes(text: str, season: str | None = None, time: str | None = None) -> list[Clash]:
    """The words of a poem that contradict its season or time, longest first, each once.

    A character that is a marker alone counts only where no longer marker holds it.
    """
    words = contrary_words(season, time)
    if not words:
        return []
    text = _masked(text)
    found: list[Clash] = []
    covered: set[int] = set()
    for size in (2, 1):
        for i in range(len(text) - size + 1):
            word = text[i : i + size]
            clash = words.get(word)
            if clash is None or covered.intersection(range(i, i + size)):
                continue
            if clash not in found:
                found.append(clash)
            covered.update(range(i, i + size))
    return found


def _masked(text: str) -> str:
    """The text with the words that name no season (千秋, 秋千 ...) blanked out, so no
    marker is read inside them."""
    for word in NOT_THE_SEASON:
        text = text.replace(word, "\0" * len(word))
    return text


def own_season(text: str) -> str | None:
    """The season a poem sets itself in when no theme names one: the season whose markers
    (lexicon words and the season's name) weigh most in it, the earliest on a tie; None
    when it names none."""
    lex = lexicon()
    masked = _masked(text)
    weight: dict[str, float] = {}
    first: dict[str, int] = {}
    for season in SEASONS:
        words = {**lex.season.get(season, {}), SEASON_NAMES[season]: 1.0}
        for word, share in words.items():
            at = masked.find(word)
            if at >= 0:
                weight[season] = weight.get(season, 0.0) + share * masked.count(word)
                first[season] = min(first.get(season, at), at)
    if not weight:
        return None
    return max(weight, key=lambda s: (weight[s], -first[s]))


def mixed_seasons(text: str) -> list[Clash]:
    """For a poem no theme gave a season: the words of the other seasons than its own
    (own_season), as `clashes` reads them: 桃花 in a poem that is otherwise autumn's."""
    season = own_season(text)
    return clashes(text, season=season) if season else []
