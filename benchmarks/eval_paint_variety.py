"""Variety and fidelity of the ink landscapes: prints numbers, asserts nothing.

    .venv/bin/python benchmarks/eval_paint_variety.py

Variety is the structure distance of `inkmuse.painting.variety` (0 same layout, 1
unrelated), averaged over pairs: across seeds of one idea, and across ideas at one seed.
Fidelity is the share of the fidelity set's checks (tests/painting/test_fidelity.py) that
hold over four seeds.
"""

from __future__ import annotations

import sys
from pathlib import Path

from inkmuse.painting import PaintRequest, paint
from inkmuse.painting.reader import read_scene
from inkmuse.painting.scene import compose_scene
from inkmuse.painting.variety import mean_pairwise_distance

IDEAS = ["孤舟蓑笠翁，独钓寒江雪", "大漠孤烟直，长河落日圆", "小桥流水人家", "独坐幽篁里",
         "海上生明月", "云海 松", "北国风光，千里冰封", "两岸垂柳", "姑苏城外寒山寺",
         "千山鸟飞绝"]  # fmt: skip
SIZE = (320, 240)


def main() -> None:
    for idea in IDEAS[:3]:
        images = [
            paint(PaintRequest(text=idea, size=SIZE, seed=s, inscribe=False)).image
            for s in range(6)
        ]
        print(f"across 6 seeds of {idea[:8]}: {mean_pairwise_distance(images):.3f}")
    images = [paint(PaintRequest(text=i, size=SIZE, seed=1, inscribe=False)).image for i in IDEAS]
    print(f"across {len(IDEAS)} ideas at seed 1: {mean_pairwise_distance(images):.3f}")
    kinds = {read_scene(i).kind for i in IDEAS}
    print(f"kinds of landscape among them: {len(kinds)} ({', '.join(sorted(kinds))})")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "painting"))
    from test_fidelity import CASES, holds

    total = passed = 0
    for idea, required, forbidden in CASES:
        intent = read_scene(idea)
        for seed in range(4):
            plan = compose_scene(intent, 640, 480, seed).plan()
            checks = [holds(t, plan) for t in required.split()]
            checks += [not holds(t, plan) for t in forbidden.split()]
            total += len(checks)
            passed += sum(checks)
    print(f"fidelity: {passed}/{total} checks over {len(CASES)} ideas x 4 seeds")


if __name__ == "__main__":
    main()
