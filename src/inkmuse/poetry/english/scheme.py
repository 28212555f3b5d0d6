"""The scheme across lines: end rhymes by letter, and refrains that must repeat.

>>> from inkmuse.poetry.english.checker import check_english
>>> report = check_english("Roses are red,\\nviolets are blue,\\nsugar is sweet,\\nand so is glue.", "ballad")
>>> rhyme_faults(report.lines, "-A-A")
[]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from inkmuse.poetry.english.faults import EnglishFault
from inkmuse.poetry.english.rhyme import IDENTICAL, PERFECT, SLANT, rhyme_kind, rhymes_for, shape
from inkmuse.poetry.english.words import normalize

if TYPE_CHECKING:
    from inkmuse.poetry.english.checker import EnglishLine


def rhyme_faults(lines: list[EnglishLine], scheme: str) -> list[EnglishFault]:
    groups: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if line.rule.rhyme and line.words:
            groups.setdefault(line.rule.rhyme, []).append(i)
    used = frozenset(normalize(line.words[-1]) for line in lines if line.words)
    out: list[EnglishFault] = []
    shown = " ".join(scheme.split())
    for members in groups.values():
        ends = [lines[i].words[-1] for i in members]
        kinds = {
            (a, b): rhyme_kind(ends[a], ends[b])
            for a in range(len(ends))
            for b in range(len(ends))
            if a != b
        }
        # The anchor is the line most others rhyme with: blame the odd one out, not line 1.
        anchor = max(
            range(len(ends)),
            key=lambda a: sum(
                kinds[(a, b)] in (PERFECT, IDENTICAL) for b in range(len(ends)) if b != a
            ),
        )
        for b in range(len(ends)):
            if b == anchor:
                continue
            kind = kinds[(anchor, b)]
            if kind in (PERFECT, IDENTICAL):
                continue
            at, anchor_line = members[b] + 1, members[anchor] + 1
            word, target = ends[b], ends[anchor]
            if kind == SLANT:
                out.append(
                    EnglishFault(
                        "slant_rhyme",
                        at,
                        len(lines[members[b]].words),
                        f"line {at}: '{word}' only half rhymes with '{target}' (line {anchor_line})",
                    )
                )
                continue
            fixes = rhymes_for(target, 8, stresses=shape(word), exclude=used) or rhymes_for(
                target, 8, exclude=used
            )
            out.append(
                EnglishFault(
                    "rhyme",
                    at,
                    len(lines[members[b]].words),
                    f"line {at}: '{word}' does not rhyme with '{target}' (line {anchor_line}), as {shown} needs",
                    fixes,
                )
            )
    return out


def refrain_faults(lines: list[EnglishLine]) -> list[EnglishFault]:
    out: list[EnglishFault] = []
    for i, line in enumerate(lines, 1):
        source = line.rule.refrain
        if source is None or source > len(lines):
            continue
        want = [normalize(w) for w in lines[source - 1].words]
        got = [normalize(w) for w in line.words]
        if want == got:
            continue
        changed = _word_distance(want, got)
        kind = "refrain_varied" if changed <= max(1, len(want) // 4) else "refrain"
        out.append(
            EnglishFault(
                kind,
                i,
                None,
                f"line {i} should repeat line {source}: '{lines[source - 1].text}' ({changed} word(s) differ)",
                [lines[source - 1].text],
            )
        )
    return out


def _word_distance(a: list[str], b: list[str]) -> int:
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1]
