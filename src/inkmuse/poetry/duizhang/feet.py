"""The rhythm feet (节奏) a line is read in for 对仗: 2+3 for 五言, 2+2+3 for 七言.

A clause of another length (a 对联's 四字句, 六字句) reads in twos, its odd last three
kept together as the five- and seven-character lines keep theirs.

    >>> feet(5), feet(7), feet(4), feet(3)
    ((0, 2, 5), (0, 2, 4, 7), (0, 2, 4), (0, 3))
"""

from __future__ import annotations

from functools import cache


@cache
def feet(length: int) -> tuple[int, ...]:
    """The boundaries of the feet of a line of `length` characters, from 0 to length."""
    if length <= 3:
        return (0, length)
    cuts = list(range(0, length - 2 if length % 2 else length, 2))
    return (*cuts, length)
