"""Evaluate poem-to-song over the regulated poems (近体诗) of 唐诗三百首.

    .venv/bin/python benchmarks/eval_music.py            # all 五绝 七绝 五律 七律
    .venv/bin/python benchmarks/eval_music.py --limit 40 --ablation

For every poem: compose with a fixed seed (the poem's index), then measure tone-melody
agreement (share of adjacent syllable pairs whose pitch step follows their tones) and
scale consistency (share of melody notes in the mode's pentatonic scale). Targets from
issue 6: agreement ≥ 0.8, consistency ≥ 0.95. `--ablation` composes the same poems with
the tone rules switched off (melody from folk statistics and contour alone) to show how
much of the agreement the rules buy, i.e. what chance would give.

Needs the chinese-poetry corpus (`bash scripts/fetch_corpus.sh`); the texts are in
traditional characters and are converted with OpenCC (t2s) before reading tones.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data/cache/chinese-poetry-2.0.1/package/dist/mengxue/tangshisanbaishou.json"
FORMS = ("五言絕句", "七言絕句", "五言律詩", "七言律詩")


def load_poems() -> list[tuple[str, str, str]]:
    """(form, title, simplified text) of each regulated poem."""
    if not CORPUS.exists():
        sys.exit(f"corpus missing: {CORPUS}\nrun: bash scripts/fetch_corpus.sh")
    import opencc

    t2s = opencc.OpenCC("t2s")
    data = json.loads(CORPUS.read_text(encoding="utf-8"))
    poems = []
    for group in data["content"]:
        if group["type"] not in FORMS:
            continue
        for poem in group["content"]:
            text = t2s.convert("".join(poem["paragraphs"]))
            poems.append((t2s.convert(group["type"]), t2s.convert(poem["chapter"]), text))
    return poems


def evaluate(poems: list[tuple[str, str, str]], tone_rules: bool) -> dict[str, object]:
    from inkmuse.music import ComposeRequest, compose, measure
    from inkmuse.music import melody as melody_module

    saved = melody_module.TONE_PENALTY
    melody_module.TONE_PENALTY = saved if tone_rules else 0.0
    rows = []
    try:
        for i, (form, title, text) in enumerate(poems):
            t0 = time.perf_counter()
            piece = compose(ComposeRequest(poem=text, seed=i))
            m = measure(piece)
            rows.append((form, title, m.tone_agreement or 0.0, m.scale_consistency,
                         time.perf_counter() - t0))  # fmt: skip
    finally:
        melody_module.TONE_PENALTY = saved
    by_form: dict[str, object] = {}
    for form in sorted({r[0] for r in rows}):
        sel = [r for r in rows if r[0] == form]
        by_form[form] = {
            "poems": len(sel),
            "tone_agreement": round(statistics.mean(r[2] for r in sel), 4),
            "scale_consistency": round(statistics.mean(r[3] for r in sel), 4),
        }
    worst = sorted(rows, key=lambda r: r[2])[:3]
    return {
        "poems": len(rows),
        "tone_agreement": round(statistics.mean(r[2] for r in rows), 4),
        "tone_agreement_min": round(min(r[2] for r in rows), 4),
        "poems_at_or_above_0.8": sum(r[2] >= 0.8 for r in rows),
        "scale_consistency": round(statistics.mean(r[3] for r in rows), 4),
        "scale_consistency_min": round(min(r[3] for r in rows), 4),
        "compose_seconds_mean": round(statistics.mean(r[4] for r in rows), 4),
        "by_form": by_form,
        "lowest_agreement": [f"{r[1]} ({r[0]}): {r[2]:.3f}" for r in worst],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N poems")
    parser.add_argument("--ablation", action="store_true", help="also without tone rules")
    args = parser.parse_args()
    poems = load_poems()[: args.limit]
    print(f"唐诗三百首 regulated poems: {len(poems)}")
    result = {"with_tone_rules": evaluate(poems, tone_rules=True)}
    if args.ablation:
        result["without_tone_rules"] = evaluate(poems, tone_rules=False)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    ok = result["with_tone_rules"]
    passed = float(ok["tone_agreement"]) >= 0.8 and float(ok["scale_consistency"]) >= 0.95  # type: ignore[arg-type]
    print("targets (agreement ≥ 0.8, consistency ≥ 0.95):", "met" if passed else "NOT met")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
