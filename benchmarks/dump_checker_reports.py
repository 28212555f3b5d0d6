"""Dump the checker's reports over all of 全唐诗, to prove a refactor changed nothing.

    make corpus
    .venv/bin/python benchmarks/dump_checker_reports.py data/cache/reports-before.jsonl
    ... change the code ...
    .venv/bin/python benchmarks/dump_checker_reports.py data/cache/reports-after.jsonl \
        --compare data/cache/reports-before.jsonl

One line per regulated-shaped poem and rule set: the report as JSON (`to_dict`) and the
text `inkmuse check` prints in Chinese and English, every fault's explanation and
suggestions included. `--compare` prints how many lines differ and the first few poems
whose reports changed, with both versions.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_checker import load_poems

from inkmuse.core.errors import InkmuseError
from inkmuse.poetry.checker import check_poem
from inkmuse.poetry.report import render_report


def dump(poems: list[str], out: Path) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for text in poems:
            for rules in ("strict", "tang"):
                try:
                    report = check_poem(text, rules=rules)
                    row = {
                        "report": report.to_dict(),
                        "zh": render_report(report, "zh", colour=False),
                        "en": render_report(report, "en", colour=False),
                    }
                except InkmuseError as err:
                    row = {"error": str(err)}
                f.write(json.dumps({"poem": text, "rules": rules, **row}, ensure_ascii=False))
                f.write("\n")
                n += 1
    return n


def compare(after: Path, before: Path, show: int) -> int:
    a = after.read_text(encoding="utf-8").splitlines()
    b = before.read_text(encoding="utf-8").splitlines()
    if len(a) != len(b):
        print(f"line counts differ: {len(a)} after, {len(b)} before")
    changed = [(x, y) for x, y in zip(a, b, strict=False) if x != y]
    print(f"{len(changed)} of {len(b)} reports differ")
    for x, y in changed[:show]:
        new, old = json.loads(x), json.loads(y)
        print(f"\n--- {old['poem']} ({old['rules']})")
        print("before:", old.get("zh", old.get("error")))
        print("after: ", new.get("zh", new.get("error")))
    return len(changed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--compare", type=Path, help="an earlier dump to compare with")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--show", type=int, default=5)
    args = parser.parse_args()
    poems = load_poems(args.limit)
    start = time.perf_counter()
    n = dump(poems, args.out)
    print(f"{n} reports ({len(poems)} poems x 2 rule sets) in {time.perf_counter() - start:.1f} s")
    if args.compare:
        sys.exit(1 if compare(args.out, args.compare, args.show) else 0)


if __name__ == "__main__":
    main()
