"""Rhythm from the words: their groups, 平 and 仄, the caesura, the rhyme; English stress.

A Chinese line is read in its classical groups (5 characters as 2+3, 7 as 2+2+3, 4 as 2+2,
6 as 2+2+2), each group filling one metric group of the meter (half a 4/4 bar, a bar of
2/4, 3/4 or 6/8; see `meter`). Inside a group the durations are drawn from every way of
filling it with eighths, quarters, dotted and half notes, weighted by

- 平 long, 仄 short: a 平 syllable gains by lasting longer than the group's average, a 仄
  one by lasting shorter (the tendency of 吟诵 and of folk singers; a tendency, not a rule);
- the caesura: the last syllable of a group before a pause (床前 | 明月光) is drawn out;
- the duration ratios of real folk songs between neighbouring notes (1:1 most, then 2:1);
- the meter: a note that starts between beats and runs over the next beat (syncopation)
  is rare;
- variety and shape: a line does not copy the line just before it group for group, but
  leans to the rhythm of its parallel line in the previous couplet (A B A' B'), and its
  first group to the song's opening cell (the motif's rhythm, see `melody`).

The rhyme syllable is held to the bar line (at least a bar, or 12 ticks in 2/4); a line
that does not rhyme breathes with a rest, into which the next line may start with a
pickup: a short first syllable (more often a 仄 before a 平) before the bar line, the next
syllable on the downbeat held through its group (the caesura lengthened). Syllables with
a rising or falling tone are sometimes sung on two notes so the melody can trace the tone.

An English line is cut into feet, each starting on a stressed syllable, one foot per half
bar of 4/4, so every stress lands on beat 1 or 3; unstressed pickups come just before.

    >>> from inkmuse.music.lyrics import read_lyrics
    >>> from inkmuse.music.meter import METERS
    >>> import numpy as np
    >>> r = chinese_rhythm(read_lyrics("床前明月光")[0], meter=METERS["3/4"], rhyme=True,
    ...                    last=False, rng=np.random.default_rng(0), profile="chinese")
    >>> (r.length % 12, len(r.notes), r.pickup)
    (0, 5, 0)
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from inkmuse.music.folkstats import duration_weight
from inkmuse.music.lyrics import Line
from inkmuse.music.meter import COMMON, Meter
from inkmuse.music.model import TICKS_PER_QUARTER
from inkmuse.music.pingze import PING, ZE, pingze

BAR = 4 * TICKS_PER_QUARTER  # 4/4: free pieces and English lyrics
HALF = BAR // 2


@dataclass(frozen=True)
class LineRhythm:
    """The rhythm of one line, in ticks: lead_rest before the first syllable, the note
    durations of each syllable (several for a melisma), then rest after the last.
    pickup: ticks the first syllable sounds before the line's first bar line (taken from
    the previous line's end). groups: the durations chosen for each word group before
    the final syllable (what the next lines compare with)."""

    lead_rest: int
    notes: tuple[tuple[int, ...], ...]
    rest: int
    pickup: int = 0
    groups: tuple[tuple[int, ...], ...] = ()

    @property
    def length(self) -> int:
        """Ticks from the line's first bar line to the next line's."""
        return self.lead_rest + sum(sum(n) for n in self.notes) + self.rest - self.pickup


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


def _finish(pos: int, rhyme: bool, last: bool, meter: Meter = COMMON) -> tuple[int, int]:
    """(final note, rest) so the line ends on a bar line with its final held long."""
    hold = max(meter.bar, 12)  # 2/4's bar alone is too short a close
    total = -(-(pos + hold) // meter.bar) * meter.bar
    room = total - pos
    if last or rhyme:
        return room, 0
    rest = meter.breath if room <= 16 else 2 * meter.breath
    return room - rest, rest


def line_rhythm(
    line: Line, *, rhyme: bool, last: bool, rng: np.random.Generator, profile: str
) -> LineRhythm:
    """The rhythm of one lyric line in 4/4 (Chinese by groups, English by stress)."""
    if line.language == "en":
        return _english_rhythm(line, last=last, rng=rng, profile=profile)
    return chinese_rhythm(line, meter=COMMON, rhyme=rhyme, last=last, rng=rng, profile=profile)


# Weights of the rhythm's preferences (log-probability units); see the module docstring.
W_PINGZE = 1.6  # per syllable: 平 longer, 仄 shorter than the group's average
W_CAESURA = 1.0  # the group's last syllable before a pause drawn out
W_FOLK = 0.4  # folk-song duration ratios between neighbours
W_SYNCOPATION = 1.5  # a note from between beats over the next beat
W_SAME = 0.8  # copying the previous line's cell in the same group
W_ECHO = 0.9  # taking the parallel line's cell (the couplet before)
W_MOTIF = 1.2  # a line's first group taking the song's first cell (above W_SAME: line 2
# may open like line 1)
TEMPERATURE = 0.6
_VALUES = (2, 4, 6, 8, 12, 16)


@lru_cache(maxsize=256)
def group_cells(k: int, span: int) -> tuple[tuple[int, ...], ...]:
    """Every way to fill `span` ticks with k durations from eighths to whole notes."""
    return tuple(c for c in itertools.product(_VALUES, repeat=k) if sum(c) == span)


def _ratio(a: int, b: int) -> str:
    r = a / b
    for name, value in (("1:1", 1), ("2:1", 2), ("1:2", 0.5), ("3:1", 3), ("1:3", 1 / 3),
                        ("4:1", 4), ("1:4", 0.25)):  # fmt: skip
        if abs(r - value) < 1e-9:
            return name
    return "other"


def cell_score(
    cell: tuple[int, ...], classes: list[int], *, caesura: bool, meter: Meter, profile: str
) -> float:
    """How well durations fit a word group (higher is better); see the W_ weights."""
    mean = sum(cell) / len(cell)
    score = sum(W_PINGZE * c * math.log2(d / mean) for d, c in zip(cell, classes, strict=True))
    if caesura:
        score += W_CAESURA * math.log2(cell[-1] / mean)
    score += sum(
        W_FOLK * math.log(duration_weight(profile, _ratio(a, b)))
        for a, b in itertools.pairwise(cell)
    )
    t = 0
    for d in cell:
        if t % meter.beat and t // meter.beat != (t + d - 1) // meter.beat:
            score -= W_SYNCOPATION
        t += d
    return score


def _choose(
    k: int,
    classes: list[int],
    *,
    caesura: bool,
    meter: Meter,
    profile: str,
    rng: np.random.Generator,
    previous: tuple[int, ...] | None,
    parallel: tuple[int, ...] | None,
    motif: tuple[int, ...] | None = None,
) -> tuple[int, ...]:
    cells = group_cells(k, meter.group)
    scores = np.array(
        [
            cell_score(c, classes, caesura=caesura, meter=meter, profile=profile)
            - W_SAME * (c == previous)
            + W_ECHO * (c == parallel)
            + W_MOTIF * (c == motif)
            for c in cells
        ]
    )
    p = np.exp((scores - scores.max()) / TEMPERATURE)
    return cells[int(rng.choice(len(cells), p=p / p.sum()))]


def chinese_rhythm(
    line: Line,
    *,
    meter: Meter,
    rhyme: bool,
    last: bool,
    rng: np.random.Generator,
    profile: str,
    previous: LineRhythm | None = None,
    parallel: LineRhythm | None = None,
    pickup_room: int = 0,
    motif: LineRhythm | None = None,
) -> LineRhythm:
    """The rhythm of a Chinese line in a meter. previous / parallel: the rhythms of the
    line before and of the same line of the previous couplet; pickup_room: ticks free
    before this line's first bar line (0: no pickup); motif: the song's first line, whose
    first cell this line's first group leans to."""
    sylls = line.syllables
    classes = pingze(line)
    groups = group_sizes(len(sylls))
    sizes = [*groups[:-1], groups[-1] - 1]  # the final syllable is held, not in a cell
    pickup = 0
    if pickup_room >= 2 and len(sylls) >= 4 and groups[0] == 2:
        chance = 0.55 if classes[:2] == [ZE, PING] else 0.25
        if parallel is not None:  # the couplet before set the pattern: mostly keep it
            chance = 0.75 if parallel.pickup else 0.12
        if rng.random() < chance:
            pickup = 4 if pickup_room >= 4 and meter.beat == 4 and rng.random() < 0.3 else 2
    durations: list[int] = []
    chosen: list[tuple[int, ...]] = []
    pos = 0
    for g, size in enumerate(sizes):
        here = classes[pos : pos + size]
        if g == 0 and pickup:
            durations.append(pickup)  # the upbeat, then the rest of the group
            size, here = size - 1, here[1:]
        if size:
            cell = _choose(
                size, here, caesura=g < len(groups) - 1, meter=meter, profile=profile, rng=rng,
                previous=_group(previous, g), parallel=_group(parallel, g),
                motif=_group(motif, 0) if g == 0 else None,
            )  # fmt: skip
            durations += cell
            chosen.append(cell)
        pos += sizes[g]
    final, rest = _finish(sum(durations) - pickup, rhyme, last, meter)
    durations.append(final)
    notes = tuple(
        _melisma(d, s.tone, i == len(sylls) - 1, rng)
        for i, (d, s) in enumerate(zip(durations, sylls, strict=True))
    )
    return LineRhythm(0, notes, rest, pickup=pickup, groups=tuple(chosen))


def _group(rhythm: LineRhythm | None, g: int) -> tuple[int, ...] | None:
    if rhythm is None or g >= len(rhythm.groups):
        return None
    return rhythm.groups[g]


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
