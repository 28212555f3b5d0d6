"""Standard MIDI File writer (format 1), with lyrics as lyric meta events.

Written by hand (the format is small) so the default install needs no MIDI library and
the bytes depend only on the piece. Track 0 carries the title, tempo, time and key
signature, and the provenance JSON as a text event; each part follows on its own track
and channel with its General MIDI program; the melody's syllables are lyric events (UTF-8)
at their notes' onsets.

    >>> _vlq(0), _vlq(128)
    (b'\\x00', b'\\x81\\x00')
"""

from __future__ import annotations

import struct

from inkmuse.core.provenance import provenance_json
from inkmuse.music.model import TICKS_PER_QUARTER, Part, Piece

DIVISION = 480  # MIDI ticks per quarter note
_SCALE = DIVISION // TICKS_PER_QUARTER
_MINOR_MODES = frozenset({"羽", "minor"})


def _vlq(value: int) -> bytes:
    """MIDI variable-length quantity."""
    out = [value & 0x7F]
    value >>= 7
    while value:
        out.append(0x80 | (value & 0x7F))
        value >>= 7
    return bytes(reversed(out))


def _meta(kind: int, data: bytes) -> bytes:
    return bytes([0xFF, kind]) + _vlq(len(data)) + data


def _track(events: list[tuple[int, int, bytes]]) -> bytes:
    """Chunk from (tick, order, event bytes); order breaks ties (offs before ons)."""
    body = b""
    now = 0
    for tick, _order, data in sorted(events, key=lambda e: (e[0], e[1])):
        body += _vlq(tick - now) + data
        now = tick
    body += b"\x00" + _meta(0x2F, b"")
    return b"MTrk" + struct.pack(">I", len(body)) + body


def _conductor(piece: Piece) -> bytes:
    tempo = round(60_000_000 / piece.tempo_bpm)
    minor = piece.key.mode.name in _MINOR_MODES
    fifths = piece.key.fifths
    events = [
        (0, 0, _meta(0x03, piece.title.encode("utf-8"))),
        (0, 1, _meta(0x01, provenance_json(piece.provenance).encode("utf-8"))),
        (0, 2, _meta(0x51, tempo.to_bytes(3, "big"))),
        (0, 3, _meta(0x58, _time_signature(piece.beats_per_bar, piece.beat_unit))),
        (0, 4, _meta(0x59, struct.pack(">bB", fifths, 1 if minor else 0))),
    ]
    return _track(events)


def _time_signature(beats: int, unit: int) -> bytes:
    """FF 58 data: numerator, denominator as a power of two, MIDI clocks per metronome
    click (a quarter is 24; 6/8 clicks on the dotted quarter, 36), 32nds per quarter."""
    click = 36 if unit == 8 and beats % 3 == 0 else 24 * 4 // unit
    return bytes([beats, unit.bit_length() - 1, click, 8])


def _part(part: Part) -> bytes:
    ch = part.channel
    events = [
        (0, 0, _meta(0x03, part.name.encode("utf-8"))),
        (0, 1, _meta(0x04, part.name.encode("utf-8"))),
        (0, 2, bytes([0xC0 | ch, part.program])),
    ]
    for i, note in enumerate(part.notes):
        on, off = note.start * _SCALE, note.end * _SCALE
        if note.lyric:
            events.append((on, 5, _meta(0x05, note.lyric.encode("utf-8"))))
        events.append((on, 6 + 2 * i, bytes([0x90 | ch, note.pitch, note.velocity])))
        events.append((off, 3, bytes([0x80 | ch, note.pitch, 0])))
    return _track(events)


def midi_bytes(piece: Piece) -> bytes:
    """The piece as a format-1 Standard MIDI File."""
    header = b"MThd" + struct.pack(">IHHH", 6, 1, 1 + len(piece.parts), DIVISION)
    return header + _conductor(piece) + b"".join(_part(p) for p in piece.parts)
