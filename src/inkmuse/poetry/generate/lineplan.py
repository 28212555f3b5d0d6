"""A line plan (the Jiuge idea): one sub-topic per line, expanded from the person's words.

The person's words stand where a reader meets them: the first opens the poem, a second
closes it (the feeling a 绝句 ends on), further ones between. The other lines take words
the corpus writes beside them (`data/keyword_graph.json`, scripts/build_keyword_graph.py:
秋夜 -> 明月, 故人 -> 一樽, 阳关), chosen by the seed, never a word that contradicts the
theme's season or time (poetry.imagery) and never one that repeats a character already in
the plan. A word the graph does not hold is reached through its characters (思乡 through
乡: 故乡, 还乡). The decoder then favours each line's plan word in that line, so the poem
moves from scene to detail to its turn and its close instead of circling one image.

    >>> plan = plan_lines(("秋夜", "思乡"), 4, seed=3, season="autumn", time="night")
    >>> plan.words[0], plan.words[-1], len(plan.words)
    ('秋夜', '思乡', 4)
    >>> parse_plan("雁，霜, 灯 乡", 4)
    ('雁', '霜', '灯', '乡')
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from inkmuse.core.errors import InputError
from inkmuse.core.hanzi import is_han
from inkmuse.core.seeds import make_rng
from inkmuse.poetry.imagery import contrary_words
from inkmuse.poetry.text import to_simplified

SEASON_NAMES = {"spring": "春", "summer": "夏", "autumn": "秋", "winter": "冬"}
_SEPARATORS = re.compile(r"[\s,，、;；/|]+")
MAX_PLAN_WORD = 4
PLAN_MARK = 0.65
# A word the graph links from more than this many others (万里 355, 春风 360, 千里 292) is a
# hub: it fits every theme because it says nothing of one. Its score is divided by
# sqrt(links / HUB_LINKS). Over the 1,142 requests of benchmarks/eval_poet_real.py the 20
# most planned words filled 24% of the plan slots (万里 alone 134 times) before, 12% after,
# and the poet wrote 万里 88 times against the real poems' 23 (docs/poet.md).
HUB_LINKS = 20


@dataclass(frozen=True)
class LinePlan:
    words: tuple[str, ...]  # one per line
    source: str  # "planned" (expanded from the keywords) or "person" (given with --plan)

    def to_dict(self) -> dict[str, object]:
        return {"words": list(self.words), "source": self.source}

    def render(self) -> str:
        return " · ".join(f"{i + 1} {w}" for i, w in enumerate(self.words))


@dataclass(frozen=True)
class Graph:
    nodes: dict[str, int]
    edges: dict[str, list[tuple[str, float]]]  # word -> its neighbours, hubs damped


@cache
def keyword_graph() -> Graph:
    path = resources.files("inkmuse.poetry").joinpath("data/keyword_graph.json")
    data = json.loads(path.read_text("utf-8"))
    links: dict[str, int] = {}
    for row in data["edges"].values():
        for other, _score in row:
            links[other] = links.get(other, 0) + 1
    edges = {
        w: sorted(
            ((b, float(s) / max(1.0, links[b] / HUB_LINKS) ** 0.5) for b, s in e),
            key=lambda kv: (-kv[1], kv[0]),
        )
        for w, e in data["edges"].items()
    }
    return Graph(nodes=data["nodes"], edges=edges)


def parse_plan(text: str, lines: int) -> tuple[str, ...]:
    """The person's plan ('雁,霜,灯,乡'): one word of 1-4 characters per line."""
    words = tuple(w for w in _SEPARATORS.split(to_simplified(text)) if w)
    if len(words) != lines:
        raise InputError(
            f"the plan has {len(words)} word(s) for a poem of {lines} lines",
            accepted=f"{lines} words, one per line, separated by commas: 雁,霜,灯,乡",
        )
    for word in words:
        if len(word) > MAX_PLAN_WORD or not all(is_han(c) for c in word):
            raise InputError(
                f"plan word {word!r}", accepted=f"Chinese words of 1 to {MAX_PLAN_WORD} characters"
            )
    return words


def neighbours(word: str) -> list[tuple[str, float]]:
    """The graph's neighbours of a word, or of the words that hold its characters."""
    graph = keyword_graph()
    if word in graph.edges:
        return graph.edges[word]
    # The word's family (塞 -> 出塞, 塞鸿, 边 -> 边城) share its characters, so the plan
    # cannot use them (重字); what many of them lead to can be used: their neighbours,
    # summed, so one family member's drift (边 -> 江边 -> 濯锦) stays below the consensus.
    pool: dict[str, float] = {}
    for node in graph.edges:
        if set(node) & set(word):
            for other, score in graph.edges[node]:
                if not set(other) & set(word):
                    pool[other] = pool.get(other, 0.0) + score
    return sorted(pool.items(), key=lambda kv: (-kv[1], kv[0]))[:24]


def plan_lines(
    keywords: tuple[str, ...],
    lines: int,
    *,
    seed: int,
    season: str | None = None,
    time: str | None = None,
) -> LinePlan:
    """A plan of `lines` words: the keywords in place, the rest drawn from the graph."""
    rng = make_rng(seed)
    slots: list[str | None] = [None] * lines
    own = list(keywords[:lines])
    if own:
        slots[0] = own[0]
    if len(own) > 1:
        slots[-1] = own[1]
    middle = list(range(1, lines - 1))
    step = max(1, len(middle) // max(1, len(own) - 2))
    for word, i in zip(own[2:], middle[::step], strict=False):  # further words between
        slots[i] = word
    # Plans hold to the theme more strictly than the poem is judged: weaker markers too.
    choices = _pool_words(own)
    contrary = set(contrary_words(season, time, level=PLAN_MARK))
    if season in SEASON_NAMES:  # no other season by name either (春草 in a summer poem)
        others = set(SEASON_NAMES.values()) - {SEASON_NAMES[season]}
        contrary |= {w for w, _ in choices if set(w) & others}
    used = set("".join(w for w in slots if w))
    for i in range(lines):
        if slots[i] is not None:
            continue
        # A plan word is a sub-topic, an image: never a 叠字 (茫茫, 悠悠 describe; the
        # decoder writes them on its own), never a character the plan already holds.
        fresh = [
            (w, s)
            for w, s in choices
            if not (set(w) & used) and w not in contrary and len(set(w)) == len(w)
        ]
        if not fresh:
            slots[i] = own[i % len(own)] if own else "山水"
            continue
        top = fresh[:6]
        weights = [s for _, s in top]
        pick = top[int(rng.choice(len(top), p=[w / sum(weights) for w in weights]))][0]
        slots[i] = pick
        used.update(pick)
    return LinePlan(tuple(w or "" for w in slots), "planned")


def _pool_words(own: list[str]) -> list[tuple[str, float]]:
    """Candidate plan words: the neighbours of every keyword, scores summed, best first."""
    pool: dict[str, float] = {}
    for word in own or ["山水"]:
        for other, score in neighbours(word):
            pool[other] = pool.get(other, 0.0) + score
    return sorted(pool.items(), key=lambda kv: (-kv[1], kv[0]))
