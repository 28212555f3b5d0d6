"""Training examples from the prepared corpus: prompt layout, keyword sampling, batches.

Keywords are re-sampled per epoch (0 to 4 of the poem's keywords, in random order, some cut
to one character) so the model learns to write with any number of the person's words,
including none and single characters such as 月.

    >>> ex = encode_example(Vocab(list("，。秋月明")), {"form": "五绝", "text": "秋月明，"}, ["秋月"])
    >>> ex.ids[:4], ex.start
    ([5, 11, 12, 3], 3)
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from inkmuse.models.embedded.vocab import Vocab, era_token, muse_token, tune_token

# How many keywords an example carries: none sometimes, mostly one to three.
KEYWORD_COUNT_WEIGHTS = (0.15, 0.3, 0.3, 0.15, 0.1)
SINGLE_CHAR_P = 0.2
# poet-v2: how often an example names its era and its author, so the model writes both with
# and without a muse (a prompt with neither is v1's layout).
ERA_P = 0.5
MUSE_P = 0.5


@dataclass
class Example:
    ids: list[int]
    start: int  # index of <sep>: the model is trained to predict everything after it


def load_rows(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def sample_keywords(keywords: Sequence[str], rng: random.Random) -> list[str]:
    k = rng.choices(range(len(KEYWORD_COUNT_WEIGHTS)), KEYWORD_COUNT_WEIGHTS)[0]
    chosen = rng.sample(list(keywords), min(k, len(keywords)))
    return [w[rng.randrange(len(w))] if rng.random() < SINGLE_CHAR_P else w for w in chosen]


def sample_conditions(vocab: Vocab, row: dict[str, Any], rng: random.Random) -> list[str]:
    """The tune (always, for a ci whose tune has a token), then maybe the era and the muse."""
    out = []
    if row["form"] == "词" and vocab.has_token(tune_token(row.get("tune", ""))):
        out.append(tune_token(row["tune"]))
    if rng.random() < ERA_P and vocab.has_token(era_token(row["dynasty"])):
        out.append(era_token(row["dynasty"]))
    if rng.random() < MUSE_P and vocab.has_token(muse_token(row.get("author", ""))):
        out.append(muse_token(row["author"]))
    return out


def encode_example(
    vocab: Vocab, row: dict[str, Any], keywords: Sequence[str], conditions: Sequence[str] = ()
) -> Example:
    prompt = vocab.encode_prompt(row["form"], keywords, conditions=conditions)
    return Example(ids=prompt + vocab.encode(row["text"]) + [vocab.eos], start=len(prompt) - 1)


def epoch_batches(
    vocab: Vocab,
    rows: list[dict[str, Any]],
    batch_size: int,
    seed: int,
    epoch: int,
    conditioned: bool = False,
) -> list[tuple[torch.Tensor, torch.Tensor]]:
    """All batches of one epoch, shuffled by (seed, epoch); each batch holds one form.

    conditioned: sample era and muse tokens (poet-v2); off, the examples are v1's exactly
    (the same random draws), which is how v1's held-out loss is measured on either model.
    """
    rng = random.Random(f"{seed}:{epoch}")
    by_form: dict[str, list[Example]] = {}
    for row in rows:
        keywords = sample_keywords(row["keywords"], rng)
        conditions = sample_conditions(vocab, row, rng) if conditioned else []
        example = encode_example(vocab, row, keywords, conditions)
        by_form.setdefault(row["form"], []).append(example)
    groups: list[list[Example]] = []
    for examples in by_form.values():
        rng.shuffle(examples)
        groups.extend(examples[i : i + batch_size] for i in range(0, len(examples), batch_size))
    rng.shuffle(groups)
    return [collate(vocab, group) for group in groups]


def collate(vocab: Vocab, examples: list[Example]) -> tuple[torch.Tensor, torch.Tensor]:
    """Inputs and targets; targets before <sep> and on padding are -100 (ignored)."""
    width = max(len(ex.ids) for ex in examples) - 1
    x = torch.full((len(examples), width), vocab.pad, dtype=torch.long)
    y = torch.full((len(examples), width), -100, dtype=torch.long)
    for i, ex in enumerate(examples):
        n = len(ex.ids) - 1
        x[i, :n] = torch.tensor(ex.ids[:-1])
        y[i, ex.start : n] = torch.tensor(ex.ids[ex.start + 1 :])
    return x, y
