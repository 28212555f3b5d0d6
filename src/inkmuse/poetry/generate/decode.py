"""Constrained decoding: N candidates sampled in one batch, every one inside its form.

At each character position a boolean mask over the vocabulary keeps only the characters
that can still end in a poem the checker passes:

- the tone class the line's pattern wants, using 一三五不论 only where some completion of
  the line avoids 孤平, 三平尾 and 三仄尾 (the row tracks which legal tone strings of the
  line are still open, see `rules.legal_tones`);
- the rhyme group, chosen at the first rhyme position (or given) and kept;
- no character twice in the poem (重字), except a 叠字 (萧萧) filling one two-character
  foot, at most once a line (the checker counts a reduplication once), and characters the
  rhyme book knows;
- a polyphone never at the 2nd position, so the 平起/仄起 reading is unambiguous;
- forced characters (acrostic heads, the person's own lines) where given.

Rows that run out of legal characters die and are dropped; the rest are complete poems.

    >>> from inkmuse.models.embedded import load_poet
    >>> from inkmuse.poetry.forms import get_form
    >>> cands = decode_batch(load_poet(), get_form("五绝").patterns(), ["秋月"], n=2, seed=1)
    >>> len(cands[0].text)
    24
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from inkmuse.core.seeds import make_rng
from inkmuse.core.tones import Tone
from inkmuse.models.embedded import EmbeddedPoet
from inkmuse.models.embedded.runtime import log_softmax, single_threaded
from inkmuse.models.embedded.vocab import Vocab
from inkmuse.poetry.forms import FormSpec
from inkmuse.poetry.generate.parallel import ParallelBonus, answering_lines
from inkmuse.poetry.generate.steer import Steering
from inkmuse.poetry.generate.tables import VocabTables, get_tables
from inkmuse.poetry.rules import legal_tones, may_double, position_rule
from inkmuse.poetry.word_readings import words_ending_at

# Sampling keeps the legal characters at least MIN_P times as likely as the best one (min-p
# sampling): the long tail of a 7,000-character vocabulary is where nonsense lives, and
# unlike a fixed top-k the cut adapts to how sure the model is.
MIN_P = 0.05
# What is added to the logits when sampling (never when scoring): the keywords' characters,
# each line's plan word, minus imagery that contradicts the theme. See steer.py.

Position = tuple[int, int]  # (line, character), 0-based


@dataclass
class Candidate:
    """One decoded poem with what ranking needs. logprob: summed over its tokens (nats)."""

    text: str
    spec: FormSpec
    rhyme_group: str
    logprob: float
    tokens: int

    @property
    def mean_logprob(self) -> float:
        return self.logprob / max(self.tokens, 1)


@dataclass
class _Row:
    spec: FormSpec
    group: int  # rhyme group index, -1 until the first rhyme
    chars: list[str]
    open_options: list[str]  # legal tone strings of the current line still reachable
    alive: bool = True


def _char_tones(tables: VocabTables, ch: str) -> set[str]:
    return {r.tone.value for r in tables.book.readings(ch)}


def decode_batch(
    poet: EmbeddedPoet,
    specs: Sequence[FormSpec],
    keywords: Sequence[str],
    *,
    n: int,
    seed: int,
    temperature: float = 0.8,
    rhymebook: str = "平水韵",
    rhyme_group: str | None = None,
    forced: Mapping[Position, str] | None = None,
    steer: Steering | None = None,
    conditions: Sequence[str] = (),
    avoid: Mapping[Position, frozenset[str]] | None = None,
    tally: np.ndarray | None = None,
) -> list[Candidate]:
    """Sample n poems at once; row b keeps pattern specs[b % len(specs)]. Dead rows dropped.

    steer: the sampling bias (keywords, line plan, theme); by default the keywords alone.
    conditions: prompt tokens of a model that has them (<宋>, <@王维>; see vocab.py).
    avoid: characters not to write at a position (a suggestion is never the character it
        replaces, nor one whose line copies the corpus).
    tally: (vocab,) float64 that every step's draw distribution is added to (sample_ids).
    """
    if steer is None:
        steer = Steering.build(poet.vocab, keywords, season=None, time=None, plan=None)
    with single_threaded():
        return _decode(
            poet, specs, keywords, n, seed, temperature, rhymebook, rhyme_group,
            dict(forced or {}), steer, tuple(conditions), dict(avoid or {}), tally,
        )  # fmt: skip


def _decode(
    poet: EmbeddedPoet,
    specs: Sequence[FormSpec],
    keywords: Sequence[str],
    n: int,
    seed: int,
    temperature: float,
    rhymebook: str,
    rhyme_group: str | None,
    forced: dict[Position, str],
    steer: Steering,
    conditions: tuple[str, ...],
    avoid: dict[Position, frozenset[str]],
    tally: np.ndarray | None,
) -> list[Candidate]:
    vocab, runtime = poet.vocab, poet.runtime
    tables = get_tables(vocab, rhymebook)
    rng = make_rng(seed)
    first = specs[0]
    fixed_group = tables.groups.index(rhyme_group) if rhyme_group else -1
    rows = []
    for b in range(n):
        spec = specs[b % len(specs)]
        rows.append(_Row(spec, fixed_group, [], list(legal_tones(spec.lines[0]))))
    prompt = np.array(
        [vocab.encode_prompt(prompt_form(first, vocab), keywords, conditions=conditions)],
        dtype=np.int64,
    )
    cache = runtime.new_cache(1)
    logits = runtime.forward(prompt, cache)[:, -1]
    cache = cache.select(np.zeros(n, dtype=np.intp))
    logits = np.repeat(logits, n, axis=0)
    used = np.zeros((n, len(vocab)), dtype=bool)
    for ch in forced.values():  # the person's characters are taken wherever they stand
        if ch in vocab:
            used[:, vocab.stoi[ch]] = True
    total = np.zeros(n, dtype=np.float64)
    tokens = 0
    previous: np.ndarray | None = None
    answering = answering_lines(first.line_count)
    parallel = ParallelBonus.for_vocab(vocab) if answering else None
    width = first.line_length + 1  # a line and its punctuation
    asked = frozenset("".join(keywords))  # 冬冬: a keyword doubled is the boost, not art
    for i in range(first.line_count):
        previous = None
        for j in range(first.line_length):
            mask = _step_mask(tables, rows, i, j, used, vocab.stoi, asked)
            for ch in avoid.get((i, j), ()):
                if ch in vocab:
                    mask[:, vocab.stoi[ch]] = False
            logp = log_softmax(logits)
            bias = steer.bias(i, previous)
            if parallel is not None and i in answering:  # 对仗: answer the line before
                bias = np.repeat(bias, n, axis=0) if bias.shape[0] != n else bias
                for b, row in enumerate(rows):
                    bias[b] += parallel.bonus(row.chars[(i - 1) * width + j])
            ids = sample_ids(
                logits + bias, mask, temperature, rng, after_cut=steer.fresh, tally=tally
            )
            want = forced.get((i, j))
            feed = np.empty(n, dtype=np.int64)
            for b, row in enumerate(rows):
                if want is not None:
                    ids[b] = vocab.stoi.get(want, vocab.unk)
                    ch = want
                    row.alive = row.alive and _accept(tables, row, i, j, ch, forced=True)
                else:
                    ch = vocab.itos[ids[b]]
                    row.alive = row.alive and bool(mask[b, ids[b]])
                    row.alive = row.alive and _accept(tables, row, i, j, ch, forced=False)
                row.chars.append(ch)
                feed[b] = ids[b]
                if ids[b] != vocab.unk:
                    used[b, ids[b]] = True
            total += logp[np.arange(n), ids]
            tokens += 1
            previous = feed
            logits = runtime.forward(feed[:, None], cache)[:, -1]
        punct = vocab.stoi[first.lines[i].punct]
        total += log_softmax(logits)[:, punct]
        tokens += 1
        if i + 1 < first.line_count:
            for row in rows:
                row.open_options = list(legal_tones(row.spec.lines[i + 1]))
                row.chars.append(row.spec.lines[i].punct)
        else:
            for row in rows:
                row.chars.append(row.spec.lines[i].punct)
        logits = runtime.forward(np.full((n, 1), punct, dtype=np.int64), cache)[:, -1]
    total += log_softmax(logits)[:, vocab.eos]  # the model agrees the poem is finished
    tokens += 1
    return [
        Candidate("".join(row.chars), row.spec, tables.groups[row.group], float(total[b]), tokens)
        for b, row in enumerate(rows)
        if row.alive
    ]


def prompt_form(spec: FormSpec, vocab: Vocab) -> str:
    """The form token a pattern is written under: its own (七绝), <排律> for a 排律 where the
    model learned one (poet-v2), else the 律诗 of its line length (poet-v1 knew no 排律)."""
    if vocab.has_token(f"<{spec.short}>"):
        return spec.short
    if len(spec.lines) > 8 and vocab.has_token("<排律>"):
        return "排律"
    return "五律" if spec.line_length == 5 else "七律"


def _step_mask(
    tables: VocabTables,
    rows: list[_Row],
    i: int,
    j: int,
    used: np.ndarray,
    stoi: Mapping[str, int],
    asked: frozenset[str],
) -> np.ndarray:
    """(rows, vocab) mask of the characters each row may take at line i, position j.

    A 叠字 is never a keyword's character: its boost counts twice and the word turns into
    another (冬 for winter doubled is 冬冬, a drum).
    """
    may_ping = np.array([any(t[j] == "平" for t in r.open_options) for r in rows])[:, None]
    may_ze = np.array([any(t[j] == "仄" for t in r.open_options) for r in rows])[:, None]
    legal = tables.han[None, :] & ((tables.ping & may_ping) | (tables.ze & may_ze))
    mask = legal & ~used
    for b, row in enumerate(rows):
        double = may_double(row.chars, j)
        if double is not None and double not in asked and double in stoi:
            k = stoi[double]
            mask[b, k] = legal[b, k]
    for b, row in enumerate(rows):
        rule = position_rule(row.spec, i, j)
        if rule == "one_tone":
            mask[b] &= tables.ping ^ tables.ze
        elif rule == "rhyme":
            mask[b] &= tables.rhyme_group == row.group if row.group >= 0 else tables.rhyme_mask()
        elif rule == "ze_only":
            mask[b] &= tables.ze_only
    result: np.ndarray = mask
    return result


def _accept(tables: VocabTables, row: _Row, i: int, j: int, ch: str, *, forced: bool) -> bool:
    """Record character ch at (i, j) for a row; False if it breaks the row's constraints.

    A person's own character may be a polyphone at the key position (their choice; the
    checker reads it the way that fits); a sampled one may not.
    """
    tones = _char_tones(tables, ch)
    row.open_options = [t for t in row.open_options if t[j] in tones]
    # The person's own characters may repeat (the checker only warns); the poet's may not.
    repeated = ch in row.chars and ch != may_double(row.chars, j)
    if not row.open_options or (repeated and not forced):
        return False
    rule = position_rule(row.spec, i, j)
    if rule == "one_tone" and len(tones) > 1 and not forced:
        return False
    if rule == "rhyme":
        groups = {
            tables.groups.index(r.group) for r in tables.book.readings(ch) if r.tone is Tone.PING
        }
        if row.group < 0:
            if len(groups) != 1:
                return False  # the caller fixes the group when a person's rhyme has two
            row.group = groups.pop()
        elif row.group not in groups:
            return False
        # A rhyme is held to its word's reading too: 兴 rhymes in 蒸 only as xīng, and in
        # 酒兴 it reads xìng (仄), which the checker names (读音不合词义).
    elif rule == "ze_only" and "平" in tones:
        return False
    return _keeps_word_readings(row, i, j, ch, forced)


def _keeps_word_readings(row: _Row, i: int, j: int, ch: str, forced: bool) -> bool:
    """A word just completed (扁舟, 相思) fixes its two-tone characters' readings: the line's
    open tone strings must read them so, as the checker will (poetry.word_readings). The
    person's own characters stay as written even when no string does."""
    width = row.spec.line_length + 1
    line = "".join(row.chars[i * width :]) + ch
    options = row.open_options
    for start, marks in words_ending_at(line, j):
        for k, mark in enumerate(marks):
            if mark != "·":
                options = [t for t in options if t[start + k] == mark]
    if options or not forced:
        row.open_options = options
    return bool(options) or forced


def sample_ids(
    logits: np.ndarray,
    mask: np.ndarray | None,
    temperature: float,
    rng: np.random.Generator,
    *,
    after_cut: np.ndarray | None = None,
    tally: np.ndarray | None = None,
) -> np.ndarray:
    """One id per row: min-p sampling over the legal ids (Gumbel-max, seeded).

    After temperature, an id stays in the draw only if its probability is at least MIN_P
    times that of the row's most likely legal id; temperature 0 is greedy. Cheap (a max and
    a comparison, no sorting) and the noise is drawn in a fixed order, so a seed gives the
    same poem every run.

    after_cut: (vocab,) added, after temperature, to the ids that survive the cut: it moves
    the draw among the characters the model finds plausible and never lets another in
    (steer.fresh_chars: the characters this model writes less often than real poets).
    tally: (vocab,) float64 that each row's draw distribution is added to (the stock-table
    builder reads from it what the poet really draws).
    """
    scores = logits if mask is None else np.where(mask, logits, -np.inf)
    if temperature <= 0:
        greedy: np.ndarray = np.argmax(scores, axis=1)
        return greedy
    scaled = scores / np.float32(temperature)
    top = scaled.max(axis=1, keepdims=True)
    rows, cols = np.nonzero(scaled >= top - np.float32(-np.log(MIN_P)))
    kept = scaled[rows, cols]  # only the survivors gain: the cut is already made
    if after_cut is not None:
        kept = kept + after_cut[cols]
    noisy = np.full(scaled.shape, -np.inf, dtype=np.float64)
    if tally is not None:
        noisy[rows, cols] = kept
        _add_draw(tally, noisy)
    noisy[rows, cols] = kept + rng.gumbel(size=rows.size)
    picked: np.ndarray = np.argmax(noisy, axis=1)
    return picked


def _add_draw(tally: np.ndarray, kept: np.ndarray) -> None:
    """Add each row's sampling distribution (softmax over its surviving ids, -inf elsewhere)
    to tally; rows with nothing legal add nothing."""
    kept = kept[np.isfinite(kept.max(axis=1))]
    if kept.size:
        p = np.exp(kept - kept.max(axis=1, keepdims=True))
        tally += (p / p.sum(axis=1, keepdims=True)).sum(axis=0)
