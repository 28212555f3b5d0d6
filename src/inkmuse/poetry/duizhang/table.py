"""The 对仗 table: each character's classes and the pairings Tang usage accepts.

Built by scripts/build_duizhang_table.py from the middle couplets of 全唐诗 (唐诗三百首 held
out) and shipped as poetry/data/duizhang.json; the closed classes (closed.py) are read
from the code, so a member is always in its closed class whatever the table says.

    >>> get_table().classes("月"), get_table().common("诗", "酒")
    (('天文',), True)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from inkmuse.poetry.duizhang.closed import CLOSED


@dataclass(frozen=True)
class DuizhangTable:
    by_char: dict[str, tuple[str, ...]]  # character -> its classes, likeliest first
    pairs: frozenset[str]  # "ab" (sorted) for each pairing set opposite pair_min+ times
    pair_min: int
    couplets: int  # middle couplets the table was derived from

    def classes(self, ch: str) -> tuple[str, ...]:
        """A character's 对类 (empty when the corpus never set it opposite anything)."""
        return self.by_char.get(ch, ())

    def common(self, a: str, b: str) -> bool:
        """Whether Tang poets set a against b often (pair_min+ times in middle couplets)."""
        return (a + b if a <= b else b + a) in self.pairs


@cache
def get_table() -> DuizhangTable:
    raw = json.loads(
        resources.files("inkmuse.poetry").joinpath("data/duizhang.json").read_text("utf-8")
    )
    by_char: dict[str, list[str]] = {}
    for key in ("classes", "second"):  # first classes, then the second ones
        for name, chars in raw[key].items():
            for ch in chars:
                by_char.setdefault(ch, []).append(name)
    for name, chars in CLOSED.items():
        for ch in chars:
            have = by_char.setdefault(ch, [])
            if name not in have:
                have.insert(0, name)
    text = raw["pairs"]
    pairs = frozenset(text[i : i + 2] for i in range(0, len(text), 2))
    return DuizhangTable(
        {ch: tuple(v) for ch, v in by_char.items()}, pairs, raw["pair_min"], raw["couplets"]
    )
