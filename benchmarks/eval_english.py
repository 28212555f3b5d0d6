"""Evaluate the English poet per backend: validity (strict checker) and repair rounds.

    .venv/bin/python benchmarks/eval_english.py                       # Gemma 3 270M, ~15 min on 2 cores
    .venv/bin/python benchmarks/eval_english.py --backends ollama --forms sonnet,limerick
    .venv/bin/python benchmarks/eval_english.py --json out.json

Backends: `gemma-local` (the offline default: Gemma 3 270M in-process, `gguf` extra),
or any configured backend name
(`inkmuse backends`). Each backend runs every strategy it supports (grammar where it takes
one, repair, unconstrained) on each form and seed. Reported per row: poems, valid (no error
under the strict checker), mean rounds used, mean errors left, seconds per poem, and the
first poem written, so the numbers can be read against the verse.
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

from inkmuse.core.errors import InkmuseError
from inkmuse.models.protocol import TextModel
from inkmuse.poetry.english.poet import EnglishPoemRequest, default_backend, write_english_poem

THEMES = ["a harbour at dawn", "winter rain on a city", "an old dog asleep", "the first frost"]


def make_backend(name: str) -> TextModel:
    if name == "gemma-local":
        return default_backend()
    from inkmuse.models.registry import get_backend

    return get_backend(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default="gemma-local")
    parser.add_argument("--forms", default="haiku,limerick,sonnet")
    parser.add_argument("--strategies", default="grammar,repair,unconstrained")
    parser.add_argument("--seeds", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--drafts", type=int, default=1)
    parser.add_argument("--json", dest="json_path")
    args = parser.parse_args()
    rows: list[dict[str, Any]] = []
    print(
        f"{'backend':<12} {'strategy':<13} {'form':<10} {'n':>2} {'valid':>6} {'rounds':>6} {'errors':>6} {'s/poem':>7}"
    )
    for name in args.backends.split(","):
        model = make_backend(name)
        wanted = args.strategies.split(",")
        strategies = [s for s in wanted if s != "grammar" or model.supports_grammar]
        for strategy in strategies:
            for form in args.forms.split(","):
                results, failures, seconds = [], 0, 0.0
                for seed in range(args.seeds):
                    request = EnglishPoemRequest(
                        THEMES[seed % len(THEMES)], form, seed=seed, strategy=strategy,
                        drafts=args.drafts, rounds=args.rounds,
                    )  # fmt: skip
                    start = time.perf_counter()
                    try:
                        results.append(write_english_poem(model, request))
                    except InkmuseError:
                        failures += 1  # no usable poem at all
                    seconds += time.perf_counter() - start
                n = len(results) + failures
                valid = sum(r.report.ok for r in results)
                row = {
                    "backend": name, "strategy": strategy, "form": form, "poems": n,
                    "valid": valid / n, "mean_rounds": sum(r.rounds for r in results) / max(1, len(results)),
                    "mean_errors": sum(len(r.report.errors) for r in results) / max(1, len(results)),
                    "seconds_per_poem": seconds / n, "no_poem": failures,
                    "example": results[0].text if results else None,
                }  # fmt: skip
                rows.append(row)
                print(f"{name:<12} {strategy:<13} {form:<10} {n:>2} {row['valid']:>6.0%} {row['mean_rounds']:>6.2f} {row['mean_errors']:>6.2f} {row['seconds_per_poem']:>7.1f}", flush=True)  # fmt: skip
    for row in rows:
        if row["example"]:
            print(f"\n--- {row['backend']} / {row['strategy']} / {row['form']}\n{row['example']}")
    if args.json_path:
        with open(args.json_path, "w", encoding="utf-8") as out:
            json.dump(rows, out, indent=1)


if __name__ == "__main__":
    main()
