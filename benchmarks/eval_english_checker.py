"""Evaluate the English checker: classics pass, one-rule mutations of them fail, and speed.

    .venv/bin/python benchmarks/eval_english_checker.py        # about 10 s

The classics are the public-domain poems of tests/english/poems.py. Each is mutated one
rule at a time, at every line the rule applies to:
- rhyme: the line's rhyme word becomes a common word of the same stress shape that rhymes
  with no other line end (must give a `rhyme` error at that line);
- length: "Yet once again" (4 syllables) opens the line (must give an error at that line
  in metered and counted forms; a drift warning where the meter is only detected);
- refrain: a villanelle refrain is replaced by another line (must give a `refrain` error);
- cut: the last line is dropped (must give `line_count` in fixed-length forms).
Printed: per poem the form found, then mutations caught / made per kind, and the time of
the first check (CMUdict load included) and of a warm check.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from english.poems import CLASSICS
from inkmuse.poetry.english import check_english, rhyme_kind
from inkmuse.poetry.english.rhyme import shape
from inkmuse.poetry.english.suggest import words_with_shape
from inkmuse.poetry.english.words import tokenize


def with_line(poem: str, index: int, line: str) -> str:
    lines = [row for row in poem.splitlines() if row.strip()]
    lines[index] = line
    return "\n".join(lines)


def main() -> None:
    start = time.perf_counter()
    check_english(CLASSICS["sonnet 18"][0])
    cold = time.perf_counter() - start
    made: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    print(f"{'poem':<12} {'found as':<22} {'valid':<6} warnings")
    warm = []
    for name, (poem, form) in CLASSICS.items():
        t = time.perf_counter()
        report = check_english(poem)
        warm.append(time.perf_counter() - t)
        print(f"{name:<12} {report.form.key:<22} {report.ok!s:<6} {len(report.warnings)}")
        lines = [line.text for line in report.lines]
        ends = [tokenize(text)[-1] for text in lines]
        for i, rule in enumerate(report.lines):
            line = lines[i]
            if rule.rule.rhyme and rule.rule.refrain is None:
                word = ends[i]
                for cand in words_with_shape("".join("/" if s else "x" for s in shape(word)), 60):
                    if all(rhyme_kind(cand, e) is None for e in ends):
                        mutated = with_line(poem, i, line[: line.rfind(word)] + cand)
                        made["rhyme"] += 1
                        faults = check_english(mutated, form).errors
                        caught["rhyme"] += any(f.kind == "rhyme" for f in faults)
                        break
            if rule.rule.meter or rule.rule.syllables or report.meter:
                made["length"] += 1
                faults = check_english(with_line(poem, i, "Yet once again " + line), form, strict=True).faults  # fmt: skip
                caught["length"] += any(f.line == i + 1 and f.severity != "info" for f in faults)
            if rule.rule.refrain:
                made["refrain"] += 1
                faults = check_english(with_line(poem, i, lines[1]), form).errors
                caught["refrain"] += any(f.kind == "refrain" and f.line == i + 1 for f in faults)
        if report.form.line_count:
            made["cut"] += 1
            cut = "\n".join(lines[:-1])
            caught["cut"] += any(f.kind == "line_count" for f in check_english(cut, form).errors)
    print("\nmutations caught / made")
    for kind in made:
        print(f"  {kind:<8} {caught[kind]:>4} / {made[kind]:<4} ({caught[kind] / made[kind]:.0%})")
    print(f"\nfirst check (CMUdict load included): {cold:.2f} s")
    print(f"warm check, mean over {len(warm)} classics: {1000 * sum(warm) / len(warm):.0f} ms")


if __name__ == "__main__":
    main()
