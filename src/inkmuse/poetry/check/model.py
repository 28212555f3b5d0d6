"""The report a check returns: the poem, the form read, each line as judged, the faults."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from inkmuse.core.prosody import TONE_MARKS
from inkmuse.core.tones import Tone
from inkmuse.poetry.faults import ERROR, INFO, WARNING, Fault
from inkmuse.poetry.forms import FormKind, FormSpec, LineSpec
from inkmuse.poetry.text import PoemText

_TONE = {t.value: t for t in Tone}
# Each tone-class mark (平, 仄, * for both, ? for none) back to its tone classes.
_CLASS_TONES = {mark: tones for (tones, estimated), mark in TONE_MARKS.items() if not estimated}


@dataclass
class CharInfo:
    char: str
    tones: frozenset[Tone]  # every tone class its readings allow (after pins)
    expected: Tone
    resolved: Tone  # the reading the judgement uses: the expected one when allowed
    strict: bool

    @property
    def known(self) -> bool:
        return bool(self.tones)

    @property
    def polyphone(self) -> bool:
        return len(self.tones) > 1


@dataclass
class LineReport:
    """One line as judged. `classes` holds each character's tone class (平, 仄, * for a
    polyphone that reads both, ? for a character the rhyme book lacks); `tones` the
    reading the judgement used."""

    text: str
    punct: str
    spec: LineSpec  # the pattern this line is judged against
    classes: str
    tones: str

    @cached_property
    def chars(self) -> list[CharInfo]:
        return [
            CharInfo(ch, _CLASS_TONES[c], slot.tone, _TONE[t], slot.strict)
            for ch, c, t, slot in zip(
                self.text, self.classes, self.tones, self.spec.slots, strict=True
            )
        ]


@dataclass
class CheckReport:
    poem: PoemText
    kind: FormKind
    form: FormSpec | None  # None when the shape is wrong for the form
    rhymebook: str
    rhyme_group: str | None
    rhyme_short: str | None
    lines: list[LineReport] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    rules: str = "strict"  # strict (textbook) or tang (Tang practice); see RULES
    ancient: bool = False  # read as a 古绝 (Tang practice): rhymes judged, tones not

    @property
    def errors(self) -> list[Fault]:
        return [f for f in self.faults if f.severity == ERROR]

    @property
    def warnings(self) -> list[Fault]:
        return [f for f in self.faults if f.severity == WARNING]

    @property
    def accepted(self) -> list[Fault]:
        return [f for f in self.faults if f.severity == INFO]

    @property
    def ok(self) -> bool:
        """No errors (warnings and accepted exceptions allowed)."""
        return not self.errors

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "text": self.poem.text,
            "form": self.form.name if self.form else self.kind.name,
            "variant": self.form.variant if self.form else None,
            "rhymebook": self.rhymebook,
            "rhyme_group": self.rhyme_group,
            "rules": self.rules,
            "ancient_style": self.ancient,
            "lines": [
                {
                    "text": line.text,
                    "pattern": line.spec.pattern,
                    "tones": line.tones,
                    "polyphones": [i + 1 for i, c in enumerate(line.chars) if c.polyphone],
                }
                for line in self.lines
            ],
            "faults": [f.to_dict() for f in self.faults],
            "notes": list(self.poem.notes),
            "counts": {
                "errors": len(self.errors),
                "warnings": len(self.warnings),
                "accepted": len(self.accepted),
            },
        }
