"""Which couplets of a poem are judged for 对仗, and whether the poem holds it.

律诗: 颔联 and 颈联 must be parallel; 排律 (10+ lines): every couplet but the first and
the last; 绝句: none must be, each is judged as information (首联 or 尾联 对起/对结).

    >>> r = judge_poem_duizhang(["国破山河在", "城春草木深", "感时花溅泪", "恨别鸟惊心",
    ...                          "烽火连三月", "家书抵万金", "白头搔更短", "浑欲不胜簪"])
    >>> [(c.index, c.required, c.judgement.parallel) for c in r.couplets]
    [(1, False, True), (2, True, True), (3, True, True), (4, False, False)]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from inkmuse.poetry.duizhang.judge import CoupletJudgement, judge_couplet


@dataclass(frozen=True)
class JudgedCouplet:
    index: int  # 1-based: 1 is 首联, 2 颔联 ...
    required: bool  # the form wants it parallel
    judgement: CoupletJudgement

    @property
    def name(self) -> str:
        """首联, 颔联, 颈联, 尾联 for a 律诗; 第N联 otherwise."""
        return couplet_name(self.index, self.count) if self.count else f"第{self.index}联"

    count: int = 0  # couplets in the poem (names depend on it)


@dataclass(frozen=True)
class PoemDuizhang:
    couplets: tuple[JudgedCouplet, ...]

    @property
    def required(self) -> tuple[JudgedCouplet, ...]:
        return tuple(c for c in self.couplets if c.required)

    @property
    def ok(self) -> bool:
        """Every couplet the form wants parallel is (True for 绝句, which want none)."""
        return all(c.judgement.parallel for c in self.required)


def couplet_name(index: int, count: int) -> str:
    if count == 4:
        return ("首联", "颔联", "颈联", "尾联")[index - 1]
    if count == 2:
        return ("前联", "后联")[index - 1]
    return f"第{index}联"


def required_couplets(count: int) -> frozenset[int]:
    """The 1-based couplets a poem of `count` couplets must set in 对仗."""
    if count < 4:
        return frozenset()  # 绝句: 对仗 is free
    return frozenset(range(2, count))  # 律诗: 2-3; 排律: all but the first and last


def judge_poem_duizhang(lines: Sequence[str]) -> PoemDuizhang:
    """Judge each couplet of a poem given as its lines (an even number, one length each)."""
    if len(lines) % 2 or not lines:
        raise ValueError(f"a poem of couplets needs an even number of lines, not {len(lines)}")
    count = len(lines) // 2
    want = required_couplets(count)
    return PoemDuizhang(
        tuple(
            JudgedCouplet(
                i + 1, i + 1 in want, judge_couplet(lines[2 * i], lines[2 * i + 1]), count
            )
            for i in range(count)
        )
    )
