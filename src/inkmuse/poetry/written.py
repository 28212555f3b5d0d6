"""`WrittenPoem`: what every way of writing a poem returns, and its one JSON shape.

The embedded poet, a local model under masks, a llama.cpp server with a grammar, a chat
model in the repair loop, and the English poet all return this; the CLI's `--json` and the
studio's `/api/poems` both send `to_dict()`, so a tool reads one shape.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, runtime_checkable

from inkmuse.core.provenance import provenance_json

if TYPE_CHECKING:
    from inkmuse.poetry.request import PoemRequest


class Report(Protocol):
    """What a checker's report offers here (Chinese `CheckReport`, `EnglishReport`)."""

    @property
    def ok(self) -> bool: ...

    def to_dict(self) -> dict[str, Any]: ...


ReportT = TypeVar("ReportT", bound=Report)


@runtime_checkable
class FormWriter(Protocol):
    """A capability: a model that writes inside a form itself (the embedded poet), so a
    poem request goes to it whole instead of as a prompt."""

    def write_in_form(self, request: PoemRequest) -> WrittenPoem[Any]:
        """The poem the request asks for, with its report and provenance."""
        ...


@dataclass(frozen=True)
class Candidate:
    """A ranked alternative: its text, the writer's score (mean log-probability per token
    for the embedded poet, nats), and the share of the keywords' characters it uses."""

    text: str
    score: float
    coverage: float


@dataclass
class WrittenPoem(Generic[ReportT]):
    """A poem, the checker's report on it, and how it was made.

    strategy: native, masks, grammar, repair or unconstrained; rounds and drafts: what the
    strategy spent; history: (round, text, errors) of every draft; candidates: the ranked
    alternatives (the embedded poet); notes: what the person should know (their line is in
    the corpus, a 重字 they wrote was kept ...); provenance: backend, model, parameters,
    seed and versions.
    """

    text: str
    report: ReportT
    strategy: str
    rounds: int
    drafts: int
    provenance: dict[str, Any]
    history: list[tuple[int, str, int]] = field(default_factory=list)
    candidates: tuple[Candidate, ...] = ()
    notes: tuple[str, ...] = ()
    rejected_copies: int = 0
    plan: tuple[str, ...] | None = None  # the line plan the embedded poet followed
    # What one form adds (a 对联's 横批 and 对仗 verdict), sent as "details" in JSON.
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.report.ok

    def to_dict(self, show: int = 1) -> dict[str, Any]:
        """The one JSON shape (`show`: how many ranked candidates to include)."""
        report = self.report.to_dict()
        return {
            "text": self.text,
            "check_ok": self.ok,
            "form": report.get("form"),
            "variant": report.get("variant"),
            "rhyme_group": report.get("rhyme_group"),
            "seed": self.provenance.get("seed"),
            "backend": self.provenance.get("backend"),
            "model": self.provenance.get("model"),
            "strategy": self.strategy,
            "rounds": self.rounds,
            "drafts": self.drafts,
            "candidates": [
                {"text": c.text, "score": round(c.score, 4), "coverage": round(c.coverage, 3)}
                for c in self.candidates[: max(show, 1)]
            ],
            "rejected_copies": self.rejected_copies,
            "plan": list(self.plan) if self.plan else None,
            "notes": list(self.notes),
            "details": self.details,
            "history": [{"round": r, "text": t, "errors": e} for r, t, e in self.history],
            "report": report,
            "provenance": json.loads(provenance_json(self.provenance)),
        }
