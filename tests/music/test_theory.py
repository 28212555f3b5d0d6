from __future__ import annotations

import pytest

from inkmuse.core.errors import InputError
from inkmuse.music.theory import MODES, Chord, diatonic_triad, hz_to_midi, midi_to_hz, parse_key


@pytest.mark.parametrize(
    ("text", "name", "fifths", "scale"),
    [
        ("C宫", "C宫", 0, ["C", "D", "E", "G", "A"]),
        ("D商", "D商", 0, ["D", "E", "G", "A", "C"]),
        ("E角", "E角", 0, ["E", "G", "A", "C", "D"]),
        ("G徵", "G徵", 0, ["G", "A", "C", "D", "E"]),
        ("A羽", "A羽", 0, ["A", "C", "D", "E", "G"]),
        ("D羽", "D羽", -1, ["D", "F", "G", "A", "C"]),
        ("Eb羽调", "Eb羽", -6, ["Eb", "Gb", "Ab", "Bb", "Db"]),
        ("F# yu", "F#羽", 3, ["F#", "A", "B", "C#", "E"]),
        ("A minor", "A minor", 0, ["A", "B", "C", "D", "E", "F", "G"]),
        ("Am", "A minor", 0, ["A", "B", "C", "D", "E", "F", "G"]),
        ("Bb major", "Bb major", -2, ["Bb", "C", "D", "Eb", "F", "G", "A"]),
        ("D dorian", "D dorian", 0, ["D", "E", "F", "G", "A", "B", "C"]),
        ("G mixolydian", "G mixolydian", 0, ["G", "A", "B", "C", "D", "E", "F"]),
    ],
)
def test_parse_key_spells_the_scale(text: str, name: str, fifths: int, scale: list[str]) -> None:
    key = parse_key(text)
    assert key.name == name
    assert key.fifths == fifths
    assert [key.spell(pc) for pc in key.scale_pcs()] == scale


def test_chinese_modes_are_rotations_of_one_pentatonic_collection() -> None:
    gong = set(parse_key("C宫").scale_pcs())
    for mode, tonic in (("商", "D"), ("角", "E"), ("徵", "G"), ("羽", "A")):
        assert set(parse_key(tonic + mode).scale_pcs()) == gong


def test_passing_tones_are_qingjiao_and_biangong() -> None:
    key = parse_key("C宫")
    assert sorted(key.spell((key.tonic + p) % 12) for p in key.mode.passing) == ["B", "F"]
    d_yu = parse_key("D羽")  # 宫 = F: 清角 = Bb, 变宫 = E
    assert sorted(d_yu.spell((d_yu.tonic + p) % 12) for p in d_yu.mode.passing) == ["Bb", "E"]
    assert MODES["minor"].passing == ()


@pytest.mark.parametrize("bad", ["", "H羽", "C八", "D minorish", "羽"])
def test_bad_keys_say_what_is_accepted(bad: str) -> None:
    with pytest.raises(InputError) as err:
        parse_key(bad)
    assert "accepted" in str(err.value) and "宫 商 角 徵 羽" in str(err.value)


def test_chord_names_and_roman_numerals_in_d_yu() -> None:
    key = parse_key("D羽")
    triads = [diatonic_triad(key, d) for d in range(7)]
    assert [c.name(key) for c in triads] == ["Dm", "Edim", "F", "Gm", "Am", "Bb", "C"]
    assert [c.roman(key) for c in triads] == ["i", "ii°", "III", "iv", "v", "VI", "VII"]
    assert Chord(key.tonic, "sus4").roman(key) == "Isus4"
    # A chromatic root is named against the major scale.
    assert Chord(parse_key("C major").tonic + 10, "maj").roman(parse_key("C major")) == "bVII"


def test_pitch_names_use_the_key_spelling() -> None:
    assert parse_key("D羽").pitch_name(70) == "Bb4"
    assert parse_key("E major").pitch_name(68) == "G#4"


def test_hz_converters_are_inverse() -> None:
    assert midi_to_hz(69) == pytest.approx(440.0)
    assert midi_to_hz(81) == pytest.approx(880.0)
    for m in (21, 60, 62.5, 108):
        assert hz_to_midi(midi_to_hz(m)) == pytest.approx(m)
