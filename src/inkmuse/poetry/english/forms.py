"""English forms as constraint objects: per line, the syllables, meter, rhyme and refrain.

    >>> sonnet = get_english_form("sonnet")
    >>> rules = sonnet.rules(14, sonnet.schemes[0])
    >>> rules[0].meter.name, rules[0].rhyme, rules[2].rhyme, rules[13].rhyme
    ('iambic pentameter', 'A', 'A', 'G')

One `EnglishForm` drives the checker (which names each broken rule), the prompts and
feedback of the backend poet, and the grammar that fixes the rhyme words. A scheme is
written per line: a letter for a rhyme sound, "-" for an unrhymed line, a digit after a
capital for a refrain (A1 is the villanelle's first refrain, always the same line).
Stanza forms (quatrains, couplets) repeat their scheme with fresh rhyme sounds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from inkmuse.core.errors import InputError
from inkmuse.poetry.english.meter import Meter, get_meter

DETECT = "detect"  # the meter is the one most lines keep


@dataclass(frozen=True)
class LineRule:
    """What one line must do. rhyme: a rhyme-sound key or None; refrain: the 1-based
    line this one repeats, or None; meter None means free."""

    syllables: int | None
    meter: Meter | None
    rhyme: str | None
    refrain: int | None = None


@dataclass(frozen=True)
class EnglishForm:
    """key: the name on the command line; schemes: accepted rhyme schemes, the usual first;
    meter: a meter name, DETECT or None; line_meters: per line, when lines differ (the
    limerick); syllables: per line (haiku); stanza: lines per stanza for stanza forms;
    lenient_syllables: syllable counts are advice (English haiku), not law, unless strict."""

    key: str
    name: str
    line_count: int | None
    schemes: tuple[str, ...] = ("",)
    meter: str | None = None
    line_meters: tuple[str, ...] | None = None
    syllables: tuple[int, ...] | None = None
    stanza: int | None = None
    lenient_syllables: bool = False
    about: str = ""

    def rules(self, n_lines: int, scheme: str) -> list[LineRule]:
        """The rule for each of `n_lines` lines under `scheme` (one of self.schemes)."""
        tokens = scheme_tokens(scheme)
        out: list[LineRule] = []
        first_of: dict[str, int] = {}
        for i in range(n_lines):
            rhyme: str | None = None
            refrain: int | None = None
            if tokens:
                if self.stanza:
                    token = tokens[i % len(tokens)]
                    suffix = str(i // len(tokens))
                else:
                    token = tokens[i] if i < len(tokens) else "-"
                    suffix = ""
                if token != "-":
                    rhyme = token[0].upper() + suffix
                    if len(token) > 1:
                        refrain = first_of.setdefault(token, i + 1)
                        refrain = None if refrain == i + 1 else refrain
            meter = None
            if self.line_meters:
                meter = get_meter(self.line_meters[i % len(self.line_meters)])
            elif self.meter and self.meter != DETECT:
                meter = get_meter(self.meter)
            syllables = self.syllables[i] if self.syllables and i < len(self.syllables) else None
            out.append(LineRule(syllables, meter, rhyme, refrain))
        return out

    def describe(self) -> str:
        """One line for prompts and reports: what the form asks for."""
        parts = [self.name]
        if self.line_count:
            parts.append(f"{self.line_count} lines")
        if self.syllables:
            parts.append("syllables " + "-".join(map(str, self.syllables)))
        if self.line_meters:
            parts.append(" / ".join(dict.fromkeys(self.line_meters)))
        elif self.meter and self.meter != DETECT:
            parts.append(self.meter)
        if self.schemes[0]:
            parts.append("rhyme " + self.schemes[0].replace(" ", ""))
        return ", ".join(parts)


_VILLANELLE = "A1 b A2  a b A1  a b A2  a b A1  a b A2  a b A1 A2"
FORMS: dict[str, EnglishForm] = {
    f.key: f
    for f in (
        EnglishForm("haiku", "haiku", 3, syllables=(5, 7, 5), lenient_syllables=True,
                    about="three lines of 5, 7 and 5 syllables, unrhymed"),
        EnglishForm("tanka", "tanka", 5, syllables=(5, 7, 5, 7, 7), lenient_syllables=True,
                    about="five lines of 5, 7, 5, 7 and 7 syllables, unrhymed"),
        EnglishForm("limerick", "limerick", 5, ("AABBA",),
                    line_meters=("anapestic trimeter", "anapestic trimeter", "anapestic dimeter",
                                 "anapestic dimeter", "anapestic trimeter"),
                    about="five anapestic lines, AABBA, the third and fourth short"),
        EnglishForm("shakespearean-sonnet", "Shakespearean sonnet", 14, ("ABAB CDCD EFEF GG",),
                    meter="iambic pentameter", about="three quatrains and a couplet"),
        EnglishForm("petrarchan-sonnet", "Petrarchan sonnet", 14,
                    ("ABBAABBA CDECDE", "ABBAABBA CDCDCD", "ABBAABBA CDDCDC", "ABBAABBA CDEDCE"),
                    meter="iambic pentameter", about="an octave ABBAABBA and a sestet"),
        EnglishForm("quatrain-abab", "quatrains (ABAB)", None, ("ABAB",), meter=DETECT, stanza=4),
        EnglishForm("quatrain-aabb", "quatrains (AABB)", None, ("AABB",), meter=DETECT, stanza=4),
        EnglishForm("quatrain-abba", "quatrains (ABBA)", None, ("ABBA",), meter=DETECT, stanza=4),
        EnglishForm("quatrain-aaba", "Rubaiyat quatrains (AABA)", None, ("AA-A",),
                    meter=DETECT, stanza=4),
        EnglishForm("ballad", "ballad quatrains (ABCB)", None, ("-A-A",), meter=DETECT, stanza=4),
        EnglishForm("heroic-couplets", "heroic couplets", None, ("AA",),
                    meter="iambic pentameter", stanza=2),
        EnglishForm("couplets", "rhyming couplets", None, ("AA",), meter=DETECT, stanza=2),
        EnglishForm("villanelle", "villanelle", 19, (_VILLANELLE,), meter=DETECT,
                    about="five tercets and a quatrain on two rhymes, two refrains"),
        EnglishForm("free-verse", "free verse", None, about="no fixed meter or rhyme"),
    )
}  # fmt: skip
ALIASES = {
    "sonnet": "shakespearean-sonnet", "shakespearean": "shakespearean-sonnet",
    "petrarchan": "petrarchan-sonnet", "italian-sonnet": "petrarchan-sonnet",
    "quatrain": "quatrain-abab", "quatrains": "quatrain-abab", "rubaiyat": "quatrain-aaba",
    "couplet": "couplets", "heroic-couplet": "heroic-couplets", "free": "free-verse",
}  # fmt: skip
QUATRAINS = ("quatrain-abab", "quatrain-aabb", "quatrain-abba", "quatrain-aaba", "ballad")
_TOKEN = re.compile(r"[A-Za-z]\d?|-")


def scheme_tokens(scheme: str) -> list[str]:
    """'A1 b A2' -> ['A1', 'B', 'A2']: letters are case-blind, spaces only group stanzas."""
    return [t.upper() if len(t) == 1 else t for t in _TOKEN.findall(scheme)]


def get_english_form(name: str) -> EnglishForm:
    """The form called `name` (sonnet, haiku, limerick, ...; case, spaces and _ ignored)."""
    key = re.sub(r"[\s_]+", "-", name.strip().lower())
    key = ALIASES.get(key, key)
    if key not in FORMS:
        raise InputError(f"unknown English form {name!r}", accepted=", ".join([*FORMS, *ALIASES]))
    return FORMS[key]


def is_english_form(name: str) -> bool:
    """True when `name` names an English form (a front end routes `--form` on this).

    >>> is_english_form("Sonnet"), is_english_form("七绝")
    (True, False)
    """
    key = re.sub(r"[\s_]+", "-", name.strip().lower())
    return ALIASES.get(key, key) in FORMS


def candidate_forms(n_lines: int, stanza_sizes: list[int]) -> list[EnglishForm]:
    """The forms a poem of this shape could be meant as, most specific first."""
    fixed = [f for f in FORMS.values() if f.line_count == n_lines]
    out = list(fixed)
    if n_lines % 4 == 0 and all(s % 4 == 0 for s in stanza_sizes):
        out += [FORMS[k] for k in QUATRAINS]
    if n_lines % 2 == 0 and n_lines >= 2:
        out += [FORMS["heroic-couplets"], FORMS["couplets"]]
    return out


def stanza_ends(kind: EnglishForm, n_lines: int) -> set[int]:
    """0-based indices of the lines a stanza break follows when the poet lays a form out."""
    if kind.stanza:
        return {i for i in range(n_lines - 1) if (i + 1) % kind.stanza == 0}
    if kind.key == "villanelle":
        return {2, 5, 8, 11, 14}
    return set()
