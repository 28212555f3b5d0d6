"""词 and 对联: the 词谱 derived from the Song ci, the 词林正韵 rhyme book, the 词 checker
and the couplet checker.

    >>> from inkmuse.poetry.ci import check_ci
    >>> check_ci("昨夜雨疏风骤，浓睡不消残酒。试问卷帘人，却道海棠依旧。"
    ...          "知否，知否，应是绿肥红瘦。").tune.name
    '如梦令'
"""

from inkmuse.poetry.ci.checker import CiReport, check_ci
from inkmuse.poetry.ci.cipu import Tune, Variant, find_tune, get_cipu, get_tune
from inkmuse.poetry.ci.rhyme import CiLin, get_cilin

__all__ = [
    "CiLin",
    "CiReport",
    "Tune",
    "Variant",
    "check_ci",
    "find_tune",
    "get_cilin",
    "get_cipu",
    "get_tune",
]
