"""Tone faults: 粘对 between lines, each line's tone faults after the readings that fit
best, and the notes on readings a judgement rests on (polyphones, estimated, unknown)."""

from __future__ import annotations

from functools import cache, partial

from inkmuse.core.tones import Tone
from inkmuse.poetry.check.lines import Judged, strictness
from inkmuse.poetry.check.model import LineReport
from inkmuse.poetry.check.reading import PoemReading
from inkmuse.poetry.faults import Fault
from inkmuse.poetry.forms import is_answering_line, wanted_key
from inkmuse.poetry.suggest import suggest_chars
from inkmuse.poetry.word_readings import word_reading

_TONE = {t.value: t for t in Tone}  # a fault's wanted tone, by its mark


def relation_faults(reading: PoemReading, keys: list[Tone]) -> list[Fault]:
    """失对 and 失粘 (折腰体 under Tang practice) between each line's key and the one before."""
    faults = []
    for i in range(1, len(keys)):
        pair = is_answering_line(i)
        wanted = wanted_key(i, keys[i - 1])
        if keys[i] is wanted:
            continue
        faults.append(
            Fault(
                "shi_dui" if pair else ("zhe_yao" if reading.tang else "shi_nian"),
                i + 1,
                2,
                (reading.poem.lines[i][1], str(wanted)),
                partial(
                    suggest_chars, reading.book.name, reading.n, 1, wanted, exclude=reading.used
                ),
            )
        )
    return faults


def tone_faults(reading: PoemReading, judged: list[Judged]) -> list[Fault]:
    """Each line's accepted exceptions, tone errors and warnings, as judged."""
    faults = []
    for i, (judgement, errors) in enumerate(judged):
        if not (errors or judgement.warnings or judgement.accepted):
            continue
        for kind, pos in judgement.accepted:
            faults.append(Fault(kind, i + 1, pos + 1))
        for kind, pos, want in errors + judgement.warnings:
            faults.append(_tone_fault(reading, kind, i, pos, want))
    return faults


def _tone_fault(reading: PoemReading, kind: str, i: int, j: int, want: str) -> Fault:
    """A tone fault or line rule at line i, character j; `want` is the tone that fixes it."""
    ch = reading.poem.lines[i][j]
    tones = reading.profile(i, j)[0]
    have = "/".join(sorted(tones)) or "?"
    fix = partial(suggest_chars, reading.book.name, reading.n, j, _TONE[want], exclude=reading.used)
    return Fault(kind, i + 1, j + 1, (ch, want, have), fix, polyphone=len(tones) > 1)


def reading_notes(
    reading: PoemReading, reports: list[LineReport], polyphones: bool = True
) -> list[Fault]:
    """Notes on characters the book lacks, estimated readings, and (where tones are
    judged) the polyphones a judgement rests on."""
    faults = []
    book = reading.book.name
    for i, rep in enumerate(reports):
        estimated = reading.estimated[i]
        noted = _noted_positions(rep.classes, rep.spec.pattern)
        if not polyphones:
            noted = tuple(j for j in noted if rep.classes[j] == "?")
        if estimated:
            noted = tuple(sorted(set(noted) | estimated))
        line, classes, tones = rep.text, rep.classes, rep.tones
        for j in noted:
            c = classes[j]
            if c == "?":
                faults.append(Fault("unknown_char", i + 1, j + 1, (line[j], book)))
            elif j in estimated:
                faults.append(Fault("estimated", i + 1, j + 1, (line[j], book, tones[j])))
            else:
                faults.append(_polyphone_note(i, j, line, tones[j]))
    return faults


def _polyphone_note(i: int, j: int, line: str, used: str) -> Fault:
    """The note on a polyphone a judgement rests on: the reading the word gives it where a
    word decides (扁舟: 平), a warning when the pattern needed the other one."""
    word = word_reading(line, j)  # the table lists each word in both scripts
    if word is None:
        return Fault("polyphone", i + 1, j + 1, (line[j], used), polyphone=True)
    text, tone = word
    if tone.value == used:
        return Fault("word_reading", i + 1, j + 1, (line[j], text, used), polyphone=True)
    return Fault("against_word", i + 1, j + 1, (line[j], used, text, tone.value), polyphone=True)


@cache
def _noted_positions(classes: str, pattern: str) -> tuple[int, ...]:
    """Positions a report notes: characters the book lacks (?), and polyphones (*) where
    the judgement rests on them (a strict position, or a rhyme)."""
    strict = strictness(pattern)
    last = len(pattern) - 1
    return tuple(
        j
        for j, c in enumerate(classes)
        if c == "?" or (c == "*" and (strict[j] or (j == last and pattern[-1] == "平")))
    )
