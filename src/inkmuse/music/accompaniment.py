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


def _arpeggio(chords: list[ChordSpan], total: int, last_bar: int) -> list[Note]:
    """Guzheng / piano broken chords in eighths: root, fifth, octave, tenth, ..."""
    notes = []
    for start in range(0, total, 8):
        chord = chord_at(chords, start)
        root = _root(chord, 48)
        tones = _voice(chord, root, 5)
        if start >= last_bar:  # the last bar: one chord, held
            notes += [Note(p, start, total - start, 58) for p in tones[:4]]
            break
        order = (
            (tones[0], tones[2], tones[3], tones[4])
            if start % 16 == 0
            else (tones[1], tones[3], tones[4], tones[2])
        )
        for i, p in enumerate(order):
            notes.append(Note(p, start + 2 * i, 2, 62 if i == 0 else 52))
    return notes


def _block(chords: list[ChordSpan], total: int, last_bar: int) -> list[Note]:
    """Chords on every beat, the downbeat accented (driven moods, piano style)."""
    notes = []
    for start in range(0, total, 4):
        chord = chord_at(chords, start)
        tones = _voice(chord, 55, 3)
        held = start >= last_bar
        dur = total - start if held else 3
        vel = 66 if start % 16 == 0 else 54
        notes += [Note(p, start, dur, vel) for p in tones]
        if held:
            break
    return notes


def _offbeat(chords: list[ChordSpan], total: int, last_bar: int) -> list[Note]:
    """Pipa: short chords on the off-beats (the 'and' of each beat)."""
    notes = []
    for start in range(2, min(total, last_bar), 4):
        tones = _voice(chord_at(chords, start), 62, 3)
        notes += [Note(p, start, 2, 50) for p in tones]
    return notes


def _sustained(chords: list[ChordSpan], total: int) -> list[Note]:
    """String pad: each chord held for its span, in close position."""
    notes = []
    for span in chords:
        dur = min(span.duration, total - span.start)
        notes += [Note(p, span.start, dur, 50) for p in _voice(span.chord, 55, 3)]
    return notes


def _bass(chords: list[ChordSpan], total: int, last_bar: int, driven: bool) -> list[Note]:
    """Root on beat 1; the fifth on beat 3 in driven moods, the root again otherwise."""
    notes = []
    for start in range(0, total, 8):
        chord = chord_at(chords, start)
        root = _root(chord, 36)
        if start >= last_bar:
            notes.append(Note(root, start, total - start, 70))
            break
        fifth = root + 7 if (chord.root + 7) % 12 in chord.pcs() else root
        pitch = fifth if driven and start % 16 == 8 else root
        notes.append(Note(pitch, start, 8, 70 if start % 16 == 0 else 60))
    return notes


def accompany(
    chords: list[ChordSpan], *, total: int, bar: int, style: str, mood: str
) -> list[Part]:
    """The accompaniment parts (everything but the melody) for a chord track."""
    roles = instruments(style, mood)
    last_bar = total - bar
    driven = mood in _DRIVEN
    parts = []
    if "texture" in roles:
        notes = _block(chords, total, last_bar) if driven and style == "piano" else None
        if notes is None:
            notes = _arpeggio(chords, total, last_bar)
        parts.append(Part(*roles["texture"], "texture", notes, channel=1))
    if "harmony" in roles:
        notes = _sustained(chords, total) if style == "strings" else None
        if notes is None:
            notes = _offbeat(chords, total, last_bar)
        parts.append(Part(*roles["harmony"], "harmony", notes, channel=3))
    parts.append(Part(*roles["bass"], "bass", _bass(chords, total, last_bar, driven), channel=2))
    return parts
