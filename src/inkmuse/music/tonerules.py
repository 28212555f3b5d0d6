"""How Mandarin tones want to be sung: the pitch step between adjacent syllables, and the
contour of a syllable held over several notes.

The rule compares where the first syllable's tone ends with where the next one begins, in
Chao's five-level pitch scale, as in the tone-melody rules of ReLyMe and TeleMelody and the
singers' practice of 依字行腔:

    tone       onset  offset   (in connected speech)
    1 阴平       5      5      high level
    2 阳平       3      5      rising
    3 上声       2      1      low (half-third 21)
    4 去声       5      1      high falling

So 灯塔 (1→3) must fall and 等他 (3→1) must rise, or the listener hears the other word.
Where onset and offset are equal (1→1, 2→1, 1→4) the step is level; a small rise is
also accepted into a 4th tone because it starts at the top. Two falling tones in a row
(4→4) are sung as a descending staircase or level, the way 再见 is said.
Pairs with a neutral-tone syllable accept any step and are left out of the agreement score.

The melody search does not treat the table as a wall: `pair_cost` scores every step in
four tiers, so a melody may bend a rule for its own sake (a step where the table wants a
repeat) but practically never sings against both the table and speech.

    >>> allowed_steps(1, 3), allowed_steps(3, 1)
    (frozenset({-1}), frozenset({1}))
    >>> pair_tier(1, 3, -2), pair_tier(1, 1, 2), pair_tier(1, 3, 2)
    (0, 2, 3)
"""

from __future__ import annotations

import itertools

# Directions: -1 falls, 0 repeats the pitch, +1 rises.
_ANY = frozenset({-1, 0, 1})
_PAIRS: dict[tuple[int, int], frozenset[int]] = {
    (1, 1): frozenset({0}),
    (1, 2): frozenset({-1}),
    (1, 3): frozenset({-1}),
    (1, 4): frozenset({0, 1}),
    (2, 1): frozenset({0, 1}),
    (2, 2): frozenset({0, 1}),
    (2, 3): frozenset({-1}),
    (2, 4): frozenset({0, 1}),
    (3, 1): frozenset({1}),
    (3, 2): frozenset({1}),
    (3, 3): frozenset({-1, 0}),  # only left after sandhi across a pause
    (3, 4): frozenset({1}),
    (4, 1): frozenset({1}),
    (4, 2): frozenset({0, 1}),
    (4, 3): frozenset({-1, 0}),
    (4, 4): frozenset({-1, 0}),
}

# A syllable held over several notes: the direction of each step inside it.
_CONTOUR = {1: 0, 2: 1, 3: -1, 4: -1, 5: -1}


def allowed_steps(tone_a: int, tone_b: int) -> frozenset[int]:
    """Pitch directions (-1, 0, +1) that keep tone_b heard after tone_a."""
    return _PAIRS.get((tone_a, tone_b), _ANY)


def is_scored(tone_a: int, tone_b: int) -> bool:
    """Whether a syllable pair takes part in the agreement score (not neutral/unknown)."""
    return (tone_a, tone_b) in _PAIRS


def melisma_direction(tone: int) -> int:
    """Direction of the steps inside a syllable sung on several notes (2nd tone rises)."""
    return _CONTOUR.get(tone, 0)


def direction(step: int) -> int:
    """-1, 0 or +1 for a pitch step in semitones or scale steps."""
    return (step > 0) - (step < 0)


# Chao levels (onset, offset) as in the table above, for the plain rules.
_CHAO = {1: (5, 5), 2: (3, 5), 3: (2, 1), 4: (5, 1)}


def speech_motion(tone_a: int, tone_b: int, by: str = "boundary") -> int:
    """Which way speech moves from tone_a to tone_b (-1, 0, +1): by 'boundary', from
    where tone_a ends to where tone_b begins; by 'height', between the tones' mean levels
    (1 high, 2 and 4 mid, 3 low)."""
    a, b = _CHAO[tone_a], _CHAO[tone_b]
    if by == "height":
        return direction(b[0] + b[1] - a[0] - a[1])
    return direction(b[0] - a[1])


def plain_agreement(
    tones: list[int], boundary_steps: list[int], by: str = "boundary"
) -> tuple[int, int]:
    """(pairs not sung against their tones, pairs scored) under a plain rule: a step is
    wrong only when it moves opposite to the speech motion (`speech_motion`); a level
    transition accepts anything. A check that does not share the search's table."""
    good = scored = 0
    for (a, b), step in zip(itertools.pairwise(tones), boundary_steps, strict=True):
        if a not in _CHAO or b not in _CHAO:
            continue
        scored += 1
        good += direction(step) != -speech_motion(a, b, by)
    return good, scored


# Cost tiers of a step between two syllables (see `pair_tier`): a sensible step, one the
# table accepts but speech leans against, one the table rejects but speech does not
# contradict (a small move where the table wants a repeat, a repeat where it wants
# motion), and motion opposite to speech and the table both: heard as another word.
TIER_COSTS = (0.0, 0.8, 2.0, 9.0)
# A step of up to a whole tone where only a repeat is in the table (1→1, 阴平 after 阴平):
# singers lift or drop a level tone this much without changing the word, and it spares
# the tune the repeated notes that made a quarter of its steps.
SLIP_COST = 1.0


def pair_tier(tone_a: int, tone_b: int, step: int) -> int:
    """0-3: how badly a step (semitones) between two syllables sits with their tones.

    Built from the contours: the table's directions (`allowed_steps`) and the two plain
    readings of speech motion (`speech_motion` by boundary and by height). Pairs with a
    neutral or unknown tone are tier 0."""
    if not is_scored(tone_a, tone_b):
        return 0
    d = direction(step)
    against = sum(d == -speech_motion(tone_a, tone_b, by) != 0 for by in ("boundary", "height"))
    if d in allowed_steps(tone_a, tone_b):
        return 1 if against else 0
    if against == 0:
        return 2
    return 3 if d == -speech_motion(tone_a, tone_b) else 2


def pair_cost(tone_a: int, tone_b: int, step: int) -> float:
    """What the melody search pays for a step between two syllables: the tier's cost,
    plus a little per semitone past a whole tone when the step is not a good one (a
    small slip is heard as ornament, a leap as a wrong word)."""
    tier = pair_tier(tone_a, tone_b, step)
    if tier == 2 and allowed_steps(tone_a, tone_b) == frozenset({0}) and abs(step) <= 2:
        return SLIP_COST
    extra = 0.25 * max(abs(step) - 2, 0) if tier >= 2 else 0.0
    return TIER_COSTS[tier] + extra


def tone_agreement(tones: list[int], boundary_steps: list[int]) -> tuple[int, int]:
    """(pairs that follow their tones, pairs scored) for one line.

    boundary_steps[i] is the pitch step from the last note of syllable i to the first note
    of syllable i+1.
    """
    good = scored = 0
    for (a, b), step in zip(itertools.pairwise(tones), boundary_steps, strict=True):
        if not is_scored(a, b):
            continue
        scored += 1
        good += direction(step) in allowed_steps(a, b)
    return good, scored
