"""`write_poem`: the embedded poet's one entry point for a new or continued poem.

>>> result = write_poem(PoemRequest(keywords=("秋夜", "思乡"), form="七绝", seed=7, n=4))
>>> from inkmuse.poetry.checker import check_poem
>>> check_poem(result.text, "七绝").ok
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from inkmuse.core.errors import InkmuseError
from inkmuse.core.hanzi import split_lines
from inkmuse.core.provenance import provenance_record
from inkmuse.core.seeds import derive_seed, resolve_seed
from inkmuse.models.embedded import EmbeddedPoet, load_originality_index
from inkmuse.poetry.generate.decode import Candidate, decode_batch
from inkmuse.poetry.generate.lineplan import LinePlan, plan_lines
from inkmuse.poetry.generate.rank import Ranked, rank
from inkmuse.poetry.generate.request import Plan, plan_request
from inkmuse.poetry.generate.steer import (
    Steering,
    char_surprisal,
    favourite_chars,
    fresh_chars,
    stock_bigrams,
)
from inkmuse.poetry.request import PoemRequest

# Rounds of sampling before giving up: a round fails only when every row hits a dead end
# or copies the corpus, which a handful of seeds in thousands do.
MAX_ROUNDS = 4


class GenerationError(InkmuseError):
    """The constraints left no poem (rare: e.g. a tiny rhyme group with an acrostic)."""

    exit_code = 5


@dataclass(frozen=True)
class PoemResult:
    """The best poem, the ranked alternatives and how they were made."""

    text: str
    form: str  # 七言绝句
    variant: str  # 平起首句入韵
    rhyme_group: str
    seed: int
    ranked: tuple[Ranked[Candidate], ...]
    rejected_copies: int
    notes: tuple[str, ...]
    provenance: dict[str, Any]
    line_plan: LinePlan | None = None

    @property
    def best(self) -> Ranked[Candidate]:
        return self.ranked[0]

    @property
    def lines(self) -> list[str]:
        return [line for line in self.text.replace("。", "，").split("，") if line]


def write_poem(request: PoemRequest, poet: EmbeddedPoet | None = None) -> PoemResult:
    """Write a poem that keeps its form (see PoemRequest for the options)."""
    plan = plan_request(request, poet)
    seed = resolve_seed(request.seed)
    line_plan = _line_plan(plan, seed)
    stock = stock_bigrams(plan.poet.name)
    steer = Steering.build(
        plan.poet.vocab,
        plan.keywords,
        season=plan.season,
        time=plan.time,
        plan=line_plan.words if line_plan else None,
        stock=stock,
        favourites=favourite_chars(plan.poet.name),
        fresh=fresh_chars(plan.poet.name),
    )
    kept: list[Ranked[Candidate]] = []
    copies = 0
    for attempt in range(MAX_ROUNDS):
        round_seed = seed if attempt == 0 else derive_seed(seed, "poem-round", str(attempt))
        candidates = decode_batch(
            plan.poet,
            plan.specs,
            plan.keywords,
            n=request.n,
            seed=round_seed,
            temperature=request.temperature,
            rhymebook=plan.rhymebook,
            rhyme_group=plan.rhyme_group,
            forced=plan.forced,
            steer=steer,
            conditions=plan.conditions,
        )
        new_lines = range(plan.opening_lines, len(plan.specs[0].lines))
        kept, rejected = rank(
            candidates, plan.keywords, new_lines, season=plan.season, time=plan.time,
            stock=stock, plan=line_plan.words if line_plan else None,
            surprisal=char_surprisal(plan.poet.name),
        )  # fmt: skip
        copies += len(rejected)
        if kept:
            break
    if not kept:
        raise GenerationError(
            f"no poem kept every constraint in {MAX_ROUNDS} rounds of {request.n} candidates",
            hint="try another seed, more candidates (--n), or a larger rhyme group",
        )
    best = kept[0].candidate
    notes = list(plan.notes)
    if plan.opening_lines:
        index = load_originality_index()
        own = [ln for ln in split_lines(best.text)[: plan.opening_lines] if index.contains(ln)]
        if own:
            notes.append(f"your own line(s) {'、'.join(own)} are in the corpus")
    params = {
        "form": plan.kind.short,
        "lines": len(plan.specs[0].lines),
        "n": request.n,
        "temperature": request.temperature,
        "rhyme": request.rhyme,
        "rhymebook": plan.rhymebook,
        "acrostic": request.acrostic,
        "muse": request.muse,
        "era": request.era,
        "plan": list(line_plan.words) if line_plan else None,
        "theme": {"season": plan.season, "time": plan.time},
    }
    record = provenance_record(
        "poem",
        inputs={"keywords": list(plan.keywords), "opening": request.opening},
        seed=seed,
        params=params,
        backend="embedded",
        model=f"{plan.poet.name} ({plan.poet.manifest['sha256'][:12]})",
    )
    return PoemResult(
        text=best.text,
        form=best.spec.name,
        variant=best.spec.variant,
        rhyme_group=best.rhyme_group,
        seed=seed,
        ranked=tuple(kept),
        rejected_copies=copies,
        notes=tuple(notes),
        provenance=record,
        line_plan=line_plan,
    )


def _line_plan(plan: Plan, seed: int) -> LinePlan | None:
    """The person's plan, or one expanded from the keywords; None when asked for none.

    A continuation keeps its opening as it is: the plan covers the lines still to write.
    """
    lines = len(plan.specs[0].lines)
    if plan.given_plan is not None:
        return LinePlan(plan.given_plan, "person") if plan.given_plan else None
    if not plan.keywords:
        return None
    return plan_lines(
        plan.keywords, lines, seed=derive_seed(seed, "line-plan"), season=plan.season,
        time=plan.time,
    )  # fmt: skip
