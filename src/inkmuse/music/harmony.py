"""Harmony: the chords a key offers, how a mood moves between them, and cadences.

Chords are triads of the mode's seven-note scale (no diminished triads), plus, in the
Chinese modes, the sus2 and sus4 chords on the tonic and the fifth whose notes all lie in
the pentatonic scale. Root motion follows common practice (down a fifth is the strongest
pull, then steps and thirds); a mood leans towards minor or major chords and towards
plagal or authentic cadences. Phrases close on the tonic chord; an opening phrase ends
away from it (a half cadence).

Two uses: `harmonize` fits chords under a finished melody (a Viterbi pass per half bar),
`progression` writes a progression for a mood when there is no poem.

    >>> from inkmuse.music.theory import parse_key
    >>> [c.roman(parse_key("D羽")) for c in vocabulary(parse_key("D羽"))][:3]
    ['i', 'III', 'iv']
"""

from __future__ import annotations

import numpy as np

from inkmuse.music.model import ChordSpan, Note
from inkmuse.music.theory import Chord, Key, diatonic_triad

# Cost of root motion by (degree difference mod 7) in the mode's seven-note scale.
_MOTION = {0: 1.2, 1: 0.5, 2: 0.9, 3: 0.0, 4: 0.5, 5: 0.3, 6: 0.7}
# How much a mood likes each chord quality (negative = preferred).
_QUALITY = {
    "melancholy": {"min": -0.4, "maj": 0.1, "sus2": -0.1, "sus4": 0.2},
    "lonely": {"min": -0.4, "maj": 0.1, "sus2": -0.3, "sus4": 0.0},
    "nostalgic": {"min": -0.2, "maj": 0.0, "sus2": -0.1, "sus4": 0.0},
    "serene": {"min": 0.0, "maj": -0.1, "sus2": -0.4, "sus4": -0.1},
    "joyful": {"min": 0.3, "maj": -0.4, "sus2": 0.0, "sus4": 0.1},
    "heroic": {"min": 0.2, "maj": -0.4, "sus2": 0.1, "sus4": -0.2},
    "tender": {"min": 0.0, "maj": -0.2, "sus2": -0.2, "sus4": 0.2},
}
# Degrees that lead into the tonic at a cadence: V/v (authentic), IV/iv (plagal), VII
# (the modal "double-tonic" cadence of 中国风 pop). Moods weight them differently.
_CADENCE_PULL = {
    "melancholy": {4: -0.8, 3: -0.9, 6: -0.5},
    "lonely": {4: -0.6, 3: -0.9, 6: -0.6},
    "nostalgic": {4: -0.8, 3: -0.8, 6: -0.8},
    "serene": {4: -0.6, 3: -1.0, 6: -0.4},
    "joyful": {4: -1.0, 3: -0.6, 6: -0.3},
    "heroic": {4: -1.0, 3: -0.5, 6: -0.7},
    "tender": {4: -0.8, 3: -0.8, 6: -0.3},
}


def vocabulary(key: Key) -> list[Chord]:
    """The chords this key uses, tonic first."""
    chords = [diatonic_triad(key, d) for d in range(7)]
    chords = [c for c in chords if c.quality != "dim"]
    if key.mode.chinese:
        # Suspended chords on the tonic and the fifth, when every note is pentatonic:
        # they colour the harmony without the semitones the 五声 scale avoids.
        scale = set(key.scale_pcs())
        for root in (key.tonic, (key.tonic + 7) % 12):
            for quality in ("sus2", "sus4"):
                chord = Chord(root, quality)
                if set(chord.pcs()) <= scale and chord not in chords:
                    chords.append(chord)
    return chords


def _degree(key: Key, chord: Chord) -> int:
    rel = (chord.root - key.tonic) % 12
    return key.mode.harmony.index(rel) if rel in key.mode.harmony else 0


def _transition(key: Key, chords: list[Chord], mood: str) -> np.ndarray:
    """[from, to] cost of moving between chords."""
    qual = _QUALITY.get(mood, _QUALITY["serene"])
    out = np.zeros((len(chords), len(chords)))
    for i, a in enumerate(chords):
        for j, b in enumerate(chords):
            motion = (_degree(key, b) - _degree(key, a)) % 7
            out[i, j] = _MOTION[motion] + qual.get(b.quality, 0.0)
            if a == b:
                out[i, j] = 0.5  # holding a chord is restful; the melody decides when to move
    return out


def _fit(chord: Chord, notes: list[Note], start: int, end: int) -> float:
    """How badly a melody fits a chord in [start, end): weighted non-chord tones."""
    cost = 0.0
    pcs = chord.pcs()
    for n in notes:
        overlap = min(n.end, end) - max(n.start, start)
        if overlap <= 0 or n.pitch % 12 in pcs:
            continue
        strong = n.start == start or (n.start <= start and n.end > start)
        cost += (2.0 if strong else 0.5) * overlap / (end - start)
    return cost


def harmonize(
    key: Key,
    melody: list[Note],
    *,
    total: int,
    slot: int,
    mood: str,
    cadences: dict[int, str],
    rng: np.random.Generator,
) -> list[ChordSpan]:
    """Chords every `slot` ticks under the melody. cadences maps a slot index to 'close'
    (the tonic chord) or 'open' (anything but the tonic)."""
    chords = vocabulary(key)
    tonic = chords[0]
    n = total // slot
    trans = _transition(key, chords, mood)
    pull = _CADENCE_PULL.get(mood, _CADENCE_PULL["serene"])
    unary = np.zeros((n, len(chords)))
    for s in range(n):
        for c, chord in enumerate(chords):
            unary[s, c] = _fit(chord, melody, s * slot, (s + 1) * slot)
            kind = cadences.get(s)
            is_tonic = chord.root == tonic.root and chord.quality in (tonic.quality, "sus2", "sus4")
            if kind == "close" and not is_tonic:
                unary[s, c] += 50.0
            if kind == "open" and is_tonic:
                unary[s, c] += 3.0
            if cadences.get(s + 1) == "close":
                unary[s, c] += pull.get(_degree(key, chord), 0.0)
        unary[s] += 0.25 * rng.gumbel(size=len(chords))
    cost = unary[0].copy()
    cost[[i for i, c in enumerate(chords) if c.root != tonic.root]] += 2.0  # begin at home
    back = np.zeros((n, len(chords)), dtype=int)
    for s in range(1, n):
        total_cost = cost[:, None] + trans
        back[s] = np.argmin(total_cost, axis=0)
        cost = total_cost[back[s], np.arange(len(chords))] + unary[s]
    path = [int(np.argmin(cost))]
    for s in range(n - 1, 0, -1):
        path.append(int(back[s, path[-1]]))
    path.reverse()
    return _merge([ChordSpan(chords[c], s * slot, slot) for s, c in enumerate(path)])


def progression(
    key: Key, *, bars: int, bar_ticks: int, mood: str, rng: np.random.Generator
) -> list[ChordSpan]:
    """A chord per bar for a mood: 4-bar phrases, half cadence then full cadence."""
    chords = vocabulary(key)
    trans = _transition(key, chords, mood)
    pull = _CADENCE_PULL.get(mood, _CADENCE_PULL["serene"])
    tonic = 0
    path = [tonic]
    for b in range(1, bars):
        last = b == bars - 1
        phrase_end = b % 4 == 3
        closing = last or (phrase_end and (b // 4) % 2 == 1)
        if closing:
            path.append(tonic)
            continue
        cost = trans[path[-1]].copy()
        if phrase_end:  # half cadence: end the phrase away from home
            cost += [5.0 if c.root == key.tonic else 0.0 for c in chords]
            cost += [pull.get(_degree(key, c), 0.0) for c in chords]
        if b + 1 == bars - 1 or (b % 4 == 2 and (b // 4) % 2 == 1):
            cost += [pull.get(_degree(key, c), 0.0) * 2 for c in chords]
        if len(path) >= 2:  # no ping-pong between two chords
            cost[path[-2]] += 0.8
        p = np.exp(-1.5 * cost)
        path.append(int(rng.choice(len(chords), p=p / p.sum())))
    return _merge([ChordSpan(chords[c], b * bar_ticks, bar_ticks) for b, c in enumerate(path)])


def _merge(spans: list[ChordSpan]) -> list[ChordSpan]:
    """Join repeated chords into one span."""
    out: list[ChordSpan] = []
    for span in spans:
        if out and out[-1].chord == span.chord:
            prev = out[-1]
            out[-1] = ChordSpan(prev.chord, prev.start, prev.duration + span.duration)
        else:
            out.append(span)
    return out


def chord_at(chords: list[ChordSpan], tick: int) -> Chord:
    """The chord sounding at a tick (the last one after the end)."""
    for span in chords:
        if span.start <= tick < span.start + span.duration:
            return span.chord
    return chords[-1].chord
