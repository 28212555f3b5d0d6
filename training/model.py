"""The embedded poet: a small decoder-only character transformer (nanoGPT-shaped).

Pre-LayerNorm blocks, learned positions, tanh-GELU and tied input/output embeddings. Every
choice here is mirrored exactly by the numpy runtime in `inkmuse.models.embedded.runtime`
(which must match this module to ~1e-5 on the same weights), so change both together.

    >>> cfg = PoetConfig(vocab_size=100, n_layer=1, n_head=2, d_model=16, block_size=8)
    >>> PoetModel(cfg)(torch.zeros(1, 4, dtype=torch.long)).shape
    torch.Size([1, 4, 100])
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

import torch
from torch import nn
from torch.nn import functional as F


@dataclass
class PoetConfig:
    vocab_size: int = 7369  # 7,360 characters seen 3+ times in corpus v1, plus specials
    n_layer: int = 6  # 6 x 256 gives ~6.6M parameters: trains in ~1 h on 2 shared cores
    n_head: int = 8  # head size 32
    d_model: int = 256
    block_size: int = 96  # longest example: <form> + 4 keywords (<=11) + <sep> + 七律 64 + <eos>
    ln_eps: float = 1e-5

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Block(nn.Module):
    def __init__(self, cfg: PoetConfig):
        super().__init__()
        self.n_head = cfg.n_head
        self.ln1 = nn.LayerNorm(cfg.d_model, eps=cfg.ln_eps)
        self.qkv = nn.Linear(cfg.d_model, 3 * cfg.d_model)
        self.proj = nn.Linear(cfg.d_model, cfg.d_model)
        self.ln2 = nn.LayerNorm(cfg.d_model, eps=cfg.ln_eps)
        self.fc = nn.Linear(cfg.d_model, 4 * cfg.d_model)
        self.out = nn.Linear(4 * cfg.d_model, cfg.d_model)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, t, d = x.shape
        q, k, v = self.qkv(self.ln1(x)).split(d, dim=2)
        shape = (b, t, self.n_head, d // self.n_head)
        q, k, v = (z.view(shape).transpose(1, 2) for z in (q, k, v))
        att = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        x = x + self.proj(att.transpose(1, 2).reshape(b, t, d))
        return x + self.out(F.gelu(self.fc(self.ln2(x)), approximate="tanh"))


class PoetModel(nn.Module):
    def __init__(self, cfg: PoetConfig):
        super().__init__()
        self.cfg = cfg
        self.tok = nn.Embedding(cfg.vocab_size, cfg.d_model)
        self.pos = nn.Embedding(cfg.block_size, cfg.d_model)
        self.blocks = nn.ModuleList(Block(cfg) for _ in range(cfg.n_layer))
        self.ln_f = nn.LayerNorm(cfg.d_model, eps=cfg.ln_eps)
        self.apply(self._init)
        # GPT-2 scaling: residual projections shrink with depth so the stream stays stable.
        for name, p in self.named_parameters():
            if name.endswith(("proj.weight", "out.weight")):
                nn.init.normal_(p, std=0.02 / math.sqrt(2 * cfg.n_layer))

    @staticmethod
    def _init(module: nn.Module) -> None:
        if isinstance(module, nn.Linear):
            nn.init.normal_(module.weight, std=0.02)
            nn.init.zeros_(module.bias)
        elif isinstance(module, nn.Embedding):
            nn.init.normal_(module.weight, std=0.02)

    def n_params(self) -> int:
        return sum(p.numel() for p in self.parameters())

    def forward(self, idx: torch.Tensor) -> torch.Tensor:
        """Logits (batch, time, vocab) for token ids (batch, time)."""
        t = idx.shape[1]
        x = self.tok(idx) + self.pos(torch.arange(t, device=idx.device))
        for block in self.blocks:
            x = block(x)
        return self.ln_f(x) @ self.tok.weight.T  # tied output embedding
