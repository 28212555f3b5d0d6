"""Unconstrained sampling from the same model and prompt: the baseline that shows what the
masks add (see benchmarks/eval_poet.py). Not used to write poems for people.

    >>> from inkmuse.models.embedded import load_poet
    >>> texts = sample_free(load_poet(), "五绝", ["秋月"], n=2, seed=1)
    >>> len(texts)
    2
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from inkmuse.core.seeds import make_rng
from inkmuse.models.embedded import EmbeddedPoet
from inkmuse.models.embedded.runtime import log_softmax, single_threaded
from inkmuse.poetry.generate.decode import sample_ids


def sample_free(
    poet: EmbeddedPoet,
    form_short: str,
    keywords: Sequence[str],
    *,
    n: int,
    seed: int,
    temperature: float = 0.8,
    scores: list[float] | None = None,
) -> list[str]:
    """n texts sampled with min-p and temperature only, each until <eos> or the block ends.

    scores, when given, receives each text's mean log-probability per token (nats).
    """
    vocab, runtime = poet.vocab, poet.runtime
    rng = make_rng(seed)
    with single_threaded():
        prompt = np.array([vocab.encode_prompt(form_short, keywords)], dtype=np.int64)
        cache = runtime.new_cache(1)
        logits = runtime.forward(prompt, cache)[:, -1]
        cache = cache.select(np.zeros(n, dtype=np.intp))
        logits = np.repeat(logits, n, axis=0)
        out: list[list[int]] = [[] for _ in range(n)]
        total = np.zeros(n)
        done = np.zeros(n, dtype=bool)
        for _ in range(runtime.config.block_size - prompt.shape[1]):
            logp = log_softmax(logits)
            ids = sample_ids(logits, None, temperature, rng)
            for b in np.flatnonzero(~done):
                total[b] += logp[b, ids[b]]
                if ids[b] == vocab.eos:
                    done[b] = True
                else:
                    out[b].append(int(ids[b]))
            if done.all():
                break
            logits = runtime.forward(ids[:, None].astype(np.int64), cache)[:, -1]
    if scores is not None:
        scores.extend(float(total[b] / (len(out[b]) + 1)) for b in range(n))
    return [vocab.decode(ids) for ids in out]
