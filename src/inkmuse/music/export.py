"""export(): write a piece as MIDI, MusicXML, ABC, WAV, a piano-roll PNG and a JSON record.

Every file carries the provenance (MIDI text event, MusicXML <miscellaneous-field>, ABC
comment, WAV INFO/ICMT, PNG text chunk, and the JSON itself). The ABC is read back and
compared note for note with the melody before it is written.

    >>> from inkmuse.music.compose import ComposeRequest, compose
    >>> import tempfile
    >>> paths = export(compose(ComposeRequest(poem="灯塔", seed=1)), tempfile.mkdtemp(),
    ...                formats=("mid", "abc"))
    >>> sorted(paths)
    ['abc', 'mid']
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from inkmuse.core.errors import DataError, InputError
from inkmuse.music.abc import abc_text, read_abc_lyrics, read_abc_melody
from inkmuse.music.metrics import measure
from inkmuse.music.midi import midi_bytes
from inkmuse.music.model import Piece
from inkmuse.music.notation import voice_events

FORMATS = ("mid", "musicxml", "abc", "wav", "png", "json")
DEFAULT_FORMATS = FORMATS


def check_abc(piece: Piece, text: str) -> None:
    """Raise DataError unless the ABC reads back as exactly the melody (pitch, length)."""
    expected = [
        (ev.pitches[0], ev.duration)
        for ev in voice_events(piece.melody, piece.length_ticks)
        if ev.pitches
    ]
    got = read_abc_melody(text)
    if got != expected:
        raise DataError(
            f"the ABC export does not read back as the melody ({len(got)} notes read, "
            f"{len(expected)} written)"
        )
    sung = [n.lyric.replace("-", "") for n in piece.melody.notes if n.lyric]
    if read_abc_lyrics(text) != sung:
        raise DataError("the ABC export's w: lines do not read back as the lyrics")


def piece_record(piece: Piece, synth: str | None = None) -> dict[str, object]:
    """The JSON record: provenance, the plan, the progression and the metrics."""
    key = piece.key
    return {
        "provenance": piece.provenance,
        "title": piece.title,
        "key": key.name,
        "tempo_bpm": piece.tempo_bpm,
        "style": piece.style,
        "bars": piece.bars,
        "meter": f"{piece.beats_per_bar}/{piece.beat_unit}",
        "form": [
            {
                "section": name,
                "bar": start / piece.ticks_per_bar + 1,
                "bars": (end - start) / piece.ticks_per_bar,
            }
            for name, start, end in piece.form
        ],
        "seconds": round(piece.duration_seconds, 3),
        "instruments": {p.role: {"name": p.name, "gm_program": p.program} for p in piece.parts},
        "progression": [
            {
                "bar": c.start / piece.ticks_per_bar + 1,
                "chord": c.chord.name(key),
                "roman": c.chord.roman(key),
            }
            for c in piece.chords
        ],
        "metrics": measure(piece).as_dict(),
        "synth": synth,
    }


def export(
    piece: Piece,
    folder: str | Path,
    *,
    formats: Iterable[str] = DEFAULT_FORMATS,
    stem: str = "piece",
    synth: str = "auto",
) -> dict[str, Path]:
    """Write the chosen formats into `folder` (created); returns format → path.

    synth: 'auto' (the default) renders the WAV with fluidsynth and a General MIDI
    SoundFont where both are installed, else with the built-in synthesizer; the JSON
    names the one used. 'numpy' or 'fluidsynth' to choose."""
    wanted = list(dict.fromkeys(formats))
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown:
        raise InputError(f"unknown format {unknown[0]!r}", accepted=", ".join(FORMATS))
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    used_synth: str | None = None
    for fmt in wanted:
        path = out / f"{stem}.{'xml' if fmt == 'musicxml' else fmt}"
        if fmt == "mid":
            path.write_bytes(midi_bytes(piece))
        elif fmt == "musicxml":
            from inkmuse.music.musicxml import musicxml_text

            path = out / f"{stem}.musicxml"
            path.write_text(musicxml_text(piece), encoding="utf-8")
        elif fmt == "abc":
            text = abc_text(piece)
            check_abc(piece, text)
            path.write_text(text, encoding="utf-8")
        elif fmt == "wav":
            from inkmuse.music.audio import piece_wav

            data, used_synth = piece_wav(piece, synth)
            path.write_bytes(data)
        elif fmt == "png":
            from inkmuse.music.pianoroll import piano_roll_png

            path.write_bytes(piano_roll_png(piece))
        elif fmt == "json":
            continue  # written last, so it can name the synth that was used
        paths[fmt] = path
    if "json" in wanted:
        path = out / f"{stem}.json"
        record = piece_record(piece, used_synth)
        path.write_text(json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
        paths["json"] = path
    return paths
