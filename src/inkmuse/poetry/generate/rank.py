"""Ranking candidates: model score, keyword coverage, theme, freshness, originality.

score = mean log-probability per token (nats, the model's own judgement of fluency)
        + COVERAGE_WEIGHT x the share of the keywords' characters that appear in the poem
        + PLAN_WEIGHT x the share of lines that hold a character of their plan word
        + PARALLEL_WEIGHT x the share of the couplets the form wants parallel (颔联, 颈联)
          that the 对仗 judge (poetry.duizhang) finds parallel
        - CLASH_WEIGHT x the words that contradict the theme's season or time (imagery.py),
          or, when the theme names no season, the season the poem sets itself
          (imagery.mixed_seasons: 黄花 in a poem of 春风)
        - STOCK_WEIGHT x the share of the poem's bigrams that are stock: the model's own
          clichés (steer.stock_bigrams) or written by half the batch
        + RARITY_WEIGHT x the mean surprisal of the poem's characters under real poets'
          character frequencies, less the real poems' own mean (steer.char_surprisal): the
          anti-language-model term of maximum-mutual-information ranking (Li et al. 2016,
          "A Diversity-Promoting Objective"), so that of two fluent candidates the one in
          the rarer, more particular words wins.
The last term is why a ranked poem is not the batch's most typical one: the mean
log-probability alone prefers what every sample says (风吹, 万里, 一夜), the model's
clichés; a bigram that half of the other candidates also wrote is one of those.
A candidate with any line of 5+ characters found verbatim in the corpus is not returned
(lines the person wrote themselves are exempt), and identical candidates count once.

    >>> coverage("床前明月光，疑是地上霜。", ["明月", "秋"])
    0.6666666666666666
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from inkmuse.core.hanzi import split_lines
from inkmuse.models.embedded import load_originality_index
from inkmuse.poetry.duizhang import judge_poem_duizhang
from inkmuse.poetry.imagery import clashes, mixed_seasons

# One keyword character found is worth about 0.1 nats a token for a three-character prompt;
# enough to choose between fluent candidates, too little to reward stuffing.
COVERAGE_WEIGHT = 0.3
PLAN_WEIGHT = 0.3
PARALLEL_WEIGHT = 0.5
# A contradiction costs more than any fluency difference between candidates of one batch.
CLASH_WEIGHT = 0.5
# All of a poem's bigrams shared by half the batch would cost 0.4 nats a token.
STOCK_WEIGHT = 0.4
STOCK_SHARE = 0.5  # a bigram is the batch's stock when this share of the others wrote it
# Measured over 200 requests (docs/poet.md): distinct characters 1,430 at 0, 1,515 at 0.3,
# 1,680 at 0.6, against 1,852 in the real poems.
RARITY_WEIGHT = 0.75


class Draft(Protocol):
    """What ranking reads of a decoded poem (a 诗 `Candidate`, a 词 `CiCandidate`)."""

    @property
    def text(self) -> str: ...

    @property
    def mean_logprob(self) -> float: ...


D = TypeVar("D", bound=Draft)


@dataclass(frozen=True)
class Ranked(Generic[D]):
    candidate: D
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


def parallel_share(lines: Sequence[str]) -> float:
    """The share of the couplets the form wants parallel that are (0 for a 绝句)."""
    if len(lines) < 8:
        return 0.0
    required = judge_poem_duizhang(list(lines)).required
    return sum(c.judgement.parallel for c in required) / max(len(required), 1)


def plan_coverage(lines: Sequence[str], plan: Sequence[str]) -> float:
    """The share of lines that hold a character of their plan word."""
    pairs = list(zip(plan, lines, strict=False))
    return sum(any(c in line for c in word) for word, line in pairs) / max(len(pairs), 1)


def mean_surprisal(lines: Sequence[str], surprisal: Mapping[str, float]) -> float:
    """The mean of the lines' characters' surprisal (0 for a character the table lacks)."""
    chars = [ch for line in lines for ch in line]
    return sum(surprisal.get(ch, 0.0) for ch in chars) / max(len(chars), 1)


def line_bigrams(text: str) -> list[str]:
    """The character bigrams within the lines of a poem, in order, repeats kept (for counts:
    the stock-phrase table and the eval read them too)."""
    return [line[i : i + 2] for line in split_lines(text) for i in range(len(line) - 1)]


def bigrams(text: str) -> set[str]:
    """The distinct character bigrams within the lines of a poem."""
    return set(line_bigrams(text))


def stock_shares(
    texts: Sequence[str], stock: dict[str, float], asked: frozenset[str] | set[str] = frozenset()
) -> list[float]:
    """For each poem, the share of its bigrams that are stock: in the model's table, or
    written by STOCK_SHARE of the other candidates (of three or more). The person's own
    words are never stock."""
    sets = [bigrams(t) for t in texts]
    counts: dict[str, int] = {}
    for grams in sets:
        for g in grams:
            counts[g] = counts.get(g, 0) + 1
    others = len(texts) - 1

    def is_stock(g: str) -> bool:
        if set(g) & asked:
            return False
        return g in stock or (others >= 2 and (counts[g] - 1) / others >= STOCK_SHARE)

    return [sum(map(is_stock, grams)) / max(len(grams), 1) for grams in sets]


def rank(
    candidates: Sequence[D],
    keywords: Sequence[str],
    new_lines: Sequence[int] = (),
    *,
    season: str | None = None,
    time: str | None = None,
    stock: dict[str, float] | None = None,
    plan: Sequence[str] | None = None,
    couplets: bool = True,
    surprisal: Mapping[str, float] | None = None,
) -> tuple[list[Ranked[D]], list[Ranked[D]]]:
    """(original candidates best first, candidates rejected as copies).

    new_lines: the 0-based lines the poet wrote (all when empty); lines the person wrote are
    not held against originality. season, time: the theme, whose contrary imagery costs.
    couplets: judge the 对仗 a 律诗 wants (False for a 词, whose lines are not couplets).
    surprisal: character -> nats above the real poems' mean (steer.char_surprisal); None
        leaves rarity out.
    """
    index = load_originality_index()
    asked = set("".join(keywords))
    shared = stock_shares([c.text for c in candidates], stock or {}, asked)
    seen: set[str] = set()
    kept: list[Ranked[D]] = []
    copies: list[Ranked[D]] = []
    for k, cand in enumerate(candidates):
        if cand.text in seen:
            continue
        seen.add(cand.text)
        cover = coverage(cand.text, keywords)
        lines = split_lines(cand.text)
        generated = [lines[i] for i in new_lines] if new_lines else lines
        overlaps = tuple(line for line in generated if index.contains(line))
        found = clashes(cand.text, season, time)
        if season is None:  # no season asked: the poem keeps to the one it sets itself
            found += mixed_seasons(cand.text)
        contrary = [c for c in found if not set(c.word) & asked]
        score = cand.mean_logprob + COVERAGE_WEIGHT * cover - CLASH_WEIGHT * len(contrary)
        score -= STOCK_WEIGHT * shared[k]
        if plan:
            score += PLAN_WEIGHT * plan_coverage(lines, plan)
        if couplets:
            score += PARALLEL_WEIGHT * parallel_share(lines)
        if surprisal:
            score += RARITY_WEIGHT * mean_surprisal(lines, surprisal)
        item = Ranked(cand, cover, score, overlaps)
        (copies if overlaps else kept).append(item)
    kept.sort(key=lambda r: (-r.score, r.text))
    return kept, copies
