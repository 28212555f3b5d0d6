"""The poet against real poems: old and new writing, and the real poems, over the same requests.

    .venv/bin/python benchmarks/eval_poet_real.py --per-form 100     # ~15 min on 2 cores
    .venv/bin/python benchmarks/eval_poet_real.py --json out.json --columns v1-old,v1-new

Needs data/poet-corpus-v1/valid.jsonl (training/prepare_corpus.py): v1's held-out split, which
neither model trained on. For each form, --per-form of its held-out poems are drawn (seeded);
each gives one request: a season or time word its title names (秋, 夜 ...), then its first
two keywords. Every column writes one poem per request with the same seed; "real" is the
held-out poem itself. Columns:
- v1-old: poet-v1 ranked by fluency and coverage alone, no steering (the poet as shipped
  before this change: the new terms below set to zero);
- v1-new: poet-v1 with the line plan, the theme's imagery steered and ranked, stock bigrams
  of the batch penalised;
- v2-new: poet-v2 (if its weights are in the package) with the same pipeline.
Measured for each column, over all its poems:
- distinct characters, distinct-2 (distinct bigrams within lines / all bigrams);
- season contradiction: poems for a season (the request's words name one; for real poems,
  the title) holding another season's word (poetry.imagery, the same list for all);
- seasons mixed unasked: the other poems, holding words of another season than the one
  they set themselves (imagery.mixed_seasons);
- daylight in night poems, the same way;
- stock-phrase rate: the top 50 bigrams of the column, how many times more often they occur
  there than in the real poems (1.0 is as real poems use them);
- keyword coverage, plan coverage (lines that hold a character of their plan word);
- validity (the checker finds no error) and copy rate (a line of 5+ characters verbatim in
  the corpus).
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from inkmuse.core.hanzi import split_lines
from inkmuse.core.theme_lexicon import theme_from_text
from inkmuse.models.embedded import load_originality_index, load_poet, package_dir
from inkmuse.poetry.checker import check_poem
from inkmuse.poetry.generate import poet as poet_module
from inkmuse.poetry.generate import rank, steer
from inkmuse.poetry.generate.poet import write_poem
from inkmuse.poetry.generate.rank import coverage
from inkmuse.poetry.generate.rank import line_bigrams as bigrams
from inkmuse.poetry.imagery import clashes, mixed_seasons
from inkmuse.poetry.request import PoemRequest

ROOT = Path(__file__).resolve().parents[1]
VALID = ROOT / "data/poet-corpus-v1/valid.jsonl"
FORMS = ("五绝", "七绝", "五律", "七律")
SEASON_WORD = {"spring": "春", "summer": "夏", "autumn": "秋", "winter": "冬"}
TIME_WORD = {"night": "夜", "dusk": "暮", "dawn": "晓"}


def requests(per_form: int, seed: int) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in VALID.read_text(encoding="utf-8").splitlines()]
    rng = random.Random(seed)
    out = []
    for form in FORMS:
        mine = [r for r in rows if r["form"] == form and r["keywords"]]
        for row in rng.sample(mine, min(per_form, len(mine))):
            theme = theme_from_text(row["title"])
            words = [SEASON_WORD.get(theme.season or ""), TIME_WORD.get(theme.time_of_day or "")]
            words = [w for w in words if w] + list(row["keywords"][:2])
            out.append({"form": form, "keywords": words[:3], "real": row, "title": row["title"]})
    return out


def with_terms(on: bool) -> Callable[[], None]:
    """Switch this change's new terms on or off (returns the undo)."""
    saved = (rank.CLASH_WEIGHT, rank.STOCK_WEIGHT, steer.CONTRARY_PENALTY)
    stock = poet_module.stock_bigrams
    if not on:
        rank.CLASH_WEIGHT, rank.STOCK_WEIGHT, steer.CONTRARY_PENALTY = 0.0, 0.0, 0.0
        poet_module.stock_bigrams = lambda model: {}  # type: ignore[assignment]

    def undo() -> None:
        rank.CLASH_WEIGHT, rank.STOCK_WEIGHT, steer.CONTRARY_PENALTY = saved
        poet_module.stock_bigrams = stock  # type: ignore[assignment]

    return undo


def generate(
    column: str, reqs: list[dict[str, Any]], seed: int, temperature: float = 0.8
) -> list[dict[str, Any]]:
    model, pipeline = column.split("-")
    poet = load_poet(f"poet-{model}")
    undo = with_terms(pipeline == "new")
    out = []
    try:
        for i, req in enumerate(reqs):
            request = PoemRequest(
                keywords=tuple(req["keywords"]), form=req["form"], seed=seed + i,
                plan=None if pipeline == "new" else (), temperature=temperature,
            )  # fmt: skip
            result = write_poem(request, poet)
            plan = result.line_plan.words if result.line_plan else None
            out.append({"text": result.text, "plan": plan, **req})
    finally:
        undo()
    return out


def measure(poems: list[dict[str, Any]], real_bigrams: Counter[str], real: bool) -> dict[str, Any]:
    index = load_originality_index()
    texts = [p["text"] for p in poems]
    grams = [g for t in texts for g in bigrams(t)]
    counts = Counter(grams)
    top = counts.most_common(50)
    real_total = sum(real_bigrams.values())
    stock = sum(c for _, c in top) / max(1, sum(real_bigrams[g] for g, _ in top))
    stock *= real_total / max(1, len(grams))
    season_n = season_bad = night_n = night_bad = free_n = free_mixed = 0
    plan_hit = plan_lines = 0
    for p in poems:
        theme = theme_from_text(p["title"] if real else " ".join(p["keywords"]))
        if theme.season:
            season_n += 1
            season_bad += bool(clashes(p["text"], season=theme.season))
        else:
            free_n += 1
            free_mixed += bool(mixed_seasons(p["text"]))
        if theme.time_of_day == "night":
            night_n += 1
            night_bad += bool(clashes(p["text"], time="night"))
        if p.get("plan"):
            for word, line in zip(p["plan"], split_lines(p["text"]), strict=False):
                plan_lines += 1
                plan_hit += any(c in line for c in word)
    valid = sum(check_poem(p["text"], p["form"]).ok for p in poems)
    copies = 0 if real else sum(any(index.contains(x) for x in split_lines(t)) for t in texts)
    return {
        "poems": len(poems),
        "distinct_chars": len(set("".join(split_lines("".join(texts))))),
        "distinct_2": round(len(counts) / max(1, len(grams)), 3),
        "season_contradiction": f"{season_bad}/{season_n} = {season_bad / max(1, season_n):.1%}",
        "seasons_mixed_unasked": f"{free_mixed}/{free_n} = {free_mixed / max(1, free_n):.1%}",
        "daylight_in_night": f"{night_bad}/{night_n} = {night_bad / max(1, night_n):.1%}",
        "stock_phrase_rate": round(stock, 2),
        "top_bigrams": " ".join(g for g, _ in top[:12]),
        "keyword_coverage": round(
            sum(coverage(p["text"], p["keywords"]) for p in poems) / len(poems), 3
        ),
        "plan_coverage": round(plan_hit / plan_lines, 3) if plan_lines else None,
        "valid": f"{valid}/{len(poems)}",
        "copy_rate": round(copies / len(poems), 3),
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--per-form", type=int, default=300)
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--columns", default="v1-old,v1-new,v2-new")
    p.add_argument("--json", type=Path)
    p.add_argument("--samples", type=int, default=3, help="poems per column to print")
    p.add_argument("--temperature", type=float, default=0.8, help="the poet's (default 0.8)")
    args = p.parse_args()
    reqs = requests(args.per_form, args.seed)
    real = [{"text": r["real"]["text"], **r} for r in reqs]
    real_bigrams = Counter(g for r in real for g in bigrams(r["text"]))
    results: dict[str, Any] = {"requests": len(reqs), "per_form": args.per_form}
    poems: dict[str, list[dict[str, Any]]] = {}
    for column in args.columns.split(","):
        if not (package_dir() / f"poet-{column.split('-')[0]}.json").exists():
            print(f"{column}: no such model in the package, skipped", flush=True)
            continue
        started = time.time()
        poems[column] = generate(column, reqs, args.seed, args.temperature)
        results[column] = measure(poems[column], real_bigrams, real=False)
        results[column]["seconds"] = round(time.time() - started, 1)
        print(column, json.dumps(results[column], ensure_ascii=False), flush=True)
    results["real"] = measure(real, real_bigrams, real=True)
    poems["real"] = real
    print("real", json.dumps(results["real"], ensure_ascii=False), flush=True)
    for model in ("poet-v1", "poet-v2"):
        if (package_dir() / f"{model}.json").exists():
            manifest = load_poet(model).manifest
            results[f"{model}_validation_loss"] = (
                manifest.get("validation_loss_v1") or manifest["validation_loss"]
            )
    metrics = [k for k in results["real"] if k != "top_bigrams"]
    columns = [c for c in poems]
    print("\n| metric | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    for m in metrics:
        print(f"| {m} | " + " | ".join(str(results[c].get(m)) for c in columns) + " |")
    rng = random.Random(args.seed)
    picks = rng.sample(range(len(reqs)), min(args.samples, len(reqs)))
    for i in picks:
        print(f"\n{reqs[i]['form']} {' '.join(reqs[i]['keywords'])} (title: {reqs[i]['title']})")
        for column in columns:
            print(f"  {column:7} {poems[column][i]['text']}")
    if args.json:
        results["poems"] = {c: [x["text"] for x in v] for c, v in poems.items()}
        results["requests_list"] = [{"form": r["form"], "keywords": r["keywords"]} for r in reqs]
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
