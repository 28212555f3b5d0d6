"""The embedded poet's forward pass in numpy, with a key/value cache (torch not needed).

Mirrors `training/model.py` exactly: pre-LayerNorm blocks, learned positions, tanh-GELU,
tied output embedding. Weights ship as float16 and are widened to float32 once at load.

    >>> from inkmuse.models.embedded import load_poet
    >>> rt = load_poet().runtime
    >>> cache = rt.new_cache(batch=1)
    >>> rt.forward(np.array([[5, 3]]), cache).shape == (1, 2, rt.config.vocab_size)
    True
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float32]

_GELU_C = float(np.sqrt(2.0 / np.pi))


@contextmanager
def single_threaded() -> Iterator[None]:
    """Run BLAS on one thread: decoding multiplies small matrices, where OpenBLAS threads
    cost more than they give (30x slower measured on a busy 2-core machine)."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        yield


@dataclass(frozen=True)
class RuntimeConfig:
    """The architecture numbers (same names as training's PoetConfig)."""

    vocab_size: int
    n_layer: int
    n_head: int
    d_model: int
    block_size: int
    ln_eps: float = 1e-5

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> RuntimeConfig:
        return cls(**{k: raw[k] for k in cls.__dataclass_fields__ if k in raw})


@dataclass
class KVCache:
    """Keys and values of every layer for a batch, filled up to `length` positions."""

    keys: list[Array]  # per layer: (batch, heads, block_size, head_dim)
    values: list[Array]
    length: int

    def select(self, rows: NDArray[np.intp]) -> KVCache:
        """The cache of a subset (or re-ordering, or repetition) of the batch rows."""
        return KVCache([k[rows] for k in self.keys], [v[rows] for v in self.values], self.length)


def _layer_norm(x: Array, w: Array, b: Array, eps: float) -> Array:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    out: Array = ((x - mean) / np.sqrt(var + np.float32(eps))) * w + b
    return out


def _gelu(x: Array) -> Array:
    c = np.float32(_GELU_C)
    out: Array = np.float32(0.5) * x * (1 + np.tanh(c * (x + np.float32(0.044715) * x * x * x)))
    return out


class PoetRuntime:
    """Batched next-token logits for the embedded poet."""

    def __init__(self, config: RuntimeConfig, weights: dict[str, NDArray[Any]]):
        self.config = config
        self.w: dict[str, Array] = {k: np.asarray(v, dtype=np.float32) for k, v in weights.items()}
        # Pre-transposed copies so every matmul reads weights in row-major order.
        self.wt: dict[str, Array] = {
            k: np.ascontiguousarray(v.T) for k, v in self.w.items() if v.ndim == 2
        }
        expected = (config.vocab_size, config.d_model)
        if self.w["tok.weight"].shape != expected:
            raise ValueError(f"token embedding is {self.w['tok.weight'].shape}, not {expected}")

    @classmethod
    def load(cls, weights_path: Path, manifest_path: Path) -> PoetRuntime:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        with np.load(weights_path) as data:
            weights = {k: data[k] for k in data.files}
        return cls(RuntimeConfig.from_dict(manifest["config"]), weights)

    def new_cache(self, batch: int) -> KVCache:
        c = self.config
        shape = (batch, c.n_head, c.block_size, c.d_model // c.n_head)
        zeros = [np.zeros(shape, dtype=np.float32) for _ in range(c.n_layer)]
        return KVCache(zeros, [np.zeros(shape, dtype=np.float32) for _ in range(c.n_layer)], 0)

    def forward(self, ids: NDArray[np.int64], cache: KVCache) -> Array:
        """Feed ids (batch, time) after what the cache holds; return logits (batch, time, V).

        The cache is extended in place by `time` positions.
        """
        c = self.config
        batch, t = ids.shape
        start = cache.length
        if start + t > c.block_size:
            raise ValueError(f"sequence of {start + t} tokens exceeds the block of {c.block_size}")
        w, wt = self.w, self.wt
        x = w["tok.weight"][ids] + w["pos.weight"][start : start + t]
        heads, hd = c.n_head, c.d_model // c.n_head
        # Causal mask within the new tokens; earlier cached positions are all visible.
        future = np.triu(np.ones((t, start + t), dtype=bool), k=start + 1)
        for i in range(c.n_layer):
            p = f"blocks.{i}."
            h = _layer_norm(x, w[p + "ln1.weight"], w[p + "ln1.bias"], c.ln_eps)
            qkv = h @ wt[p + "qkv.weight"] + w[p + "qkv.bias"]
            q, k, v = (
                z.reshape(batch, t, heads, hd).transpose(0, 2, 1, 3)
                for z in np.split(qkv, 3, axis=-1)
            )
            cache.keys[i][:, :, start : start + t] = k
            cache.values[i][:, :, start : start + t] = v
            keys = cache.keys[i][:, :, : start + t]
            values = cache.values[i][:, :, : start + t]
            scores = (q @ keys.transpose(0, 1, 3, 2)) / np.float32(np.sqrt(hd))
            scores = np.where(future, np.float32(-np.inf), scores)
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            att = (scores / scores.sum(axis=-1, keepdims=True)) @ values
            att = att.transpose(0, 2, 1, 3).reshape(batch, t, c.d_model)
            x = x + att @ wt[p + "proj.weight"] + w[p + "proj.bias"]
            h = _layer_norm(x, w[p + "ln2.weight"], w[p + "ln2.bias"], c.ln_eps)
            h = _gelu(h @ wt[p + "fc.weight"] + w[p + "fc.bias"])
            x = x + h @ wt[p + "out.weight"] + w[p + "out.bias"]
        cache.length = start + t
        x = _layer_norm(x, w["ln_f.weight"], w["ln_f.bias"], c.ln_eps)
        logits: Array = x @ wt["tok.weight"]
        return logits


def log_softmax(logits: Array) -> Array:
    """Log-probabilities along the last axis (stable for -inf entries)."""
    top = logits.max(axis=-1, keepdims=True)
    shifted = logits - top
    out: Array = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
    return out
