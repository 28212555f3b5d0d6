"""Ranking candidates: model score, keyword coverage, originality, no duplicates.

score = mean log-probability per token (nats, the model's own judgement of fluency)
        + COVERAGE_WEIGHT x the share of the keywords' characters that appear in the poem.
A candidate with any line of 5+ characters found verbatim in the corpus is not returned
(lines the person wrote themselves are exempt), and identical candidates count once.

    >>> coverage("床前明月光，疑是地上霜。", ["明月", "秋"])
    0.6666666666666666
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from inkmuse.core.hanzi import split_lines
from inkmuse.models.embedded import load_originality_index
from inkmuse.poetry.generate.decode import Candidate

# One keyword character found is worth about 0.1 nats a token for a three-character prompt;
# enough to choose between fluent candidates, too little to reward stuffing.
COVERAGE_WEIGHT = 0.3


@dataclass(frozen=True)
class Ranked:
    candidate: Candidate
    coverage: float
    score: float
    overlaps: tuple[str, ...]  # corpus lines the poem repeats (empty for a returned poem)

    @property
    def text(self) -> str:
        return self.candidate.text


def coverage(text: str, keywords: Sequence[str]) -> float:
    """The share of the keywords' characters that occur in the poem (1.0 with no keywords)."""
    chars = [ch for word in keywords for ch in word]
    if not chars:
        return 1.0
    return sum(ch in text for ch in chars) / len(chars)


def rank(
    candidates: Sequence[Candidate], keywords: Sequence[str], new_lines: Sequence[int] = ()
) -> tuple[list[Ranked], list[Ranked]]:
    """(original candidates best first, candidates rejected as copies).

    new_lines: the 0-based lines the poet wrote (all when empty); lines the person wrote are
    not held against originality.
    """
    index = load_originality_index()
    seen: set[str] = set()
    kept: list[Ranked] = []
    copies: list[Ranked] = []
    for cand in candidates:
        if cand.text in seen:
            continue
        seen.add(cand.text)
        cover = coverage(cand.text, keywords)
        lines = split_lines(cand.text)
        generated = [lines[i] for i in new_lines] if new_lines else lines
        overlaps = tuple(line for line in generated if index.contains(line))
        item = Ranked(cand, cover, cand.mean_logprob + COVERAGE_WEIGHT * cover, overlaps)
        (copies if overlaps else kept).append(item)
    kept.sort(key=lambda r: (-r.score, r.text))
    return kept, copies
