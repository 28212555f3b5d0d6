"""The embedded poet: shipped weights, vocabulary, numpy runtime and originality index.

>>> poet = load_poet()
>>> poet.manifest["corpus"]["version"], len(poet.vocab) == poet.runtime.config.vocab_size
('v2', True)
"""

from __future__ import annotations

import functools
import json
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from inkmuse.core.errors import DataError
from inkmuse.models.embedded.originality import OriginalityIndex
from inkmuse.models.embedded.runtime import PoetRuntime
from inkmuse.models.embedded.vocab import Vocab

__all__ = [
    "MODEL_NAME",
    "EmbeddedPoet",
    "OriginalityIndex",
    "PoetRuntime",
    "Vocab",
    "default_model_name",
    "load_poet",
]

MODEL_NAME = "poet-v2"  # the default; INKMUSE_POET=poet-v1 chooses the first generation


def default_model_name() -> str:
    """The poet to load: INKMUSE_POET when set (a shipped model's name), else MODEL_NAME."""
    return os.environ.get("INKMUSE_POET", "").strip() or MODEL_NAME


@dataclass(frozen=True)
class EmbeddedPoet:
    """Everything generation needs, loaded once per process."""

    name: str
    runtime: PoetRuntime
    vocab: Vocab
    manifest: dict[str, Any]


def package_dir() -> Path:
    return Path(str(resources.files(__package__)))


def load_poet(name: str | None = None) -> EmbeddedPoet:
    """Load the shipped weights (about 0.1 s; cached for the process)."""
    return _load_poet(name or default_model_name())


@functools.cache
def _load_poet(name: str) -> EmbeddedPoet:
    base = package_dir()
    manifest_path = base / f"{name}.json"
    if not manifest_path.exists():
        shipped = sorted(p.stem for p in base.glob("poet-v*.json") if "vocab" not in p.name)
        raise DataError(
            f"the embedded poet's weights '{name}' are missing from {base}",
            hint=f"shipped: {', '.join(shipped)} (INKMUSE_POET chooses one); "
            "reinstall inkmuse, or rebuild them with training/export.py",
        )
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    vocab = Vocab.load(base / manifest["vocab"])
    runtime = PoetRuntime.load(base / manifest["weights"], manifest_path)
    if len(vocab) != runtime.config.vocab_size:
        raise DataError(f"vocabulary of {len(vocab)} does not match the weights of '{name}'")
    return EmbeddedPoet(name=name, runtime=runtime, vocab=vocab, manifest=manifest)


@functools.cache
def load_originality_index() -> OriginalityIndex:
    """The shipped index of corpus lines (about 0.1 s; cached for the process)."""
    return OriginalityIndex.load(package_dir() / "originality-v1.npz")
