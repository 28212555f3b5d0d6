"""平 and 仄 of sung syllables, for the rhythm: 平 syllables lean long, 仄 short.

The classical class comes from the 平水韵 table the poem checker uses, so an old 入声
character that Mandarin reads in the 1st or 2nd tone (白, 独, 一) is still 仄 and sung
short, as 吟诵 does. Where the table reads a character both ways (看) or lacks it, the
Mandarin tone decides (1st and 2nd 平, 3rd and 4th 仄). English syllables are 0.

    >>> from inkmuse.music.lyrics import read_lyrics
    >>> pingze(read_lyrics("白日依山尽")[0])
    [-1, -1, 1, 1, -1]
"""

from __future__ import annotations

from inkmuse.music.lyrics import Line

PING, ZE = 1, -1


def _mandarin(tone: int) -> int:
    return PING if tone in (1, 2) else ZE if tone in (3, 4) else 0


def pingze(line: Line) -> list[int]:
    """+1 for 平, -1 for 仄, 0 when neither applies (English, neutral tone)."""
    if line.language != "zh":
        return [0] * len(line.syllables)
    from inkmuse.core.prosody import get_rhymebook  # the table loads in ~0.2 s: only here

    marks = get_rhymebook("平水韵").tone_marks("".join(s.text for s in line.syllables))
    out = []
    for mark, syllable in zip(marks, line.syllables, strict=True):
        if mark in "平p":
            out.append(PING)
        elif mark in "仄z":
            out.append(ZE)
        else:
            out.append(_mandarin(syllable.tone))
    return out
