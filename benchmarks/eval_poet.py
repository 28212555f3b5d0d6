"""Evaluate the embedded poet: 200 poems over varied themes, constrained vs unconstrained.

    .venv/bin/python benchmarks/eval_poet.py            # about 3-5 minutes on 2 cores
    .venv/bin/python benchmarks/eval_poet.py --json out.json

For 50 themes x 4 forms (seed = theme index), three ways of writing:
- ranked: the product (`write_poem`, 16 constrained candidates, best returned);
- constrained n=1: one masked sample, no ranking, no originality filter;
- unconstrained: one sample from the same model and prompt with only min-p/temperature.
Reported for each: validity (the checker finds no error), clean (no error and no warning),
copy rate (poems with a line of 5+ characters found verbatim in the corpus), distinct-2
(distinct character bigrams within lines / all bigrams), the model's own score (mean
log-probability per token, nats; higher is more fluent to the model) and keyword coverage
(the share of the theme's characters that appear in the poem).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from typing import Any

from inkmuse.core.hanzi import split_lines
from inkmuse.models.embedded import load_originality_index, load_poet
from inkmuse.poetry.checker import check_poem
from inkmuse.poetry.forms import get_form
from inkmuse.poetry.generate.decode import decode_batch
from inkmuse.poetry.generate.free import sample_free
from inkmuse.poetry.generate.poet import write_poem
from inkmuse.poetry.generate.rank import coverage
from inkmuse.poetry.request import PoemRequest

THEMES = [
    "秋夜 思乡",
    "春风 杨柳",
    "明月 故人",
    "边塞 征人",
    "江南 烟雨",
    "山居 闲云",
    "落花 流水",
    "孤舟 寒江",
    "梅花 雪",
    "登高 望远",
    "送别 长亭",
    "渔父",
    "夜雨 孤灯",
    "黄河 落日",
    "禅寺 钟声",
    "归雁",
    "竹林 清风",
    "荷塘 夏夜",
    "菊 重阳",
    "除夕 守岁",
    "清明 细雨",
    "怀古 金陵",
    "松 鹤",
    "晓行 霜",
    "酒 知己",
    "琴 月",
    "春晓",
    "暮春 惜花",
    "寒食",
    "塞下 秋来",
    "洞庭 秋水",
    "芦花 渔火",
    "青山 白云",
    "柴门 犬吠",
    "牧童 短笛",
    "烽火",
    "闺怨",
    "读书 灯下",
    "故园 桃花",
    "潮声 海月",
    "古道 西风",
    "小楼 听雨",
    "天涯 游子",
    "田家 麦熟",
    "长安 旧梦",
    "蝉 柳",
    "雪夜 访友",
    "庭院 梧桐",
    "钓 溪",
    "远山 暮钟",
]
FORMS = ("五绝", "七绝", "五律", "七律")


def bigram_distinct(poems: list[str]) -> float:
    grams = [
        line[i : i + 2]
        for poem in poems
        for line in split_lines(poem)
        for i in range(len(line) - 1)
    ]
    return len(set(grams)) / max(len(grams), 1)


def summarise(
    poems: list[tuple[str, str]], scores: list[float], words: list[list[str]]
) -> dict[str, float]:
    index = load_originality_index()
    valid = clean = copied = 0
    for form, text in poems:
        try:
            report = check_poem(text, form) if text.strip() else None
        except Exception:  # unparseable text (unconstrained output) is simply invalid
            report = None
        if report is not None and report.ok:
            valid += 1
            clean += not report.warnings
        copied += any(len(ln) >= 5 and index.contains(ln) for ln in split_lines(text))
    n = len(poems)
    return {
        "poems": n,
        "validity": valid / n,
        "clean": clean / n,
        "copy_rate": copied / n,
        "distinct_2": bigram_distinct([t for _, t in poems]),
        "model_score": sum(scores) / max(len(scores), 1),
        "keyword_coverage": sum(coverage(t, w) for (_, t), w in zip(poems, words, strict=True)) / n,
    }


def run(
    name: str, write: Callable[[str, list[str], int], tuple[str, float]], themes: list[str]
) -> dict[str, Any]:
    poems: list[tuple[str, str]] = []
    scores: list[float] = []
    words: list[list[str]] = []
    started = time.perf_counter()
    for t, theme in enumerate(themes):
        for form in FORMS:
            text, score = write(form, theme.split(), t)
            poems.append((form, text))
            scores.append(score)
            words.append(theme.split())
    result: dict[str, Any] = summarise(poems, scores, words)
    result["seconds"] = time.perf_counter() - started
    result["examples"] = [text for _, text in poems[:8]]
    print(
        f"{name:16} " + " ".join(f"{k} {v:.3f}" for k, v in result.items() if isinstance(v, float))
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", help="write the numbers and example poems here")
    parser.add_argument("--themes", type=int, default=len(THEMES), help="use the first N themes")
    args = parser.parse_args()
    poet = load_poet()

    def ranked(form: str, words: list[str], seed: int) -> tuple[str, float]:
        result = write_poem(PoemRequest(keywords=tuple(words), form=form, seed=seed, n=16), poet)
        return result.text, result.best.candidate.mean_logprob

    def constrained(form: str, words: list[str], seed: int) -> tuple[str, float]:
        cands = decode_batch(poet, get_form(form).patterns(), words, n=1, seed=seed)
        return (cands[0].text, cands[0].mean_logprob) if cands else ("", 0.0)

    def free(form: str, words: list[str], seed: int) -> tuple[str, float]:
        scores: list[float] = []
        text = sample_free(poet, form, words, n=1, seed=seed, scores=scores)[0]
        return text, scores[0]

    results = {
        "ranked": run("ranked (n=16)", ranked, THEMES[: args.themes]),
        "constrained": run("constrained n=1", constrained, THEMES[: args.themes]),
        "unconstrained": run("unconstrained", free, THEMES[: args.themes]),
        "model": poet.name,
        "validation_loss": poet.manifest["validation_loss"],
    }
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(results, fh, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
