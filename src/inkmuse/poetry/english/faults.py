"""Faults the English checker names, each with its place, explanation and suggested fixes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from inkmuse.poetry.faults import ERROR, INFO, WARNING

# kind -> (name, severity)
KINDS: dict[str, tuple[str, str]] = {
    "line_count": ("wrong line count", ERROR),
    "stanza": ("stanza shape", WARNING),
    "syllables": ("wrong syllable count", ERROR),
    "syllables_loose": ("syllable count off the classic pattern", WARNING),
    "meter_count": ("syllables do not fit the meter", ERROR),
    "stress": ("stress against the meter", ERROR),
    "meter_drift": ("line leaves the poem's meter", WARNING),
    "rhyme": ("rhyme scheme broken", ERROR),
    "slant_rhyme": ("slant rhyme", WARNING),
    "refrain": ("refrain changed", ERROR),
    "refrain_varied": ("refrain varied", WARNING),
    "guessed": ("pronunciation guessed", INFO),
    "meter_found": ("meter", INFO),
}


@dataclass
class EnglishFault:
    """One fault at a line (1-based) and word (1-based, or None for the whole line).

    detail: extra lines for the report (the scanned line); suggestions: fixes to try."""

    kind: str
    line: int | None
    word: int | None
    message: str
    suggestions: list[str] = field(default_factory=list)
    detail: str = ""

    @property
    def severity(self) -> str:
        return KINDS[self.kind][1]

    @property
    def name(self) -> str:
        return KINDS[self.kind][0]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "name": self.name,
            "name_en": self.name,
            "severity": self.severity,
            "line": self.line,
            "pos": self.word,
            "message_en": self.message,
            "suggestions": self.suggestions,
            "detail": self.detail,
        }


def strictly(fault: EnglishFault) -> EnglishFault:
    """The same fault as an error (strict checking, and generation, keep counts exactly)."""
    kind = {"syllables_loose": "syllables", "refrain_varied": "refrain"}.get(fault.kind)
    if kind is None:
        return fault
    return EnglishFault(
        kind, fault.line, fault.word, fault.message, fault.suggestions, fault.detail
    )


__all__ = ["ERROR", "INFO", "KINDS", "WARNING", "EnglishFault", "strictly"]
