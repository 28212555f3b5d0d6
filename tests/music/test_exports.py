"""Exports: music21 reads back what was written (notes, lyrics, key); same seed, same bytes."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from inkmuse.core.errors import DataError, InputError
from inkmuse.music import Piece, export, measure
from inkmuse.music.abc import abc_text, read_abc_lyrics, read_abc_melody
from inkmuse.music.export import check_abc
from inkmuse.music.notation import note_values, voice_events

music21 = pytest.importorskip("music21")


@pytest.fixture(scope="module")
def files(song: Piece, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return export(song, tmp_path_factory.mktemp("song"), synth="numpy")


def _sounding(piece: Piece) -> list[tuple[int, float]]:
    """(pitch, quarter length) of the melody, ties merged the way notation reads them."""
    return [
        (ev.pitches[0], ev.duration / 4)
        for ev in voice_events(piece.melody, piece.length_ticks)
        if ev.pitches
    ]


def _m21_notes(stream: object) -> list[object]:
    return [
        n
        for n in stream.flatten().notes  # type: ignore[attr-defined]
        if not isinstance(n, music21.harmony.ChordSymbol)
    ]


def test_musicxml_round_trip(song: Piece, files: dict[str, Path]) -> None:
    score = music21.converter.parse(files["musicxml"])
    assert len(score.parts) == len(song.parts)
    melody = score.parts[0].stripTies()
    notes = _m21_notes(melody)
    assert [(n.pitch.midi, float(n.quarterLength)) for n in notes] == _sounding(song)
    lyrics = [n.lyric for n in notes if n.lyric]
    assert lyrics == [n.lyric for n in song.melody.notes if n.lyric]
    key = score.parts[0].flatten().getElementsByClass(music21.key.KeySignature)[0]
    assert key.sharps == -1  # D羽 is written with F's signature
    assert key.tonic.name == "D" and key.mode == "minor"
    symbols = score.parts[0].flatten().getElementsByClass(music21.harmony.ChordSymbol)
    assert len(symbols) == len(song.chords)
    for part, ours in zip(score.parts, song.parts, strict=True):
        assert part.partName == ours.name
        assert len(_m21_notes(part.stripTies())) > 0
    assert music21.converter.parse(files["musicxml"]).metadata.title == song.title


def test_midi_round_trip(song: Piece, files: dict[str, Path]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        score = music21.converter.parse(files["mid"])
    melody = _m21_notes(score.parts[0])
    assert [n.pitch.midi for n in melody] == [n.pitch for n in song.melody.notes]
    mf = music21.midi.MidiFile()
    mf.open(str(files["mid"]))
    mf.read()
    mf.close()
    lyric_events = [
        e.data.decode("utf-8")
        for t in mf.tracks
        for e in t.events
        if e.type == music21.midi.MetaEvents.LYRIC
    ]
    assert "".join(lyric_events) == "床前明月光疑是地上霜举头望明月低头思故乡"
    keys = [
        e for t in mf.tracks for e in t.events if e.type == music21.midi.MetaEvents.KEY_SIGNATURE
    ]
    assert keys and keys[0].data[:2] == bytes([0xFF, 1])  # one flat, minor
    tempo = [e for t in mf.tracks for e in t.events if e.type == music21.midi.MetaEvents.SET_TEMPO]
    assert int.from_bytes(tempo[0].data, "big") == round(60_000_000 / song.tempo_bpm)
    programs = sorted(
        e.data
        for t in mf.tracks
        for e in t.events
        if e.type == music21.midi.ChannelVoiceMessages.PROGRAM_CHANGE
    )
    assert programs == sorted(p.program for p in song.parts)


def test_abc_round_trip(song: Piece, files: dict[str, Path]) -> None:
    text = files["abc"].read_text(encoding="utf-8")
    score = music21.converter.parse(text, format="abc")
    notes = _m21_notes(score.stripTies())
    assert [(n.pitch.midi, float(n.quarterLength)) for n in notes] == _sounding(song)
    key = score.flatten().getElementsByClass(music21.key.KeySignature)[0]
    assert key.sharps == -1
    # music21 ignores w: lines, so the lyrics are checked by inkmuse's own reader.
    assert read_abc_lyrics(text) == [n.lyric for n in song.melody.notes if n.lyric]
    assert [(p, d / 4) for p, d in read_abc_melody(text)] == _sounding(song)


def test_abc_english_keeps_hyphenated_syllables(english_song: Piece) -> None:
    text = abc_text(english_song)
    check_abc(english_song, text)
    assert "com-pare" in text and "sum-mer's" in text


def test_abc_check_catches_a_wrong_note(song: Piece) -> None:
    text = abc_text(song)
    broken = text.replace("|\n", "| D4 |\n", 1)
    with pytest.raises(DataError):
        check_abc(song, broken)


def test_free_piece_exports_without_lyrics(free_piece: Piece, tmp_path: Path) -> None:
    paths = export(free_piece, tmp_path, formats=("musicxml", "abc"))
    score = music21.converter.parse(paths["musicxml"])
    assert len(score.parts[0].getElementsByClass("Measure")) == 16
    assert "w:" not in paths["abc"].read_text(encoding="utf-8")


def test_same_inputs_and_seed_give_the_same_bytes(song: Piece, tmp_path: Path) -> None:
    from inkmuse.music import ComposeRequest, compose

    again = compose(ComposeRequest(poem="床前明月光，疑是地上霜。举头望明月，低头思故乡。",
                                   key="D羽", mood="思乡", seed=7))  # fmt: skip
    a = export(song, tmp_path / "a")
    b = export(again, tmp_path / "b")
    for fmt in a:
        assert a[fmt].read_bytes() == b[fmt].read_bytes(), fmt


def test_provenance_is_in_every_file(song: Piece, files: dict[str, Path]) -> None:
    from PIL import Image

    assert b'"seed":7' in files["mid"].read_bytes()
    assert '"seed":7' in files["abc"].read_text(encoding="utf-8")
    assert "inkmuse-provenance" in files["musicxml"].read_text(encoding="utf-8")
    assert b'"seed":7' in files["wav"].read_bytes()
    assert '"seed":7' in Image.open(files["png"]).text["inkmuse"]
    record = json.loads(files["json"].read_text(encoding="utf-8"))
    assert record["provenance"]["seed"] == 7 and record["key"] == "D羽"
    assert record["metrics"] == measure(song).as_dict() and record["metrics"]["tone_agreement"]
    assert record["progression"][-1]["roman"] == "i"


def test_unknown_format_is_refused(song: Piece, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="mp3"):
        export(song, tmp_path, formats=("mid", "mp3"))


def test_note_values_are_writable() -> None:
    assert note_values(16) == [16]
    assert note_values(7) == [6, 1]
    assert all(sum(note_values(t)) == t for t in range(1, 40))


def test_melismas_are_slurred_with_lyric_extenders(song: Piece) -> None:
    """Each syllable sung on several notes carries a slur from its first note to the end
    of its last, in MusicXML (read back by music21) and ABC, and an extender line."""
    melismas = sum(s.last_note > s.first_note for s in song.sung)
    assert melismas >= 2
    from inkmuse.music.musicxml import musicxml_text

    text = musicxml_text(song)
    assert text.count('<slur type="start"') == text.count('<slur type="stop"') == melismas
    assert text.count('<extend type="start"/>') == melismas
    score = music21.converter.parse(text, format="musicxml")
    slurs = score.parts[0].flatten().getElementsByClass(music21.spanner.Slur)
    assert len(slurs) == melismas
    notes = song.melody.notes
    for slur, syl in zip(slurs, [s for s in song.sung if s.last_note > s.first_note], strict=True):
        first, last = slur.getFirst(), slur.getLast()
        assert first.pitch.midi == notes[syl.first_note].pitch
        assert last.pitch.midi == notes[syl.last_note].pitch
    abc = abc_text(song)
    assert abc.count("(") == abc.count(")") == melismas
    assert [p for p, _ in read_abc_melody(abc)] == [
        p for p, _ in read_abc_melody(abc.replace("(", "").replace(")", ""))
    ]
