"""Replacement characters for a faulted position, ranked by Tang usage at that position."""

from __future__ import annotations

from functools import cache

from inkmuse.core.prosody import get_rhymebook, position_frequencies
from inkmuse.core.tones import Tone


@cache
def _ranked(book_name: str, line_length: int, pos: int, tone: Tone, group: str | None) -> str:
    """Characters of one tone (and rhyme group) in Tang frequency order at a position.

    Polyphones that also read in the other tone are left out: a suggestion should fix the
    fault whichever way the reader says it.
    """
    book = get_rhymebook(book_name)
    order = position_frequencies(line_length)[pos]
    only = frozenset({tone})
    profile = book.profile  # cached per character: (tone classes, 平 groups, estimated)
    keep = []
    for ch in order:
        tones, ping_groups, _ = profile(ch)
        if tones != only:
            continue
        if group is not None and group not in (
            ping_groups if tone is Tone.PING else [r.group for r in book.readings(ch)]
        ):
            continue
        keep.append(ch)
    if group is not None:  # rare rhyme groups: fall back to the group's whole list
        keep.extend(sorted(book.group_chars(group, tone) - set(keep)))
    return "".join(keep)


def suggest_chars(
    book_name: str,
    line_length: int,
    pos: int,
    tone: Tone,
    *,
    group: str | None = None,
    exclude: set[str] | frozenset[str] = frozenset(),
    k: int = 8,
) -> list[str]:
    """Up to k characters of `tone` (in `group` at a rhyme position) for 0-based `pos`.

    >>> suggest_chars("平水韵", 5, 1, Tone.PING, k=3)
    ['人', '风', '来']
    """
    out = []
    for ch in _ranked(book_name, line_length, pos, tone, group):
        if ch not in exclude:
            out.append(ch)
            if len(out) == k:
                break
    return out
