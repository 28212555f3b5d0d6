"""Benchmark: poem → MIDI + MusicXML + WAV (issue 6 target: under 1 s on the 2-core CPU).

    .venv/bin/python benchmarks/bench_compose.py

Prints three numbers for 静夜思 (五绝) and 登高 (七律):
- warm: compose + write the three files in a running process (median of 7 runs);
- cold: a fresh Python process that imports inkmuse, composes and writes (median of 3);
- cli: the `inkmuse compose` command end to end, all six formats (median of 3).
Each as wall-clock time and as CPU time (user + system): the machine is shared, and CPU
time is what the work costs when other jobs compete for the two cores. Also the piece's
audio length, so the speed can be read as a real-time factor.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

POEMS = {
    "静夜思 (五绝)": "床前明月光，疑是地上霜。举头望明月，低头思故乡。",
    "登高 (七律)": "风急天高猿啸哀，渚清沙白鸟飞回。无边落木萧萧下，不尽长江滚滚来。"
    "万里悲秋常作客，百年多病独登台。艰难苦恨繁霜鬓，潦倒新停浊酒杯。",
}
FORMATS = ("mid", "musicxml", "wav")
ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable


Timing = tuple[float, float]  # (wall seconds, CPU seconds)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _warm(poem: str, folder: Path) -> tuple[Timing, float]:
    from inkmuse.music import ComposeRequest, compose, export

    walls, cpus = [], []
    seconds = 0.0
    for _ in range(7):
        t0, c0 = time.perf_counter(), time.process_time()
        piece = compose(ComposeRequest(poem=poem, seed=7))
        export(piece, folder, formats=FORMATS)
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
        seconds = piece.duration_seconds
    return (statistics.median(walls), statistics.median(cpus)), seconds


def _timed_runs(cmd: list[str]) -> Timing:
    walls, cpus = [], []
    for _ in range(3):
        t0, c0 = time.perf_counter(), _children_cpu()
        subprocess.run(cmd, check=True, capture_output=True)
        walls.append(time.perf_counter() - t0)
        cpus.append(_children_cpu() - c0)
    return statistics.median(walls), statistics.median(cpus)


def _cold(poem: str, folder: Path) -> Timing:
    code = (
        "from inkmuse.music import ComposeRequest, compose, export\n"
        f"export(compose(ComposeRequest(poem={poem!r}, seed=7)), {str(folder)!r}, "
        f"formats={FORMATS!r})"
    )
    return _timed_runs([PY, "-c", code])


def _cli(poem: str, folder: Path) -> Timing:
    exe = str(Path(PY).with_name("inkmuse"))
    return _timed_runs([exe, "compose", poem, "--seed", "7", "--out", str(folder)])


def main() -> int:
    import os

    load = os.getloadavg()[0]
    print(
        f"CPU cores: {os.cpu_count()}  load average: {load:.1f}  python: {sys.version.split()[0]}"
    )
    print("times as wall / CPU seconds")
    with tempfile.TemporaryDirectory() as tmp:
        for name, poem in POEMS.items():
            warm, seconds = _warm(poem, Path(tmp) / "warm")
            cold = _cold(poem, Path(tmp) / "cold")
            cli = _cli(poem, Path(tmp) / "cli")
            print(f"{name}: {seconds:.1f} s of music | warm {warm[0]:.3f} / {warm[1]:.3f} | "
                  f"cold process {cold[0]:.3f} / {cold[1]:.3f} | "
                  f"CLI (6 formats) {cli[0]:.3f} / {cli[1]:.3f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
