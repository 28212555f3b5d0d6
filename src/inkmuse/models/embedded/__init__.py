"""The embedded poet: shipped weights, vocabulary, numpy runtime and originality index.

>>> poet = load_poet()
>>> poet.manifest["corpus"]["version"], len(poet.vocab) == poet.runtime.config.vocab_size
('v1', True)
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from inkmuse.core.errors import DataError
from inkmuse.models.embedded.originality import OriginalityIndex
from inkmuse.models.embedded.runtime import PoetRuntime
from inkmuse.models.embedded.vocab import Vocab

__all__ = ["MODEL_NAME", "EmbeddedPoet", "OriginalityIndex", "PoetRuntime", "Vocab", "load_poet"]

MODEL_NAME = "poet-v1"


@dataclass(frozen=True)
class EmbeddedPoet:
    """Everything generation needs, loaded once per process."""

    name: str
    runtime: PoetRuntime
    vocab: Vocab
    manifest: dict[str, Any]


def package_dir() -> Path:
    return Path(str(resources.files(__package__)))


@functools.cache
def load_poet(name: str = MODEL_NAME) -> EmbeddedPoet:
    """Load the shipped weights (about 0.1 s; cached for the process)."""
    base = package_dir()
    manifest_path = base / f"{name}.json"
    if not manifest_path.exists():
        raise DataError(
            f"the embedded poet's weights '{name}' are missing from {base}",
            hint="reinstall inkmuse, or rebuild them with training/export.py",
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
