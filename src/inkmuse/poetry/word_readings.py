"""How a two-tone character reads inside a word: 扁舟 piān (平), 万顷 qǐng (仄).

The checker reads a polyphone in whichever tone fits the pattern; inside a word its sense
fixes the reading. The table (`data/word_readings.json`, scripts/build_word_readings.py:
pypinyin's phrase dictionary mapped into 平水韵 tone classes, the words real poems use)
holds one mark per character of each word: 平 or 仄 where the word decides, · elsewhere;
each word is listed in simplified and in traditional characters, so a line is looked up as
it was written.

    >>> word_reading("孤帆扁舟轻", 2)
    ('扁舟', <Tone.PING: '平'>)
    >>> word_reading("万顷", 1), word_reading("明月", 0)
    (('万顷', <Tone.ZE: '仄'>), None)
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from inkmuse.core.tones import Tone

_TONES = {t.value: t for t in Tone}


@cache
def _marked() -> frozenset[str]:
    """Every character some word fixes: any other is looked up no further."""
    return frozenset(w[k] for w, marks in _words().items() for k, m in enumerate(marks) if m != "·")


@cache
def _words() -> dict[str, str]:
    text = resources.files("inkmuse.poetry").joinpath("data/word_readings.json").read_text("utf-8")
    words: dict[str, str] = json.loads(text)["words"]
    return words


def word_reading(line: str, j: int, words: dict[str, str] | None = None) -> tuple[str, Tone] | None:
    """(the word, the tone it gives character j) for the longest word of the table that
    holds position j of a line (either script) and decides its reading; None when none does.
    words: another table of the same shape (the build script tries its candidates)."""
    if words is None:
        if line[j] not in _marked():
            return None
        words = _words()
    for size in (4, 3, 2):
        for start in range(max(0, j - size + 1), min(j, len(line) - size) + 1):
            marks = words.get(line[start : start + size])
            if marks is not None and marks[j - start] in _TONES:
                return line[start : start + size], _TONES[marks[j - start]]
    return None


def words_ending_at(line: str, j: int) -> list[tuple[int, str]]:
    """(start, marks) of every table word that ends at position j of a line:
    what the poet's decoder checks as each character is written.

    >>> words_ending_at("一叶扁舟", 3)
    [(2, '平·')]
    """
    words = _words()
    out = []
    for size in (4, 3, 2):
        start = j - size + 1
        if start >= 0:
            marks = words.get(line[start : j + 1])
            if marks is not None:
                out.append((start, marks))
    return out
