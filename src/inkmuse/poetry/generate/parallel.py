"""Writing 对仗: the second line of a couplet that must be parallel answers the first.

While the second line (对句) of 颔联 and 颈联 (every inner couplet of a 排律) is sampled, a
character that stands in a 对类 of the first line's character at the same position (山 for
水, 万 for 百: the 对仗 table of poetry.duizhang, built from 全唐诗's middle couplets), or that
Tang poets often set against it (诗 / 酒), gets PARALLEL_BOOST added to its logit; the
tones are fixed by the masks already. The ranking then prefers candidates whose required
couplets the judge finds parallel (rank.PARALLEL_WEIGHT), so the judge the checker uses
decides, not this bonus.

    >>> from inkmuse.models.embedded import load_poet
    >>> vocab = load_poet().vocab
    >>> bonus = ParallelBonus.for_vocab(vocab).bonus("山")
    >>> float(bonus[vocab.stoi["水"]]) > 0 == float(bonus[vocab.stoi["不"]])
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from inkmuse.models.embedded.vocab import Vocab
from inkmuse.poetry.duizhang.poem import required_couplets
from inkmuse.poetry.duizhang.table import get_table

# Measured in benchmarks/eval_duizhang.py --generated (see docs/poet.md).
PARALLEL_BOOST = 2.0


@dataclass(frozen=True)
class ParallelBonus:
    member: np.ndarray  # (vocab, classes) bool: which 对类 each character stands in
    class_ids: dict[str, int]
    stoi: dict[str, int]
    common: dict[str, np.ndarray]  # character -> ids Tang poets set against it often

    @classmethod
    def for_vocab(cls, vocab: Vocab) -> ParallelBonus:
        return _for_vocab(vocab)

    def bonus(self, first: str) -> np.ndarray:
        """(vocab,) float32: PARALLEL_BOOST where a character answers `first`."""
        out = np.zeros(self.member.shape[0], dtype=np.float32)
        table = get_table()
        cols = [self.class_ids[c] for c in table.classes(first) if c in self.class_ids]
        if cols:
            out[self.member[:, cols].any(axis=1)] = PARALLEL_BOOST
        ids = self.common.get(first)
        if ids is not None:
            out[ids] = PARALLEL_BOOST
        return out


@cache
def _for_vocab(vocab: Vocab) -> ParallelBonus:
    table = get_table()
    names = sorted({c for classes in table.by_char.values() for c in classes})
    class_ids = {name: k for k, name in enumerate(names)}
    member = np.zeros((len(vocab), len(names)), dtype=bool)
    for ch, classes in table.by_char.items():
        if ch in vocab:
            for name in classes:
                member[vocab.stoi[ch], class_ids[name]] = True
    common: dict[str, list[int]] = {}
    for pair in table.pairs:
        a, b = pair[0], pair[1]
        if a in vocab and b in vocab:
            common.setdefault(a, []).append(vocab.stoi[b])
            common.setdefault(b, []).append(vocab.stoi[a])
    arrays = {k: np.array(v, dtype=np.intp) for k, v in common.items()}
    return ParallelBonus(member, class_ids, dict(vocab.stoi), arrays)


def answering_lines(line_count: int) -> frozenset[int]:
    """The 0-based lines that answer a required parallel line (3 and 5 of a 律诗)."""
    couplets = required_couplets(line_count // 2)
    return frozenset(2 * c - 1 for c in couplets)
