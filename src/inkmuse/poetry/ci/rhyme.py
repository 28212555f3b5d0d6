"""词林正韵: the rhyme book of 词, 19 部 with the 入声 apart (第十五至十九部).

A 部 merges 平水韵 groups of one family across the 平, 上 and 去 tones (so 西江月 may
rhyme 平 and 仄 in one 部); the table says which groups each 部 takes and how the nine
groups shared by two 部 divide (scripts/build_cilin.py, with its sources). Readings come
from the shipped 平水韵 book, so polyphones and its homophone estimates carry over.

    >>> book = get_cilin()
    >>> sorted(book.bu("东")), sorted(book.bu("来")), sorted(book.bu("梅"))
    (['第一部'], ['第五部'], ['第三部'])
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from inkmuse.core.errors import DataError
from inkmuse.core.prosody import RhymeBook, get_rhymebook
from inkmuse.core.tones import Tone

NAME = "词林正韵"
RU_SHENG = frozenset({"第十五部", "第十六部", "第十七部", "第十八部", "第十九部"})
# 部 the Song poets rhymed together although 戈载 kept them apart: the nasal codas -n,
# -ng and -m (真文 庚青 侵), -n and -m after a (寒删先 覃盐), and the entering tones once
# their -t, -k and -p had merged (质陌 月屑 合洽). 王力《汉语诗律学》 (第二章, 词韵) names these
# as the usual 通押 of 宋词; the checker calls them 邻韵 (a warning), never 出韵.
NEIGHBOURS = (
    ("第六部", "第十一部", "第十三部"),
    ("第七部", "第十四部"),
    ("第十七部", "第十八部", "第十九部"),
)


class CiLin:
    """Which 部 a character rhymes in. Get the one instance with `get_cilin`."""

    def __init__(self, pingshui: RhymeBook, table: dict[str, object]) -> None:
        self.pingshui = pingshui
        bu_table = table["bu"]
        splits = table["splits"]
        assert isinstance(bu_table, dict) and isinstance(splits, dict)
        self.names: tuple[str, ...] = tuple(bu_table)
        self._whole: dict[str, str] = {}  # 平水韵 short name -> its one 部
        for bu, members in bu_table.items():
            for short in members:
                if short not in splits:
                    self._whole[short] = bu
        self._split: dict[str, dict[str, frozenset[str]]] = {
            short: {bu: frozenset(chars) for bu, chars in parts.items()}
            for short, parts in splits.items()
        }
        self._cache: dict[str, frozenset[tuple[str, Tone]]] = {}

    def readings(self, ch: str) -> frozenset[tuple[str, Tone]]:
        """Every (部, tone class) a character reads in."""
        found = self._cache.get(ch)
        if found is None:
            out: set[tuple[str, Tone]] = set()
            for r in self.pingshui.readings(ch):
                short = self.pingshui.short(r.group)
                if short in self._whole:
                    out.add((self._whole[short], r.tone))
                    continue
                parts = self._split[short]
                hit = [bu for bu, chars in parts.items() if ch in chars]
                # A form the split list lacks (met through a variant) may rhyme either way.
                out.update((bu, r.tone) for bu in (hit or parts))
            found = frozenset(out)
            self._cache[ch] = found
        return found

    def bu(self, ch: str, tone: Tone | None = None) -> frozenset[str]:
        """The 部 a character rhymes in (with readings of `tone` only, when given)."""
        return frozenset(b for b, t in self.readings(ch) if tone is None or t is tone)

    def neighbours(self, bu: str) -> frozenset[str]:
        """The 部 rhymed with `bu` in Song practice (NEIGHBOURS), itself left out."""
        return frozenset(b for family in NEIGHBOURS if bu in family for b in family) - {bu}

    def shared_group(self, ch: str, bu: str) -> str | None:
        """The 平水韵 group through which `ch` nears `bu` when it is not in `bu` itself:
        one of the nine groups 戈载 divided (十灰 holds 杯 回 of 第三部 and 来 台 of
        第五部). Song poets rhymed such groups whole (晏殊: 杯 台 回 来 徊), so the checker
        calls it a neighbouring rhyme, not 出韵."""
        for r in self.pingshui.readings(ch):
            short = self.pingshui.short(r.group)
            if short in self._split and bu in self._split[short]:
                return short
        return None

    def chars(self, bu: str, tone: Tone) -> frozenset[str]:
        """The characters of one 部 in one tone class, read from the 平水韵 groups it takes."""
        out: set[str] = set()
        for group in self.pingshui.groups.values():
            if tone not in group.chars:
                continue
            short = group.short
            if self._whole.get(short) == bu:
                out |= group.chars[tone]
            elif short in self._split and bu in self._split[short]:
                out |= group.chars[tone] & self._split[short][bu]
        return frozenset(out)


@cache
def get_cilin() -> CiLin:
    """The 词林正韵 book (built once, on the 平水韵 book)."""
    try:
        raw = json.loads(
            (resources.files("inkmuse.poetry") / "data" / "cilin.json").read_text("utf-8")
        )
    except (OSError, ValueError) as err:
        raise DataError(
            f"the 词林正韵 table is missing or damaged ({err})",
            hint="rebuild it with scripts/build_cilin.py",
        ) from err
    return CiLin(get_rhymebook("平水韵"), raw)
