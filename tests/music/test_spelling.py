"""Spelling in every key: 12 tonics × 5 Chinese modes, each piece written as ABC, MusicXML
and MIDI and read back by music21 (ABC also by abc2midi where installed).

The bug this guards: Eb角's ABC key line said seven flats while its notes were spelled for
B major's five sharps, so every note of 江雪 sounded one or two semitones off.
"""

from __future__ import annotations

import shutil
import subprocess
import warnings
from pathlib import Path
from typing import Any

import pytest

from inkmuse.music import ComposeRequest, Piece, compose
from inkmuse.music.abc import abc_text
from inkmuse.music.midi import midi_bytes
from inkmuse.music.musicxml import musicxml_text
from inkmuse.music.notation import voice_events
from inkmuse.music.theory import LETTER_PC, LETTERS, MODES, parse_key, signature_alters

music21 = pytest.importorskip("music21")

# The black keys both ways a person writes them in the issue (Db商, Gb徵, Eb角).
TONICS = ("C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B")
CHINESE = ("宫", "商", "角", "徵", "羽")
ALL_NAMES = [letter + acc for letter in LETTERS for acc in ("", "#", "b")]
POEM = "孤舟蓑笠翁，独钓寒江雪。"  # 江雪's second couplet: small, and covers the scale


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("tonic", ALL_NAMES)
def test_every_spelling_matches_its_signature(tonic: str, mode: str) -> None:
    key = parse_key(f"{tonic} {mode}")
    assert -7 <= key.fifths <= 7
    signature = signature_alters(key.fifths)
    assert key.spell(key.tonic) == key.tonic_name
    letters = []
    for pc in key.harmony_pcs():
        letter, alter = key.spell_parts(pc)
        assert (LETTER_PC[letter] + alter) % 12 == pc
        assert alter == signature[letter], (key.name, pc)  # the scale needs no accidental
        letters.append(letter)
    assert len(set(letters)) == 7  # one note per letter: a real seven-note spelling
    for pc in range(12):  # chromatic notes too: right pitch, at most a double accidental
        letter, alter = key.spell_parts(pc)
        assert (LETTER_PC[letter] + alter) % 12 == pc and abs(alter) <= 2


def test_tonic_spelling_is_kept_and_respelled_only_past_seven() -> None:
    assert (parse_key("Eb角").tonic_name, parse_key("Eb角").fifths) == ("Eb", -7)
    assert (parse_key("D#角").tonic_name, parse_key("D#角").fifths) == ("D#", 5)
    assert (parse_key("D#宫").tonic_name, parse_key("D#宫").fifths) == ("Eb", -3)


def _sounding(piece: Piece, part: int) -> list[int]:
    """The part's pitches as notation reads them (ties merged, chords low to high)."""
    events = voice_events(piece.parts[part], piece.length_ticks)
    return [p for ev in events for p in ev.pitches]


def _names(piece: Piece) -> list[str]:
    melody = piece.melody
    return [
        piece.key.pitch_name(p)
        for ev in voice_events(melody, piece.length_ticks)
        for p in ev.pitches
    ]


def _m21_pitches(stream: Any) -> list[Any]:
    """Sounding pitches of a music21 stream, chord symbols left out, ties merged."""
    out: list[Any] = []
    for n in stream.stripTies().flatten().notes:
        if isinstance(n, music21.harmony.ChordSymbol):
            continue
        out += sorted(n.pitches, key=lambda p: p.midi)
    return out


def _m21_name(p: Any) -> str:
    return str(p.name).replace("-", "b") + str(p.octave)


@pytest.fixture(scope="module")
def pieces() -> dict[str, Piece]:
    # The four meters in turn, so each goes through every reader in a dozen keys.
    meters = ("4/4", "3/4", "6/8", "2/4")
    return {
        f"{t}{m}": compose(
            ComposeRequest(poem=POEM, key=f"{t}{m}", seed=1, meter=meters[k % len(meters)])
        )
        for k, (t, m) in enumerate((t, m) for t in TONICS for m in CHINESE)
    }


@pytest.mark.slow
@pytest.mark.parametrize("mode", CHINESE)
@pytest.mark.parametrize("tonic", TONICS)
def test_round_trip_in_every_key(
    tonic: str, mode: str, pieces: dict[str, Piece], tmp_path: Path
) -> None:
    piece = pieces[f"{tonic}{mode}"]
    key = piece.key
    melody = _sounding(piece, 0)

    xml = music21.converter.parse(musicxml_text(piece), format="musicxml")
    for i, part in enumerate(xml.parts):
        assert [p.midi for p in _m21_pitches(part)] == _sounding(piece, i), (key.name, i)
    assert [_m21_name(p) for p in _m21_pitches(xml.parts[0])] == _names(piece)
    signature = xml.parts[0].flatten().getElementsByClass(music21.key.KeySignature)[0]
    assert signature.sharps == key.fifths

    abc = music21.converter.parse(abc_text(piece), format="abc")
    assert [p.midi for p in _m21_pitches(abc)] == melody, key.name
    assert [_m21_name(p) for p in _m21_pitches(abc)] == _names(piece)

    mid = tmp_path / "piece.mid"
    mid.write_bytes(midi_bytes(piece))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # music21 warns about the lyric meta events' text
        score = music21.converter.parse(mid)
    assert [p.midi for p in _m21_pitches(score.parts[0])] == melody, key.name

    if shutil.which("abc2midi"):
        _check_abc2midi(piece, tmp_path, melody)


def _check_abc2midi(piece: Piece, folder: Path, melody: list[int]) -> None:
    """abc2midi plays the ABC; its melody track (chord symbols go to their own channel)
    must sound the same pitches."""
    src, out = folder / "piece.abc", folder / "abc2midi.mid"
    src.write_text(abc_text(piece), encoding="utf-8")
    subprocess.run(
        ["abc2midi", str(src), "-o", str(out)], check=True, capture_output=True, timeout=30
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        score = music21.converter.parse(out)
    tracks = [[p.midi for p in _m21_pitches(part)] for part in score.parts]
    assert melody in tracks, (piece.key.name, tracks)
