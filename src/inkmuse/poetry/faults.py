"""Faults the checker names, with their one-line explanations in Chinese and English."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

ERROR, WARNING, INFO = "error", "warning", "info"

# kind -> (Chinese name, English name, severity)
KINDS: dict[str, tuple[str, str, str]] = {
    "line_count": ("句数不合", "wrong line count", ERROR),
    "line_length": ("字数不合", "wrong line length", ERROR),
    "tone": ("平仄不合", "tone mismatch", ERROR),
    "shi_nian": ("失粘", "broken 'stick' (shi nian)", ERROR),
    "shi_dui": ("失对", "broken 'opposition' (shi dui)", ERROR),
    "gu_ping": ("孤平", "lone level tone (gu ping)", ERROR),
    "san_ping_wei": ("三平尾", "three level tones at the end (san ping wei)", ERROR),
    "san_ze_wei": ("三仄尾", "three oblique tones at the end (san ze wei)", WARNING),
    "chu_yun": ("出韵", "off-rhyme (chu yun)", ERROR),
    "ze_rhyme": ("押仄韵", "rhymes in oblique tones (not regulated verse)", ERROR),
    "lin_yun": ("邻韵", "neighbouring rhyme group (lin yun)", WARNING),
    "chong_yun": ("重韵", "the same rhyme character twice", ERROR),
    "chong_zi": ("重字", "repeated character (chong zi)", WARNING),
    "acrostic": ("藏头不合", "acrostic broken", ERROR),
    "unknown_char": ("字不在韵书", "character not in the rhyme book", WARNING),
    # Accepted exceptions and notes: reported, never counted as faults.
    "self_rescue": ("本句自救", "self-rescue of gu ping (accepted)", INFO),
    "pair_rescue": ("对句相救", "rescue in the paired line (accepted)", INFO),
    "special_ao": ("特拗", "accepted special form 平平仄平仄", INFO),
    "borrowed_rhyme": ("首句借邻韵", "first line borrows a neighbouring rhyme (accepted)", INFO),
    "polyphone": ("多音字", "judgement rests on a polyphone", INFO),
    "estimated": ("推定读音", "reading inferred from homophones", INFO),
}

_NUM = "一二三四五六七八九十"


def zh_number(n: int) -> str:
    """1 -> 一, 12 -> 十二, 20 -> 二十, 105 -> 一百零五 (line and position numbers)."""
    if n <= 10:
        return _NUM[n - 1]
    if n < 100:
        tens, ones = divmod(n, 10)
        head = "" if tens == 1 else _NUM[tens - 1]
        return head + "十" + (_NUM[ones - 1] if ones else "")
    hundreds, rest = divmod(n, 100)
    tail = (
        ""
        if rest == 0
        else ("零" if rest < 10 else "")
        + (_NUM[rest - 1] if rest < 10 else ("一" if rest < 20 else "") + zh_number(rest))
    )
    return _NUM[hundreds - 1] + "百" + tail


@cache
def where_zh(line: int | None, pos: int | None) -> str:
    if line is None:
        return ""
    text = f"第{zh_number(line)}句"
    return text + (f"第{zh_number(pos)}字" if pos is not None else "")


@cache
def where_en(line: int | None, pos: int | None) -> str:
    if line is None:
        return ""
    return f"line {line}" + (f", character {pos}" if pos is not None else "")


@dataclass
class Fault:
    """One fault (or accepted exception) at a line and character position (both 1-based)."""

    kind: str
    line: int | None
    pos: int | None
    zh: str  # one-line explanation in Chinese
    en: str  # the same in English
    # Replacement characters are ranked only when someone reads them: a corpus run
    # checks thousands of poems whose suggestions nobody looks at.
    fix: Callable[[], list[str]] | None = field(default=None, repr=False, compare=False)
    polyphone: bool = False  # the judgement rests on a character with several readings

    @cached_property
    def suggestions(self) -> list[str]:
        """Replacement characters for this position, best first ([] when none apply)."""
        return self.fix() if self.fix is not None else []

    @property
    def severity(self) -> str:
        return KINDS[self.kind][2]

    @property
    def name_zh(self) -> str:
        return KINDS[self.kind][0]

    @property
    def name_en(self) -> str:
        return KINDS[self.kind][1]

    def message(self, lang: str = "zh") -> str:
        return self.zh if lang == "zh" else self.en

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "name": self.name_zh,
            "name_en": self.name_en,
            "severity": self.severity,
            "line": self.line,
            "pos": self.pos,
            "message_zh": self.zh,
            "message_en": self.en,
            "suggestions": self.suggestions,
            "polyphone": self.polyphone,
        }
