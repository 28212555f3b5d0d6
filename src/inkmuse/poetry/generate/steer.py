"""Steering while sampling: the keywords, each line's plan word, and the theme's imagery.

Added to the model's logits when a character is drawn (never when a poem is scored, so the
model's own judgement of fluency stays what it is):
- KEYWORD_BOOST on the characters of the person's keywords, everywhere;
- PLAN_BOOST on the characters of line i's plan word while line i is written;
- minus CONTRARY_PENALTY on a character that would complete a word marking another season
  or the daylight in a night poem (poetry.imagery): a single-character marker (茱, 砧) at
  any step, a two-character one (桃花, 夕阳) on its second character after its first;
- minus the model's stock-phrase penalty (万里, 不知, 何处 for poet-v1: the bigrams it writes
  far more often than real poets, scripts/build_stock_bigrams.py) on a bigram's second
  character after its first, unless the person's words hold it;
- minus FAVOURITE_WEIGHT x the model's favourite-character penalty (the same table's
  "chars": 风, 花, 春 ...) at every step, unless the person's words or the plan hold it.

And after the min-p cut (decode.sample_ids), `fresh`: the characters the model draws less
often than real poets write them (the table's "fresh": 屦, 砌, 樵 ...) gain what the
table gives them, so among the characters the model finds plausible at a step the rarer
word is drawn more often; none that the cut left out comes back.

    >>> from inkmuse.models.embedded import load_poet
    >>> vocab = load_poet().vocab
    >>> steer = Steering.build(vocab, ("秋夜",), season="autumn", time="night", plan=None)
    >>> import numpy as np
    >>> prev = np.array([vocab.stoi["夕"]])
    >>> float(steer.bias(0, prev)[0, vocab.stoi["阳"]]) < 0 < float(steer.bias(0, prev)[0, vocab.stoi["秋"]])
    True
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from inkmuse.models.embedded.vocab import Vocab
from inkmuse.poetry.imagery import contrary_words

# Measured on 8 themes at step 700: coverage 0.26 -> 0.75 with no loss in model score.
KEYWORD_BOOST = 1.0
# Measured over 16 requests (8 themes x 七绝, 五律): a line holds a character of its plan
# word in 12% of lines with no boost, 22% at 0.8, 37% at 1.5, 62% at 2.5 (the model's own
# score of the chosen poems unchanged, -3.17 to -3.15), 68% at 3.5 (score -3.22).
PLAN_BOOST = 2.5
# The model's favourite characters (风 花 春: written far more often than real poets write
# them, scripts/build_stock_bigrams.py) cost this share of their table penalty at every
# step; measured in docs/poet.md (distinct characters against fluency).
FAVOURITE_WEIGHT = 2.0
# Large enough that a contrary word is drawn only when the line has nothing else legal.
CONTRARY_PENALTY = 6.0


@cache
def _stock_table(model: str) -> dict[str, Any]:
    """A model's table of habits (scripts/build_stock_bigrams.py), read once; {} without one."""
    path = resources.files("inkmuse.poetry").joinpath(f"data/stock-{model}.json")
    if not path.is_file():
        return {}
    table: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return table


def stock_bigrams(model: str) -> dict[str, float]:
    """A model's stock bigrams and their penalties (nats); empty for a model without a table."""
    bigrams: dict[str, float] = _stock_table(model).get("bigrams", {})
    return bigrams


def fresh_chars(model: str) -> dict[str, float]:
    """A model's under-drawn characters and their gain after the cut (nats); {} without one."""
    fresh: dict[str, float] = _stock_table(model).get("fresh", {})
    return fresh


def char_surprisal(model: str) -> dict[str, float]:
    """-log of each vocabulary character's frequency in real poems, less the real poems' mean
    per character (nats; what the ranking's rarity term reads); {} without a table."""
    surprisal: dict[str, float] = _stock_table(model).get("surprisal", {})
    return surprisal


def favourite_chars(model: str) -> dict[str, float]:
    """A model's over-used characters and their penalties (nats); empty without a table."""
    chars: dict[str, float] = _stock_table(model).get("chars", {})
    return chars


@dataclass(frozen=True)
class Steering:
    base: np.ndarray  # (vocab,) float32: keywords and single-character contrary markers
    lines: tuple[np.ndarray, ...]  # (vocab,) per line: its plan word's boost
    # previous char id -> (ids a contrary or stock bigram would complete, their penalties)
    after: dict[int, tuple[np.ndarray, np.ndarray]]
    fresh: np.ndarray | None = None  # (vocab,) float32 added after the cut (sample_ids)

    @classmethod
    def build(
        cls,
        vocab: Vocab,
        keywords: Sequence[str],
        *,
        season: str | None,
        time: str | None,
        plan: Sequence[str] | None,
        stock: dict[str, float] | None = None,
        favourites: dict[str, float] | None = None,
        fresh: dict[str, float] | None = None,
    ) -> Steering:
        size = len(vocab)
        base = np.zeros(size, dtype=np.float32)
        for ch in "".join(keywords):
            if ch in vocab:
                base[vocab.stoi[ch]] = KEYWORD_BOOST
        after: dict[int, dict[int, float]] = {}
        own = set("".join(keywords)) | set("".join(plan or ()))
        for ch, cost in (favourites or {}).items():
            if ch in vocab and ch not in own:
                base[vocab.stoi[ch]] -= FAVOURITE_WEIGHT * cost
        asked = [w for w in (*keywords, *(plan or ())) if w]
        penalties = {
            w: CONTRARY_PENALTY
            for w in contrary_words(season, time)
            # the person asked for it (or its plan did): 夕阳 in a night poem, or 阳 alone;
            # a shared character is not asking (送残 is no reason for 残阳 at night)
            if not any(w in a or a in w for a in asked)
        }
        for word, cost in (stock or {}).items():
            if not set(word) & own:  # a stock phrase may carry the person's character in
                penalties[word] = max(penalties.get(word, 0.0), cost)
        for word, cost in penalties.items():
            if not cost:
                continue
            if not all(ch in vocab for ch in word):
                continue
            ids = [vocab.stoi[ch] for ch in word]
            if len(ids) == 1:
                base[ids[0]] -= cost
            else:
                row = after.setdefault(ids[0], {})
                row[ids[1]] = max(row.get(ids[1], 0.0), cost)
        lines = []
        for word in plan or ():
            boost = np.zeros(size, dtype=np.float32)
            for ch in word:
                if ch in vocab:
                    boost[vocab.stoi[ch]] = PLAN_BOOST
            lines.append(boost)
        table = {
            k: (np.array(list(v), dtype=np.intp), np.array(list(v.values()), dtype=np.float32))
            for k, v in after.items()
        }
        gain = None
        if fresh:
            gain = np.zeros(size, dtype=np.float32)
            for ch, value in fresh.items():
                if ch in vocab:
                    gain[vocab.stoi[ch]] = value
        return cls(base, tuple(lines), table, gain)

    def bias(self, line: int, previous: np.ndarray | None) -> np.ndarray:
        """(rows, vocab) to add to the logits at a step of `line`; previous: each row's last
        character id (None at the start of a line, where no word continues)."""
        rows = 1 if previous is None else len(previous)
        out = np.repeat(self.base[None, :], rows, axis=0)
        if line < len(self.lines):
            out += self.lines[line]
        if previous is not None and self.after:
            for b, prev in enumerate(previous.tolist()):
                hit = self.after.get(prev)
                if hit is not None:
                    out[b, hit[0]] -= hit[1]
        return out
