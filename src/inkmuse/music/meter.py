"""Meters: 4/4, 2/4, 3/4 and 6/8 on the sixteenth-note grid, and which one a mood takes.

A word group of a line (the 2 of 2+3) fills one metric `group`: half a bar of 4/4, a bar
of 2/4, 3/4 or 6/8. Most Han folk songs are in 2/4, so bright moods lean to it; slow,
sad moods to a broad 4/4 or the sway of 3/4; tender and longing moods to 6/8 and 3/4.

    >>> METERS["6/8"].bar, METERS["6/8"].beat, METERS["3/4"].group
    (12, 6, 12)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from inkmuse.core.errors import InputError
from inkmuse.music.model import TICKS_PER_QUARTER


@dataclass(frozen=True)
class Meter:
    """A time signature. beats / unit as written (6/8 → 6, 8). All lengths in ticks
    (sixteenths): beat is the felt beat (a quarter, or a dotted quarter in 6/8), group
    what one word group fills, breath the rest before a line that does not rhyme."""

    beats: int
    unit: int
    beat: int
    group: int
    breath: int

    @property
    def name(self) -> str:
        return f"{self.beats}/{self.unit}"

    @property
    def bar(self) -> int:
        return self.beats * 4 * TICKS_PER_QUARTER // self.unit

    @property
    def compound(self) -> bool:
        """Beats divide in three (6/8)."""
        return self.beat % 3 == 0

    def strength(self, tick: int) -> int:
        """2 on a bar line, 1 on a beat, 0 between beats."""
        if tick % self.bar == 0:
            return 2
        return 1 if tick % self.beat == 0 else 0


METERS: dict[str, Meter] = {
    "4/4": Meter(4, 4, beat=4, group=8, breath=4),
    "2/4": Meter(2, 4, beat=4, group=8, breath=4),
    "3/4": Meter(3, 4, beat=4, group=12, breath=4),
    "6/8": Meter(6, 8, beat=6, group=12, breath=2),
}
COMMON = METERS["4/4"]

# mood → meter weights (seeded choice): the sad moods broad, the bright ones brisk.
_BY_MOOD: dict[str, dict[str, float]] = {
    "melancholy": {"4/4": 0.55, "3/4": 0.3, "6/8": 0.15},
    "lonely": {"4/4": 0.55, "3/4": 0.45},
    "nostalgic": {"3/4": 0.4, "6/8": 0.3, "4/4": 0.3},
    "serene": {"4/4": 0.35, "6/8": 0.35, "3/4": 0.3},
    "joyful": {"2/4": 0.6, "4/4": 0.25, "6/8": 0.15},
    "heroic": {"2/4": 0.5, "4/4": 0.5},
    "tender": {"6/8": 0.45, "3/4": 0.35, "4/4": 0.2},
}


def choose_meter(mood: str, rng: np.random.Generator) -> Meter:
    """A meter for a mood, drawn with the weights above."""
    weights = _BY_MOOD.get(mood, {"4/4": 1.0})
    names = sorted(weights)
    p = np.array([weights[n] for n in names])
    return METERS[names[int(rng.choice(len(names), p=p / p.sum()))]]


def parse_meter(text: str) -> Meter:
    """'4/4', '2/4', '3/4' or '6/8'."""
    meter = METERS.get(text.strip())
    if meter is None:
        raise InputError(f"unknown meter {text!r}", accepted=", ".join(METERS))
    return meter
