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
from inkmuse.models.embedded.vocab import Vocab

# How many keywords an example carries: none sometimes, mostly one to three.
KEYWORD_COUNT_WEIGHTS = (0.15, 0.3, 0.3, 0.15, 0.1)
SINGLE_CHAR_P = 0.2


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


def encode_example(vocab: Vocab, row: dict[str, Any], keywords: Sequence[str]) -> Example:
    prompt = vocab.encode_prompt(row["form"], keywords)
    return Example(ids=prompt + vocab.encode(row["text"]) + [vocab.eos], start=len(prompt) - 1)


def epoch_batches(
    vocab: Vocab, rows: list[dict[str, Any]], batch_size: int, seed: int, epoch: int
) -> list[tuple[torch.Tensor, torch.Tensor]]:
    """All batches of one epoch, shuffled by (seed, epoch); each batch holds one form."""
    rng = random.Random(f"{seed}:{epoch}")
    by_form: dict[str, list[Example]] = {}
    for row in rows:
        example = encode_example(vocab, row, sample_keywords(row["keywords"], rng))
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
