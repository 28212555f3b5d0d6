"""词谱: the tune patterns derived from the Song ci (scripts/build_cipu.py).

A tune (词牌) has variants (正体 and 又一体), each a fixed run of lines (句/逗) with a tone
mark per character (平 or 仄 where the Song poets held it, ⊕/⊖ where they did not: 本平可仄
and 本仄可平, as 龙榆生 writes them) and, per line end, the rhyme (韵) it belongs to.

    >>> v = get_tune("浣溪沙").variants[0]
    >>> v.lengths, v.pattern[7:14]
    ((7, 7, 7, 7, 7, 7), '⊖平⊕仄仄平平')
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

from inkmuse.core.errors import DataError, InputError
from inkmuse.core.tones import Tone
from inkmuse.poetry.text import to_simplified

STRICT = {"平": Tone.PING, "仄": Tone.ZE}
LEAN = {"⊕": Tone.PING, "⊖": Tone.ZE}


@dataclass(frozen=True)
class Variant:
    """One form of a tune. Positions are 0-based over the whole ci, punctuation removed."""

    tune: str
    index: int  # 0: 正体, the variant most Song poets used
    count: int  # Song ci that use it
    share: float
    lengths: tuple[int, ...]  # characters per line (句 or 逗)
    optional_breaks: frozenset[int]  # offsets where some editions break a line in two
    pattern: str  # 平 仄 ⊕ ⊖ per character
    ping_percent: tuple[int, ...]  # share of 平 at each position among the Song ci
    rhyme: tuple[int | None, ...]  # per line: the rhyme its end belongs to, or None
    optional_rhyme: frozenset[int]  # lines whose rhyme is optional (可韵)
    repeat: frozenset[int]  # lines that repeat the tail of the line before (叠句)
    example: tuple[str, ...]
    example_author: str

    @property
    def name(self) -> str:
        return "正体" if self.index == 0 else f"又一体{self.index}"

    @property
    def name_en(self) -> str:
        return "main form" if self.index == 0 else f"variant {self.index}"

    @property
    def total(self) -> int:
        return sum(self.lengths)

    @cached_property
    def ends(self) -> tuple[int, ...]:
        """The position of each line's last character."""
        out, at = [], 0
        for n in self.lengths:
            at += n
            out.append(at - 1)
        return tuple(out)

    @cached_property
    def breaks(self) -> frozenset[int]:
        """Offsets a line may end at: the variant's own breaks and the optional ones."""
        return frozenset(e + 1 for e in self.ends[:-1]) | self.optional_breaks

    def rhyme_tone(self, line: int) -> Tone:
        """The tone a rhyme at this line's end is held to (its strict mark, else its lean)."""
        mark = self.pattern[self.ends[line]]
        return STRICT.get(mark) or LEAN[mark]

    def describe(self) -> tuple[str, str]:
        """(Chinese, English) one-line summary: length, lines, rhymes and how common it is."""
        rhymes = [r for r in self.rhyme if r is not None]
        tones = sorted(
            {self.rhyme_tone(i).value for i, r in enumerate(self.rhyme) if r is not None}
        )
        changes = len(set(rhymes))
        zh = (
            f"{self.total}字{len(self.lengths)}句{len(rhymes)}韵（{'、'.join(tones)}韵"
            + (f"，换韵{changes - 1}次" if changes > 1 else "")
            + f"）；宋词{self.count}首用此体，占{round(100 * self.share)}%"
        )
        en = (
            f"{self.total} characters, {len(self.lengths)} lines, {len(rhymes)} rhymes"
            + (f" in {changes} rhyme groups" if changes > 1 else "")
            + f"; {self.count} Song ci ({round(100 * self.share)}%) use it"
        )
        return zh, en


@dataclass(frozen=True)
class Tune:
    name: str
    count: int
    aliases: tuple[str, ...]
    variants: tuple[Variant, ...]


def _variant(tune: str, index: int, raw: dict[str, Any]) -> Variant:
    example = raw["example"]
    return Variant(
        tune=tune,
        index=index,
        count=int(raw["count"]),
        share=float(raw["share"]),
        lengths=tuple(raw["lengths"]),
        optional_breaks=frozenset(raw["optional_breaks"]),
        pattern=str(raw["pattern"]),
        ping_percent=tuple(raw["ping_percent"]),
        rhyme=tuple(raw["rhyme"]),
        optional_rhyme=frozenset(raw["optional_rhyme"]),
        repeat=frozenset(raw["repeat"]),
        example=tuple(example["lines"]),
        example_author=str(example["author"]),
    )


@cache
def get_cipu() -> dict[str, Tune]:
    """Every tune in the table, most written first."""
    try:
        raw = json.loads(
            (resources.files("inkmuse.poetry") / "data" / "cipu.json").read_text("utf-8")
        )
    except (OSError, ValueError) as err:
        raise DataError(
            f"the 词谱 table is missing or damaged ({err})",
            hint="rebuild it with scripts/build_cipu.py",
        ) from err
    return {
        name: Tune(
            name,
            info["count"],
            tuple(info["aliases"]),
            tuple(_variant(name, i, v) for i, v in enumerate(info["variants"])),
        )
        for name, info in raw["tunes"].items()
    }


@cache
def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    for tune in get_cipu().values():
        for alias in tune.aliases:
            names.setdefault(alias, tune.name)
    names.update({name: name for name in get_cipu()})  # a tune's own name beats an alias
    return names


def find_tune(name: str) -> Tune | None:
    """A tune by its name or an alias (simplified or traditional; 酹江月 finds 念奴娇)."""
    key = to_simplified(name.strip())
    found = _names().get(key)
    return get_cipu()[found] if found else None


def get_tune(name: str) -> Tune:
    """A tune by name or alias; InputError naming the covered tunes when unknown."""
    tune = find_tune(name)
    if tune is None:
        raise InputError(
            f"no 词牌 {name!r} in the 词谱",
            accepted="、".join(get_cipu()) + " (and their other names)",
        )
    return tune
