"""Find a model's stock phrases: the bigrams it writes far more often than real poets do.

    .venv/bin/python scripts/build_stock_bigrams.py --model poet-v1   # about 2 minutes

The model samples POEMS poems (every candidate of its batches, constrained as in use, no
ranking, no steering) for requests drawn from the training split of the poet's corpus
(npm chinese-poetry 2.0.1, MIT: the forms and keywords of real poems); the same split's
poems of the four regulated forms give the real rates. A bigram is stock when the model
writes it at least MIN_COUNT times and at least MIN_RATIO times as often as the real
poems do (万里, 风吹, 无人 for poet-v1). Its penalty, in nats, is PENALTY_SCALE x log of
that ratio, capped at MAX_PENALTY: the decoder takes it off the bigram's second character
after its first, and the ranking off poems that hold it.

Writes src/inkmuse/poetry/data/stock-<model>.json: {"bigrams": {"万里": 1.2, ...}, ...}.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data/poet-corpus-v1/train.jsonl"
OUT = ROOT / "src/inkmuse/poetry/data"
POEMS = 2048
MIN_COUNT = 12
MIN_RATIO = 2.5
PENALTY_SCALE = 0.6
MAX_PENALTY = 2.0


def main() -> int:
    from inkmuse.models.embedded import load_poet
    from inkmuse.poetry.forms import get_form
    from inkmuse.poetry.generate.decode import decode_batch
    from inkmuse.poetry.generate.rank import line_bigrams as bigrams

    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--model", default="poet-v1")
    p.add_argument("--poems", type=int, default=POEMS)
    p.add_argument("--seed", type=int, default=11)
    args = p.parse_args()
    if not CORPUS.exists():
        sys.exit("corpus v1 missing: run training/prepare_corpus.py")
    rows = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    real = Counter(g for row in rows for g in bigrams(row["text"]))
    real_total = sum(real.values())
    poet = load_poet(args.model)
    rng = random.Random(args.seed)
    generated: Counter[str] = Counter()
    written = 0
    while written < args.poems:
        row = rng.choice(rows)
        words = [w for w in row["keywords"][:2] if all(c in poet.vocab for c in w)]
        specs = get_form(row["form"]).patterns()
        for cand in decode_batch(poet, specs, words, n=16, seed=rng.randrange(1 << 30)):
            generated.update(bigrams(cand.text))
            written += 1
    gen_total = sum(generated.values())
    stock: dict[str, float] = {}
    for gram, count in generated.items():
        if count < MIN_COUNT:
            continue
        ratio = (count / gen_total) / ((real[gram] + 1) / real_total)
        if ratio >= MIN_RATIO:
            stock[gram] = round(min(MAX_PENALTY, PENALTY_SCALE * math.log(ratio)), 3)
    ordered = dict(sorted(stock.items(), key=lambda kv: -generated[kv[0]]))
    out = {
        "model": args.model,
        "built_by": "scripts/build_stock_bigrams.py",
        "poems": written,
        "min_count": MIN_COUNT,
        "min_ratio": MIN_RATIO,
        "bigrams": ordered,
    }
    path = OUT / f"stock-{args.model}.json"
    path.write_text(json.dumps(out, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    top = list(ordered)[:30]
    print(f"{len(ordered)} stock bigrams from {written} poems -> {path}")
    print(" ".join(f"{g}({generated[g]}/{real[g]})" for g in top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
