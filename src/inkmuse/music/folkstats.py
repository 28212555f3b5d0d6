"""Melody statistics learned from real folk songs (see scripts/build_folk_stats.py).

The statistics come from the Essen Folksong Collection as music21 distributes it, whose
licence is unclear and non-commercial. So the derived JSON (aggregate counts only) lives in
the source tree for people who build from source, and is left out of the wheel; where it is
absent, a built-in prior written from textbook melodic principles (no corpus) takes its
place, and `stats_source()` says which one is in use.

- source checkout: `src/inkmuse/music/data/folk_stats.json` (`make folk-stats` rebuilds it);
- anywhere: `INKMUSE_FOLK_STATS=/path/folk_stats.json` (built with the script elsewhere);
- otherwise: the prior below.

    >>> round(step_cost("chinese", "up", 1), 2) < step_cost("chinese", "up", 5)
    True
"""

from __future__ import annotations

import json
import math
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from inkmuse.core.errors import DataError

_FLOOR = 1e-4  # probability given to steps the corpus never shows (keeps costs finite)
PRIOR = "built-in prior (melodic principles, no corpus)"


@lru_cache(maxsize=1)
def _loaded() -> tuple[dict[str, Any], str]:
    named = os.environ.get("INKMUSE_FOLK_STATS")
    if named:
        try:
            data: dict[str, Any] = json.loads(Path(named).read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise DataError(
                f"INKMUSE_FOLK_STATS={named!r} cannot be read ({err})",
                hint="point it at a folk_stats.json built by scripts/build_folk_stats.py",
            ) from None
        return data, named
    try:
        text = resources.files("inkmuse.music").joinpath("data/folk_stats.json").read_text()
    except (FileNotFoundError, OSError):
        return prior(), PRIOR  # a wheel: the Essen-derived file is not redistributed
    return json.loads(text), "Essen Folksong Collection (music21), aggregate counts"


def folk_stats() -> dict[str, Any]:
    """The whole statistics (profiles 'chinese' and 'western')."""
    return _loaded()[0]


def stats_source() -> str:
    """Where the statistics in use come from."""
    return _loaded()[1]


def prior() -> dict[str, Any]:
    """Statistics written from principles, not counted from any collection:

    - pitch proximity: small steps dominate, each further step a third as likely, with a
      repeated note about as likely as a step down;
    - gap fill: after motion one way, a turn back is a little likelier than going on;
    - rhythm: equal neighbours most often, then long-short and short-long (2:1, 1:2);
    - phrases end on the final most often, then on the fifth and the second above it;
    - a few passing tones outside the scale (清角, 变宫).
    """

    def steps(turn: int = 0) -> dict[str, float]:
        raw = {s: 0.33 ** abs(s) * (1.25 if s * turn < 0 else 1.0) for s in range(-7, 8)}
        raw[0] = raw[-1] * 0.7
        total = sum(raw.values())
        return {str(s): round(p / total, 5) for s, p in raw.items()}

    def profile(passing: float) -> dict[str, Any]:
        return {
            "step": steps(),
            "step_after": {"up": steps(+1), "same": steps(), "down": steps(-1)},
            "duration_ratio": {"1:1": 0.54, "2:1": 0.13, "1:2": 0.13, "3:1": 0.05,
                               "1:3": 0.03, "4:1": 0.02, "1:4": 0.03, "other": 0.07},
            "phrase_end_degree_from_final": {"0": 0.4, "1": 0.15, "2": 0.15, "3": 0.2, "4": 0.1},
            "passing_tone_share": passing,
        }  # fmt: skip

    return {"source": PRIOR, "chinese": profile(0.02), "western": profile(0.015)}


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
