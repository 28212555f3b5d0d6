"""对仗: whether a couplet's two lines stand word against word in matching classes.

Position by position and on the rhythm feet (2+3, 2+2+3), the words must share a 对类
(天文, 地理, 数目 ...; derived from Tang 律诗, closed.py for numbers, colours,
directions), or at least a part of speech, or be a usual Tang pairing; 叠字 stands with
叠字; and the couplet must not be 合掌. Tones are the checker's: not judged here.

    >>> from inkmuse.poetry.duizhang import judge_couplet
    >>> j = judge_couplet("星垂平野阔", "月涌大江流")
    >>> j.verdict, j.parallel
    ('工对', True)
"""

from inkmuse.poetry.duizhang.faults import duizhang_faults
from inkmuse.poetry.duizhang.judge import (
    BU,
    GONG,
    HEZHANG,
    KUAN,
    CoupletJudgement,
    FootMatch,
    PositionMatch,
    judge_couplet,
)
from inkmuse.poetry.duizhang.poem import JudgedCouplet, PoemDuizhang, judge_poem_duizhang

__all__ = [
    "BU",
    "GONG",
    "HEZHANG",
    "KUAN",
    "CoupletJudgement",
    "FootMatch",
    "JudgedCouplet",
    "PoemDuizhang",
    "PositionMatch",
    "duizhang_faults",
    "judge_couplet",
    "judge_poem_duizhang",
]
