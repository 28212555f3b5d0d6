"""What each character of a poem can read as: its tone classes, 平 rhyme groups and whether
the reading was only estimated, from the rhyme book and any pins the person gave."""

from __future__ import annotations

import re
from collections.abc import Mapping

from inkmuse.core.errors import InputError
from inkmuse.core.prosody import TONE_MARKS, RhymeBook
from inkmuse.core.tones import Tone
from inkmuse.poetry.forms import FormKind
from inkmuse.poetry.text import PoemText, to_simplified

# (tone classes, 平 rhyme groups, estimated) of one character.
Profile = tuple[frozenset[Tone], tuple[str, ...], bool]

_ESTIMATED = re.compile("[pzs]")
_ESTIMATED_AS_CLASS = str.maketrans("pzs", "平仄*")


class PoemReading:
    """A poem (of the right shape) as the rules read it, for one check run.

    `fixed` holds per line each character's one tone class, or * when it has both, ? when
    none (polyphones and unknown characters fit any template); `ends` the profile of each
    line's last character, which the rhyme rules read; `estimated` per line the positions
    whose reading was only estimated.
    """

    def __init__(
        self,
        poem: PoemText,
        kind: FormKind,
        book: RhymeBook,
        pins: Mapping[str, str],
        rules: str = "strict",
        by_word: Mapping[tuple[int, int], Tone] | None = None,
    ) -> None:
        self.poem = poem
        self.rules = rules
        self.tang = rules == "tang"
        self.kind = kind
        self.book = book
        self.n = kind.line_length
        self.used = set("".join(poem.lines))
        # The marks are read in one str.translate per poem; the full readings are looked up
        # only where a rule needs them (profile). Pinned readings are worked out once, here.
        self.pinned: list[list[Profile]] | None = None
        if pins:
            self.pinned = [
                [self._pinned(ch, i, j, pins) for j, ch in enumerate(line)]
                for i, line in enumerate(poem.lines)
            ]
            marks = ["".join([TONE_MARKS[r[0], r[2]] for r in row]) for row in self.pinned]
            self.ends = [row[-1] for row in self.pinned]
        else:
            n = self.n  # the shape is checked: every line has n characters
            joined = book.tone_marks("".join(poem.lines))
            marks = [joined[k : k + n] for k in range(0, len(joined), n)]
            profile = book.profile
            self.ends = [profile(line[-1]) for line in poem.lines]
        # Readings a word fixes (扁舟: 扁 平), as the checker's second look applies them:
        # cheaper than pins, which re-read every character.
        self.by_word = dict(by_word or {})
        for (i, j), tone in self.by_word.items():
            marks[i] = marks[i][:j] + tone.value + marks[i][j + 1 :]
            if j == self.n - 1:
                _tones, groups, _ = self.ends[i]
                self.ends[i] = (frozenset({tone}), groups if tone is Tone.PING else (), False)
        self.estimated: list[set[int]] = [set() for _ in marks]
        for i, m in enumerate(marks):
            if _ESTIMATED.search(m):
                self.estimated[i] = {j for j, c in enumerate(m) if c in "pzs"}
                marks[i] = m.translate(_ESTIMATED_AS_CLASS)
        self.fixed = marks

    def profile(self, i: int, j: int) -> Profile:
        """(tone classes, 平 rhyme groups, estimated) of line i's character j, after pins."""
        if (i, j) in self.by_word:
            tone = self.by_word[(i, j)]
            _, groups, _ = self.book.profile(self.poem.lines[i][j])
            return frozenset({tone}), groups if tone is Tone.PING else (), False
        if self.pinned is not None:
            return self.pinned[i][j]
        return self.book.profile(self.poem.lines[i][j])

    def _pinned(self, ch: str, i: int, j: int, pins: Mapping[str, str]) -> Profile:
        """(tone classes, 平 rhyme groups, estimated) of a character after any pin."""
        readings = self.book.readings(ch)
        pin = pins.get(f"{i + 1}:{j + 1}") or pins.get(ch) or pins.get(to_simplified(ch))
        if pin:
            if pin.strip() in ("平", "仄", "ping", "ze"):
                tone = Tone.parse(pin)
                readings = tuple(r for r in readings if r.tone is tone) or ()
                if not readings:
                    return frozenset({tone}), (), False
            else:
                group = self.book.resolve_group(pin)
                readings = tuple(r for r in readings if r.group == group)
                if not readings:
                    raise InputError(
                        f"the pin {pin!r} for 「{ch}」 names a group it has no reading in",
                        accepted="、".join(self.book.short(r.group) for r in self.book.readings(ch))
                        or "平 or 仄",
                    )
        tones = frozenset(r.tone for r in readings)
        groups = tuple(r.group for r in readings if r.tone is Tone.PING)
        return tones, groups, bool(readings) and all(r.estimated for r in readings)
