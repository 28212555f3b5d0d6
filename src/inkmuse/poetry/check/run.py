"""One check: the shape first, then the readings, the key tones, each line, the rhyme and
the faults that cross lines (重字, 藏头), in the order a report lists them."""

from __future__ import annotations

from collections.abc import Mapping

from inkmuse.core.errors import InputError
from inkmuse.core.prosody import get_rhymebook
from inkmuse.core.tones import Tone
from inkmuse.poetry.check.lines import choose_keys, judge_lines, line_ends
from inkmuse.poetry.check.model import CheckReport
from inkmuse.poetry.check.reading import PoemReading
from inkmuse.poetry.check.rhyme import (
    ancient_rhyme_faults,
    first_line_rhymes,
    is_ancient,
    rhyme_faults,
    rhyme_group,
)
from inkmuse.poetry.check.rule_sets import resolve_rules
from inkmuse.poetry.check.shape import shape_faults
from inkmuse.poetry.check.tone import reading_notes, relation_faults, tone_faults
from inkmuse.poetry.faults import Fault
from inkmuse.poetry.forms import detect_form, get_form
from inkmuse.poetry.forms import line_template as _template
from inkmuse.poetry.rules import repeats
from inkmuse.poetry.text import PoemText, split_poem, to_simplified


def check_poem(
    text: str,
    form: str | None = None,
    rhymebook: str = "平水韵",
    *,
    acrostic: str | None = None,
    pins: Mapping[str, str] | None = None,
    rules: str = "strict",
) -> CheckReport:
    """Check a regulated poem (绝句, 律诗, 排律) and name every fault.

    form: 五绝/七绝/五律/七律/五排/七排 (or the full name); detected from the shape if None.
    acrostic: the characters the lines must start with (藏头).
    pins: fix a reading, by character ("看": "平") or by position ("2:3": "仄" or a group).
    rules: "strict" (the textbook rules) or "tang" (Tang practice: 失粘 tolerated as 折腰体,
        a quatrain rhyming in 仄 read as a 古绝); see RULES.
    """
    rules = resolve_rules(rules)
    poem = split_poem(text)
    kind = get_form(form) if form else detect_form([len(x) for x in poem.lines])
    book = get_rhymebook(rhymebook)
    shape = shape_faults(poem, kind)
    if shape:
        return CheckReport(poem, kind, None, book.name, None, None, [], shape, rules)
    report = _check(PoemReading(poem, kind, book, pins or {}, rules), acrostic)
    return _by_the_word(report, acrostic, pins or {})


MAX_ERRORS_TO_REREAD = 2


def _by_the_word(report: CheckReport, acrostic: str | None, pins: Mapping[str, str]) -> CheckReport:
    """Where the pattern's reading of a polyphone goes against its word (相思 read 仄), read
    it as the word says if the poem still holds (弹琴复长啸: 长 平 makes a 特拗, accepted):
    only a reading the poem needs against its word stays a warning. A poem with more than
    MAX_ERRORS_TO_REREAD errors is not read again: it is not regulated verse whichever way
    one character reads, and the second look costs a whole check."""
    if len(report.errors) > MAX_ERRORS_TO_REREAD:
        return report
    by_word: dict[tuple[int, int], Tone] = {}
    for fault in [f for f in report.faults if f.kind == "against_word"]:
        ch, _used, word, tone = fault.facts
        assert fault.line is not None and fault.pos is not None
        trial_words = {**by_word, (fault.line - 1, fault.pos - 1): Tone(tone)}
        book = get_rhymebook(report.rhymebook)
        reading = PoemReading(report.poem, report.kind, book, pins, report.rules, trial_words)
        trial = _check(reading, acrostic)
        if len(trial.errors) <= len(report.errors):
            note = Fault("word_reading", fault.line, fault.pos, (ch, word, tone), polyphone=True)
            trial.faults = sorted([*trial.faults, note], key=lambda f: (f.line or 0, f.pos or 0))
            report, by_word = trial, trial_words
    return report


def passes_under_tang(
    report: CheckReport,
    *,
    acrostic: str | None = None,
    pins: Mapping[str, str] | None = None,
) -> bool:
    """Whether the poem of a report passes under Tang practice: a classic the textbook
    rejects may be a 折腰体 or a 古绝, which a report can then say (CLI and studio)."""
    if report.ok or report.rules == "tang" or report.form is None:
        return report.ok
    text, form = report.poem.text, report.kind.short
    tang = check_poem(text, form, report.rhymebook, acrostic=acrostic, pins=pins, rules="tang")
    return tang.ok


def _check(reading: PoemReading, acrostic: str | None) -> CheckReport:
    """The check of a poem of the right shape."""
    poem, kind, book, n = reading.poem, reading.kind, reading.book, reading.n
    group = rhyme_group(reading)
    first_rhymes = first_line_rhymes(reading, group)
    ends = line_ends(len(poem.lines), first_rhymes)
    keys = choose_keys(reading, ends)
    spec = kind.pattern(keys[0], first_rhymes, len(poem.lines))
    patterns = [_template(k, e, n) for k, e in zip(keys, ends, strict=True)]
    reports, judged = judge_lines(reading, patterns)
    ancient = is_ancient(reading, group)
    if ancient:  # a 古绝 keeps no tone pattern: only its rhymes are judged
        faults = ancient_rhyme_faults(reading, reports)
    else:
        faults = relation_faults(reading, keys)
        faults += tone_faults(reading, judged)
        faults += rhyme_faults(reading, reports, group)
    faults += _repeat_faults(poem)
    faults += _acrostic_faults(poem, acrostic)
    faults += reading_notes(reading, reports, polyphones=not ancient)
    faults.sort(key=lambda f: (f.line or 0, f.pos or 0))
    short = book.short(group) if group else None
    return CheckReport(
        poem, kind, spec, book.name, group, short, reports, faults, reading.rules, ancient
    )


def _repeat_faults(poem: PoemText) -> list[Fault]:
    """重字: a character used twice (rules.repeats says which repeats count)."""
    return [
        Fault("chong_zi", i + 1, j + 1, (ch, i0 + 1, j0 + 1))
        for ch, (i0, j0), (i, j) in repeats(poem.lines)
    ]


def _acrostic_faults(poem: PoemText, acrostic: str | None) -> list[Fault]:
    """藏头: each line must start with the acrostic's character (either script)."""
    if not acrostic:
        return []
    heads = to_simplified("".join(ch for ch in acrostic if not ch.isspace()))
    if len(heads) != len(poem.lines):
        raise InputError(
            f"the acrostic {acrostic!r} has {len(heads)} characters for {len(poem.lines)} lines",
            accepted=f"{len(poem.lines)} characters, one per line",
        )
    return [
        Fault("acrostic", i + 1, 1, (want, line[0]))
        for i, (want, line) in enumerate(zip(heads, poem.lines, strict=True))
        if to_simplified(line[0]) != want
    ]
