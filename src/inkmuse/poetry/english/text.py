"""Reading English poem text: validation, lines and stanzas.

>>> split_english("Whose woods these are I think I know.\\nHis house is in the village though;").lines
('Whose woods these are I think I know.', 'His house is in the village though;')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from inkmuse.core.errors import InputError
from inkmuse.core.hanzi import has_han

MAX_CHARS = 6000  # a long villanelle or a crown of sonnets fits; a book does not
MAX_LINES = 200
_LATIN = re.compile(r"[A-Za-z]")


def looks_english(text: str) -> bool:
    """True when the text has Latin letters and no Chinese characters (the language check
    `inkmuse check` routes on)."""
    return bool(_LATIN.search(text)) and not has_han(text)


@dataclass(frozen=True)
class EnglishText:
    """A poem's non-empty lines (stripped) and the size of each stanza (blank-line separated)."""

    lines: tuple[str, ...]
    stanzas: tuple[int, ...]


def split_english(text: str) -> EnglishText:
    """Validate English poem text and split it into lines and stanzas.

    Raises InputError for empty text, text with no Latin letters, Chinese mixed in,
    control characters, a single line, and text longer than MAX_CHARS or MAX_LINES.
    """
    if not text or not text.strip():
        raise InputError("the poem is empty", accepted="English poem text, one line per line")
    if len(text) > MAX_CHARS:
        raise InputError(
            f"the text is {len(text)} characters long",
            accepted=f"poems up to {MAX_CHARS} characters (check one poem at a time)",
        )
    if has_han(text):
        raise InputError(
            "the poem mixes Chinese characters into English text",
            accepted="an English poem, or a Chinese poem on its own",
        )
    if not _LATIN.search(text):
        raise InputError("the text has no letters", accepted="English poem text")
    bad = sorted({ch for ch in text if ord(ch) < 32 and ch not in "\n\r\t"})
    if bad:
        raise InputError(
            f"the text contains control characters {[hex(ord(c)) for c in bad]}",
            accepted="plain text with line breaks",
        )
    lines: list[str] = []
    stanzas: list[int] = []
    run = 0
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if line:
            lines.append(line)
            run += 1
        elif run:
            stanzas.append(run)
            run = 0
    if run:
        stanzas.append(run)
    if len(lines) > MAX_LINES:
        raise InputError(f"the poem has {len(lines)} lines", accepted=f"up to {MAX_LINES} lines")
    if len(lines) == 1:
        # One line has no form to keep (no scheme, no stanza); a run-on paste is more likely
        # than a monostich. Scan a single line with inkmuse.poetry.english.scan.
        raise InputError(
            "the English text is a single line",
            accepted="a poem of two or more lines, one line of verse per line of text",
        )
    return EnglishText(tuple(lines), tuple(stanzas))
