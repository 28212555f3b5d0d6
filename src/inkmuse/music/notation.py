"""Shared notation helpers for MusicXML and ABC: bars, ties and note values.

A part is first cut into single-voice events (a chord or a rest of one duration), then
into bars, and every duration into the note values notation can write (whole, dotted
half, half, dotted quarter, quarter, dotted eighth, eighth, sixteenth) joined by ties.

    >>> note_values(10)
    [8, 2]
"""

from __future__ import annotations

from dataclasses import dataclass

from inkmuse.music.model import Part, Piece

# ticks (sixteenths) → (MusicXML type, dots)
VALUES: dict[int, tuple[str, int]] = {
    16: ("whole", 0), 12: ("half", 1), 8: ("half", 0), 6: ("quarter", 1), 4: ("quarter", 0),
    3: ("eighth", 1), 2: ("eighth", 0), 1: ("16th", 0),
}  # fmt: skip


def note_values(ticks: int) -> list[int]:
    """Split a duration into writable values, longest first (greedy)."""
    out = []
    while ticks > 0:
        v = next(v for v in VALUES if v <= ticks)
        out.append(v)
        ticks -= v
    return out


@dataclass(frozen=True)
class Event:
    """A chord (pitches, possibly one) or a rest (no pitches) in one voice, in one bar.
    tie_start / tie_stop: tied to the next / from the previous event. lyric: the syllable
    on it (only at its first piece)."""

    start: int
    duration: int
    pitches: tuple[int, ...]
    lyric: str | None = None
    syllabic: str = "single"
    tie_start: bool = False
    tie_stop: bool = False


def voice_events(part: Part, total: int) -> list[Event]:
    """One voice for a part: notes grouped by onset, cut at the next onset, rests between."""
    by_start: dict[int, list[int]] = {}
    ends: dict[int, int] = {}
    lyrics: dict[int, tuple[str, str]] = {}
    for n in part.notes:
        by_start.setdefault(n.start, []).append(n.pitch)
        ends[n.start] = max(ends.get(n.start, 0), n.end)
        if n.lyric:
            lyrics[n.start] = (n.lyric, n.syllabic)
    onsets = sorted(by_start)
    events: list[Event] = []
    pos = 0
    for i, start in enumerate(onsets):
        if start > pos:
            events.append(Event(pos, start - pos, ()))
        nxt = onsets[i + 1] if i + 1 < len(onsets) else total
        end = min(ends[start], nxt, total)
        lyric, syllabic = lyrics.get(start, (None, "single"))
        events.append(
            Event(start, end - start, tuple(sorted(set(by_start[start]))), lyric, syllabic)
        )
        pos = end
    if pos < total:
        events.append(Event(pos, total - pos, ()))
    return events


def bars_of(
    events: list[Event], bar: int, cuts: frozenset[int] = frozenset(), beat: int = 4
) -> list[list[Event]]:
    """Events per bar, each split at bar lines, at the extra `cuts` ticks (chord changes,
    so a chord symbol can sit on its own note) and into writable values (tied). In a
    compound meter (beat = 6, a dotted quarter) a note that does not fill the whole bar is
    also split at the bar's middle, so 6/8 shows its two beats (a dotted quarter tied to
    an eighth, not a half note across the beat)."""
    bars: list[list[Event]] = []
    ordered = sorted(cuts)
    for ev in events:
        t, left, first = ev.start, ev.duration, True
        while left > 0:
            room = bar - t % bar
            room = min([room, *(c - t for c in ordered if t < c < t + room)])
            whole_bar = t % bar == 0 and left >= bar
            if beat % 3 == 0 and not whole_bar and t % bar < beat < t % bar + room:
                room = beat - t % bar
            chunk = min(room, left)
            values = note_values(chunk)
            for k, v in enumerate(values):
                last_piece = left - v == 0
                piece = Event(
                    start=t,
                    duration=v,
                    pitches=ev.pitches,
                    lyric=ev.lyric if first else None,
                    syllabic=ev.syllabic,
                    tie_start=bool(ev.pitches) and not last_piece,
                    tie_stop=bool(ev.pitches) and not first,
                )
                index = t // bar
                while len(bars) <= index:
                    bars.append([])
                bars[index].append(piece)
                t += v
                left -= v
                first = False
                del k
    return bars


def melisma_slurs(piece: Piece) -> tuple[frozenset[int], frozenset[int]]:
    """(onset ticks where a slur starts, end ticks where one stops): one slur over each
    syllable sung on several notes (a melisma), from its first note to the end of its
    last (past any ties), so notation shows which notes one syllable carries."""
    notes = piece.melody.notes
    starts, stops = set(), set()
    for s in piece.sung:
        if s.last_note > s.first_note:
            starts.add(notes[s.first_note].start)
            stops.add(notes[s.last_note].end)
    return frozenset(starts), frozenset(stops)


def slur_mark(ev: Event, slurs: tuple[frozenset[int], frozenset[int]]) -> str:
    """'start', 'stop' or '' for one written piece of a note."""
    if not ev.pitches:
        return ""
    if not ev.tie_stop and ev.start in slurs[0]:
        return "start"
    if not ev.tie_start and ev.start + ev.duration in slurs[1]:
        return "stop"
    return ""


def beat_ticks(piece: Piece) -> int:
    """The felt beat in ticks: a dotted quarter (6) in 6/8, else the written beat."""
    unit = 16 // piece.beat_unit
    return 3 * unit if piece.beat_unit == 8 and piece.beats_per_bar % 3 == 0 else unit
