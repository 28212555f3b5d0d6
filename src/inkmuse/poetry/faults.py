"""Faults the checker names: kind, place, facts; messages.py writes their explanations."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from inkmuse.poetry.messages import render

ERROR, WARNING, INFO = "error", "warning", "info"

# kind -> (Chinese name, English name, severity)
KINDS: dict[str, tuple[str, str, str]] = {
    "line_count": ("句数不合", "wrong line count", ERROR),
    "line_length": ("字数不合", "wrong line length", ERROR),
    "tone": ("平仄不合", "tone mismatch", ERROR),
    "shi_nian": ("失粘", "broken 'stick' (shi nian)", ERROR),
    "shi_dui": ("失对", "broken 'opposition' (shi dui)", ERROR),
    # Tang practice (rules="tang"): forms the Tang poets used that textbook rules reject.
    "zhe_yao": ("失粘（折腰）", "broken 'stick', tolerated in Tang practice (zheyao)", WARNING),
    "gu_jue": ("古绝", "an ancient-style quatrain rhyming in oblique tones (gu jue)", WARNING),
    "tong_ya": ("通押", "rhymes drawn from neighbouring groups (ancient style)", WARNING),
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
    "against_word": ("读音不合词义", "a polyphone read against its word", WARNING),
    # Accepted exceptions and notes: reported, never counted as faults.
    "self_rescue": ("本句自救", "self-rescue of gu ping (accepted)", INFO),
    "pair_rescue": ("对句相救", "rescue in the paired line (accepted)", INFO),
    "special_ao": ("特拗", "accepted special form 平平仄平仄", INFO),
    "borrowed_rhyme": ("首句借邻韵", "first line borrows a neighbouring rhyme (accepted)", INFO),
    "polyphone": ("多音字", "judgement rests on a polyphone", INFO),
    "word_reading": ("依词定音", "a polyphone read as its word reads it", INFO),
    "estimated": ("推定读音", "reading inferred from homophones", INFO),
}


@dataclass
class Fault:
    """One fault (or accepted exception) at a line and character position (both 1-based)."""

    kind: str
    line: int | None
    pos: int | None
    # What the explanation needs (the character, the tone wanted, the groups): the
    # sentence is written only when read (see messages.py).
    facts: tuple[Any, ...] = ()
    # Replacement characters are ranked only when someone reads them: a corpus run
    # checks thousands of poems whose suggestions nobody looks at.
    fix: Callable[[], list[str]] | None = field(default=None, repr=False, compare=False)
    polyphone: bool = False  # the judgement rests on a character with several readings

    # Filled on first read (plain fields: functools.cached_property takes a lock in 3.11).
    _fixes: list[str] | None = field(default=None, init=False, repr=False, compare=False)
    _said: tuple[str, str] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def suggestions(self) -> list[str]:
        """Replacement characters for this position, best first ([] when none apply)."""
        if self._fixes is None:
            self._fixes = self.fix() if self.fix is not None else []
        return self._fixes

    def _messages(self) -> tuple[str, str]:
        if self._said is None:
            self._said = render(self)
        return self._said

    @property
    def zh(self) -> str:
        """One-line explanation in Chinese."""
        return self._messages()[0]

    @property
    def en(self) -> str:
        """The same in English."""
        return self._messages()[1]

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
