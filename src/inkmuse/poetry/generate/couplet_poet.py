"""`write_couplet`: the embedded poet writes a 对联 (`inkmuse poem 春节 --form 对联`), or the
下联 to a person's 上联 (`--first "上联"`), and suggests a 横批.

The 下联 is decoded against the 上联 character by character under the couplet checker's own
rules (ci/couplet.py): at every 节奏点 of each clause (`stressed_positions`) the tone
opposite to the 上联's, the last character 平 (仄起平收), no character of the 上联 except
where the 上联 repeats one (风声雨声 / 家事国事: the 下联 repeats at the same places), and
no character twice otherwise. While sampling, the 对仗 bonus of the 律诗 poet
(parallel.py) raises the characters that answer the 上联's at the same place (山 for 水);
the candidates are ranked by fluency and by the 对仗 judge (工对 before 宽对, 合掌 and 不对
last), and every couplet returned passes `check_couplet` with that judge.

With no 上联, the poet first writes 七绝 under the keywords (decode.py), whose first lines
end 仄 and keep a 七言律句, takes the best distinct first lines as 上联 and answers each;
the best pair wins. The model sees a couplet as the first two lines of a poem.

    >>> r = write_couplet(PoemRequest(form="对联", opening="海内存知己", seed=1, n=8))
    >>> r.upper, len(r.lower), r.report.ok
    ('海内存知己', 5, True)
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from inkmuse.core.errors import InputError
from inkmuse.core.hanzi import is_han
from inkmuse.core.provenance import provenance_record
from inkmuse.core.seeds import derive_seed, make_rng, resolve_seed
from inkmuse.core.theme_lexicon import theme_from_text
from inkmuse.core.tones import Tone
from inkmuse.models.embedded import EmbeddedPoet, load_poet
from inkmuse.models.embedded.runtime import log_softmax, single_threaded
from inkmuse.poetry.ci.couplet import (
    LOWER_END,
    UPPER_END,
    CoupletReport,
    check_couplet,
    single_tone,
    stressed_positions,
)
from inkmuse.poetry.duizhang import BU, GONG, HEZHANG, duizhang_faults, judge_couplet
from inkmuse.poetry.generate.decode import decode_batch, sample_ids
from inkmuse.poetry.generate.parallel import ParallelBonus
from inkmuse.poetry.generate.poet import MAX_ROUNDS, GenerationError
from inkmuse.poetry.generate.rank import Ranked, rank
from inkmuse.poetry.generate.request import MAX_CANDIDATES, _conditions, _keywords
from inkmuse.poetry.generate.steer import Steering, stock_bigrams
from inkmuse.poetry.generate.tables import get_tables
from inkmuse.poetry.request import PoemRequest
from inkmuse.poetry.text import to_simplified

COUPLET_FORMS = frozenset({"对联", "對聯", "春联", "春聯", "couplet", "duilian"})
# How the 对仗 judge's verdict counts in the ranking (nats a token, as rank.py's weights).
VERDICT_WEIGHT = {GONG: 0.5, BU: -0.5, HEZHANG: -1.0}
KUAN_WEIGHT = 0.25  # 宽对: any other verdict that is parallel
UPPERS_TRIED = 3  # distinct 上联 answered when the poet writes both lines
MAX_LENGTH = 30  # characters a line (long couplets exceed the model's block)
_CLAUSE = "，,；;、"


def is_couplet_form(form: str) -> bool:
    return form.strip() in COUPLET_FORMS or form.strip().lower() in COUPLET_FORMS


@dataclass
class LowerCandidate:
    """A decoded 下联 (text: its clauses with their ，, no final stop)."""

    text: str
    logprob: float
    tokens: int
    upper: str

    @property
    def mean_logprob(self) -> float:
        return self.logprob / max(self.tokens, 1)


@dataclass(frozen=True)
class CoupletResult:
    upper: str
    lower: str
    hengpi: tuple[str, ...]  # 横批 suggestions, best first
    report: CoupletReport
    verdict: str  # the 对仗 judge's: 工对, 宽对 ...
    seed: int
    ranked: tuple[Ranked[LowerCandidate], ...]
    notes: tuple[str, ...]
    provenance: dict[str, Any]

    @property
    def text(self) -> str:
        return f"{self.upper}\n{self.lower}"


def write_couplet(request: PoemRequest, poet: EmbeddedPoet | None = None) -> CoupletResult:
    """A couplet under the keywords, or the 下联 to `request.opening` (the 上联)."""
    poet = poet or load_poet()
    _refuse_options(request)
    if not 1 <= request.n <= MAX_CANDIDATES:
        raise InputError(f"n={request.n} candidates", accepted=f"1..{MAX_CANDIDATES}")
    if not 0 <= request.temperature <= 2:
        raise InputError(f"temperature {request.temperature}", accepted="0 (greedy) to 2")
    notes: list[str] = []
    keywords = _keywords(request, poet, notes)
    conditions = _conditions(request, poet)
    seed = resolve_seed(request.seed)
    theme = theme_from_text(" ".join(keywords) + (request.opening or ""))
    stock = stock_bigrams(poet.name)
    steer = Steering.build(
        poet.vocab, keywords, season=theme.season, time=theme.time_of_day, plan=None, stock=stock
    )
    if request.opening:
        uppers = [parse_upper(request.opening, poet)]
    elif keywords:
        uppers = _write_uppers(poet, request, keywords, seed, conditions)
    else:
        raise InputError(
            "a couplet needs keywords or a 上联",
            accepted="inkmuse poem 春节 --form 对联, or --first '上联'",
        )
    best: tuple[float, Ranked[LowerCandidate], CoupletReport, str] | None = None
    everything: list[Ranked[LowerCandidate]] = []
    for k, upper in enumerate(uppers):
        for attempt in range(MAX_ROUNDS):
            round_seed = derive_seed(seed, "couplet", str(k), str(attempt))
            lowers = decode_lower(
                poet, upper, keywords, n=request.n, seed=round_seed,
                temperature=request.temperature, steer=steer, conditions=conditions,
            )  # fmt: skip
            ranked, _copies = rank(lowers, keywords, couplets=False, stock=stock)
            judged = _judged(ranked, upper)
            if judged:
                break
        for score, item, report, verdict in judged:
            everything.append(item)
            if best is None or score > best[0]:
                best = (score, item, report, verdict)
    if best is None:
        raise GenerationError(
            f"no 下联 kept every rule in {MAX_ROUNDS} rounds of {request.n} candidates",
            hint="try another seed, more candidates (--n), or another 上联",
        )
    _, item, report, verdict = best
    upper, lower = item.candidate.upper, item.candidate.text
    hengpi = suggest_hengpi(upper + lower, keywords, seed=seed)
    everything.sort(key=lambda r: -r.score)
    record = provenance_record(
        "poem",
        inputs={"keywords": list(keywords), "first": request.opening},
        seed=seed,
        params={
            "form": "对联", "n": request.n, "temperature": request.temperature,
            "rhymebook": "平水韵", "muse": request.muse, "era": request.era,
            "uppers_tried": len(uppers), "theme": {"season": theme.season, "time": theme.time_of_day},
        },
        backend="embedded",
        model=f"{poet.name} ({poet.manifest['sha256'][:12]})",
    )  # fmt: skip
    return CoupletResult(
        upper, lower, hengpi, report, verdict, seed, tuple(everything), tuple(notes), record
    )


def parse_upper(text: str, poet: EmbeddedPoet) -> str:
    """The person's 上联, simplified and checked: Chinese characters in clauses, ending 仄."""
    upper = to_simplified(text.strip().strip("。.！!？?"))
    clauses = [c for c in _split_clauses(upper) if c]
    body = "".join(clauses)
    bad = sorted({ch for ch in body if not is_han(ch)})
    if bad or not body:
        raise InputError(
            f"the 上联 {text!r} holds {'、'.join(bad) or 'no characters'}",
            accepted="Chinese characters, clauses split by ，",
        )
    if len(body) > MAX_LENGTH:
        raise InputError(
            f"a 上联 of {len(body)} characters", accepted=f"up to {MAX_LENGTH} characters"
        )
    unknown = sorted({ch for ch in body if ch not in poet.vocab})
    if unknown:
        raise InputError(
            f"the poet has never seen {'、'.join(unknown)} in the 上联",
            accepted="a 上联 of characters the poet knows",
        )
    tables = get_tables(poet.vocab, "平水韵")
    last = tables.book.tone_marks(body[-1])
    if single_tone(last) is Tone.PING:
        raise InputError(
            f"the 上联 ends on 「{body[-1]}」, a 平 character; a 上联 ends 仄 (仄起平收)",
            accepted="a 上联 whose last character is 仄 (if this is the 下联, write the "
            "other line first)",
        )
    return "，".join(clauses)


def _split_clauses(text: str) -> list[str]:
    out, current = [], ""
    for ch in text:
        if ch in _CLAUSE:
            out.append(current)
            current = ""
        elif not ch.isspace():
            current += ch
    out.append(current)
    return out


def decode_lower(
    poet: EmbeddedPoet,
    upper: str,
    keywords: Sequence[str],
    *,
    n: int,
    seed: int,
    temperature: float = 0.8,
    steer: Steering | None = None,
    conditions: Sequence[str] = (),
) -> list[LowerCandidate]:
    """n 下联 for `upper` (clauses split by ，), each inside the couplet's rules."""
    if steer is None:
        steer = Steering.build(poet.vocab, keywords, season=None, time=None, plan=None)
    with single_threaded():
        return _decode_lower(poet, upper, keywords, n, seed, temperature, steer, conditions)


def _decode_lower(
    poet: EmbeddedPoet,
    upper: str,
    keywords: Sequence[str],
    n: int,
    seed: int,
    temperature: float,
    steer: Steering,
    conditions: Sequence[str],
) -> list[LowerCandidate]:
    vocab, runtime = poet.vocab, poet.runtime
    tables = get_tables(vocab, "平水韵")
    clauses = upper.split("，")
    shape = tuple(len(c) for c in clauses)
    body = "".join(clauses)
    marks = tables.book.tone_marks(body)
    stressed = set(stressed_positions(shape))
    bonus = ParallelBonus.for_vocab(vocab)
    rng = make_rng(seed)
    head = _poem_lines(clauses, [])
    prompt = vocab.encode_prompt(_form_token(shape), keywords, head, conditions=conditions)
    cache = runtime.new_cache(1)
    logits = runtime.forward(np.array([prompt], dtype=np.int64), cache)[:, -1]
    cache = cache.select(np.zeros(n, dtype=np.intp))
    logits = np.repeat(logits, n, axis=0)
    banned = np.zeros(len(vocab), dtype=bool)
    for ch in set(body):
        banned[vocab.stoi[ch]] = True
    used = np.zeros((n, len(vocab)), dtype=bool)
    chars: list[list[str]] = [[] for _ in range(n)]
    alive = np.ones(n, dtype=bool)
    total = np.zeros(n, dtype=np.float64)
    tokens = 0
    ends = {sum(shape[: c + 1]) - 1: c for c in range(len(shape))}
    for i, ch in enumerate(body):
        mirror = body.index(ch)
        if mirror < i:  # the 上联 repeats 声: the 下联 repeats at the same place
            ids = np.array([vocab.stoi[row[mirror]] for row in chars], dtype=np.int64)
        else:
            legal = tables.han & ~banned
            want = _tone_at(i, len(body), stressed, marks)
            if want is Tone.PING:
                legal = legal & tables.ping
            elif want is Tone.ZE:
                legal = legal & tables.ze
            mask = legal[None, :] & ~used
            clause = next(c for e, c in sorted(ends.items()) if e >= i)
            bias = steer.bias(len(clauses) + clause, None) + bonus.bonus(ch)[None, :]
            ids = sample_ids(logits + bias, mask, temperature, rng, after_cut=steer.fresh)
            alive &= mask[np.arange(n), ids]
        total += log_softmax(logits)[np.arange(n), ids]
        tokens += 1
        for b in range(n):
            chars[b].append(vocab.itos[ids[b]])
        used[np.arange(n), ids] = True
        logits = runtime.forward(ids[:, None], cache)[:, -1]
        if i in ends:  # the clause's punctuation, as the poem would write it
            punct = "。" if i == len(body) - 1 else _poem_punct(len(clauses) + ends[i])
            pid = np.full(n, vocab.stoi[punct], dtype=np.int64)
            total += log_softmax(logits)[:, pid[0]]
            tokens += 1
            if i < len(body) - 1:
                logits = runtime.forward(pid[:, None], cache)[:, -1]
    out = []
    for b in range(n):
        if alive[b]:
            text = _join(chars[b], shape)
            out.append(LowerCandidate(text, float(total[b]), tokens, upper))
    return out


def _tone_at(i: int, length: int, stressed: set[int], marks: str) -> Tone | None:
    """The tone the 下联 needs at position i: 平 at the end, the 上联's opposite at a
    节奏点 where the 上联's character has one tone, free elsewhere."""
    if i == length - 1:
        return LOWER_END
    if i in stressed:
        up = single_tone(marks[i])
        return up.opposite if up is not None else None
    return None


def _form_token(shape: tuple[int, ...]) -> str:
    """A one-clause couplet of five or seven characters is a 律诗's couplet; others 古诗."""
    if shape == (5,):
        return "五律"
    if shape == (7,):
        return "七律"
    return "古诗"


def _poem_punct(line: int) -> str:
    return "，" if line % 2 == 0 else "。"


def _poem_lines(upper: list[str], lower: list[str]) -> str:
    """The couplet as the first lines of a poem: ， after odd lines, 。 after even."""
    lines = upper + lower
    return "".join(line + _poem_punct(k) for k, line in enumerate(lines))


def _join(chars: list[str], shape: tuple[int, ...]) -> str:
    out, at = [], 0
    for n in shape:
        out.append("".join(chars[at : at + n]))
        at += n
    return "，".join(out)


def _judged(
    ranked: list[Ranked[LowerCandidate]], upper: str
) -> list[tuple[float, Ranked[LowerCandidate], CoupletReport, str]]:
    """Candidates the couplet checker passes, each with its score after the 对仗 verdict."""
    out = []
    for item in ranked:
        lower = item.candidate.text
        report = check_couplet(upper, lower, duizhang=duizhang_faults)
        if not report.ok:
            continue
        judgement = judge_couplet(upper.replace("，", ""), lower.replace("，", ""))
        weight = VERDICT_WEIGHT.get(judgement.verdict, KUAN_WEIGHT if judgement.parallel else 0.0)
        out.append((item.score + weight, item, report, judgement.verdict))
    return out


def _write_uppers(
    poet: EmbeddedPoet,
    request: PoemRequest,
    keywords: tuple[str, ...],
    seed: int,
    conditions: tuple[str, ...],
) -> list[str]:
    """Distinct 上联 from the first lines of 七绝 whose first line ends 仄."""
    from inkmuse.poetry.forms import get_form

    specs = [s for s in get_form("七绝").patterns() if not s.lines[0].rhymes]
    theme = theme_from_text(" ".join(keywords))
    steer = Steering.build(
        poet.vocab, keywords, season=theme.season, time=theme.time_of_day, plan=None,
        stock=stock_bigrams(poet.name),
    )  # fmt: skip
    candidates = decode_batch(
        poet, specs, keywords, n=request.n, seed=derive_seed(seed, "couplet-upper"),
        temperature=request.temperature, steer=steer, conditions=conditions,
    )  # fmt: skip
    firsts = [c.text.split("，")[0] for c in candidates]
    tables = get_tables(poet.vocab, "平水韵")
    kept: list[str] = []
    ranked, _ = rank(candidates, keywords, stock=stock_bigrams(poet.name))
    for item in ranked:
        first = item.text.split("，")[0]
        if first in kept or single_tone(tables.book.tone_marks(first[-1])) is not UPPER_END:
            continue
        kept.append(first)
        if len(kept) == UPPERS_TRIED:
            break
    if not kept and firsts:
        raise GenerationError("no 上联 ended 仄", hint="try another seed")
    return kept


@cache
def hengpi_table() -> tuple[str, ...]:
    text = resources.files("inkmuse.poetry").joinpath("data/hengpi.json").read_text("utf-8")
    phrases: list[str] = json.loads(text)["phrases"]
    return tuple(phrases)


def suggest_hengpi(
    couplet: str, keywords: Sequence[str], *, seed: int, k: int = 3
) -> tuple[str, ...]:
    """横批: four-character phrases from the traditional list, those that share the
    couplet's season, mood and characters first (ties broken by the seed)."""
    theme = theme_from_text(" ".join(keywords) + couplet)
    asked = set("".join(keywords)) | set(couplet)
    rng = make_rng(derive_seed(seed, "hengpi"))
    scored = []
    for phrase in hengpi_table():
        own = theme_from_text(phrase)
        score = 2.0 * len(set(phrase) & set("".join(keywords))) + 0.5 * len(set(phrase) & asked)
        if theme.season and own.season == theme.season:
            score += 2.0
        elif own.season and theme.season and own.season != theme.season:
            score -= 3.0
        if theme.mood == own.mood:
            score += 1.0
        scored.append((score + 0.01 * rng.random(), phrase))
    scored.sort(reverse=True)
    return tuple(p for _, p in scored[:k])


def _refuse_options(request: PoemRequest) -> None:
    used = [
        name
        for name, value in (
            ("--rhyme", request.rhyme),
            ("--acrostic", request.acrostic),
            ("--lines", request.lines),
            ("--plan", request.plan),
        )
        if value
    ]
    if used:
        raise InputError(
            f"{', '.join(used)} {'is' if len(used) == 1 else 'are'} not for a 对联",
            accepted="keywords, --first '上联', --n, --seed, --temperature, --muse, --era",
        )
