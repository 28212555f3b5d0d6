"""Music theory: pitch spelling, modes (Chinese pentatonic and Western), keys and chords.

A `Key` is a tonic plus a `Mode`. Chinese modes are named by their final (宫 商 角 徵 羽):
D羽 is the pentatonic D F G A C whose 宫 (the "do" of the collection) is F, so it is written
with F major's key signature. Each mode also carries a seven-note scale for harmony (the
清乐 scale on its 宫, rotated), so chords and Roman numerals work for every mode alike.

    >>> key = parse_key("D羽")
    >>> key.name, key.fifths, [key.spell(p) for p in key.scale_pcs()]
    ('D羽', -1, ['D', 'F', 'G', 'A', 'C'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from inkmuse.core.errors import InputError

LETTERS = "CDEFGAB"
LETTER_PC = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
# Signature of the major key on each tonic pitch class, for a mode's offset on C (no mode
# has its 宫 a tritone above its final, so the F#/Gb choice never arises here).
_FIFTHS_OF_MAJOR = {0: 0, 7: 1, 2: 2, 9: 3, 4: 4, 11: 5, 6: 6, 1: -5, 8: -4, 3: -3, 10: -2, 5: -1}


@dataclass(frozen=True)
class Mode:
    """A mode: its scale (semitones above the tonic) and how it is written down.

    gong: semitones from the mode's tonic up to its 宫 / major-parent tonic (for the key
    signature). harmony: the seven-note scale chords are built from. passing: chromatic
    colour tones allowed only as passing notes (清角 and 变宫 in the Chinese modes).
    """

    name: str
    english: str
    scale: tuple[int, ...]
    harmony: tuple[int, ...]
    gong: int
    passing: tuple[int, ...]
    xml_mode: str  # MusicXML <mode>
    abc_mode: str  # ABC K: suffix
    chinese: bool


_IONIAN = (0, 2, 4, 5, 7, 9, 11)


def _rotate(scale: tuple[int, ...], degree: int) -> tuple[int, ...]:
    base = scale[degree]
    return tuple(sorted((p - base) % 12 for p in scale))


def _chinese(name: str, english: str, degree: int, xml: str, abc: str) -> Mode:
    gong_pent = (0, 2, 4, 7, 9)
    gong_heptatonic_degree = (0, 1, 2, 4, 5)[degree]
    base = gong_pent[degree]
    return Mode(
        name=name,
        english=english,
        scale=_rotate(gong_pent, degree),
        harmony=_rotate(_IONIAN, gong_heptatonic_degree),
        gong=(-base) % 12,
        passing=tuple(sorted(((5 - base) % 12, (11 - base) % 12))),  # 清角, 变宫
        xml_mode=xml,
        abc_mode=abc,
        chinese=True,
    )


def _western(name: str, degree: int, xml: str, abc: str) -> Mode:
    scale = _rotate(_IONIAN, degree)
    return Mode(name, name, scale, scale, (-_IONIAN[degree]) % 12, (), xml, abc, False)


MODES: dict[str, Mode] = {
    "宫": _chinese("宫", "gong", 0, "major", ""),
    "商": _chinese("商", "shang", 1, "dorian", "dor"),
    "角": _chinese("角", "jue", 2, "phrygian", "phr"),
    "徵": _chinese("徵", "zhi", 3, "mixolydian", "mix"),
    "羽": _chinese("羽", "yu", 4, "minor", "m"),
    "major": _western("major", 0, "major", ""),
    "dorian": _western("dorian", 1, "dorian", "dor"),
    "phrygian": _western("phrygian", 2, "phrygian", "phr"),
    "lydian": _western("lydian", 3, "lydian", "lyd"),
    "mixolydian": _western("mixolydian", 4, "mixolydian", "mix"),
    "minor": _western("minor", 5, "minor", "m"),
    "locrian": _western("locrian", 6, "locrian", "loc"),
}
_MODE_ALIASES = {
    "gong": "宫", "shang": "商", "jue": "角", "jiao": "角", "zhi": "徵", "zheng": "徵",
    "yu": "羽", "征": "徵", "ionian": "major", "maj": "major", "aeolian": "minor",
    "min": "minor", "m": "minor", "dor": "dorian", "phr": "phrygian", "lyd": "lydian",
    "mix": "mixolydian", "loc": "locrian", "": "major",
}  # fmt: skip
_KEY_RE = re.compile(r"^\s*([A-Ga-g])\s*([#♯b♭]?)\s*(.*?)\s*$")


@dataclass(frozen=True)
class Key:
    """A tonic pitch class (0 = C) and a mode; knows how to spell its notes.

    tonic_name is the tonic as written ('Eb', 'D#'); the signature follows from it, so
    Eb角 is written with Cb major's seven flats and D#角 with B major's five sharps: the
    K: line, <fifths> and every note name then agree (see `parse_key`)."""

    tonic: int
    mode: Mode
    tonic_name: str

    @property
    def name(self) -> str:
        if self.mode.chinese:
            return f"{self.tonic_name}{self.mode.name}"
        return f"{self.tonic_name} {self.mode.name}"

    @property
    def gong(self) -> int:
        """Pitch class of the 宫 (the major-parent tonic)."""
        return (self.tonic + self.mode.gong) % 12

    @property
    def fifths(self) -> int:
        """Key signature: sharps (>0) or flats (<0) of the parent major, -7..7."""
        return _name_fifths(self.tonic_name) + mode_fifths(self.mode)

    def scale_pcs(self) -> list[int]:
        return [(self.tonic + s) % 12 for s in self.mode.scale]

    def harmony_pcs(self) -> list[int]:
        return [(self.tonic + s) % 12 for s in self.mode.harmony]

    def spell_parts(self, pc: int) -> tuple[str, int]:
        """(letter, alter) for a pitch class in this key: the seven notes of the parent
        scale by the signature; any other as a one-step inflection of a signature note, a
        natural first, then raised in sharp keys and lowered in flat keys (never a double
        accidental when a single one will do)."""
        signature = signature_alters(self.fifths)
        for letter in LETTERS:
            if (LETTER_PC[letter] + signature[letter]) % 12 == pc % 12:
                return letter, signature[letter]
        side = 1 if self.fifths >= 0 else -1
        options = [
            (letter, signature[letter] + step)
            for letter in LETTERS
            for step in (1, -1)
            if (LETTER_PC[letter] + signature[letter] + step) % 12 == pc % 12
        ]
        return min(
            options, key=lambda o: (abs(o[1]) > 1, o[1] != 0, (o[1] - signature[o[0]]) != side)
        )

    def spell(self, pc: int) -> str:
        letter, alter = self.spell_parts(pc)
        return letter + ("#" * alter if alter > 0 else "b" * -alter)

    def pitch_name(self, midi: int) -> str:
        """'F#4' style name (octave of the letter, so B#3 stays in octave 3)."""
        _letter, alter = self.spell_parts(midi % 12)
        octave = (midi - alter) // 12 - 1
        return self.spell(midi % 12) + str(octave)

    def respelled(self) -> Key:
        """The same key under its enharmonic tonic (Eb角 → D#角), for choosing the
        signature with fewer accidentals."""
        flipped = _name_fifths(self.tonic_name) + (-12 if self.fifths > 0 else 12)
        return Key(self.tonic, self.mode, _name_of_fifths(flipped))


_CIRCLE = "FCGDAEB"  # letters by fifths: F is -1 (one flat), B is 5 (five sharps)


def _name_fifths(name: str) -> int:
    """Place of a tonic name on the line of fifths (C 0, G 1, F -1, Eb -3, D# 9)."""
    letter, accidentals = name[0], name[1:]
    alter = accidentals.count("#") - accidentals.count("b")
    return _CIRCLE.index(letter) - 1 + 7 * alter


def _name_of_fifths(fifths: int) -> str:
    """Inverse of `_name_fifths`."""
    letter = _CIRCLE[(fifths + 1) % 7]
    alter = (fifths + 1) // 7
    return letter + ("#" * alter if alter > 0 else "b" * -alter)


def mode_fifths(mode: Mode) -> int:
    """Signature of the mode on C (C商 = C dorian → -2, C徵 → -1, C lydian → 1)."""
    return _FIFTHS_OF_MAJOR[mode.gong]


def signature_alters(fifths: int) -> dict[str, int]:
    """Alteration of each letter under a key signature (-7..7)."""
    alters = dict.fromkeys(LETTERS, 0)
    chosen = _CIRCLE[:fifths] if fifths > 0 else _CIRCLE[::-1][:-fifths]
    for letter in chosen:
        alters[letter] = 1 if fifths > 0 else -1
    return alters


def parse_key(text: str) -> Key:
    """Read 'D羽', 'C宫', 'G徵调', 'A minor', 'Am', 'F# dorian', 'Bb major', 'E yu'.

    The tonic keeps the spelling the person wrote while its signature needs at most seven
    sharps or flats (Eb角: seven flats); past that it is respelled (D#宫 → Eb宫)."""
    m = _KEY_RE.match(text or "")
    accepted = "a tonic A-G (with # or b) then a mode: 宫 商 角 徵 羽 or " + ", ".join(
        n for n in MODES if not MODES[n].chinese
    )
    if not m:
        raise InputError(f"cannot read key {text!r}", accepted=accepted)
    letter, accidental, rest = m.group(1).upper(), m.group(2), m.group(3)
    rest = rest.removesuffix("调式").removesuffix("调").strip().lower()
    mode_name = _MODE_ALIASES.get(rest, rest)
    if mode_name not in MODES:
        raise InputError(f"unknown mode {m.group(3)!r} in key {text!r}", accepted=accepted)
    alter = {"#": 1, "♯": 1, "b": -1, "♭": -1}.get(accidental, 0)
    tonic = (LETTER_PC[letter] + alter) % 12
    name = letter + ("#" if alter > 0 else "b" if alter else "")
    key = Key(tonic, MODES[mode_name], name)
    return key if abs(key.fifths) <= 7 else key.respelled()


def simplest_key(tonic: int, mode: Mode) -> Key:
    """The key on a tonic pitch class spelled with the fewest accidentals (ties: flats),
    for keys the planner picks rather than the person: Eb角 (7 flats) becomes D#角
    (5 sharps)."""
    names = [
        letter + accidental
        for letter in LETTERS
        for accidental, alter in (("", 0), ("#", 1), ("b", -1))
        if (LETTER_PC[letter] + alter) % 12 == tonic % 12
    ]
    keys = [Key(tonic % 12, mode, name) for name in names]
    return min(keys, key=lambda k: (abs(k.fifths), k.fifths > 0))


_SHAPES = {"maj": (0, 4, 7), "min": (0, 3, 7), "dim": (0, 3, 6), "sus2": (0, 2, 7),
           "sus4": (0, 5, 7)}  # fmt: skip
_SUFFIX = {"maj": "", "min": "m", "dim": "dim", "sus2": "sus2", "sus4": "sus4"}


@dataclass(frozen=True)
class Chord:
    """A chord: root pitch class and quality ('maj', 'min', 'dim', 'sus2', 'sus4')."""

    root: int
    quality: str

    def pcs(self) -> tuple[int, ...]:
        return tuple((self.root + i) % 12 for i in _SHAPES[self.quality])

    def name(self, key: Key) -> str:
        """Chord symbol spelled in the key, e.g. 'Bb', 'Dm', 'Csus2'."""
        return key.spell(self.root) + _SUFFIX[self.quality]

    def roman(self, key: Key) -> str:
        """Roman numeral against the mode's seven-note scale: i, VI, VII, iv, bII, Vsus4."""
        rel = (self.root - key.tonic) % 12
        numerals = ("I", "II", "III", "IV", "V", "VI", "VII")
        if rel in key.mode.harmony:
            numeral, prefix = numerals[key.mode.harmony.index(rel)], ""
        else:
            # Chromatic root: name it against the major scale (bVII, #IV).
            lower = [i for i, s in enumerate(_IONIAN) if s == rel + 1]
            if lower:
                numeral, prefix = numerals[lower[0]], "b"
            else:
                numeral, prefix = numerals[_IONIAN.index(rel - 1)], "#"
        if self.quality in ("min", "dim"):
            numeral = numeral.lower()
        suffix = {"dim": "°", "sus2": "sus2", "sus4": "sus4"}.get(self.quality, "")
        return prefix + numeral + suffix


def diatonic_triad(key: Key, degree: int) -> Chord:
    """The triad built in thirds on a degree (0-6) of the key's seven-note scale."""
    scale = key.mode.harmony
    root, third, fifth = (scale[(degree + i) % 7] for i in (0, 2, 4))
    t, f = (third - root) % 12, (fifth - root) % 12
    quality = {(4, 7): "maj", (3, 7): "min", (3, 6): "dim"}.get((t, f), "maj")
    return Chord((key.tonic + root) % 12, quality)


def midi_to_hz(midi: float) -> float:
    """Equal-tempered frequency in Hz (A4 = MIDI 69 = 440 Hz)."""
    return float(440.0 * 2.0 ** ((midi - 69) / 12.0))


def hz_to_midi(hz: float) -> float:
    """Inverse of `midi_to_hz` (fractional MIDI number)."""
    import math

    return 69.0 + 12.0 * math.log2(hz / 440.0)
