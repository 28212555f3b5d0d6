"""The parts of speech (词性) the 对类 fall into: the grain of a 宽对.

王力 (《诗词格律》, 对仗): 工对 sets words of one 门类 against each other; a 宽对 asks only
that they be of one 词性, noun against noun, predicate against predicate. 颜色 words are
predicates as often as nouns in Tang lines (青山 / 白日, 山青 / 花白), and 动作 and 性状
stand against each other freely (形容词对动词 is counted as a 宽对 by 王力 too).

    >>> kind_of("天文"), kind_of("动作"), kind_of("颜色"), kind_of("数目")
    ('名词', '谓词', '谓词', '数词')
"""

from __future__ import annotations

KINDS = {
    "名词": (
        "天文",
        "时令",
        "地理",
        "宫室",
        "器物",
        "植物",
        "动物",
        "形体",
        "人物",
        "人事",
        "方位",
    ),
    "谓词": ("动作", "性状", "颜色"),
    "数词": ("数目",),
    "虚词": ("虚字",),
}
_BY_CLASS = {c: kind for kind, classes in KINDS.items() for c in classes}


def kind_of(name: str) -> str:
    """The part of speech of a class ('' for a name that is no class)."""
    return _BY_CLASS.get(name, "")
