"""Benchmark: poem → MIDI + MusicXML + WAV (issue 6 target: under 1 s on the 2-core CPU).

    .venv/bin/python benchmarks/bench_compose.py

Prints three numbers for 静夜思 (五绝) and 登高 (七律):
- warm: compose + write the three files in a running process (median of 7 runs);
- cold: a fresh Python process that imports inkmuse, composes and writes (median of 3);
- cli: the `inkmuse compose` command end to end, all six formats (median of 3).
Also the piece's audio length, so the speed can be read as a real-time factor.
"""

from __future__ import annotations

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


def _warm(poem: str, folder: Path) -> tuple[float, float]:
    from inkmuse.music import ComposeRequest, compose, export

    times = []
    seconds = 0.0
    for _ in range(7):
        t0 = time.perf_counter()
        piece = compose(ComposeRequest(poem=poem, seed=7))
        export(piece, folder, formats=FORMATS)
        times.append(time.perf_counter() - t0)
        seconds = piece.duration_seconds
    return statistics.median(times), seconds


def _cold(poem: str, folder: Path) -> float:
    code = (
        "from inkmuse.music import ComposeRequest, compose, export\n"
        f"export(compose(ComposeRequest(poem={poem!r}, seed=7)), {str(folder)!r}, "
        f"formats={FORMATS!r})"
    )
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run([PY, "-c", code], check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _cli(poem: str, folder: Path) -> float:
    exe = str(Path(PY).with_name("inkmuse"))
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run([exe, "compose", poem, "--seed", "7", "--out", str(folder)],
                       check=True, capture_output=True)  # fmt: skip
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    import os

    print(f"CPU cores: {os.cpu_count()}  python: {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, poem in POEMS.items():
            warm, seconds = _warm(poem, Path(tmp) / "warm")
            cold = _cold(poem, Path(tmp) / "cold")
            cli = _cli(poem, Path(tmp) / "cli")
            print(f"{name}: {seconds:.1f} s of music | warm {warm:.3f} s | cold process "
                  f"{cold:.3f} s | CLI (6 formats) {cli:.3f} s")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
