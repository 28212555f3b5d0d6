"""Evaluate the 词 and 对联 poet: every tune of the 词谱, several seeds; couplets.

    .venv/bin/python benchmarks/eval_ci_poet.py                 # about 5 minutes on 2 cores
    .venv/bin/python benchmarks/eval_ci_poet.py --seeds 1 --tunes 浣溪沙,临江仙 --show

For each tune and seed (keywords rotating through THEMES), `write_ci` with 16 candidates:
- raw: the share of the decoder's candidates the ci checker passes under the tune, before
  the poet filters them (how well the masks keep the 词谱: the checker has the last word);
- returned: ci written / asked (a GenerationError is a failure), and of those the share
  the checker passes when it is not told the tune (`check_ci(text)`) and reads it back as
  this tune's shape (a shape two tunes share counts as read back when the checker passes);
- copies: returned ci with a line of 5+ characters found verbatim in the corpus;
- seconds per ci.
For couplets: the 下联 to the famous 上联 of eval_ci.py, and both lines for keyword sets;
each checked by `check_couplet` with the 对仗 judge, and the judge's verdicts counted.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from inkmuse.core.errors import InkmuseError
from inkmuse.core.hanzi import split_lines
from inkmuse.models.embedded import load_originality_index, load_poet
from inkmuse.poetry.ci import check_ci, get_cipu
from inkmuse.poetry.ci.couplet import check_couplet
from inkmuse.poetry.duizhang import duizhang_faults
from inkmuse.poetry.generate.ci_decode import decode_ci
from inkmuse.poetry.generate.ci_poet import write_ci
from inkmuse.poetry.generate.couplet_poet import write_couplet
from inkmuse.poetry.request import PoemRequest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_ci import COUPLETS

THEMES = [
    ("春愁",), ("秋夜", "思乡"), ("送别",), ("江南", "烟雨"), ("边塞", "明月"),
    ("落花",), ("梅", "雪"), ("登楼",), ("渔舟", "晚"), ("离恨", "柳"),
]  # fmt: skip
COUPLET_THEMES = [
    ("春节",), ("读书",), ("山水",), ("秋月",), ("梅花",), ("江南",), ("新春", "福"), ("友谊",),
    ("登高",), ("茶",),
]  # fmt: skip


def eval_ci(tunes: list[str], seeds: int, show: bool) -> None:
    poet = load_poet()
    index = load_originality_index()
    raw_pass = raw_total = asked = written = read_back = copies = 0
    seconds = 0.0
    failures: list[str] = []
    for t, tune in enumerate(tunes):
        for seed in range(seeds):
            keywords = THEMES[(t + seed) % len(THEMES)]
            variant = get_cipu()[tune].variants[0]
            raw = decode_ci(poet, variant, keywords, n=16, seed=seed)
            raw_total += 16
            raw_pass += sum(check_ci(c.text, tune).ok for c in raw)
            asked += 1
            start = time.perf_counter()
            try:
                result = write_ci(PoemRequest(keywords=keywords, form=tune, seed=seed, n=16))
            except InkmuseError as err:
                failures.append(f"{tune} seed {seed}: {err}")
                continue
            seconds += time.perf_counter() - start
            written += 1
            detected = check_ci(result.text)
            read_back += detected.ok
            copies += any(len(x) >= 5 and index.contains(x) for x in split_lines(result.text))
            if show:
                print(
                    f"{tune} {result.variant.name} seed {seed} {'/'.join(keywords)}: {result.text}"
                )
    print(f"词: {len(tunes)} tunes x {seeds} seeds")
    print(
        f"  raw candidates passing the checker: {raw_pass}/{raw_total} = {raw_pass / raw_total:.1%}"
    )
    print(f"  written: {written}/{asked}; failures: {len(failures)}")
    for line in failures[:10]:
        print(f"    {line}")
    print(f"  pass with the tune read from the shape: {read_back}/{written}")
    print(f"  with a corpus line copied: {copies}/{written}")
    print(f"  seconds per ci (16 candidates): {seconds / max(written, 1):.2f}")


def eval_couplets(seeds: int, show: bool) -> None:
    verdicts: Counter[str] = Counter()
    passed = total = 0
    seconds = 0.0
    jobs = [
        PoemRequest(form="对联", opening=upper, seed=s, n=16)
        for upper, _l, _s in COUPLETS
        for s in range(seeds)
    ]
    jobs += [
        PoemRequest(form="对联", keywords=kw, seed=s, n=16)
        for kw in COUPLET_THEMES
        for s in range(seeds)
    ]
    for request in jobs:
        total += 1
        start = time.perf_counter()
        try:
            result = write_couplet(request)
        except InkmuseError as err:
            print(f"  failed: {request.opening or request.keywords}: {err}")
            continue
        seconds += time.perf_counter() - start
        report = check_couplet(result.upper, result.lower, duizhang=duizhang_faults)
        passed += report.ok
        verdicts[result.verdict] += 1
        if show:
            print(f"  {result.upper} / {result.lower}  [{result.verdict}] 横批 {result.hengpi[0]}")
    print(
        f"对联: {total} requests ({len(COUPLETS)} famous 上联 and {len(COUPLET_THEMES)} themes x {seeds} seeds)"
    )
    print(f"  pass check_couplet with the 对仗 judge: {passed}/{total}")
    print(f"  对仗 verdicts: {dict(verdicts.most_common())}")
    print(f"  seconds per couplet: {seconds / max(total, 1):.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--tunes", help="comma-separated tunes (default: every tune)")
    parser.add_argument("--show", action="store_true", help="print every ci and couplet")
    parser.add_argument("--skip-couplets", action="store_true")
    args = parser.parse_args()
    tunes = args.tunes.split(",") if args.tunes else list(get_cipu())
    eval_ci(tunes, args.seeds, args.show)
    if not args.skip_couplets:
        eval_couplets(args.seeds, args.show)


if __name__ == "__main__":
    main()
