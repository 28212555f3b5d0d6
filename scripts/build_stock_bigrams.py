"""Find a model's stock phrases: the bigrams, and the characters, it writes far more often
than real poets do.

    .venv/bin/python scripts/build_stock_bigrams.py --model poet-v2   # about 3 minutes

The model samples POEMS poems (every candidate of its batches, constrained as in use, no
ranking, no steering) for requests drawn from the training split of the poet's corpus
(npm chinese-poetry 2.0.1, MIT: the forms and keywords of real poems); the same split's
poems of the four regulated forms give the real rates. A bigram is stock when the model
writes it at least MIN_COUNT times and at least MIN_RATIO times as often as the real
poems do (万里, 风吹, 无人 for poet-v1). Its penalty, in nats, is PENALTY_SCALE x log of
that ratio, capped at MAX_PENALTY: the decoder takes it off the bigram's second character
after its first, and the ranking off poems that hold it.

The same count over single characters finds the model's favourite characters (风, 花, 春
for poet-v2): a character written at least CHAR_MIN_RATIO times as often as real poems
write it costs CHAR_SCALE x log of that ratio (capped at CHAR_MAX_PENALTY) at every step,
which is what moves a small model's probability from its few dozen habits to the rest of
the vocabulary (docs/poet.md measures distinct characters with and without it).

A second round (ROUNDS) samples again as the poet writes: with the line plan, the
penalties of the first round and the favourite characters. Pushed off its first habits the
model finds others (夜夜, 四海, 夕阳, 明朝 for poet-v2: 34, 36, 43, 29 times in 1,142 poems
against 1, 5, 5, 4 in as many real ones), and a bigram still written MIN_RATIO times too
often has PENALTY_SCALE x log of its new ratio added to its penalty (capped as before).

Then the characters the model draws too rarely (FRESH_ROUNDS rounds of FRESH_POEMS, as
the poet writes): each step's draw distribution is summed over every candidate, and a
character real poets write more often than the poet draws it gains FRESH_SCALE x log of
that ratio (at most FRESH_CAP, summed over the rounds: the second round measures the draw
under the first round's gains). The gain is added after the min-p cut (decode.sample_ids),
so it moves the draw among plausible characters only. And each character's surprisal under
the real poems' frequencies, less their mean per character, for the ranking's rarity term.

    .venv/bin/python scripts/build_stock_bigrams.py --model poet-v2 --fresh-only  # 1.5 min

keeps the table's bigrams and favourites and rebuilds only these two.

Writes src/inkmuse/poetry/data/stock-<model>.json:
{"bigrams": {"万里": 1.2, ...}, "chars": {"风": 0.4, ...}, "fresh": {"屦": 2.3, ...},
 "surprisal": {"之": -2.9, "蛩": 4.1, ...}, ...}.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data/poet-corpus-v1/train.jsonl"
OUT = ROOT / "src/inkmuse/poetry/data"
POEMS = 2048
MIN_COUNT = 12
MIN_RATIO = 2.5
PENALTY_SCALE = 0.6
MAX_PENALTY = 2.0
CHAR_MIN_RATIO = 1.3
CHAR_SCALE = 1.0
CHAR_MAX_PENALTY = 1.5
ROUNDS = 2
FRESH_ROUNDS = 2
FRESH_POEMS = 1024
FRESH_SCALE = 1.0
FRESH_CAP = 3.0
FRESH_MIN = 0.05  # smaller gains are left out of the table


def main() -> int:
    from inkmuse.core.hanzi import split_lines
    from inkmuse.models.embedded import load_poet

    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--model", default="poet-v1")
    p.add_argument("--poems", type=int, default=POEMS)
    p.add_argument("--seed", type=int, default=11)
    p.add_argument("--rounds", type=int, default=ROUNDS, help=f"default {ROUNDS} (see above)")
    p.add_argument("--fresh-only", action="store_true", help="keep bigrams and favourites")
    args = p.parse_args()
    if not CORPUS.exists():
        sys.exit("corpus v1 missing: run training/prepare_corpus.py")
    rows = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    real_chars = Counter(c for row in rows for line in split_lines(row["text"]) for c in line)
    poet = load_poet(args.model)
    path = OUT / f"stock-{args.model}.json"
    if args.fresh_only:
        out = json.loads(path.read_text(encoding="utf-8"))
    else:
        out = habits(args, poet, rows, real_chars)
    add_fresh(out, poet, rows, real_chars, args.seed)
    path.write_text(json.dumps(out, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"-> {path}")
    return 0


def habits(
    args: argparse.Namespace, poet: Any, rows: list[dict[str, Any]], real_chars: Counter[str]
) -> dict[str, Any]:
    """The table's stock bigrams and favourite characters, over args.rounds rounds."""
    from inkmuse.poetry.generate.rank import line_bigrams as bigrams

    real = Counter(g for row in rows for g in bigrams(row["text"]))
    real_total = sum(real.values())
    stock: dict[str, float] = {}
    chars: dict[str, float] = {}
    counts: Counter[str] = Counter()
    for round_ in range(args.rounds):
        generated, gen_chars, written = sample(poet, rows, args.poems, args.seed + round_,
                                               stock if round_ else None, chars)  # fmt: skip
        gen_total = sum(generated.values())
        grown = 0
        for gram, count in generated.items():
            if count < MIN_COUNT:
                continue
            ratio = over_real(count, gen_total, real[gram], real_total)
            if ratio >= MIN_RATIO:
                # Still over-written under the penalty it has: the penalty grows.
                cost = stock.get(gram, 0.0) + PENALTY_SCALE * math.log(ratio)
                stock[gram] = round(min(MAX_PENALTY, cost), 3)
                grown += 1
        counts.update(generated)
        if round_ == 0:
            chars = favourite_chars(gen_chars, real_chars)
        print(f"round {round_ + 1}: {written} poems, {grown} bigrams over {MIN_RATIO}x real")
    ordered = dict(sorted(stock.items(), key=lambda kv: -counts[kv[0]]))
    print(f"{len(ordered)} stock bigrams")
    print(" ".join(f"{g}({counts[g]}/{real[g]})" for g in list(ordered)[:30]))
    print(
        f"{len(chars)} favourite characters: "
        + " ".join(f"{c}{v}" for c, v in list(chars.items())[:40])
    )
    return {
        "model": args.model,
        "built_by": "scripts/build_stock_bigrams.py",
        "poems": args.poems,
        "rounds": args.rounds,
        "min_count": MIN_COUNT,
        "min_ratio": MIN_RATIO,
        "bigrams": ordered,
        "char_min_ratio": CHAR_MIN_RATIO,
        "char_scale": CHAR_SCALE,
        "chars": chars,
    }


def add_fresh(
    out: dict[str, Any], poet: Any, rows: list[dict[str, Any]], real: Counter[str], seed: int
) -> None:
    """Put the under-drawn characters' gains ("fresh") and every character's centred real
    surprisal ("surprisal") into the table `out`, sampling with its bigrams and favourites."""
    import numpy as np

    vocab = poet.vocab
    counts = np.array([real.get(ch, 0) for ch in vocab.itos], dtype=np.float64)
    p_real = counts / counts.sum()
    gain = np.zeros(len(vocab))
    for round_ in range(FRESH_ROUNDS):
        tally = np.zeros(len(vocab))
        fresh = {vocab.itos[i]: float(g) for i, g in enumerate(gain) if g > 0}
        sample(poet, rows, FRESH_POEMS, seed + ROUNDS + round_, out["bigrams"], out["chars"],
               fresh=fresh, tally=tally)  # fmt: skip
        ratio = np.log((p_real + 1e-7) / (tally / tally.sum() + 1e-7))
        gain = np.where(counts > 0, np.clip(gain + FRESH_SCALE * ratio, 0.0, FRESH_CAP), 0.0)
        print(f"fresh round {round_ + 1}: {int((gain >= 1).sum())} characters gain 1+ nats")
    order = np.argsort(-gain, kind="stable")
    out["fresh_scale"], out["fresh_cap"] = FRESH_SCALE, FRESH_CAP
    out["fresh"] = {vocab.itos[i]: round(float(gain[i]), 2) for i in order if gain[i] >= FRESH_MIN}
    # Add-one over the vocabulary, so a character real poets never wrote stays finite.
    info = -np.log((counts + 1) / (counts.sum() + len(vocab)))
    mean = float((counts * info).sum() / counts.sum())
    out["surprisal_mean"] = round(mean, 3)
    out["surprisal"] = {
        ch: round(float(info[i] - mean), 2) for i, ch in enumerate(vocab.itos) if real.get(ch)
    }
    top = " ".join(f"{vocab.itos[i]}{gain[i]:.1f}" for i in order[:30])
    print(f"{len(out['fresh'])} characters gain after the cut: {top}")


def sample(
    poet: Any,
    rows: list[dict[str, Any]],
    poems: int,
    seed: int,
    stock: dict[str, float] | None,
    chars: dict[str, float],
    *,
    fresh: dict[str, float] | None = None,
    tally: Any = None,
) -> tuple[Counter[str], Counter[str], int]:
    """Bigram and character counts of `poems` unranked candidates for requests drawn from
    `rows`: bare (stock None: the model's own habits) or steered as in use, with the line
    plan, the stock penalties, the favourite characters and the fresh gains; tally (an
    array over the vocabulary) receives every step's draw distribution."""
    from inkmuse.core.hanzi import split_lines
    from inkmuse.poetry.forms import get_form
    from inkmuse.poetry.generate.decode import decode_batch
    from inkmuse.poetry.generate.lineplan import plan_lines
    from inkmuse.poetry.generate.rank import line_bigrams as bigrams
    from inkmuse.poetry.generate.steer import Steering

    rng = random.Random(seed)
    generated: Counter[str] = Counter()
    gen_chars: Counter[str] = Counter()
    written = 0
    while written < poems:
        row = rng.choice(rows)
        words = [w for w in row["keywords"][:2] if all(c in poet.vocab for c in w)]
        specs = get_form(row["form"]).patterns()
        steer = None
        if stock is not None:
            lines = len(specs[0].lines)
            plan = plan_lines(tuple(words), lines, seed=rng.randrange(1 << 30)) if words else None
            steer = Steering.build(
                poet.vocab, words, season=None, time=None, plan=plan.words if plan else None,
                stock=stock, favourites=chars, fresh=fresh,
            )  # fmt: skip
        batch = decode_batch(
            poet, specs, words, n=16, seed=rng.randrange(1 << 30), steer=steer, tally=tally
        )
        for cand in batch:
            generated.update(bigrams(cand.text))
            gen_chars.update(c for line in split_lines(cand.text) for c in line)
            written += 1
    return generated, gen_chars, written


def favourite_chars(generated: Counter[str], real: Counter[str]) -> dict[str, float]:
    """Characters the model over-uses, each with its penalty (nats), most written first."""
    gen_total, real_total = sum(generated.values()), sum(real.values())
    out: dict[str, float] = {}
    for ch, count in generated.most_common():
        if count < MIN_COUNT:
            break
        ratio = over_real(count, gen_total, real[ch], real_total)
        if ratio >= CHAR_MIN_RATIO:
            out[ch] = round(min(CHAR_MAX_PENALTY, CHAR_SCALE * math.log(ratio)), 3)
    return out


def over_real(count: int, total: int, real_count: int, real_total: int) -> float:
    """How many times as often the model writes a bigram or character as real poems do
    (add-one on the real count, so a form real poets never write stays finite)."""
    return (count / total) / ((real_count + 1) / real_total)


if __name__ == "__main__":
    raise SystemExit(main())
