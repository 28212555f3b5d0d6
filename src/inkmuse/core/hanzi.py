"""What a Chinese character is, and how text splits into lines: one definition for every art.

The poem checker, the poets, the lyric setter, the painter's inscription and the model
backends all ask "is this a Chinese character?" and "where does a line end?". They ask
here. Han characters are every CJK Unified Ideographs block: the basic block, extension A,
and the supplementary planes' extensions B to I (𠮷 is U+20BB7, extension B).
Compatibility ideographs (U+F900 ...) are folded into their unified forms by `normalize`.

    >>> is_han("山"), is_han("𠮷"), is_han("a"), is_han("，")
    (True, True, False, False)
    >>> split_lines("白日依山尽，黄河入海流。\\n欲穷千里目")
    ['白日依山尽', '黄河入海流', '欲穷千里目']
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# (first, last) code points of the CJK Unified Ideographs blocks, Unicode 15.1.
HAN_RANGES: tuple[tuple[int, int], ...] = (
    (0x3400, 0x4DBF),  # extension A
    (0x4E00, 0x9FFF),  # the basic block
    (0x20000, 0x2A6DF),  # extension B
    (0x2A700, 0x2B73F),  # extension C
    (0x2B740, 0x2B81F),  # extension D
    (0x2B820, 0x2CEAF),  # extension E
    (0x2CEB0, 0x2EBEF),  # extension F
    (0x2EBF0, 0x2EE5F),  # extension I
    (0x30000, 0x3134F),  # extension G
    (0x31350, 0x323AF),  # extension H
)
# The same ranges as the inside of a regex character class: f"[{HAN_CLASS}]".
HAN_CLASS = "".join(f"{chr(a)}-{chr(b)}" for a, b in HAN_RANGES)
HAN = re.compile(f"[{HAN_CLASS}]")
HAN_RUN = re.compile(f"[{HAN_CLASS}]+")

# Marks that end a line of verse, full-width and half-width, line breaks, and the tab,
# slash and bar people type between lines ("床前明月光 / 疑是地上霜").
LINE_ENDS = "，。！？；、：,.!?;:\n\r\t/|"
_LINE_SPLIT = re.compile("[" + re.escape(LINE_ENDS) + "]+")


def is_han(ch: str) -> bool:
    """True for one CJK unified ideograph of any block (extensions A to I included)."""
    if len(ch) != 1:
        return False
    code = ord(ch)
    if code < 0x3400:
        return False
    if code <= 0x9FFF:
        return code <= 0x4DBF or code >= 0x4E00
    return any(a <= code <= b for a, b in HAN_RANGES[2:])


def has_han(text: str) -> bool:
    """True when the text holds at least one Chinese character."""
    return HAN.search(text) is not None


def han_only(text: str) -> str:
    """The text's Chinese characters, in order, everything else dropped."""
    return "".join(HAN_RUN.findall(text))


def normalize(text: str) -> str:
    """NFC, which also maps compatibility ideographs (U+F900 ...) to their unified forms."""
    return unicodedata.normalize("NFC", text)


def split_lines(text: str) -> list[str]:
    """The lines of a Chinese poem: split at line-ending marks and breaks, Chinese
    characters kept, empty lines dropped. (The checker's `split_poem` also validates and
    remembers each line's mark.)"""
    parts = _LINE_SPLIT.split(normalize(text))
    return [line for line in (han_only(part) for part in parts) if line]


@cache
def _converter(config: str) -> object:
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional to simplified Chinese (OpenCC t2s); simplified text passes unchanged."""
    return str(_converter("t2s").convert(text))  # type: ignore[attr-defined]


def to_traditional(text: str) -> str:
    """Simplified to traditional Chinese (OpenCC s2t)."""
    return str(_converter("s2t").convert(text))  # type: ignore[attr-defined]
