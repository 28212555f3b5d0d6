"""A tiny random-weight poet with the shipped vocabulary: validity does not depend on what
the model has learned (the masks guarantee it), and random weights pick odd characters a
trained model would avoid, so they test the constraints harder and in milliseconds."""

from __future__ import annotations

import numpy as np
import pytest

from inkmuse.models.embedded import EmbeddedPoet, load_poet
from inkmuse.models.embedded.runtime import PoetRuntime, RuntimeConfig


def make_tiny_poet(seed: int = 0) -> EmbeddedPoet:
    vocab = load_poet().vocab
    cfg = RuntimeConfig(vocab_size=len(vocab), n_layer=1, n_head=2, d_model=16, block_size=96)
    rng = np.random.default_rng(seed)
    d = cfg.d_model

    def w(*shape: int) -> np.ndarray:
        return rng.normal(0, 0.5, size=shape).astype(np.float32)

    weights = {
        "tok.weight": w(cfg.vocab_size, d),
        "pos.weight": w(cfg.block_size, d),
        "ln_f.weight": np.ones(d, np.float32),
        "ln_f.bias": np.zeros(d, np.float32),
    }
    for name, shape in {
        "ln1.weight": (d,),
        "ln1.bias": (d,),
        "qkv.weight": (3 * d, d),
        "qkv.bias": (3 * d,),
        "proj.weight": (d, d),
        "proj.bias": (d,),
        "ln2.weight": (d,),
        "ln2.bias": (d,),
        "fc.weight": (4 * d, d),
        "fc.bias": (4 * d,),
        "out.weight": (d, 4 * d),
        "out.bias": (d,),
    }.items():
        weights[f"blocks.0.{name}"] = w(*shape)
    runtime = PoetRuntime(cfg, weights)
    return EmbeddedPoet("tiny", runtime, vocab, {"sha256": "0" * 64})


@pytest.fixture(scope="session")
def tiny_poet() -> EmbeddedPoet:
    return make_tiny_poet()
