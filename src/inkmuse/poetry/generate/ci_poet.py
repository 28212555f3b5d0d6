"""`write_ci`: the embedded poet writes a 词 to its 词牌 (`inkmuse poem 春愁 --form 浣溪沙`).

The tune's variant from the 词谱 (the 正体 first; a 又一体 only if no candidate of the 正体
survives) gives the shape and the rules (ci_decode.py); the model is prompted with <词>, the
tune's own token where it learned one (poet-v2 learned 58: the 令 and 中调 that fit its 96
positions), the era and muse when asked, and the keywords. Candidates are ranked as the 诗
are (rank.py, without the 律诗's couplets), and every candidate returned passes the ci
checker (`check_ci`) under the tune: the checker, not the decoder, has the last word.

    >>> result = write_ci(PoemRequest(keywords=("春愁",), form="浣溪沙", seed=3, n=8))
    >>> from inkmuse.poetry.ci import check_ci
    >>> check_ci(result.text, "浣溪沙").ok
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from inkmuse.core.errors import InputError
from inkmuse.core.provenance import provenance_record
from inkmuse.core.seeds import derive_seed, resolve_seed
from inkmuse.core.theme_lexicon import theme_from_text
from inkmuse.models.embedded import EmbeddedPoet, load_poet
from inkmuse.poetry.ci import CiReport, check_ci
from inkmuse.poetry.ci.cipu import Tune, Variant, find_tune
from inkmuse.poetry.generate.ci_decode import CiCandidate, decode_ci
from inkmuse.poetry.generate.lineplan import LinePlan, plan_lines
from inkmuse.poetry.generate.poet import MAX_ROUNDS, GenerationError
from inkmuse.poetry.generate.rank import Ranked, rank
from inkmuse.poetry.generate.request import (
    MAX_CANDIDATES,
    _conditions,
    _given_plan,
    _keywords,
)
from inkmuse.poetry.generate.steer import (
    Steering,
    char_surprisal,
    favourite_chars,
    fresh_chars,
    stock_bigrams,
)
from inkmuse.poetry.request import PoemRequest

CI_FORM = "词"


@dataclass(frozen=True)
class CiResult:
    """The best ci, its checker report, the ranked alternatives that pass, provenance."""

    text: str
    tune: Tune
    variant: Variant
    report: CiReport
    seed: int
    ranked: tuple[Ranked[CiCandidate], ...]
    rejected_copies: int
    notes: tuple[str, ...]
    provenance: dict[str, Any]
    line_plan: LinePlan | None = None


def is_ci_form(form: str) -> bool:
    """Whether a --form names a 词牌 (浣溪沙, 酹江月 for 念奴娇)."""
    return find_tune(form) is not None


def write_ci(request: PoemRequest, poet: EmbeddedPoet | None = None) -> CiResult:
    """Write a ci of the tune `request.form` that passes the ci checker."""
    poet = poet or load_poet()
    tune = find_tune(request.form)
    if tune is None:
        raise InputError(
            f"{request.form!r} is not a 词牌 in the 词谱", accepted="浣溪沙, 菩萨蛮 ..."
        )
    _refuse_shi_options(request)
    if not poet.vocab.has_token(f"<{CI_FORM}>"):
        raise InputError(
            f"{poet.name} was not trained on 词",
            accepted="poet-v2 (the default) writes 词; unset INKMUSE_POET",
        )
    if not 1 <= request.n <= MAX_CANDIDATES:
        raise InputError(f"n={request.n} candidates", accepted=f"1..{MAX_CANDIDATES}")
    if not 0 <= request.temperature <= 2:
        raise InputError(f"temperature {request.temperature}", accepted="0 (greedy) to 2")
    notes: list[str] = []
    keywords = _keywords(request, poet, notes)
    if not keywords:
        raise InputError("no keywords given", accepted="one or more words, e.g. 春愁")
    conditions = list(_conditions(request, poet))
    token = f"<调:{tune.name}>"
    if poet.vocab.has_token(token):
        conditions.insert(0, token)
    else:
        notes.append(
            f"{poet.name} never learned {tune.name} (its ci are longer than the model's "
            "96 positions, or too few): written from the 词谱 alone under the <词> token"
        )
    seed = resolve_seed(request.seed)
    theme = theme_from_text(" ".join(keywords))
    stock = stock_bigrams(poet.name)
    kept: list[Ranked[CiCandidate]] = []
    copies = 0
    report: CiReport | None = None
    line_plan: LinePlan | None = None
    for variant in tune.variants:
        line_plan = _line_plan(
            request, poet, keywords, variant, seed, theme.season, theme.time_of_day
        )
        words = line_plan.words if line_plan else None
        steer = Steering.build(
            poet.vocab, keywords, season=theme.season, time=theme.time_of_day, plan=words,
            stock=stock, favourites=favourite_chars(poet.name), fresh=fresh_chars(poet.name),
        )  # fmt: skip
        for attempt in range(MAX_ROUNDS):
            round_seed = seed if attempt == 0 else derive_seed(seed, "ci-round", str(attempt))
            candidates = decode_ci(
                poet, variant, keywords, n=request.n, seed=round_seed,
                temperature=request.temperature, steer=steer, conditions=conditions,
            )  # fmt: skip
            ranked, rejected = rank(
                candidates, keywords, season=theme.season, time=theme.time_of_day,
                stock=stock, plan=words, couplets=False, surprisal=char_surprisal(poet.name),
            )  # fmt: skip
            copies += len(rejected)
            kept, report = _passing(ranked, tune)
            if kept:
                break
        if kept:
            break
    if not kept or report is None:
        raise GenerationError(
            f"no {tune.name} kept every rule in {MAX_ROUNDS} rounds of {request.n} candidates",
            hint="try another seed or more candidates (--n)",
        )
    best = kept[0].candidate
    params = {
        "form": tune.name,
        "variant": best.variant.name,
        "n": request.n,
        "temperature": request.temperature,
        "rhymebook": "词林正韵",
        "muse": request.muse,
        "era": request.era,
        "conditions": conditions,
        "plan": list(line_plan.words) if line_plan else None,
        "theme": {"season": theme.season, "time": theme.time_of_day},
    }
    record = provenance_record(
        "poem",
        inputs={"keywords": list(keywords)},
        seed=seed,
        params=params,
        backend="embedded",
        model=f"{poet.name} ({poet.manifest['sha256'][:12]})",
    )
    return CiResult(
        best.text, tune, best.variant, report, seed, tuple(kept), copies, tuple(notes), record,
        line_plan,
    )  # fmt: skip


def _passing(
    ranked: list[Ranked[CiCandidate]], tune: Tune
) -> tuple[list[Ranked[CiCandidate]], CiReport | None]:
    """The ranked candidates the checker passes under the tune, and the best one's report."""
    kept, first = [], None
    for item in ranked:
        report = check_ci(item.text, tune.name)
        if report.ok:
            kept.append(item)
            first = first or report
    return kept, first


def _line_plan(
    request: PoemRequest,
    poet: EmbeddedPoet,
    keywords: tuple[str, ...],
    variant: Variant,
    seed: int,
    season: str | None,
    time: str | None,
) -> LinePlan | None:
    """One plan word per line of the variant: the person's, or drawn from the keywords."""
    count = len(variant.lengths)
    given = _given_plan(request, count, poet)
    if given is not None:
        return LinePlan(given, "person") if given else None
    return plan_lines(
        keywords, count, seed=derive_seed(seed, "line-plan"), season=season, time=time
    )


def _refuse_shi_options(request: PoemRequest) -> None:
    """Options of the 诗 that a 词 has no use for, refused by name."""
    used = [
        name
        for name, value in (
            ("--rhyme", request.rhyme),
            ("--acrostic", request.acrostic),
            ("--continue", request.opening),
            ("--lines", request.lines),
        )
        if value
    ]
    if request.rhymebook not in ("平水韵", "词林正韵"):
        used.append("--rhymebook")
    if used:
        raise InputError(
            f"{', '.join(used)} {'is' if len(used) == 1 else 'are'} for 诗, not for a 词牌",
            accepted="keywords, --n, --seed, --temperature, --muse, --era, --plan for a 词 "
            "(its rhymes follow the 词林正韵 and its lines the 词谱)",
        )
