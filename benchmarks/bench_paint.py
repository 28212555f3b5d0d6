"""Painting speed on this machine: prints medians, asserts nothing.

    .venv/bin/python benchmarks/bench_paint.py

Targets (2-core CPU): 1024x768 ink landscape under 1.5 s, painterly 512 px under 1 s,
neural style transfer 512 px under 0.6 s. The input photo is docs/gallery/inputs/coffee.jpg
(512x341, CC0). Model loading for style transfer is timed once, apart from the runs.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from inkmuse.core.theme import Theme
from inkmuse.painting import PaintRequest, paint
from inkmuse.painting.neural import neural_style
from inkmuse.painting.painterly import PRESETS, painterly

ROOT = Path(__file__).resolve().parents[1]
PHOTO = ROOT / "docs" / "gallery" / "inputs" / "coffee.jpg"
POEM = "孤舟蓑笠翁，独钓寒江雪"
KINDS = ("大漠孤烟直，长河落日圆", "千山鸟飞绝", "小桥流水人家", "独坐幽篁里", "海上生明月",
         "云海 松", "北国风光，千里冰封", "两岸垂柳", "姑苏城外寒山寺", "长江 峡")  # fmt: skip


def median_seconds(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    rows: list[tuple[str, float, float | None]] = []
    for seed in (1, 2, 3):
        req = PaintRequest(text=POEM, size=(1024, 768), seed=seed, title="江雪", date="2025-12")
        rows.append((f"shanshui 1024x768 + inscription (seed {seed})",
                     median_seconds(lambda req=req: paint(req), 5), 1.5))  # fmt: skip
    req = PaintRequest(text="秋江 孤舟 雁", size=(1024, 768), seed=1, inscribe=False)
    rows.append(("shanshui 1024x768, no inscription", median_seconds(lambda: paint(req), 5), 1.5))
    # one of each kind of landscape, inscribed: the slowest kinds set the target
    for idea in KINDS:
        req = PaintRequest(text=idea, size=(1024, 768), seed=4)
        rows.append(
            (f"shanshui 1024x768 {idea}", median_seconds(lambda req=req: paint(req), 3), 1.5)
        )
    photo = Image.open(PHOTO).convert("RGB")  # 512x341
    for name, preset in PRESETS.items():
        rows.append((f"painterly {name} 512 px", median_seconds(lambda p=preset: painterly(photo, p, 1), 3),
                     1.0))  # fmt: skip
    start = time.perf_counter()
    neural_style(photo, 7, max_size=512)
    rows.append(
        ("neural style: first call (loads the ONNX model)", time.perf_counter() - start, None)
    )
    rows.append(
        ("neural style 7, 512 px", median_seconds(lambda: neural_style(photo, 7, 512), 5), 0.6)
    )
    style = Image.open(ROOT / "docs" / "gallery" / "inputs" / "chelsea.jpg")
    neural_style(photo, style, max_size=512)
    rows.append(("neural style from an image, 512 px",
                 median_seconds(lambda: neural_style(photo, style, 512), 5), 0.6))  # fmt: skip
    full = PaintRequest(text="", style="painterly", image=PHOTO, size=(512, 512), seed=1,
                        theme=Theme(), inscribe=False)  # fmt: skip
    rows.append(("paint() painterly photo 512 px (load, paint, metrics)",
                 median_seconds(lambda: paint(full), 3), 1.0))  # fmt: skip
    width = max(len(r[0]) for r in rows)
    for name, seconds, target in rows:
        verdict = "" if target is None else ("  ok" if seconds < target else f"  OVER {target} s")
        limit = "" if target is None else f"  (target < {target} s)"
        print(f"{name:<{width}}  {seconds:6.3f} s{limit}{verdict}")


if __name__ == "__main__":
    main()
