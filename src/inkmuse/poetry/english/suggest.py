"""Words to offer as fixes: by stress shape (for the meter) and by syllable count.

>>> words_with_shape("/x", 4)
['people', 'also', 'other', 'only']
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from inkmuse.poetry.english.words import common_words, is_function_word, pronunciations


@cache
def _by_shape() -> dict[str, tuple[str, ...]]:
    """x/ shape -> common content words of that shape, most frequent first. A secondary
    stress may take either kind of position, so such a word is filed under both."""
    groups: dict[str, list[str]] = defaultdict(list)
    for word in common_words():
        if is_function_word(word):
            continue
        pron = pronunciations(word)[0]
        shapes = [""]
        for s in pron.stresses:
            marks = "/" if s == 1 else "x" if s == 0 else "x/"
            shapes = [prefix + m for prefix in shapes for m in marks]
        for shape in shapes:
            groups[shape].append(word)
    return {k: tuple(v) for k, v in groups.items()}


def words_with_shape(marks: str, n: int = 6, exclude: frozenset[str] = frozenset()) -> list[str]:
    """Common content words that fill the positions `marks` (x weak, / strong) exactly."""
    return [w for w in _by_shape().get(marks, ()) if w not in exclude][:n]


def words_with_syllables(
    count: int, n: int = 6, exclude: frozenset[str] = frozenset()
) -> list[str]:
    """Common content words of `count` syllables (any stress)."""
    out: list[str] = []
    for word in common_words():
        if len(out) == n:
            break
        fits = pronunciations(word)[0].syllables == count
        if fits and word not in exclude and not is_function_word(word):
            out.append(word)
    return out
