"""The closed classes of 对仗: numbers, colours, directions, by hand and with their source.

The open classes (天文, 地理, 动作 ...) are derived from the corpus (scripts/
build_duizhang_table.py); these three are small, fixed sets that the textbooks list and
that stand strictly with themselves (王力《诗词格律》, 第三章 对仗: 数目对, 颜色对, 方位对
are named as the 工对 classes that "自成一类"). The corpus run confirms them: each member
stands opposite a member of its own set far more often than chance.

    >>> closed_class("万"), closed_class("青"), closed_class("山")
    ('数目', '颜色', None)
"""

from __future__ import annotations

# 数目: the numerals, and the quasi-numbers the Tang poets set against them (孤帆 / 万里,
# 半壁 / 千山, 双鬓 / 一身, 几回 / 三度): 王力 counts 孤、独、半、双、几、数 with 数目 in
# 对仗. 两 is the colloquial two. Not 第 (an ordinal prefix) nor 亿 (absent from Tang 律诗).
NUMBERS = "一二三四五六七八九十百千万两双半孤独几数诸群"
# 颜色: the colour words of the 对类 books (红/绿, 青/白, 朱/翠, 黄/紫 ...). 金 and 银 stand
# mostly with 玉 as 器物, so they are left to the corpus.
COLOURS = "红朱丹赤绛紫绿翠碧青苍蓝白素皓缟黄玄黑乌皂彤"
# 方位: the eight directions and the positional nouns (上/下, 前/后, 内/外, 中/间). Many are
# verbs too (上楼); the corpus gives them their other class beside this one.
DIRECTIONS = "东西南北上下前后左右中内外里间边旁"

CLOSED: dict[str, str] = {"数目": NUMBERS, "颜色": COLOURS, "方位": DIRECTIONS}
SOURCE = "王力《诗词格律》(1962) 第三章 对仗 (数目对、颜色对、方位对); lists compiled here"

_BY_CHAR = {ch: name for name, chars in CLOSED.items() for ch in chars}


def closed_class(ch: str) -> str | None:
    """The closed class a character belongs to, or None."""
    return _BY_CHAR.get(ch)
