"""Stroke medians of Chinese characters from npm's `hanzi-writer-data`, when it is installed.

The data (derived from Make Me a Hanzi, whose graphics come from Arphic's fonts) is under
the Arphic Public License, so inkmuse does not ship it: it is installed beside inkmuse and
named by INKMUSE_HANZI_DATA. It is opt-in, so a painting's bytes never change because a
folder happens to exist; without it the inscription is set in a font.

    npm pack hanzi-writer-data@2.0.1 && tar xzf hanzi-writer-data-2.0.1.tgz
    export INKMUSE_HANZI_DATA=$PWD/package

Each character is one `<char>.json` whose "medians" list, stroke by stroke in writing
order, the points of the stroke's centre line in a 1024-unit box with y pointing up
(the baseline at 900). `medians` returns them in [0, 1] units with y pointing down.

    >>> medians("") is None
    True
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

Stroke = tuple[tuple[float, float], ...]
ENV = "INKMUSE_HANZI_DATA"


def data_dir() -> Path | None:
    """The data folder INKMUSE_HANZI_DATA names, if it holds character files; else None."""
    configured = os.environ.get(ENV)
    if not configured:
        return None
    folder = Path(configured)
    return folder if (folder / "一.json").is_file() else None


@lru_cache(maxsize=4096)
def _load(folder: str, char: str) -> tuple[Stroke, ...] | None:
    path = Path(folder) / f"{char}.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        strokes = tuple(
            tuple((float(x) / 1024.0, (900.0 - float(y)) / 1024.0) for x, y in median)
            for median in raw["medians"]
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None  # a missing or unreadable character is written in the font instead
    return strokes if strokes and all(len(s) >= 2 for s in strokes) else None


def medians(char: str) -> tuple[Stroke, ...] | None:
    """The stroke medians of one character in writing order, or None without data."""
    if len(char) != 1:
        return None
    folder = data_dir()
    return None if folder is None else _load(str(folder), char)


__all__ = ["ENV", "Stroke", "data_dir", "medians"]
