"""Judging one couplet's 对仗: position by position, foot by foot, then 合掌.

At each position the two characters match when they share a 对类 (山/水 地理, 万/百 数目),
when Tang poets set them against each other often (诗/酒, 里/年: 常对), or when both are
the halves of a 叠字 (萧萧/滚滚). A 叠字 against no 叠字 is a mismatch whatever the classes.
Tones are the checker's business (失对, 平仄): not judged here.

The verdict: 工对 when every position matches and at most one only by usage; 宽对 when
one position at most fails (the Tang poets allowed a 虚字 or a 借对 there); 不对 otherwise;
合掌 when the couplet matches but restates itself (hezhang.py).

    >>> judge_couplet("两个黄鹂鸣翠柳", "一行白鹭上青天").verdict
    '工对'
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from inkmuse.poetry.duizhang.feet import feet
from inkmuse.poetry.duizhang.hezhang import echoes, is_hezhang
from inkmuse.poetry.duizhang.kinds import kind_of
from inkmuse.poetry.duizhang.table import DuizhangTable, get_table

# How a position matched; the first six are matches, the first two 工 (exact).
CLASS, DOUBLE, KIND, WORD, COMMON, SAME, NONE, LONE_DOUBLE, UNKNOWN = (
    "class",
    "double",
    "kind",
    "word",
    "common",
    "same",
    "none",
    "lone_double",
    "unknown",
)
MATCHED = frozenset({CLASS, DOUBLE, KIND, WORD, COMMON, SAME})
EXACT = frozenset({CLASS, DOUBLE})
GONG, KUAN, BU, HEZHANG = "工对", "宽对", "不对", "合掌"
PARALLEL = frozenset({GONG, KUAN})
# Positions a 宽对 may leave unmatched, and how many a 工对 may match only loosely
# (by part of speech, usage or as a word) rather than by class.
KUAN_MISSES = 1
GONG_LOOSE = 1


@dataclass(frozen=True)
class PositionMatch:
    """The two characters at one position (0-based `pos`) and how they stand."""

    pos: int
    upper: str
    lower: str
    how: str  # CLASS, DOUBLE, COMMON, SAME, NONE, LONE_DOUBLE or UNKNOWN
    upper_classes: tuple[str, ...]
    lower_classes: tuple[str, ...]
    shared: str = ""  # the class they share, for CLASS

    @property
    def matched(self) -> bool:
        return self.how in MATCHED


@dataclass(frozen=True)
class FootMatch:
    """One foot (节奏) of the couplet: 「万里」 against 「百年」."""

    start: int
    upper: str
    lower: str
    positions: tuple[PositionMatch, ...]

    @property
    def matched(self) -> bool:
        return all(p.matched for p in self.positions)


@dataclass(frozen=True)
class CoupletJudgement:
    """The 对仗 verdict of a couplet: GONG (工对), KUAN (宽对), BU (不对) or HEZHANG (合掌)."""

    upper: str
    lower: str
    feet: tuple[FootMatch, ...]
    verdict: str
    echoes: tuple[tuple[str, str], ...] = ()  # the restated words, for 合掌

    @property
    def parallel(self) -> bool:
        """Whether the couplet is 对仗 (工对 or 宽对, not 合掌)."""
        return self.verdict in PARALLEL

    @property
    def positions(self) -> tuple[PositionMatch, ...]:
        return tuple(p for f in self.feet for p in f.positions)

    @property
    def misses(self) -> tuple[PositionMatch, ...]:
        return tuple(p for p in self.positions if not p.matched)

    @property
    def zh(self) -> str:
        from inkmuse.poetry.duizhang.explain import explain_zh

        return explain_zh(self)

    @property
    def en(self) -> str:
        from inkmuse.poetry.duizhang.explain import explain_en

        return explain_en(self)

    def to_dict(self) -> dict[str, object]:
        return {
            "upper": self.upper,
            "lower": self.lower,
            "verdict": self.verdict,
            "parallel": self.parallel,
            "feet": [
                {
                    "upper": f.upper,
                    "lower": f.lower,
                    "matched": f.matched,
                    "positions": [
                        {"upper": p.upper, "lower": p.lower, "how": p.how, "shared": p.shared}
                        for p in f.positions
                    ],
                }
                for f in self.feet
            ],
            "echoes": [list(e) for e in self.echoes],
            "message_zh": self.zh,
            "message_en": self.en,
        }


def _doubled(line: str) -> frozenset[int]:
    """Positions inside a 叠字 (萧萧): both halves."""
    out: set[int] = set()
    for i in range(len(line) - 1):
        if line[i] == line[i + 1]:
            out.update((i, i + 1))
    return frozenset(out)


def match_position(pos: int, a: str, b: str, table: DuizhangTable) -> PositionMatch:
    ca, cb = table.classes(a), table.classes(b)
    if a == b:
        return PositionMatch(pos, a, b, SAME, ca, cb, ca[0] if ca else "")
    shared = next((k for k in ca if k in cb), "")
    if shared:
        return PositionMatch(pos, a, b, CLASS, ca, cb, shared)
    # 宽对: not one class but one part of speech (山/云 both nouns, 开/静 both predicates).
    kind = next((kind_of(k) for k in ca for j in cb if kind_of(k) == kind_of(j) != ""), "")
    if kind:
        return PositionMatch(pos, a, b, KIND, ca, cb, kind)
    if table.common(a, b):
        return PositionMatch(pos, a, b, COMMON, ca, cb)
    return PositionMatch(pos, a, b, NONE if ca and cb else UNKNOWN, ca, cb)


def _coordinate(a: str, b: str, table: DuizhangTable) -> bool:
    """Whether two characters form a 并列 word (天地, 死生, 古今): they are a usual pair.

    Sharing a class is not enough (离别 and 鸣翠 would pass): the antonyms and synonyms
    that make 并列 words are the very pairs Tang poets set against each other."""
    return a != b and table.common(a, b)


def _match_words(
    positions: list[PositionMatch], bounds: tuple[int, ...], upper: str, lower: str
) -> None:
    """Two-character words matched as words where their characters are not.

    A modifier-head word (公子/美人, 书生/男子) matches when the heads, the second
    characters, share a class: the modifiers need not. A coordinate word (王力's 同义/反义
    连用: 天地/有无, 蕃汉/死生) matches another coordinate word whatever their classes.
    Words are read at the start of each foot and, in a three-character foot, at its end
    too (入海流 reads 入+海流 as well as 入海+流).
    """
    table = get_table()
    for s, e in pairwise(bounds):
        starts = (s,) if e - s == 2 else (s, e - 2) if e - s == 3 else ()
        for at in starts:
            first, head = positions[at], positions[at + 1]
            if LONE_DOUBLE in (first.how, head.how) or (first.matched and head.matched):
                continue
            if _coordinate(upper[at], upper[at + 1], table) and _coordinate(
                lower[at], lower[at + 1], table
            ):
                label = "并列"
            elif head.how == CLASS and at == s:
                label = head.shared
            else:
                continue
            for i in (at, at + 1):
                p = positions[i]
                if not p.matched:
                    positions[i] = PositionMatch(
                        i, p.upper, p.lower, WORD, p.upper_classes, p.lower_classes, label
                    )


def judge_couplet(upper: str, lower: str) -> CoupletJudgement:
    """Judge the 对仗 of a couplet of two lines of equal length (Chinese characters only).

    >>> judge_couplet("海内存知己", "天涯若比邻").parallel
    True
    """
    if len(upper) != len(lower) or not upper:
        raise ValueError(f"a couplet needs two lines of one length: {upper!r}, {lower!r}")
    table = get_table()
    du, dl = _doubled(upper), _doubled(lower)
    positions = []
    for i, (a, b) in enumerate(zip(upper, lower, strict=True)):
        if i in du and i in dl:
            m = PositionMatch(i, a, b, DOUBLE, table.classes(a), table.classes(b), "叠字")
        elif i in du or i in dl:
            m = PositionMatch(i, a, b, LONE_DOUBLE, table.classes(a), table.classes(b))
        else:
            m = match_position(i, a, b, table)
        positions.append(m)
    bounds = feet(len(upper))
    _match_words(positions, bounds, upper, lower)
    foot_list = tuple(
        FootMatch(s, upper[s:e], lower[s:e], tuple(positions[s:e])) for s, e in pairwise(bounds)
    )
    misses = sum(not p.matched for p in positions)
    loose = sum(p.how not in EXACT for p in positions)
    if misses == 0 and loose <= GONG_LOOSE:
        verdict = GONG
    elif misses <= KUAN_MISSES:
        verdict = KUAN
    else:
        verdict = BU
    said: tuple[tuple[str, str], ...] = ()
    if verdict in PARALLEL and is_hezhang(upper, lower):
        verdict, said = HEZHANG, echoes(upper, lower)
    return CoupletJudgement(upper, lower, foot_list, verdict, said)
