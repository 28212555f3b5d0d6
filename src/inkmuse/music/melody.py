"""The melody search: for each phrase, the best path through the scale's pitches.

One Viterbi pass per phrase over the notes to place. The cost of a path adds up:

- the interval statistics of real folk songs: -log P(step | direction of the last step),
  in scale steps (so the gap-fill after a leap is learned, not typed in);
- the tones of the words: a step between two syllables costs its tier in
  `tonerules.pair_cost` (nothing for a good step, a little for a bent rule, nearly a wall
  for singing against speech), times `TONE_WEIGHT`; inside a syllable held over several
  notes the line must follow the tone's contour (`TONE_PENALTY`). English: a stressed
  syllable is not sung lower than the unstressed one before it;
- the line's contour (an arch, tilted up for a couplet's opening line and down for its
  closing line) and the phrase's cadence note;
- for a melody written over chords (no lyrics), chord tones on strong beats;
- the steps of the parallel line in the previous couplet (line 3 echoes line 1, line 4
  echoes line 2) where the words allow, so the song has a shape and not only a path;
- the motif: the steps that open the song (its first syllables) again at the head of a
  later line, in one of the forms given (moved to any pitch, or upside down), each step
  that differs costing `MOTIF_WEIGHT`; the search keeps the form the words sing best.

A seeded Gumbel perturbation of the note costs makes different seeds give different, still
rule-abiding melodies.

    >>> from inkmuse.music.theory import parse_key
    >>> melody_pitches(parse_key("C宫"), 60, 72)
    [60, 62, 64, 67, 69, 72]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from inkmuse.music.folkstats import step_cost
from inkmuse.music.theory import Key
from inkmuse.music.tonerules import direction, melisma_direction, pair_cost

TONE_WEIGHT = 1.0  # scales `pair_cost` between syllables (0 switches the tones off)
TONE_PENALTY = 8.0  # a held syllable against its own contour: the words come first
CONTOUR_WEIGHT = 0.12  # per semitone away from the line's contour
CADENCE_PENALTY = 40.0
CHORD_PENALTY = 2.5  # a non-chord tone on a strong beat (melody over chords)
ECHO_WEIGHT = 0.7  # per step that differs from the parallel line of the last couplet
# per head step that differs from the motif: above a bent tone rule (0.8), below singing
# outside the table (2.0), so the motif gives way wherever the words would be misheard
MOTIF_WEIGHT = 1.6
REPEAT_PENALTY = 0.8  # a pitch already repeated once: move on unless the words ask to stay
MAX_LEAP = 5  # scale steps; folk songs almost never leap further inside a phrase
_DIRS = ("down", "same", "up")


@dataclass(frozen=True)
class Slot:
    """One note to place. syllable: index of its syllable in the line (None without
    lyrics); first: whether it starts that syllable; tone / stress of the syllable;
    chord: pitch classes sounding under it; strong: whether it starts on beat 1 or 3."""

    start: int
    duration: int
    syllable: int | None = None
    first: bool = True
    tone: int = 0
    stress: int = 1
    chord: frozenset[int] = frozenset()
    strong: bool = False


def melody_pitches(key: Key, low: int, high: int) -> list[int]:
    """The key's scale tones from MIDI `low` to `high` inclusive: the melody's alphabet."""
    pcs = set(key.scale_pcs())
    return [p for p in range(low, high + 1) if p % 12 in pcs]


_SPAN = 48  # semitone steps looked up in `_tone_costs`, -48..48


@lru_cache(maxsize=64)
def _tone_costs(tone_a: int, tone_b: int) -> np.ndarray:
    """`pair_cost` for every step from -48 to 48 semitones, as one array."""
    return np.array([pair_cost(tone_a, tone_b, s) for s in range(-_SPAN, _SPAN + 1)])


def _pair_cost(prev: Slot, cur: Slot, steps: np.ndarray, pitches: np.ndarray) -> np.ndarray:
    """Cost matrix [from, to] that the words add to the step from `prev` to `cur`."""
    cost = np.zeros_like(steps, dtype=float)
    semis = pitches[None, :] - pitches[:, None]
    dirs = np.sign(semis)
    if cur.syllable is not None and prev.syllable is not None:
        if cur.first and cur.tone and prev.tone:
            cost += TONE_WEIGHT * _tone_costs(prev.tone, cur.tone)[semis + _SPAN]
        elif not cur.first and cur.tone:
            want = melisma_direction(cur.tone)
            cost += TONE_PENALTY * (dirs != want)
            cost += 1.5 * (np.abs(steps) > 2)
        elif cur.first and not cur.tone:  # English stress
            if cur.stress > prev.stress:
                cost += 1.2 * (dirs < 0)
            elif cur.stress < prev.stress:
                cost += 0.6 * (dirs > 0)
    return cost


def solve_phrase(
    slots: list[Slot],
    pitches: list[int],
    *,
    profile: str,
    contour: list[float],
    cadence_pcs: frozenset[int],
    prev_pitch: int | None,
    rng: np.random.Generator,
    temperature: float = 0.6,
    echo: list[int] | None = None,
    motifs: tuple[dict[int, int], ...] = (),
) -> list[int]:
    """The lowest-cost pitch for each slot (MIDI numbers), cadence pinned on the last.

    echo: the steps (in scale steps) of the parallel line of the previous couplet, when it
    has as many notes; repeating them where the words allow gives the song its shape.
    motifs: forms of the song's motif this line may open with, each {slot index: scale
    step from the slot before}; the line is searched once per form (same noise) and the
    cheapest path kept, so the words choose between, say, the motif and its inversion."""
    n, size = len(slots), len(pitches)
    pa = np.array(pitches)
    idx = np.arange(size)
    steps = idx[None, :] - idx[:, None]
    # Step prior, per direction of the previous step: table[d][from, to].
    prior = np.array(
        [
            [[step_cost(profile, d, int(s)) for s in row] for row in np.clip(steps, -7, 7)]
            for d in _DIRS
        ]
    )
    prior += np.where(np.abs(steps) > MAX_LEAP, 10.0, 0.0)[None]
    prior[1] += np.where(steps == 0, REPEAT_PENALTY, 0.0)  # a third note on one pitch
    unary = np.zeros((n, size))
    for i, slot in enumerate(slots):
        unary[i] = CONTOUR_WEIGHT * np.abs(pa - contour[i])
        if slot.chord:
            off = np.array([p % 12 not in slot.chord for p in pitches])
            unary[i] += (CHORD_PENALTY if slot.strong else 0.4) * off
        unary[i] += temperature * rng.gumbel(size=size)
    unary[-1] += CADENCE_PENALTY * np.array([p % 12 not in cadence_pcs for p in pitches])

    pairs = [_pair_cost(slots[i - 1], slots[i], steps, pa) for i in range(1, n)]
    if echo is not None:
        pairs = [p + ECHO_WEIGHT * (steps != echo[i]) for i, p in enumerate(pairs)]
    start: tuple[np.ndarray, np.ndarray] | None = None
    if prev_pitch is not None:
        near = int(np.argmin(np.abs(pa - prev_pitch)))
        jump = idx - near
        first = np.array([step_cost(profile, "start", int(np.clip(j, -7, 7))) for j in jump])
        start = (jump, first + np.where(np.abs(jump) > MAX_LEAP, 10.0, 0.0))
    best: tuple[float, list[int]] | None = None
    for form in motifs or ({},):
        added = [p + MOTIF_WEIGHT * (steps != form[i + 1]) if i + 1 in form else p
                 for i, p in enumerate(pairs)]  # fmt: skip
        found = _viterbi(unary, prior, added, steps, start)
        if best is None or found[0] < best[0]:
            best = found
    assert best is not None
    return [pitches[j] for j in best[1]]


def _viterbi(
    unary: np.ndarray,
    prior: np.ndarray,
    pairs: list[np.ndarray],
    steps: np.ndarray,
    start: tuple[np.ndarray, np.ndarray] | None,
) -> tuple[float, list[int]]:
    """(cost, pitch indices) of the cheapest path; pairs[i]: the cost matrix [from, to]
    of the step into slot i + 1; start: (jump, cost) of each first pitch from the note
    before the phrase."""
    n, size = unary.shape
    idx = np.arange(size)
    inf = float("inf")
    cost = np.full((3, size), inf)
    if start is None:
        cost[1] = unary[0]
    else:
        jump, first = start
        for j in range(size):
            cost[direction(int(jump[j])) + 1, j] = unary[0][j] + first[j]
    back = np.zeros((n, 3, size, 2), dtype=int)
    dir_of = np.sign(steps) + 1  # [from, to] → new direction state
    for i in range(1, n):
        total = cost[:, :, None] + prior + pairs[i - 1][None]
        new = np.full((3, size), inf)
        for d_new in range(3):
            masked = np.where((dir_of == d_new)[None], total, inf)  # [d, from, to]
            flat = masked.reshape(3 * size, size)
            best = np.argmin(flat, axis=0)
            new[d_new] = flat[best, idx] + unary[i]
            back[i, d_new, :, 0] = best // size
            back[i, d_new, :, 1] = best % size
        cost = new
    flat_best = int(np.argmin(cost))
    d, j = flat_best // size, flat_best % size
    path = [j]
    for i in range(n - 1, 0, -1):
        d, j = int(back[i, d, j, 0]), int(back[i, d, j, 1])
        path.append(j)
    return float(cost.flat[flat_best]), path[::-1]


def arch_contour(
    n: int, *, low: int, high: int, opening: bool, rng: np.random.Generator
) -> list[float]:
    """Target heights (MIDI) for n notes: an arch, rising for an opening line of a couplet
    and settling low for a closing one, with a seeded peak position and height."""
    mid = (low + high) / 2
    amp = float(rng.uniform(2.0, 5.0))
    peak = float(rng.uniform(0.3, 0.6))
    tilt = 2.0 if opening else -4.0
    out = []
    for i in range(n):
        t = i / max(n - 1, 1)
        if t < peak:
            bump = np.sin(0.5 * np.pi * t / peak)
        else:
            bump = np.cos(0.5 * np.pi * (t - peak) / (1.0 - peak))
        out.append(mid + amp * float(bump) + tilt * t - 1.0)
    return out
