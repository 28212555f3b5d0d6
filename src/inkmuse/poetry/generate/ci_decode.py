"""Decoding a 词 inside its 词谱 variant: N candidates sampled in one batch.

The 诗 decoder (decode.py) walks a FormSpec's fixed lines; a ci's lines are its variant's
(one to eleven characters, 句 and 逗) and its rules are the variant's own, read from the
same `Variant` the ci checker holds every ci to:

- a strict 平 or 仄 position takes a character with a reading of that tone; ⊕ and ⊖ (可平可仄)
  take either;
- each rhyme of the variant (a 换韵 tune such as 菩萨蛮 has several) takes its 词林正韵 部
  at its first required line end, and every later required end of that rhyme is a
  character of that 部 alone, in the tone the pattern holds there (西江月 rhymes 平 and 仄
  in one 部); an optional rhyme (可韵) is left to the model;
- a 叠句 copies the tail of the line before it (如梦令's 知否，知否);
- no character twice, but a 叠字 (萧萧) as the 诗 allow it (`rules.may_double`: one
  foot, a character the poets doubled), at most MAX_DOUBLES a ci and never a keyword's:
  the checker does not forbid repeats in a ci, but a small model repeats by habit.

After each line the model writes whichever of ， and 。 it prefers (the corpus kept only
those two); the last line ends with 。. A tune longer than the model's block (the 慢词:
水调歌头 is 95 characters and 19 lines, the model sees 96 tokens) is written with a sliding
window: when the cache is full it is rebuilt from the prompt and the latest lines.

    >>> from inkmuse.models.embedded import load_poet
    >>> from inkmuse.poetry.ci import get_tune
    >>> v = get_tune("浣溪沙").variants[0]
    >>> cands = decode_ci(load_poet(), v, ["春愁"], n=2, seed=1)
    >>> len(cands[0].body) == v.total
    True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np
from numpy.typing import NDArray

from inkmuse.core.seeds import make_rng
from inkmuse.core.tones import Tone
from inkmuse.models.embedded import EmbeddedPoet
from inkmuse.models.embedded.runtime import log_softmax, single_threaded
from inkmuse.models.embedded.vocab import Vocab
from inkmuse.poetry.ci.cipu import STRICT, Variant
from inkmuse.poetry.ci.rhyme import get_cilin
from inkmuse.poetry.generate.decode import sample_ids
from inkmuse.poetry.generate.steer import Steering
from inkmuse.poetry.generate.tables import VocabTables, get_tables
from inkmuse.poetry.rules import may_double

# A rhyme's 部 is chosen only among those with this many characters of the needed tone per
# line end it must fill: a 部 of eight characters strands a ten-rhyme tune halfway.
MIN_BU_CHARS_PER_END = 6
# When the window slides, this many of the latest tokens are kept after the prompt.
WINDOW_KEEP = 56
ENDS = ("，", "。")
MAX_DOUBLES = 2


@dataclass
class CiCandidate:
    """One decoded ci. logprob: summed over its tokens (nats); rhymes: rhyme -> 部."""

    text: str
    variant: Variant
    rhymes: dict[int, str]
    logprob: float
    tokens: int

    @property
    def mean_logprob(self) -> float:
        return self.logprob / max(self.tokens, 1)

    @property
    def body(self) -> str:
        return "".join(ch for ch in self.text if ch not in ENDS)


@dataclass(frozen=True)
class CiTables:
    """Per-vocabulary arrays for the 词林正韵 (computed once per model)."""

    base: VocabTables  # 平水韵 tones: han, ping, ze
    bu: NDArray[np.int32]  # index into `names` of a character's one 部, -1 if none or several
    names: tuple[str, ...]


@cache
def get_ci_tables(vocab: Vocab) -> CiTables:
    base = get_tables(vocab, "平水韵")
    cilin = get_cilin()
    index = {name: i for i, name in enumerate(cilin.names)}
    bu = np.full(len(vocab), -1, dtype=np.int32)
    for i, ch in enumerate(vocab.itos):
        if base.han[i]:
            found = cilin.bu(ch)
            if len(found) == 1:
                bu[i] = index[next(iter(found))]
    return CiTables(base, bu, cilin.names)


@dataclass
class _Row:
    chars: list[str] = field(default_factory=list)  # the ci so far, punctuation included
    bu: dict[int, int] = field(default_factory=dict)  # rhyme -> chosen 部 index
    doubles: int = 0  # 叠字 written
    alive: bool = True


@dataclass(frozen=True)
class _Slot:
    """What one character position of the variant asks for."""

    line: int
    at: int  # position in its line
    tone: Tone | None  # strict tone, None where free
    rhyme: int | None  # the rhyme a required line end belongs to
    copy_from: int | None  # body index this 叠句 position repeats


def slots(variant: Variant) -> list[_Slot]:
    """The variant's positions in order, with the rule each one keeps."""
    out: list[_Slot] = []
    start = 0
    for line, length in enumerate(variant.lengths):
        required = variant.rhyme[line] is not None and line not in variant.optional_rhyme
        for at in range(length):
            p = start + at
            end = at == length - 1
            repeat = line in variant.repeat
            out.append(
                _Slot(
                    line,
                    at,
                    STRICT.get(variant.pattern[p]),
                    variant.rhyme[line] if end and required and not repeat else None,
                    p - length if repeat else None,
                )
            )
        start += length
    return out


def _rhyme_choices(tables: CiTables, variant: Variant, rhyme: int) -> NDArray[np.bool_]:
    """(vocab,) ids that may open rhyme `rhyme`: a 部 with room for all its line ends."""
    ends = [
        line
        for line, r in enumerate(variant.rhyme)
        if r == rhyme and line not in variant.optional_rhyme and line not in variant.repeat
    ]
    ok = np.ones(len(tables.names), dtype=bool)
    base = tables.base
    for line in ends:
        tone = variant.rhyme_tone(line)
        members = tables.bu[base.han & (base.ping if tone is Tone.PING else base.ze)]
        counts = np.bincount(members[members >= 0], minlength=len(tables.names))
        ok &= counts >= MIN_BU_CHARS_PER_END * len(ends)
    choices: NDArray[np.bool_] = (tables.bu >= 0) & ok[np.maximum(tables.bu, 0)]
    return choices


def decode_ci(
    poet: EmbeddedPoet,
    variant: Variant,
    keywords: Sequence[str],
    *,
    n: int,
    seed: int,
    temperature: float = 0.8,
    steer: Steering | None = None,
    conditions: Sequence[str] = (),
    forced: Mapping[int, str] | None = None,
) -> list[CiCandidate]:
    """Sample n ci of `variant` at once; rows that run out of legal characters are dropped.

    conditions: prompt tokens after <词> (the tune's <调:…>, an era, a muse); steer: the
    sampling bias per line (keywords, plan, theme); forced: body index -> character.
    """
    if steer is None:
        steer = Steering.build(poet.vocab, keywords, season=None, time=None, plan=None)
    with single_threaded():
        return _decode(
            poet, variant, keywords, n, seed, temperature, steer, tuple(conditions),
            dict(forced or {}),
        )  # fmt: skip


def _decode(
    poet: EmbeddedPoet,
    variant: Variant,
    keywords: Sequence[str],
    n: int,
    seed: int,
    temperature: float,
    steer: Steering,
    conditions: tuple[str, ...],
    forced: dict[int, str],
) -> list[CiCandidate]:
    vocab = poet.vocab
    tables = get_ci_tables(vocab)
    rng = make_rng(seed)
    rows = [_Row() for _ in range(n)]
    plan = slots(variant)
    rhymes = {s.rhyme for s in plan if s.rhyme is not None}
    opens = {r: _rhyme_choices(tables, variant, r) for r in rhymes}
    prompt = vocab.encode_prompt("词", keywords, conditions=conditions)
    window = _Window(poet, prompt, n)
    logits = window.start()
    used = np.zeros((n, len(vocab)), dtype=bool)
    total = np.zeros(n, dtype=np.float64)
    tokens = 0
    previous: np.ndarray | None = None
    asked = frozenset("".join(keywords))  # 愁愁: a keyword doubled is the boost, not art
    punct_ids = np.array([vocab.stoi[p] for p in ENDS], dtype=np.int64)
    for p, slot in enumerate(plan):
        if slot.at == 0:
            previous = None
        want = forced.get(p)
        if slot.copy_from is not None:
            feed = np.array([vocab.stoi.get(_body(r)[slot.copy_from], vocab.unk) for r in rows])
            chosen = [vocab.itos[i] for i in feed]
        elif want is not None:
            feed = np.full(n, vocab.stoi.get(want, vocab.unk), dtype=np.int64)
            chosen = [want] * n
        else:
            mask = _mask(tables, rows, slot, used, opens, vocab, asked)
            bias = steer.bias(slot.line, previous)
            feed = sample_ids(logits + bias, mask, temperature, rng, after_cut=steer.fresh)
            for b, row in enumerate(rows):
                row.alive = row.alive and bool(mask[b, feed[b]])
            chosen = [vocab.itos[i] for i in feed]
        total += log_softmax(logits)[np.arange(n), feed]
        tokens += 1
        for b, row in enumerate(rows):
            row.doubles += bool(row.chars) and row.chars[-1] == chosen[b]
            row.chars.append(chosen[b])
            if slot.rhyme is not None and slot.rhyme not in row.bu and row.alive:
                row.bu[slot.rhyme] = int(tables.bu[feed[b]])
            if feed[b] != vocab.unk:
                used[b, feed[b]] = True
        previous = feed
        logits = window.feed(feed)
        if slot.at == variant.lengths[slot.line] - 1:  # the line ends: ， or 。
            logp = log_softmax(logits)
            last = slot.line == len(variant.lengths) - 1
            pick = (
                np.ones(n, dtype=np.intp)
                if last
                else np.argmax(logp[:, punct_ids], axis=1).astype(np.intp)
            )
            punct = punct_ids[pick]
            total += logp[np.arange(n), punct]
            tokens += 1
            for b, row in enumerate(rows):
                row.chars.append(ENDS[pick[b]])
            logits = window.feed(punct)
    total += log_softmax(logits)[:, vocab.eos]  # the model agrees the ci is finished
    tokens += 1
    names = tables.names
    return [
        CiCandidate(
            "".join(row.chars),
            variant,
            {r: names[k] for r, k in sorted(row.bu.items())},
            float(total[b]),
            tokens,
        )
        for b, row in enumerate(rows)
        if row.alive
    ]


def _body(row: _Row) -> str:
    return "".join(ch for ch in row.chars if ch not in ENDS)


def _mask(
    tables: CiTables,
    rows: list[_Row],
    slot: _Slot,
    used: np.ndarray,
    opens: dict[int, NDArray[np.bool_]],
    vocab: Vocab,
    asked: frozenset[str],
) -> np.ndarray:
    """(rows, vocab) the characters each row may take at this slot."""
    base = tables.base
    legal = base.han.copy()
    if slot.tone is Tone.PING:
        legal &= base.ping
    elif slot.tone is Tone.ZE:
        legal &= base.ze
    mask = np.repeat(legal[None, :], len(rows), axis=0) & ~used
    for b, row in enumerate(rows):
        double = may_double(row.chars, slot.at) if row.doubles < MAX_DOUBLES else None
        if double is not None and double not in asked and double in vocab.stoi:
            k = vocab.stoi[double]
            mask[b, k] = legal[k]
        if slot.rhyme is not None:
            chosen = row.bu.get(slot.rhyme)
            mask[b] &= opens[slot.rhyme] if chosen is None else tables.bu == chosen
    result: np.ndarray = mask
    return result


class _Window:
    """The model's cache for the batch, rebuilt from the prompt and the latest tokens when
    a long tune outgrows the block."""

    def __init__(self, poet: EmbeddedPoet, prompt: list[int], n: int) -> None:
        self.runtime = poet.runtime
        self.block = poet.runtime.config.block_size
        self.prompt = prompt
        self.n = n
        self.fed: list[np.ndarray] = []  # each step's (n,) ids after the prompt

    def start(self) -> np.ndarray:
        cache = self.runtime.new_cache(1)
        ids = np.array([self.prompt], dtype=np.int64)
        logits = self.runtime.forward(ids, cache)[:, -1]
        self.cache = cache.select(np.zeros(self.n, dtype=np.intp))
        return np.repeat(logits, self.n, axis=0)

    def feed(self, ids: np.ndarray) -> np.ndarray:
        self.fed.append(ids)
        if self.cache.length + 1 > self.block:
            keep = np.stack(self.fed[-WINDOW_KEEP:], axis=1)
            head = np.repeat(np.array([self.prompt], dtype=np.int64), self.n, axis=0)
            self.cache = self.runtime.new_cache(self.n)
            logits = self.runtime.forward(np.concatenate([head, keep], axis=1), self.cache)
            return logits[:, -1]
        return self.runtime.forward(ids[:, None].astype(np.int64), self.cache)[:, -1]
