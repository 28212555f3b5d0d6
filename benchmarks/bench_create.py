"""Benchmark: the full `create` run (poem, 960x640 painting, song with WAV) on this CPU.

    .venv/bin/python benchmarks/bench_create.py [--runs 3]

Cold start (imports, model and table loading, first run) is reported separately from warm
runs. Target: a warm run under 3 s on a 2-core CPU.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    t0 = time.perf_counter()
    from inkmuse.create import CreateRequest, create

    imported = time.perf_counter() - t0
    ideas = ["秋夜 思乡", "a harbour at dawn", "春江 花月", "寒山 孤舟 雪"]
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        create(CreateRequest(ideas[0], seed=1), Path(tmp) / "cold")
        cold = time.perf_counter() - t0
        print(f"cold start: imports {imported:.2f} s, first run {cold:.2f} s")
        totals = []
        steps: dict[str, list[float]] = {}
        for i in range(args.runs):
            idea = ideas[i % len(ideas)]
            t0 = time.perf_counter()
            made = create(CreateRequest(idea, seed=100 + i), Path(tmp) / f"run{i}")
            totals.append(time.perf_counter() - t0)
            for name, seconds in made.timings.items():
                steps.setdefault(name, []).append(seconds)
            print(f"  {idea}: {totals[-1]:.2f} s  ({made.poem})")
        print(f"warm run: median {statistics.median(totals):.2f} s over {len(totals)} runs")
        for name, values in steps.items():
            print(f"  {name:<9} median {statistics.median(values):.2f} s")


if __name__ == "__main__":
    main()
