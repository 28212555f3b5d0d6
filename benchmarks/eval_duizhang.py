"""The 对仗 rate of 颔联 and 颈联: real 律诗 (全唐诗, 唐诗三百首) against the embedded poet's.

    make corpus && .venv/bin/python benchmarks/eval_duizhang.py [--generated 50] [--json PATH]

For each set: the share of 律诗 whose 颔联 and 颈联 are both judged parallel (工对 or
宽对, not 合掌), the share for each couplet, and the verdicts. 全唐诗 is read without the
poems of 唐诗三百首, which were held out of the table's derivation: the 三百首 figure is the
one the table never saw. Two controls show the judgement is not true of any two lines:
首联 and 尾联 of the same poems (which the form leaves free), and "couplets" made of a
颔联's upper line and another poem's lower line.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from inkmuse.poetry.duizhang import judge_couplet, judge_poem_duizhang
from inkmuse.poetry.duizhang.corpus import (
    CORPUS,
    held_lines,
    is_lushi,
    load_quantangshi,
    load_sanbaishou,
)

THEMES = (
    ("秋夜", "思乡"), ("春风", "杨柳"), ("山居", "明月"), ("送别", "长亭"), ("边塞", "落日"),
    ("江南", "烟雨"), ("登高", "远望"), ("寒梅", "初雪"), ("古寺", "钟声"), ("渔舟", "晚照"),
)  # fmt: skip
FORMS = ("七律", "五律")


def rates(poems: Iterable[Sequence[str]]) -> dict[str, object]:
    """Both middle couplets parallel, each one, the verdicts, and the free couplets'."""
    n = both = jin = jing = first = last = 0
    verdicts: Counter[str] = Counter()
    for lines in poems:
        r = judge_poem_duizhang(lines)
        c = r.couplets
        n += 1
        both += r.ok
        jin += c[1].judgement.parallel
        jing += c[2].judgement.parallel
        first += c[0].judgement.parallel
        last += c[3].judgement.parallel
        verdicts.update(x.judgement.verdict for x in c[1:3])
    return {
        "poems": n,
        "both": both / n,
        "hanlian": jin / n,
        "jinglian": jing / n,
        "shoulian": first / n,
        "weilian": last / n,
        "verdicts": dict(verdicts.most_common()),
    }


def shuffled(poems: Sequence[Sequence[str]], seed: int = 0) -> float:
    """The parallel rate of a 颔联 upper line set against another poem's 颔联 lower line."""
    rng = random.Random(seed)
    by_len: dict[int, list[Sequence[str]]] = {}
    for p in poems:
        by_len.setdefault(len(p[0]), []).append(p)
    hits = total = 0
    for group in by_len.values():
        lowers = [p[3] for p in group]
        rng.shuffle(lowers)
        for p, lower in zip(group, lowers, strict=True):
            if lower != p[3]:
                total += 1
                hits += judge_couplet(p[2], lower).parallel
    return hits / total


def generated(count: int) -> tuple[list[tuple[str, ...]], float]:
    from inkmuse.poetry.generate.poet import write_poem
    from inkmuse.poetry.request import PoemRequest
    from inkmuse.poetry.text import split_poem

    out = []
    start = time.perf_counter()
    for i in range(count):
        keywords = THEMES[(i // len(FORMS)) % len(THEMES)]
        form = FORMS[i % len(FORMS)]
        text = write_poem(PoemRequest(keywords=keywords, form=form, seed=1 + i)).text
        out.append(split_poem(text).lines)
    return out, time.perf_counter() - start


def show(name: str, r: dict[str, object]) -> None:
    print(
        f"{name:<28} {r['poems']:>6}  both {r['both']:6.1%}  颔联 {r['hanlian']:6.1%}  "
        f"颈联 {r['jinglian']:6.1%}   | 首联 {r['shoulian']:6.1%}  尾联 {r['weilian']:6.1%}"
    )
    print(f"{'':<28} verdicts of 颔联+颈联: {r['verdicts']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generated", type=int, default=50, help="poems to write (0: none)")
    parser.add_argument("--json", type=Path, help="write the numbers here")
    args = parser.parse_args()
    if not (CORPUS / "quantangshi").exists():
        sys.exit(f"corpus not found at {CORPUS}: run `make corpus` first")
    held = load_sanbaishou(CORPUS)
    tang = [
        p.lines for p in load_quantangshi(CORPUS, exclude=held_lines(held)) if is_lushi(p.lines)
    ]
    three = [p.lines for p in held if p.form in ("五律", "七律") and is_lushi(p.lines)]
    results: dict[str, object] = {}
    print("对仗 of the middle couplets (parallel = 工对 or 宽对, not 合掌); 首联/尾联 are free\n")
    for name, poems in (
        ("全唐诗 律诗 (三百首 held out)", tang),
        ("  五律", [p for p in tang if len(p[0]) == 5]),
        ("  七律", [p for p in tang if len(p[0]) == 7]),
        ("唐诗三百首 律诗 (reference)", three),
        ("  五律", [p for p in three if len(p[0]) == 5]),
        ("  七律", [p for p in three if len(p[0]) == 7]),
    ):
        r = rates(poems)
        results[name.strip()] = r
        show(name, r)
    control = shuffled(tang)
    results["shuffled"] = control
    print(f"\ncontrol: 颔联 upper line against another poem's lower line: {control:.1%} parallel")
    if args.generated:
        poems, seconds = generated(args.generated)
        for name, subset in (
            (f"generated ({args.generated})", poems),
            ("  七律", [p for p in poems if len(p[0]) == 7]),
            ("  五律", [p for p in poems if len(p[0]) == 5]),
        ):
            r = rates(subset)
            results[name.strip()] = r
            show(name, r)
        print(f"  ({seconds:.1f} s to write {len(poems)} poems)")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
