"""Rhythm from the shape of a line: its word groups, its rhyme and, in English, its stress.

A Chinese line is read in its classical groups (5 characters as 2+3, 7 as 2+2+3, 4 as 2+2,
6 as 2+2+2). Each group but the last fills half a 4/4 bar; the last group's final
character (the rhyme position) is held at least a whole bar, the way folk singers
lengthen a phrase end (the Essen Chinese songs hold it three times the median note). Which
cell fills a half bar ((4,4), dotted (6,2), snap (2,6), ...) is drawn with the weights of
the same duration ratios in real folk songs. Syllables with a rising or falling tone are
sometimes sung on two notes so the melody can trace the tone.

An English line is cut into feet, each starting on a stressed syllable, one foot per half
bar, so every stress lands on beat 1 or 3; unstressed pickups come just before.

    >>> from inkmuse.music.lyrics import read_lyrics
    >>> import numpy as np
    >>> r = line_rhythm(read_lyrics("床前明月光")[0], rhyme=True, last=False,
    ...                 rng=np.random.default_rng(0), profile="chinese")
    >>> r.length % 16, len(r.notes)
    (0, 5)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from inkmuse.music.folkstats import duration_weight
from inkmuse.music.lyrics import Line
from inkmuse.music.model import TICKS_PER_QUARTER

BAR = 4 * TICKS_PER_QUARTER
HALF = BAR // 2


@dataclass(frozen=True)
class LineRhythm:
    """The rhythm of one line, in ticks: lead_rest before the first syllable, the note
    durations of each syllable (several for a melisma), then rest after the last."""

    lead_rest: int
    notes: tuple[tuple[int, ...], ...]
    rest: int

    @property
    def length(self) -> int:
        return self.lead_rest + sum(sum(n) for n in self.notes) + self.rest


def group_sizes(n: int) -> list[int]:
    """Classical reading groups: 5 → 2+3, 7 → 2+2+3, 4 → 2+2, 6 → 2+2+2, 9 → 2+2+2+3."""
    if n <= 3:
        return [n]
    groups = [2] * (n // 2)
    if n % 2:
        groups[-1] = 3
    return groups


def _cells(k: int, ratio_profile: str) -> list[tuple[tuple[int, ...], float]]:
    def w(ratio: str) -> float:
        return duration_weight(ratio_profile, ratio)

    if k == 1:
        return [((HALF,), 1.0)]
    if k == 2:
        return [((4, 4), w("1:1")), ((6, 2), w("3:1")), ((2, 6), w("1:3"))]
    if k == 3:
        return [((4, 2, 2), w("2:1")), ((2, 2, 4), w("1:2")), ((2, 4, 2), w("1:2") * 0.5)]
    if k == 4:
        return [((2, 2, 2, 2), 1.0)]
    raise ValueError(k)


def _pick(cells: list[tuple[tuple[int, ...], float]], rng: np.random.Generator) -> tuple[int, ...]:
    weights = np.array([c[1] for c in cells])
    return cells[int(rng.choice(len(cells), p=weights / weights.sum()))][0]


def half_bar_cells(k: int, rng: np.random.Generator, profile: str) -> list[int]:
    """Durations for k syllables sharing whole half bars (k up to 4 per half bar)."""
    out: list[int] = []
    while k > 0:
        take = min(k, 4) if k != 5 else 3
        out.extend(_pick(_cells(take, profile), rng))
        k -= take
    return out


def _melisma(duration: int, tone: int, final: bool, rng: np.random.Generator) -> tuple[int, ...]:
    """Split a long note of a contour tone into two, so the tone can be traced."""
    if tone not in (2, 3, 4):
        return (duration,)
    chance = 0.6 if final else 0.35
    if duration >= 4 and rng.random() < chance:
        lead = 4 if duration >= 12 else 2
        return (lead, duration - lead)
    return (duration,)


def _finish(pos: int, rhyme: bool, last: bool) -> tuple[int, int]:
    """(final note, rest) so the line ends on a bar line with its final held long."""
    total = -(-(pos + BAR) // BAR) * BAR
    room = total - pos
    if last or rhyme:
        return room, 0
    rest = 4 if room <= 16 else 8
    return room - rest, rest


def line_rhythm(
    line: Line, *, rhyme: bool, last: bool, rng: np.random.Generator, profile: str
) -> LineRhythm:
    """The rhythm of one lyric line (Chinese by groups, English by stress)."""
    if line.language == "en":
        return _english_rhythm(line, last=last, rng=rng, profile=profile)
    sylls = line.syllables
    groups = group_sizes(len(sylls))
    durations: list[int] = []
    for g in groups[:-1]:
        durations += half_bar_cells(g, rng, profile)
    if groups[-1] > 1:
        durations += half_bar_cells(groups[-1] - 1, rng, profile)
    final, rest = _finish(sum(durations), rhyme, last)
    durations.append(final)
    notes = tuple(
        _melisma(d, s.tone, i == len(sylls) - 1, rng)
        for i, (d, s) in enumerate(zip(durations, sylls, strict=True))
    )
    return LineRhythm(0, notes, rest)


def _english_rhythm(
    line: Line, *, last: bool, rng: np.random.Generator, profile: str
) -> LineRhythm:
    sylls = line.syllables
    first_stress = next((i for i, s in enumerate(sylls) if s.stress > 0), 0)
    pickups = min(first_stress, 3)
    feet: list[int] = []  # syllables per foot
    for i in range(pickups, len(sylls)):
        if sylls[i].stress > 0 or not feet or feet[-1] >= 4:
            feet.append(1)
        else:
            feet[-1] += 1
    # Syllables before the first stress beyond three join the first foot.
    if first_stress > pickups and feet:
        feet[0] += first_stress - pickups
    lead_rest = HALF - 2 * pickups if pickups else 0
    durations = [2] * pickups
    for k in feet[:-1]:
        durations += half_bar_cells(k, rng, profile)
    if feet[-1] > 1:
        durations += half_bar_cells(feet[-1] - 1, rng, profile)
    final, rest = _finish(lead_rest + sum(durations), rhyme=False, last=last)
    durations.append(final)
    return LineRhythm(lead_rest, tuple((d,) for d in durations), rest)
