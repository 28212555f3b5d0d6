"""Reading poem text: script conversion, validation and splitting into lines.

>>> split_poem("白日依山尽，黄河入海流。").lines
('白日依山尽', '黄河入海流')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from inkmuse.core.errors import InputError
from inkmuse.core.hanzi import HAN_CLASS, normalize, to_simplified, to_traditional

# The script conversions live in core.hanzi (the rhyme books and the lexicon use them too);
# they are named here as well, where poem text is read.
__all__ = [
    "FULL_WIDTH", "LINE_BREAKS", "MAX_CHARS", "MAX_LINES", "PoemText", "split_poem",
    "to_simplified", "to_traditional",
]  # fmt: skip

MAX_CHARS = 2000  # the longest 排律 in 全唐诗 is far below this
MAX_LINES = 200

LINE_BREAKS = "，。！？；、：\n"
FULL_WIDTH = {",": "，", ".": "。", "!": "！", "?": "？", ";": "；", ":": "："}
_ANNOTATION = re.compile(r"[（(][^）)]*[）)]")  # 一作 notes in corpus texts
_DROPPED = "“”‘’「」『』《》〈〉·—…　 \t\r"
_HAN_CLASS = HAN_CLASS
_HAN = re.compile(f"[{_HAN_CLASS}]")
_HALF_WIDTH = re.compile("[" + re.escape("".join(FULL_WIDTH)) + "]")
_STRAY = re.compile(f"[^{_HAN_CLASS}" + re.escape(LINE_BREAKS + _DROPPED) + "]")
_DROP_TABLE = str.maketrans("", "", _DROPPED)
_RUN = re.compile(f"([{_HAN_CLASS}]+)([^{_HAN_CLASS}]*)")
# The common case, checked in one regex: lines of Chinese characters, each ended by one
# full-width mark. Anything else takes the careful path below.
_CLEAN = re.compile(f"(?:[{_HAN_CLASS}]+[，。！？；、：])+")
_HAN_RUN = re.compile(f"[{_HAN_CLASS}]+")
_MARK = re.compile("[，。！？；、：]")


@dataclass(frozen=True)
class PoemText:
    """A poem split into lines (句). `puncts[i]` is the mark that ended line i ('' if none)."""

    lines: tuple[str, ...]
    puncts: tuple[str, ...]
    notes: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "".join(line + p for line, p in zip(self.lines, self.puncts, strict=True))


def split_poem(text: str) -> PoemText:
    """Validate poem text and split it into lines at punctuation and line breaks.

    Raises InputError for empty text, text with no Chinese characters, Latin letters or
    digits inside the poem, and text longer than MAX_CHARS.
    """
    if not text or not text.strip():
        raise InputError(
            "the poem is empty", accepted="Chinese poem text, e.g. 白日依山尽，黄河入海流。"
        )
    if len(text) > MAX_CHARS:
        raise InputError(
            f"the text is {len(text)} characters long",
            accepted=f"poems up to {MAX_CHARS} characters (check one poem at a time)",
        )
    text = normalize(text)
    if _CLEAN.fullmatch(text):
        runs = _HAN_RUN.findall(text)
        if len(runs) <= MAX_LINES:
            return PoemText(tuple(runs), tuple(_MARK.findall(text)))
    notes: list[str] = []
    body = _ANNOTATION.sub("", text)
    if body != text:
        notes.append("bracketed annotations were ignored")
    half = sorted(set(_HALF_WIDTH.findall(body)))
    if half:
        full_used = any(ch in LINE_BREAKS[:-1] for ch in body)
        notes.append(
            f"half-width punctuation {' '.join(half)} read as full-width"
            + (" (the text mixes both kinds)" if full_used else "")
        )
        body = "".join(FULL_WIDTH.get(ch, ch) for ch in body)
    if _HAN.search(body) is None:
        raise InputError(
            "the text has no Chinese characters",
            accepted="a classical Chinese poem (English poems: inkmuse.poetry.english.check_english)",
        )
    stray = sorted(set(_STRAY.findall(body)))
    if stray:
        shown = " ".join(repr(ch) for ch in stray[:8])
        raise InputError(
            f"the poem contains characters that are not Chinese: {shown}",
            accepted="Chinese characters, the punctuation ，。！？；、： and line breaks",
        )
    lines: list[str] = []
    puncts: list[str] = []
    # Runs of Chinese characters, each with the separators that follow it.
    for run, seps in _RUN.findall(body.translate(_DROP_TABLE)):
        lines.append(run)
        marks = [c for c in seps if c in LINE_BREAKS and c != "\n"]
        puncts.append(marks[0] if marks else "")
    if len(lines) > MAX_LINES:
        raise InputError(f"the poem has {len(lines)} lines", accepted=f"up to {MAX_LINES} lines")
    return PoemText(tuple(lines), tuple(puncts), tuple(notes))
