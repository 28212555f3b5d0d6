"""Accompaniment: instruments by style (General MIDI programs) and textures by mood.

中国风 ('chinese'): the tune on erhu (sad, longing, tender moods) or dizi (bright ones),
guzheng arpeggios with the guzheng's left hand on the bass, and pipa chords on the
off-beats for joyful and heroic pieces. General MIDI has no Chinese instruments, so each
uses its nearest programme: erhu → 110 Fiddle, dizi → 73 Flute, guzheng → 107 Koto,
pipa → 106 Shamisen.
'piano': piano melody over piano arpeggios (or block chords) and a piano bass line.
'strings': violin over a sustained string ensemble and a cello bass.

    >>> instruments("chinese", "joyful")["melody"]
    ('Dizi', 73)
"""

from __future__ import annotations

from inkmuse.music.harmony import chord_at
from inkmuse.music.meter import Meter
from inkmuse.music.model import ChordSpan, Note, Part
from inkmuse.music.theory import Chord

_BRIGHT = frozenset({"joyful", "heroic", "serene"})
_DRIVEN = frozenset({"joyful", "heroic"})


def instruments(style: str, mood: str) -> dict[str, tuple[str, int]]:
    """role → (instrument name, General MIDI program 0-127)."""
    if style == "chinese":
        roles = {
            "melody": ("Dizi", 73) if mood in _BRIGHT else ("Erhu", 110),
            "texture": ("Guzheng", 107),
            "bass": ("Guzheng (left hand)", 107),
        }
        if mood in _DRIVEN:
            roles["harmony"] = ("Pipa", 106)
        return roles
    if style == "strings":
        return {
            "melody": ("Violin", 40),
            "harmony": ("Strings", 48),
            "bass": ("Cello", 42),
        }
    return {
        "melody": ("Piano (melody)", 0),
        "texture": ("Piano", 0),
        "bass": ("Piano (left hand)", 0),
    }


def _voice(chord: Chord, low: int, count: int) -> list[int]:
    """`count` chord tones upward from the first chord tone at or above `low`."""
    pcs = chord.pcs()
    out: list[int] = []
    p = low
    while len(out) < count:
        if p % 12 in pcs:
            out.append(p)
        p += 1
    return out


def _root(chord: Chord, low: int) -> int:
    return low + (chord.root - low) % 12


# Broken-chord orders (indices into root, third, fifth, octave, tenth) for a group of
# four or six eighths: up and back in one gesture, so 3/4 and 6/8 sway where 4/4 rolls.
_ROLLS = {
    4: ((0, 2, 3, 4), (1, 3, 4, 2)),
    6: ((0, 2, 3, 4, 3, 2), (0, 2, 4, 3, 2, 1)),
}


def _ceiling(melody: list[Note], start: int, end: int, default: int) -> int:
    """The lowest tune note sounding in [start, end): the texture stays under it."""
    under = [n.pitch for n in melody if n.start < end and n.end > start]
    return min(under) - 1 if under else default


def _under(chord: Chord, tones: list[int], ceiling: int) -> list[int]:
    """The broken chord's five tones, or, when its top would pass the ceiling, the five
    chord tones just under it (a closer voicing, still in the same gesture)."""
    if tones[-1] <= ceiling:
        return tones
    pcs = chord.pcs()
    below = [p for p in range(ceiling, 35, -1) if p % 12 in pcs][:5]
    return sorted(below) if len(below) == 5 else tones


def _arpeggio(
    chords: list[ChordSpan], total: int, last_bar: int, meter: Meter, melody: list[Note]
) -> list[Note]:
    """Guzheng / piano broken chords in eighths, one gesture per metric group, kept
    under the tune (a broken chord that climbs over the erhu covers the words)."""
    notes = []
    group = meter.group
    ceiling = 127
    for start in range(0, total, group):
        chord = chord_at(chords, start)
        root = _root(chord, 48)
        ceiling = _ceiling(melody, start, start + group, ceiling)
        tones = _under(chord, _voice(chord, root, 5), ceiling)
        if start >= last_bar:  # the last bar: one chord, held
            notes += [Note(p, start, total - start, 58) for p in tones[:4]]
            break
        first, second = _ROLLS[group // 2]
        order = first if start % meter.bar == 0 else second
        for i, k in enumerate(order):
            notes.append(Note(tones[k], start + 2 * i, 2, 62 if i == 0 else 52))
    return notes


def _block(chords: list[ChordSpan], total: int, last_bar: int, meter: Meter) -> list[Note]:
    """Chords on every beat, the downbeat accented (driven moods, piano style)."""
    notes = []
    for start in range(0, total, meter.beat):
        chord = chord_at(chords, start)
        tones = _voice(chord, 55, 3)
        held = start >= last_bar
        dur = total - start if held else meter.beat - 1
        vel = 66 if start % meter.bar == 0 else 54
        notes += [Note(p, start, dur, vel) for p in tones]
        if held:
            break
    return notes


def _offbeat(chords: list[ChordSpan], total: int, last_bar: int, meter: Meter) -> list[Note]:
    """Pipa: short chords off the beat (the 'and' of each beat; the second and third
    eighths of a 6/8 beat)."""
    offsets = (2, 4) if meter.compound else (meter.beat // 2,)
    notes = []
    for beat in range(0, min(total, last_bar), meter.beat):
        for off in offsets:
            tones = _voice(chord_at(chords, beat + off), 62, 3)
            notes += [Note(p, beat + off, 2, 50) for p in tones]
    return notes


def _sustained(chords: list[ChordSpan], total: int) -> list[Note]:
    """String pad: each chord held for its span, in close position."""
    notes = []
    for span in chords:
        dur = min(span.duration, total - span.start)
        notes += [Note(p, span.start, dur, 50) for p in _voice(span.chord, 55, 3)]
    return notes


def _bass(
    chords: list[ChordSpan], total: int, last_bar: int, driven: bool, meter: Meter
) -> list[Note]:
    """Root at each group's start; the fifth on a bar's second group in driven moods."""
    notes = []
    for start in range(0, total, meter.group):
        chord = chord_at(chords, start)
        root = _root(chord, 36)
        if start >= last_bar:
            notes.append(Note(root, start, total - start, 70))
            break
        fifth = root + 7 if (chord.root + 7) % 12 in chord.pcs() else root
        downbeat = start % meter.bar == 0
        pitch = fifth if driven and not downbeat else root
        notes.append(Note(pitch, start, meter.group, 70 if downbeat else 60))
    return notes


def accompany(
    chords: list[ChordSpan],
    *,
    total: int,
    meter: Meter,
    style: str,
    mood: str,
    melody: list[Note] | None = None,
) -> list[Part]:
    """The accompaniment parts (everything but the melody) for a chord track; the broken
    chords keep under `melody` where it is given."""
    roles = instruments(style, mood)
    last_bar = total - meter.bar
    driven = mood in _DRIVEN
    parts = []
    if "texture" in roles:
        if driven and style == "piano":
            notes = _block(chords, total, last_bar, meter)
        else:
            notes = _arpeggio(chords, total, last_bar, meter, melody or [])
        parts.append(Part(*roles["texture"], "texture", notes, channel=1))
    if "harmony" in roles:
        if style == "strings":
            notes = _sustained(chords, total)
        else:
            notes = _offbeat(chords, total, last_bar, meter)
        parts.append(Part(*roles["harmony"], "harmony", notes, channel=3))
    parts.append(
        Part(*roles["bass"], "bass", _bass(chords, total, last_bar, driven, meter), channel=2)
    )
    return parts
