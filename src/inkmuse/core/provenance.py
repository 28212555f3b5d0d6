"""Provenance: the record every output carries (inputs, seed, parameters, versions).

Deterministic on purpose: no timestamps or host names, so the same inputs and seed give
the same bytes. A caller that wants a time adds it outside the hashed record.

    >>> rec = provenance_record("paint", inputs={"idea": "秋夜"}, seed=7, params={"size": 512})
    >>> rec["seed"], rec["tool"]
    (7, 'inkmuse')
"""

from __future__ import annotations

import json
import platform
from importlib import metadata
from typing import Any

from inkmuse import __version__

# Packages whose versions can change an output; recorded when installed.
_VERSIONED = ("numpy", "pillow", "pypinyin", "opencc", "mido", "music21", "onnxruntime")


def library_versions() -> dict[str, str]:
    """Versions of inkmuse, Python and the installed libraries that shape outputs."""
    versions = {"inkmuse": __version__, "python": platform.python_version()}
    for name in _VERSIONED:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return versions


def provenance_record(
    kind: str,
    *,
    inputs: dict[str, Any],
    seed: int,
    params: dict[str, Any] | None = None,
    backend: str | None = None,
    model: str | None = None,
) -> dict[str, Any]:
    """The provenance of one generation, as plain JSON-able data."""
    record: dict[str, Any] = {
        "tool": "inkmuse",
        "kind": kind,
        "inputs": inputs,
        "seed": seed,
        "params": params or {},
        "versions": library_versions(),
    }
    if backend is not None:
        record["backend"] = backend
    if model is not None:
        record["model"] = model
    return record


def provenance_json(record: dict[str, Any]) -> str:
    """Canonical JSON (sorted keys, UTF-8 kept) so equal records give equal bytes."""
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
