"""Perfect and slant rhyme from CMUdict phones, and rhyme words to suggest.

    >>> rhyme_kind("day", "May"), rhyme_kind("love", "prove"), rhyme_kind("sun", "red")
    ('perfect', 'slant', None)
    >>> rhymes_for("night", 3)
    ['right', 'might', 'white']

A perfect rhyme shares everything from the last stressed vowel on (day/May,
compare/rare). A slant rhyme shares the stressed vowel (assonance: shade/made is perfect,
late/shape is slant) or the closing consonants (consonance: love/prove, temperate/date,
the "eye rhymes" of Shakespeare's day). Words CMUdict cannot say are compared by spelling.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from inkmuse.poetry.english.words import (
    VOWELS,
    Pron,
    common_words,
    normalize,
    pronunciations,
)

PERFECT, SLANT, IDENTICAL = "perfect", "slant", "identical"
_NASALS = frozenset({"M", "N", "NG"})
_STOPS = frozenset({"P", "B", "T", "D", "K", "G"})
_VOICE = {"P": "B", "T": "D", "K": "G", "F": "V", "S": "Z", "TH": "DH", "SH": "ZH", "CH": "JH"}
_PAIR = {**_VOICE, **{v: k for k, v in _VOICE.items()}}
_SPELT_TAIL = re.compile(r"[aeiouy]+[^aeiouy]*$")


def _is_vowel(phone: str) -> bool:
    return phone[:-1] in VOWELS


def rhyme_key(pron: Pron) -> tuple[str, ...]:
    """The phones from the last stressed vowel on, stress marks dropped ('EY', 'T')."""
    if pron.phones is None:
        return ("~" + _spelt(pron.word),)
    phones = pron.phones
    vowels = [i for i, p in enumerate(phones) if _is_vowel(p)]
    if not vowels:
        return tuple(phones)
    stressed = [i for i in vowels if phones[i][-1] in "12"]
    start = stressed[-1] if stressed else vowels[-1]
    return tuple(p.rstrip("012") for p in phones[start:])


def _spelt(word: str) -> str:
    tail = _SPELT_TAIL.search(normalize(word).replace("'", ""))
    return tail.group(0) if tail else word


def _coda(key: tuple[str, ...]) -> tuple[str, ...]:
    """The consonants after the key's last vowel."""
    last = max((i for i, p in enumerate(key) if p in VOWELS), default=-1)
    return key[last + 1 :]


def _similar_coda(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return False
    x, y = a[0], b[0]
    same_class = (x in _NASALS and y in _NASALS) or (x in _STOPS and y in _STOPS)
    return x == y or _PAIR.get(x) == y or same_class


def _kind(a: Pron, b: Pron) -> str | None:
    ka, kb = rhyme_key(a), rhyme_key(b)
    if ka == kb:
        return PERFECT
    if a.phones is None or b.phones is None:
        return None
    if ka[0] == kb[0] and (_similar_coda(_coda(ka), _coda(kb)) or ka[1:] == kb[1:]):
        return SLANT  # same stressed vowel, near consonants: late/shape, sound/crown
    coda = _coda(ka)
    if coda and coda == _coda(kb) and (len(coda) > 1 or _spelt(a.word) == _spelt(b.word)):
        return SLANT  # same closing consonants, spelt alike: love/prove, temperate/date
    last_a = [p.rstrip("012") for p in a.phones][-2:]
    last_b = [p.rstrip("012") for p in b.phones][-2:]
    if last_a == last_b and any(p in VOWELS for p in last_a):
        return SLANT  # the final syllables agree: memory/die is not this, majesty/see is
    return None


def rhyme_kind(a: str, b: str) -> str | None:
    """identical, perfect, slant, or None when `a` and `b` do not rhyme at all."""
    if normalize(a).strip("'") == normalize(b).strip("'"):
        return IDENTICAL
    best: str | None = None
    for pa in pronunciations(a):
        for pb in pronunciations(b):
            kind = _kind(pa, pb)
            if kind == PERFECT:
                return PERFECT
            best = best or kind
    return best


@cache
def rhyme_index() -> dict[tuple[str, ...], tuple[str, ...]]:
    """rhyme key -> common words with it, most frequent first."""
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for word in common_words():
        for pron in pronunciations(word)[:1]:
            groups[rhyme_key(pron)].append(word)
    return {k: tuple(v) for k, v in groups.items()}


def rhymes_for(
    word: str,
    n: int = 8,
    *,
    stresses: tuple[int, ...] | None = None,
    exclude: frozenset[str] = frozenset(),
) -> list[str]:
    """Common words that rhyme perfectly with `word`, most frequent first.

    stresses: keep only words of this shape, 1 for a stressed and 0 for an unstressed
    syllable (so a fix keeps the meter); exclude: words already used.
    """
    out: list[str] = []
    seen = {normalize(word).strip("'"), *exclude}
    for pron in pronunciations(word):
        for cand in rhyme_index().get(rhyme_key(pron), ()):
            if cand in seen or (stresses is not None and shape(cand) != stresses):
                continue
            seen.add(cand)
            out.append(cand)
    rank = {w: i for i, w in enumerate(common_words())}
    return sorted(out, key=lambda w: rank.get(w, len(rank)))[:n]


def shape(word: str) -> tuple[int, ...]:
    """A word's stress shape in its first reading: 1 stressed (primary), 0 otherwise."""
    return tuple(1 if s == 1 else 0 for s in pronunciations(word)[0].stresses)
