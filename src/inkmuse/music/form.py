"""Song form: the verse's lines laid out with an intro, an interlude and a refrain.

The motif of a song is its opening couplet. The instruments state it before the voice
enters (the intro plays the couplet's closing line, so it ends at home on the tonic and
the singer starts from rest), answer it between the halves of a long poem (a 律诗's
interlude plays the opening line, whose open cadence leads into the second half), and an
optional refrain sings the last couplet again. The cadence plan follows the couplets:
each opening line ends away from home, each closing line on the tonic (`phrase_ends`).

    >>> [s.name for s in plan_sections(8, intro=True, refrain=True)]
    ['intro', 'verse', 'verse', 'verse', 'verse', 'interlude', 'verse', 'verse', 'verse', 'verse', 'refrain', 'refrain']
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from inkmuse.music.model import Note, SungSyllable


@dataclass(frozen=True)
class Segment:
    """One line's worth of music in the arrangement. name: intro, verse, interlude or
    refrain; source: the verse line it is made from; sung: with its words."""

    name: str
    source: int
    sung: bool


def plan_sections(n_lines: int, *, intro: bool, refrain: bool) -> list[Segment]:
    """The order of segments for a poem of n lines."""
    out: list[Segment] = []
    if intro and n_lines >= 1:
        out.append(Segment("intro", 1 if n_lines >= 2 else 0, False))
    couplets = n_lines // 2
    middle = 2 * (couplets // 2) if couplets >= 4 else None
    for i in range(n_lines):
        if i == middle:
            out.append(Segment("interlude", 0, False))
        out.append(Segment("verse", i, True))
    if refrain and n_lines >= 2:
        out += [Segment("refrain", n_lines - 2, True), Segment("refrain", n_lines - 1, True)]
    return out


@dataclass(frozen=True)
class Arrangement:
    """The laid-out song. lines: the verse line each sung output line repeats;
    phrase_ends: (start, end, closing) of each segment's last note; sections: (name,
    start tick, end tick) of each segment; total: ticks."""

    notes: list[Note]
    sung: list[SungSyllable]
    lines: list[int]
    phrase_ends: list[tuple[int, int, bool]]
    sections: list[tuple[str, int, int]]
    total: int


def arrange(
    notes: list[Note],
    sung: list[SungSyllable],
    spans: list[tuple[int, int]],
    *,
    intro: bool,
    refrain: bool,
) -> Arrangement:
    """Lay the verse (notes, sung, spans = each line's (bar-line start, end) in ticks)
    out as intro, verse, interlude, refrain."""
    n = len(spans)
    ranges = [(min(s.first_note for s in sung if s.line == i),
               max(s.last_note for s in sung if s.line == i)) for i in range(n)]  # fmt: skip
    out: list[Note] = []
    out_sung: list[SungSyllable] = []
    lines: list[int] = []
    ends: list[tuple[int, int, bool]] = []
    sections: list[tuple[str, int, int]] = []
    cursor = 0
    for seg in plan_sections(n, intro=intro, refrain=refrain):
        first, last = ranges[seg.source]
        start, end = spans[seg.source]
        shift = cursor - start
        placed = [replace(nt, start=nt.start + shift) for nt in notes[first : last + 1]]
        if not seg.sung:  # the instruments: no words, no upbeat into the bar
            placed = [replace(nt, lyric=None, syllabic="single") for nt in placed
                      if nt.start >= cursor]  # fmt: skip
        lead = min(nt.start for nt in placed)
        if out and lead < cursor and out[-1].end > lead - 2:  # a pickup: breathe before it
            prev = out[-1]
            out[-1] = replace(prev, duration=max(lead - 2 - prev.start, 2))
        if seg.sung:
            base = len(out) - first
            line_no = len(lines)
            out_sung += [
                SungSyllable(line_no, s.tone, s.stress, s.first_note + base, s.last_note + base)
                for s in sung
                if s.line == seg.source
            ]
            lines.append(seg.source)
        out += placed
        closing = seg.name == "intro" or seg.source % 2 == 1 or seg.source == n - 1
        if seg.name == "interlude":
            closing = False
        ends.append((placed[-1].start, placed[-1].end, closing))
        sections.append((seg.name, cursor, cursor + end - start))
        cursor += end - start
    return Arrangement(out, out_sung, lines, ends, sections, cursor)
