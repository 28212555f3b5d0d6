"""The English poem checker: finds the form, names each broken rule and suggests fixes.

    >>> report = check_english("There was an Old Man with a beard,\\n"
    ...     "Who said, 'It is just as I feared!\\nTwo Owls and a Hen,\\n"
    ...     "Four Larks and a Wren,\\nHave all built their nests in my beard!'")
    >>> report.ok, report.form.key, report.scheme
    (True, 'limerick', 'AABBA')

Given no form, every form the poem's shape allows is tried (14 lines: both sonnets; 4k
lines: each quatrain scheme and couplets) and the one it keeps best is reported. With
strict=True, what English practice tolerates (a haiku off 5-7-5, a varied refrain) is an
error too: the poet generating a form checks strictly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from inkmuse.poetry.english.faults import ERROR, INFO, WARNING, EnglishFault, strictly
from inkmuse.poetry.english.forms import (
    DETECT,
    FORMS,
    EnglishForm,
    LineRule,
    candidate_forms,
    get_english_form,
)
from inkmuse.poetry.english.meter import METERS, Meter, Scansion, scan
from inkmuse.poetry.english.scheme import refrain_faults, rhyme_faults
from inkmuse.poetry.english.suggest import words_with_shape, words_with_syllables
from inkmuse.poetry.english.text import EnglishText, split_english
from inkmuse.poetry.english.words import normalize, pronunciations, tokenize

_ORDINAL = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}


@dataclass
class EnglishLine:
    text: str
    words: tuple[str, ...]
    syllables: int
    rule: LineRule
    scansion: Scansion | None = None


@dataclass
class EnglishReport:
    """The checker's verdict. meter: the meter read (fixed by the form or found in the
    lines); detected: the form was found, not given."""

    form: EnglishForm
    scheme: str
    meter: str | None
    lines: list[EnglishLine]
    faults: list[EnglishFault]
    detected: bool
    stanzas: tuple[int, ...] = ()
    language: str = field(default="en", init=False)

    @property
    def errors(self) -> list[EnglishFault]:
        return [f for f in self.faults if f.severity == ERROR]

    @property
    def warnings(self) -> list[EnglishFault]:
        return [f for f in self.faults if f.severity == WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": "en",
            "ok": self.ok,
            "form": self.form.key,
            "form_name": self.form.name,
            "detected": self.detected,
            "scheme": self.scheme,
            "meter": self.meter,
            "lines": [
                {
                    "text": line.text,
                    "syllables": line.syllables,
                    "rhyme": line.rule.rhyme,
                    "scansion": list(line.scansion.marks) if line.scansion else None,
                }
                for line in self.lines
            ],
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "faults": [f.to_dict() for f in self.faults],
        }


def check_english(text: str, form: str | None = None, *, strict: bool = False) -> EnglishReport:
    """Check an English poem against `form` (a name from `FORMS`), or the form it fits best."""
    poem = split_english(text)
    if form is not None:
        kind = get_english_form(form)
        return min(
            (_evaluate(kind, s, poem, strict, detected=False) for s in kind.schemes),
            key=_rank,
        )
    # Forms are ranked by their strict reading, so a form whose rules are only advice (a
    # tanka's syllables) cannot win over one the poem nearly keeps (a limerick, one rhyme off).
    reports = [
        _evaluate(kind, s, poem, True, detected=True)
        for kind in candidate_forms(len(poem.lines), list(poem.stanzas))
        for s in kind.schemes
    ]
    # A form of fixed length is what the poet meant even with faults; a stanza form must
    # mostly hold, with at least one of its rhymes kept, or the poem is read as free verse.
    n = len(poem.lines)
    plausible = [
        r for r in reports if r.form.line_count or (len(r.errors) <= n // 4 and _keeps_a_rhyme(r))
    ]
    if not plausible:
        return _evaluate(FORMS["free-verse"], "", poem, strict, detected=True)
    best = min(plausible, key=_rank)
    return best if strict else _evaluate(best.form, best.scheme, poem, strict, detected=True)


def _keeps_a_rhyme(report: EnglishReport) -> bool:
    """False when every rhyme the scheme asks for is broken (an unrhymed quatrain is not a
    ballad with its one rhyme missing)."""
    seen: set[str] = set()
    links = 0
    for line in report.lines:
        label = line.rule.rhyme
        if label:
            links += label in seen
            seen.add(label)
    broken = sum(1 for f in report.errors if f.kind == "rhyme")
    return links == 0 or broken < links


def _rank(report: EnglishReport) -> tuple[int, int]:
    return len(report.errors), len(report.warnings)


def _evaluate(
    kind: EnglishForm, scheme: str, poem: EnglishText, strict: bool, *, detected: bool
) -> EnglishReport:
    n = len(poem.lines)
    faults: list[EnglishFault] = []
    if kind.line_count and n != kind.line_count:
        faults.append(
            EnglishFault(
                "line_count",
                None,
                None,
                f"the poem has {n} lines; a {kind.name} has {kind.line_count}",
            )
        )
    if kind.stanza and n % kind.stanza:
        faults.append(
            EnglishFault(
                "line_count", None, None, f"{n} lines do not make whole stanzas of {kind.stanza}"
            )
        )
    elif kind.stanza and len(poem.stanzas) > 1 and any(s % kind.stanza for s in poem.stanzas):
        faults.append(
            EnglishFault(
                "stanza",
                None,
                None,
                f"stanzas of {'/'.join(map(str, poem.stanzas))} lines; {kind.name} come in {kind.stanza}s",
            )
        )
    rules = kind.rules(n, scheme)
    lines = [
        EnglishLine(text, tuple(tokenize(text)), _syllables(text), rule)
        for text, rule in zip(poem.lines, rules, strict=True)
    ]
    meter = _meter_of(kind, lines)
    for i, line in enumerate(lines, 1):
        faults += _line_faults(kind, i, line, meter, strict)
    faults += rhyme_faults(lines, scheme)
    faults += refrain_faults(lines)
    if strict:
        faults = [strictly(f) for f in faults]
    return EnglishReport(
        kind, scheme, meter.name if meter else None, lines, faults, detected, poem.stanzas
    )


def _syllables(text: str) -> int:
    return sum(pronunciations(w)[0].syllables for w in tokenize(text))


def _meter_of(kind: EnglishForm, lines: list[EnglishLine]) -> Meter | None:
    """The form's meter, or for DETECT (and free verse, for the record) the meter most lines
    keep, when at least half of them do."""
    if kind.meter and kind.meter != DETECT:
        return METERS[kind.meter]
    if kind.line_meters or (kind.meter is None and kind.key != "free-verse"):
        return None  # free verse still gets its meter named when most lines keep one
    best: tuple[int, float, Meter] | None = None
    for meter in METERS.values():
        scans = [scan(line.text, meter) for line in lines]
        fit = sum(s.fits for s in scans)
        cost = sum(s.cost for s in scans if s.fits)
        if fit * 2 >= len(lines) and fit >= 2 and (best is None or (-fit, cost) < best[:2]):
            best = (-fit, cost, meter)
    return best[2] if best else None


def _line_faults(
    kind: EnglishForm, i: int, line: EnglishLine, meter: Meter | None, strict: bool
) -> list[EnglishFault]:
    out: list[EnglishFault] = []
    rule_meter = line.rule.meter or (meter if kind.meter else None)
    if rule_meter is not None:
        s = scan(line.text, rule_meter)
        line.scansion = s if s.counted else None
        drift = line.rule.meter is None  # a detected meter: leaving it is a warning
        if s.counted:
            line.syllables = s.syllables
        if not s.counted:
            lo, hi = s.possible
            said = f"{lo}" if lo == hi else f"{lo} to {hi}"
            out.append(
                EnglishFault(
                    "meter_drift" if drift else "meter_count",
                    i,
                    None,
                    f"line {i} has {said} syllables; {rule_meter.name} takes {_counts(rule_meter)}",
                )
            )
        for w, needed in s.faults:
            word = s.words[w]
            out.append(
                EnglishFault(
                    "meter_drift" if drift else "stress",
                    i,
                    w + 1,
                    f"line {i}: '{word}' is stressed {needed} but falls on {s.marks[w]} of {rule_meter.name}",
                    words_with_shape(s.marks[w], 6, frozenset({normalize(word)})),
                    s.render(),
                )
            )
    target = line.rule.syllables
    if target is not None:
        lo = sum(min(p.syllables for p in pronunciations(w)) for w in line.words)
        hi = sum(max(p.syllables for p in pronunciations(w)) for w in line.words)
        if not lo <= target <= hi:
            count = lo if target < lo else hi
            faults_kind = (
                "syllables_loose" if kind.lenient_syllables and not strict else "syllables"
            )
            out.append(
                EnglishFault(
                    faults_kind,
                    i,
                    None,
                    f"line {i} has {count} syllable{'s' * (count != 1)}; the {_ORDINAL.get(i, str(i))} line of a {kind.name} has {target}",
                    _syllable_fix(line.words, count - target),
                )
            )
    for w, word in enumerate(line.words, 1):
        prons = pronunciations(word)
        if prons[0].guessed:
            guess = prons[0].syllables
            slurred = f" (or {prons[1].syllables})" if len(prons) > 1 else ""
            out.append(
                EnglishFault(
                    "guessed",
                    i,
                    w,
                    f"'{word}' is not in CMUdict: read as {guess} syllable{'s' * (guess > 1)}"
                    f"{slurred}, stress unknown",
                )
            )
    return out


def _counts(meter: Meter) -> str:
    counts = meter.counts()
    return f"{counts[0]}" if len(counts) == 1 else f"{counts[0]} to {counts[-1]}"


def _syllable_fix(words: tuple[str, ...], extra: int) -> list[str]:
    """Fixes for a line `extra` syllables too long (negative: too short)."""
    longest = max(words, key=lambda w: pronunciations(w)[0].syllables, default="")
    n = pronunciations(longest)[0].syllables if longest else 0
    want = n - extra
    if longest and 1 <= want <= 4:
        found = words_with_syllables(want, 5, frozenset({normalize(longest)}))
        return [f"'{longest}' ({n}) -> a {want}-syllable word: {', '.join(found)}"]
    return [f"{'drop' if extra > 0 else 'add'} {abs(extra)} syllable(s)"]


__all__ = ["INFO", "EnglishLine", "EnglishReport", "check_english"]
