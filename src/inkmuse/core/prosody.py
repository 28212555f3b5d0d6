"""Rhyme books: each character's tone class and rhyme group.

Three books ship, built by scripts/build_prosody_tables.py: 平水韵 (the rhyme book of
classical regulated verse), 中华新韵 and 中华通韵 (modern Mandarin). Polyphones keep every
reading; callers decide which reading a position needs.

    >>> book = get_rhymebook("平水韵")
    >>> book.short(book.rhyme_groups("光")[0])
    '七阳'
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from inkmuse.core.errors import DataError, InputError
from inkmuse.core.hanzi import to_simplified, to_traditional
from inkmuse.core.tones import Tone

RHYMEBOOKS = {"平水韵": "pingshui.json", "中华新韵": "xinyun.json", "中华通韵": "tongyun.json"}
_ALIASES = {
    "pingshui": "平水韵",
    "平水": "平水韵",
    "psy": "平水韵",
    "xinyun": "中华新韵",
    "新韵": "中华新韵",
    "tongyun": "中华通韵",
    "通韵": "中华通韵",
}

# 邻韵: groups close enough that borrowing is a lighter fault, and 首句 may borrow outright
# (孤雁入群). Traditional groupings for 平水韵; for the modern books, the pairs whose finals
# speakers commonly merge (-n / -ng, i / -i).
_NEIGHBOURS = {
    "平水韵": (
        "一东 二冬",
        "三江 七阳",
        "四支 五微 八齐",
        "六鱼 七虞",
        "九佳 十灰",
        "十一真 十二文 十三元",
        "十三元 十四寒 十五删 一先",
        "二萧 三肴 四豪",
        "八庚 九青 十蒸",
        "十三覃 十四盐 十五咸",
    ),
    "中华新韵": ("九文 十一庚", "十二齐 十三支"),
    "中华通韵": ("十二恩 十四英", "十四英 十五雍", "四衣 六迂"),
}


# A character's tone class as one mark: 平, 仄, * (reads both), ? (not in the book); a
# character whose every reading is only estimated from homophones gets p, z or s instead.
TONE_MARKS = {
    (frozenset({Tone.PING}), False): "平",
    (frozenset({Tone.ZE}), False): "仄",
    (frozenset({Tone.PING, Tone.ZE}), False): "*",
    (frozenset(), False): "?",
    (frozenset({Tone.PING}), True): "p",
    (frozenset({Tone.ZE}), True): "z",
    (frozenset({Tone.PING, Tone.ZE}), True): "s",
}
_UNMARKED = re.compile("[^平仄*?pzs]")


@dataclass(frozen=True)
class Reading:
    """One reading of a character: its tone class and rhyme group (full group name)."""

    tone: Tone
    group: str
    estimated: bool = False  # not in the source table: inferred from homophones


@dataclass(frozen=True)
class RhymeGroup:
    name: str  # full name, e.g. 下平声七阳
    short: str  # e.g. 七阳
    chars: dict[Tone, frozenset[str]]


class RhymeBook:
    """Tone and rhyme lookups for one rhyme book. Get one with `get_rhymebook`."""

    def __init__(
        self,
        name: str,
        groups: dict[str, RhymeGroup],
        estimated: dict[str, list[str]] | None = None,
    ) -> None:
        self.name = name
        self.groups = groups
        index: dict[str, list[Reading]] = {}
        for group in groups.values():
            for tone, chars in group.chars.items():
                for ch in chars:
                    index.setdefault(ch, []).append(Reading(tone, group.name))
        for ch, names in (estimated or {}).items():
            for g in names:
                tone = next(iter(groups[g].chars))
                index.setdefault(ch, []).append(Reading(tone, g, estimated=True))
        self._index = {ch: tuple(rs) for ch, rs in index.items()}
        self._profiles: dict[str, tuple[frozenset[Tone], tuple[str, ...], bool]] = {}
        # ord(char) -> tone-class mark, filled as characters are met, for str.translate.
        # 平 and 仄 are entered first: unmet, they would pass through looking like marks.
        self._marks: dict[int, str] = {}
        for ch in "平仄":
            self._marks[ord(ch)] = TONE_MARKS[self.tones(ch), self.profile(ch)[2]]
        self._by_short = {g.short: g.name for g in groups.values()}
        self._neighbours: dict[str, set[str]] = {g: set() for g in groups}
        for family in _NEIGHBOURS.get(name, ()):
            members = [self._by_short[s] for s in family.split()]
            for m in members:
                self._neighbours[m].update(x for x in members if x != m)

    def readings(self, ch: str) -> tuple[Reading, ...]:
        """All readings of a character, looked up as given, then simplified, then traditional."""
        found = self._index.get(ch)
        if found is None or (found and all(r.estimated for r in found)):
            # A variant form OpenCC maps to a known character (爲 -> 为) beats a guess from
            # homophones; the guess stays only when no form of the character is known.
            for other in (to_simplified(ch), to_traditional(ch)):
                known = self._index.get(other)
                if other != ch and known and not all(r.estimated for r in known):
                    found = known
                    break
            found = found or ()
            self._index[ch] = found
        return found

    def tones(self, ch: str) -> frozenset[Tone]:
        return self.profile(ch)[0]

    def profile(self, ch: str) -> tuple[frozenset[Tone], tuple[str, ...], bool]:
        """(tone classes, 平 rhyme groups, every reading estimated) of a character, cached:
        the checker asks this for every character it sees."""
        found = self._profiles.get(ch)
        if found is None:
            readings = self.readings(ch)
            found = (
                frozenset(r.tone for r in readings),
                tuple(r.group for r in readings if r.tone is Tone.PING),
                bool(readings) and all(r.estimated for r in readings),
            )
            self._profiles[ch] = found
        return found

    def tone_marks(self, text: str) -> str:
        """Each character's tone class in one pass (str.translate): 平, 仄, * for a
        polyphone that reads both, ? for a character the book lacks, and p, z, s for
        readings only estimated from homophones.

        >>> get_rhymebook("平水韵").tone_marks("白日依山尽看")
        '仄仄平平仄*'
        """
        marks = text.translate(self._marks)
        if _UNMARKED.search(marks):  # characters met for the first time
            for ch in set(text):
                if ord(ch) not in self._marks:
                    tones, _groups, estimated = self.profile(ch)
                    self._marks[ord(ch)] = TONE_MARKS[tones, estimated]
            marks = text.translate(self._marks)
        return marks

    def rhyme_groups(self, ch: str, tone: Tone = Tone.PING) -> list[str]:
        """The groups a character can rhyme in, for rhymes of the given tone class."""
        return [r.group for r in self.readings(ch) if r.tone is tone]

    def sure_rhyme_group(self, ch: str) -> str | None:
        """The one 平 group a character rhymes in for certain, or None: a reading from the
        book's own table (not estimated), and one 平 group only (a polyphone in two would
        leave the poem's rhyme ambiguous). What a poet, a grammar or a mask may put at a
        rhyme, so that the checker reads the rhyme group the poet meant."""
        readings = self.readings(ch)
        groups = {r.group for r in readings if r.tone is Tone.PING}
        if len(groups) != 1 or any(r.estimated for r in readings):
            return None
        return groups.pop()

    def group_chars(self, group: str, tone: Tone = Tone.PING) -> frozenset[str]:
        return self.groups[group].chars.get(tone, frozenset())

    def neighbours(self, group: str) -> frozenset[str]:
        return frozenset(self._neighbours.get(group, ()))

    def short(self, group: str) -> str:
        return self.groups[group].short

    def resolve_group(self, text: str) -> str:
        """Find a rhyme group by full name, short name (七阳) or its head character (阳)."""
        key = to_simplified(text.strip())
        if key in self.groups:
            return key
        if key in self._by_short:
            return self._by_short[key]
        heads = [g.name for g in self.groups.values() if g.short.endswith(key) and len(key) == 1]
        ping_heads = [g for g in heads if self.groups[g].chars.get(Tone.PING)]
        if len(ping_heads) == 1:
            return ping_heads[0]
        shorts = "、".join(g.short for g in self.groups.values() if g.chars.get(Tone.PING))
        raise InputError(f"no rhyme group {text!r} in {self.name}", accepted=shorts)


def resolve_rhymebook_name(name: str) -> str:
    key = name.strip()
    key = _ALIASES.get(key.lower(), _ALIASES.get(key, key))
    if key not in RHYMEBOOKS:
        raise InputError(f"unknown rhyme book {name!r}", accepted="平水韵, 中华新韵, 中华通韵")
    return key


@cache
def get_rhymebook(name: str = "平水韵") -> RhymeBook:
    """Load a rhyme book by name (平水韵, 中华新韵, 中华通韵, or pingshui/xinyun/tongyun)."""
    key = resolve_rhymebook_name(name)
    try:
        raw = json.loads(
            (resources.files("inkmuse.core") / "data" / RHYMEBOOKS[key]).read_text("utf-8")
        )
    except (OSError, ValueError) as err:
        raise DataError(
            f"the {key} table is missing or damaged ({err})",
            hint="reinstall inkmuse or rebuild it with scripts/build_prosody_tables.py",
        ) from err
    groups: dict[str, RhymeGroup] = {}
    for name_, info in raw["groups"].items():
        if "tone" in info:  # 平水韵: each group is of one tone class
            chars = {Tone(info["tone"]): frozenset(info["chars"])}
            short = info["short"]
        else:  # modern books: one group holds both tone classes
            chars = {Tone(t): frozenset(cs) for t, cs in info.items()}
            short = name_
        groups[name_] = RhymeGroup(name_, short, chars)
    return RhymeBook(key, groups, raw.get("estimated"))


@cache
def _position_data() -> dict[str, object]:
    data: dict[str, object] = json.loads(
        (resources.files("inkmuse.core") / "data" / "position_freq.json").read_text("utf-8")
    )
    return data


@cache
def position_frequencies(line_length: int) -> tuple[str, ...]:
    """Characters ordered by how often they stand at each position of Tang lines this long."""
    table = _position_data()["positions"]
    assert isinstance(table, dict)
    positions = table.get(str(line_length))
    if positions is None:
        nearest = "7" if line_length > 5 else "5"
        positions = table[nearest]
        positions = [positions[min(i, len(positions) - 1)] for i in range(line_length)]
    return tuple(positions)


@cache
def reduplicated_chars() -> frozenset[str]:
    """Characters the Tang poets doubled into a 叠字 (悠悠, 萧萧) at least five times.

    >>> "萧" in reduplicated_chars(), "客" in reduplicated_chars()
    (True, False)
    """
    return frozenset(str(_position_data().get("reduplicated", "")))
