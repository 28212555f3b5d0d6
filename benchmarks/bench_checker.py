"""Benchmark: poems checked per second over the regulated-shaped poems of 全唐诗.

    make corpus && .venv/bin/python benchmarks/bench_checker.py [--limit N]

Runs in one process on one core. inkmuse's full check (readings, polyphone search, 粘对,
拗救, rhyme, every fault with its place) is timed against `pingshui-rhyme`'s own checker
(check_poem_rhyming + check_poem_pingze_meter) on the same poems, in the same
(traditional) text. Target: 10,000 poems/s.

A fault's explanation and its suggested characters are written when first read, so a
second pass times the check with all of them rendered, as `inkmuse check` prints them.
"""

from __future__ import annotations

import argparse
import glob
import json
import re
import sys
import time
import warnings
from pathlib import Path

from inkmuse.core.errors import InkmuseError
from inkmuse.poetry.checker import check_poem

CORPUS = Path(__file__).resolve().parents[1] / "data/cache/chinese-poetry-2.0.1/package/dist"


def load_poems(limit: int | None) -> list[str]:
    files = sorted(glob.glob(str(CORPUS / "quantangshi" / "poet.tang.*.json")))
    if not files:
        sys.exit(f"corpus not found under {CORPUS}: run `make corpus` first")
    poems = []
    for path in files:
        for poem in json.loads(Path(path).read_text(encoding="utf-8")):
            text = "".join(poem.get("paragraphs", []))
            lines = [x for x in re.split(r"[，。！？；]", text) if x]
            n = len(lines)
            regulated_count = n in (4, 8) or (n >= 10 and n % 2 == 0)
            if regulated_count and {len(x) for x in lines} in ({5}, {7}):
                poems.append(text)
    return poems[:limit] if limit else poems


def time_inkmuse(poems: list[str]) -> tuple[float, int, int]:
    ok = failed = 0
    start = time.perf_counter()
    for text in poems:
        try:
            ok += check_poem(text).ok
        except InkmuseError:
            failed += 1
    return time.perf_counter() - start, ok, failed


def time_rendered(poems: list[str]) -> float:
    start = time.perf_counter()
    for text in poems:
        try:
            report = check_poem(text)
        except InkmuseError:
            continue
        for fault in report.faults:
            fault.zh, fault.en, fault.suggestions  # noqa: B018 - rendering is what is timed
    return time.perf_counter() - start


def time_pingshui(poems: list[str]) -> float | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            from pingshui_rhyme.poem_structure_checker import PoemStructureChecker
        except Exception as err:
            print(f"pingshui-rhyme checker unavailable ({err}); install inkmuse[data]")
            return None
    checker = PoemStructureChecker()
    start = time.perf_counter()
    for text in poems:
        checker.check_poem_rhyming(text)
        checker.check_poem_pingze_meter(text)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="check only the first N poems")
    args = parser.parse_args()
    poems = load_poems(args.limit)
    start = time.perf_counter()
    check_poem(poems[0])  # loads tables and caches
    print(f"cold start (first check, tables loaded): {time.perf_counter() - start:.3f} s")
    elapsed, ok, failed = time_inkmuse(poems)
    lines = sum(len(re.split(r"[，。！？；]", p)) - 1 for p in poems)
    print(
        f"poems: {len(poems)} regulated-shaped poems of 全唐诗 (traditional text), "
        f"{lines / len(poems):.1f} lines each on average"
    )
    print(
        f"inkmuse check: {elapsed:.2f} s, {len(poems) / elapsed:,.0f} poems/s "
        f"({ok} valid, {failed} rejected as bad input)"
    )
    rendered = time_rendered(poems)
    print(
        f"inkmuse check with every message and suggestion rendered: {rendered:.2f} s, "
        f"{len(poems) / rendered:,.0f} poems/s"
    )
    other = time_pingshui(poems)
    if other is not None:
        print(f"pingshui-rhyme checker: {other:.2f} s, {len(poems) / other:,.0f} poems/s")
        print(f"ratio inkmuse / pingshui-rhyme: {other / elapsed:.2f}x")


if __name__ == "__main__":
    main()
