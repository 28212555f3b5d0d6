"""Benchmark the embedded poet: seconds per poem, constrained vs unconstrained.

    .venv/bin/python benchmarks/bench_poem.py

Cold start (a fresh Python: import, load weights, originality index and prosody tables,
first poem) is measured in a subprocess and reported apart. Warm numbers are the median
of --repeat runs with different seeds. Targets on a 2-core CPU: a 七绝 at batch 1 under
0.3 s, 16 candidates under 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from inkmuse.models.embedded import load_poet
from inkmuse.poetry.generate.free import sample_free
from inkmuse.poetry.generate.poet import write_poem
from inkmuse.poetry.request import PoemRequest

COLD = """
import time
t0 = time.perf_counter()
from inkmuse.poetry.generate.poet import write_poem
from inkmuse.poetry.request import PoemRequest
t1 = time.perf_counter()
write_poem(PoemRequest(keywords=("秋夜",), form="七绝", seed=0, n=1))
t2 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t1:.3f}")
"""


def median_seconds(fn: Callable[[int], object], repeat: int) -> float:
    times = []
    for seed in range(repeat):
        started = time.perf_counter()
        fn(seed)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    out = subprocess.run([sys.executable, "-c", COLD], capture_output=True, text=True, check=True)
    imports, first = (float(x) for x in out.stdout.split())
    print(
        f"cold start: import {imports:.2f} s, first 七绝 (loads weights, index, tables) {first:.2f} s"
    )
    poet = load_poet()
    write_poem(PoemRequest(keywords=("秋",), seed=0, n=1))  # warm caches in this process
    print(f"model {poet.name}: {poet.manifest['parameters']:,} parameters")
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} CPUs, load average {load} (other work shares the CPU)")
    print(f"{'form':6} {'constrained n=1':>16} {'n=16':>8} {'free n=1':>9} {'free n=16':>10}")
    for form in ("五绝", "七绝", "五律", "七律"):
        row = []
        for n in (1, 16):
            row.append(
                median_seconds(
                    lambda s, n=n, form=form: write_poem(
                        PoemRequest(keywords=("秋夜", "思乡"), form=form, seed=s, n=n), poet
                    ),
                    args.repeat,
                )
            )
        for n in (1, 16):
            row.append(
                median_seconds(
                    lambda s, n=n, form=form: sample_free(
                        poet, form, ["秋夜", "思乡"], n=n, seed=s
                    ),
                    args.repeat,
                )
            )
        print(f"{form:6} {row[0]:>14.3f} s {row[1]:>6.3f} s {row[2]:>7.3f} s {row[3]:>8.3f} s")


if __name__ == "__main__":
    main()
