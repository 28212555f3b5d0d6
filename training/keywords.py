"""Keywords per poem for conditioning (the Jiuge idea: the person's words steer the poem).

Cheap and documented:
1. Candidate words are the character bigrams on the rhythm boundaries of a classical line
   (五言 2+3 -> starts 0, 2, 3; 七言 2+2+3 -> starts 0, 2, 4, 5), where words begin; the
   last three characters split 1+2 or 2+1, so both are tried and step 2 picks the word.
2. A candidate must be a word, not an accident: it occurs in at least MIN_DF poems and its
   two characters stick together (pointwise mutual information >= MIN_PMI nats, i.e. they
   meet over 4x more often than chance).
3. The survivors are ranked by TF-IDF against the whole corpus; the top few that share no
   character are kept, in the order they appear in the poem.

    >>> candidates("明月照高楼，秋风动客愁。")
    ['明月', '照高', '高楼', '秋风', '动客', '客愁']

On the v1 corpus, 红笺短写空深恨，锦句新翻欲断肠。... gives 寄情 回雁 惊梦 新翻.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

LINE = re.compile(r"[^，。]+")
STARTS = {5: (0, 2, 3), 7: (0, 2, 4, 5)}
MIN_DF = 20
MIN_PMI = 1.5
TOP_K = 4


def candidates(text: str) -> list[str]:
    """Rhythm-aligned bigrams of a poem, in order of appearance."""
    words = []
    for line in LINE.findall(text):
        for start in STARTS.get(len(line), ()):
            words.append(line[start : start + 2])
    return words


class KeywordExtractor:
    """Corpus statistics (document frequency, unigram and bigram counts) for `keywords`."""

    def __init__(self, texts: Iterable[str]):
        self.df: Counter[str] = Counter()
        self.bigrams: Counter[str] = Counter()
        self.chars: Counter[str] = Counter()
        self.n = 0
        for text in texts:
            self.n += 1
            words = candidates(text)
            self.df.update(set(words))
            self.bigrams.update(words)
            self.chars.update(ch for ch in text if ch not in "，。")
        self.n_bigrams = max(sum(self.bigrams.values()), 1)
        self.n_chars = max(sum(self.chars.values()), 1)

    def pmi(self, word: str) -> float:
        p_word = self.bigrams[word] / self.n_bigrams
        p_a = self.chars[word[0]] / self.n_chars
        p_b = self.chars[word[1]] / self.n_chars
        return math.log(p_word / (p_a * p_b))

    def keywords(self, text: str, k: int = TOP_K) -> list[str]:
        tf = Counter(candidates(text))
        order = {w: text.find(w) for w in tf}
        scored = [
            (count * math.log(self.n / self.df[word]), word)
            for word, count in tf.items()
            if self.df[word] >= MIN_DF and word[0] != word[1] and self.pmi(word) >= MIN_PMI
        ]
        scored.sort(key=lambda sw: (-sw[0], order[sw[1]]))
        chosen: list[str] = []
        used: set[str] = set()
        for _, word in scored:
            if used.isdisjoint(word):
                chosen.append(word)
                used.update(word)
            if len(chosen) == k:
                break
        return sorted(chosen, key=lambda w: order[w])
