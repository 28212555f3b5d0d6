"""Melody statistics learned from real folk songs (see scripts/build_folk_stats.py).

The JSON ships in the package; music21 is only needed to rebuild it.

    >>> round(step_cost("chinese", "up", 1), 2) < step_cost("chinese", "up", 5)
    True
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Any

from inkmuse.core.errors import DataError

_FLOOR = 1e-4  # probability given to steps the corpus never shows (keeps costs finite)


@lru_cache(maxsize=1)
def folk_stats() -> dict[str, Any]:
    """The whole statistics file (profiles 'chinese' and 'western')."""
    try:
        text = resources.files("inkmuse.music").joinpath("data/folk_stats.json").read_text()
    except (FileNotFoundError, OSError) as err:
        raise DataError(
            "the folk melody statistics are missing from the package",
            hint="rebuild them with `python scripts/build_folk_stats.py` (needs music21)",
        ) from err
    data: dict[str, Any] = json.loads(text)
    return data


def profile(name: str) -> dict[str, Any]:
    p: dict[str, Any] = folk_stats()[name]
    return p


@lru_cache(maxsize=64)
def step_cost(name: str, after: str, step: int) -> float:
    """-log P(step | direction of the previous step) in scale steps; after is 'down',
    'same', 'up' or 'start' (no previous step: the plain step distribution)."""
    prof = profile(name)
    table = prof["step"] if after == "start" else prof["step_after"][after]
    return -math.log(max(float(table.get(str(step), 0.0)), _FLOOR))


def duration_weight(name: str, ratio: str) -> float:
    """Share of consecutive note pairs with this duration ratio ('1:1', '3:1', '1:3', ...)."""
    return max(float(profile(name)["duration_ratio"].get(ratio, 0.0)), _FLOOR)


def phrase_end_weights(name: str) -> dict[int, float]:
    """Where non-final phrases end, in scale degrees above the tune's final note."""
    return {int(k): float(v) for k, v in profile(name)["phrase_end_degree_from_final"].items()}


def passing_share(name: str) -> float:
    """Share of notes outside the collection (清角/变宫 in the Chinese songs)."""
    return float(profile(name)["passing_tone_share"])
