"""The domain model of a composed piece: notes in parts, chords over time, lyrics.

Time is counted in ticks of a sixteenth note (`TICKS_PER_QUARTER` = 4) from the start of
the piece; pitches are MIDI numbers (60 = middle C); velocities are MIDI 1-127.

    >>> Note(pitch=62, start=0, duration=8).end
    8
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from inkmuse.music.lyrics import Line
from inkmuse.music.theory import Chord, Key

TICKS_PER_QUARTER = 4


@dataclass(frozen=True)
class Note:
    """One note. start and duration in ticks (sixteenths); lyric: the syllable sung on it
    (only on a syllable's first note); syllabic: MusicXML's single/begin/middle/end."""

    pitch: int
    start: int
    duration: int
    velocity: int = 80
    lyric: str | None = None
    syllabic: str = "single"

    @property
    def end(self) -> int:
        return self.start + self.duration


@dataclass
class Part:
    """One instrument line. program: General MIDI program 0-127; role: melody, harmony,
    bass or texture (the synthesizer picks a voice by role and program)."""

    name: str
    program: int
    role: str
    notes: list[Note] = field(default_factory=list)
    channel: int = 0


@dataclass(frozen=True)
class ChordSpan:
    """A chord sounding from `start` for `duration` ticks."""

    chord: Chord
    start: int
    duration: int


@dataclass(frozen=True)
class SungSyllable:
    """Where a lyric syllable landed: its line, tone and the melody note indices it spans."""

    line: int
    tone: int
    stress: int
    first_note: int
    last_note: int


@dataclass
class Piece:
    """A finished piece: everything the exporters and metrics read.

    tempo_bpm: quarter notes per minute. beats_per_bar / beat_unit: the time signature
    as written (4/4 → 4, 4; 6/8 → 6, 8).
    sung: one entry per lyric syllable, in order (empty without lyrics); lines: the
    lyric lines as sung (a refrain repeats some). form: the sections (intro, verse,
    interlude, refrain) with their start and end ticks.
    provenance: the inputs, seed and versions (written into every exported file).
    """

    title: str
    key: Key
    tempo_bpm: int
    beats_per_bar: int
    parts: list[Part]
    chords: list[ChordSpan]
    lines: list[Line]
    sung: list[SungSyllable]
    style: str
    provenance: dict[str, Any]
    beat_unit: int = 4
    form: tuple[tuple[str, int, int], ...] = ()  # (section, start tick, end tick)

    @property
    def ticks_per_bar(self) -> int:
        return self.beats_per_bar * 4 * TICKS_PER_QUARTER // self.beat_unit

    @property
    def length_ticks(self) -> int:
        ends = [n.end for p in self.parts for n in p.notes]
        ends += [c.start + c.duration for c in self.chords]
        raw = max(ends, default=0)
        bars = -(-raw // self.ticks_per_bar)
        return max(bars, 1) * self.ticks_per_bar

    @property
    def bars(self) -> int:
        return self.length_ticks // self.ticks_per_bar

    def seconds_per_tick(self) -> float:
        """Seconds one tick lasts at this tempo."""
        return 60.0 / (self.tempo_bpm * TICKS_PER_QUARTER)

    @property
    def duration_seconds(self) -> float:
        return self.length_ticks * self.seconds_per_tick()

    @property
    def melody(self) -> Part:
        return next(p for p in self.parts if p.role == "melody")
