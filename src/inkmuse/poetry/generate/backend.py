"""The embedded poet as a registry backend (`embedded`): the default, offline, form-exact.

It is not a general text model: `generate` reads the prompt's words as keywords and writes a
poem (七绝 unless the prompt names another form), for tools that only speak TextModel. Poem
requests never come this way: `inkmuse.poetry.write` runs the embedded poet as its native
strategy. It lives here, in poetry, and registers through the `inkmuse.backends` entry
point like any plugin, so the models package never imports poetry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from inkmuse.core.errors import InputError
from inkmuse.core.hanzi import HAN_CLASS
from inkmuse.models.config import BackendConfig
from inkmuse.models.protocol import Availability, GenerateOptions, Prompt, as_text
from inkmuse.poetry.request import PoemRequest
from inkmuse.poetry.written import Candidate, WrittenPoem

if TYPE_CHECKING:
    from inkmuse.poetry.checker import CheckReport
    from inkmuse.poetry.ci import CiReport
    from inkmuse.poetry.ci.couplet import CoupletReport

_FORMS = ("五绝", "七绝", "五律", "七律")


class EmbeddedBackend:
    name = "embedded"
    supports_grammar = False

    def __init__(self, name: str = "embedded") -> None:
        self.name = name
        from inkmuse.models.embedded import default_model_name

        self.model = default_model_name()

    def generate(self, prompt: Prompt, options: GenerateOptions) -> str:
        from inkmuse.poetry.generate.poet import write_poem

        text = as_text(prompt)
        form = next((f for f in _FORMS if f in text), "七绝")
        words = [w for w in re.findall(f"[{HAN_CLASS}]{{1,4}}", text.replace(form, " ")) if w]
        request = PoemRequest(keywords=tuple(words[:4]) or ("山水",), form=form, seed=options.seed)
        return write_poem(request).text

    def write_in_form(
        self, request: PoemRequest
    ) -> WrittenPoem[CheckReport] | WrittenPoem[CiReport] | WrittenPoem[CoupletReport]:
        """The native strategy: decode inside the form, rank, check (a `FormWriter`)."""
        from inkmuse.poetry.checker import check_poem
        from inkmuse.poetry.generate.ci_poet import is_ci_form
        from inkmuse.poetry.generate.couplet_poet import is_couplet_form
        from inkmuse.poetry.generate.poet import write_poem

        if request.strategy not in ("auto", "native"):
            raise InputError(
                f"the embedded poet writes natively, not with {request.strategy!r}",
                accepted="auto or native (other strategies need --backend)",
            )
        if is_ci_form(request.form):
            return _write_ci(request)
        if is_couplet_form(request.form):
            return _write_couplet(request)
        result = write_poem(request)
        report = check_poem(result.text, request.form, request.rhymebook, acrostic=request.acrostic)
        candidates = tuple(Candidate(r.text, r.score, r.coverage) for r in result.ranked)
        return WrittenPoem(
            result.text, report, "native", 1, request.n, result.provenance,
            candidates=candidates, notes=result.notes, rejected_copies=result.rejected_copies,
            plan=result.line_plan.words if result.line_plan else None,
        )  # fmt: skip

    def stream(self, prompt: Prompt, options: GenerateOptions) -> Iterator[str]:
        yield self.generate(prompt, options)

    def available(self) -> Availability:
        from inkmuse.models.embedded import load_poet

        try:
            poet = load_poet()
        except Exception as err:
            return Availability(False, f"weights not loadable: {err}")
        return Availability(True, f"{poet.name} in the package, numpy runtime")


def _write_ci(request: PoemRequest) -> WrittenPoem[CiReport]:
    """A 词 to its 词牌: every candidate returned has passed the ci checker."""
    from inkmuse.poetry.generate.ci_poet import write_ci

    result = write_ci(request)
    candidates = tuple(Candidate(r.text, r.score, r.coverage) for r in result.ranked)
    return WrittenPoem(
        result.text, result.report, "native", 1, request.n, result.provenance,
        candidates=candidates, notes=result.notes, rejected_copies=result.rejected_copies,
        plan=result.line_plan.words if result.line_plan else None,
    )  # fmt: skip


def _write_couplet(request: PoemRequest) -> WrittenPoem[CoupletReport]:
    """A 对联 (or the 下联 to the person's 上联) that passes the couplet checker."""
    from inkmuse.poetry.generate.couplet_poet import write_couplet

    result = write_couplet(request)
    candidates = tuple(
        Candidate(f"{r.candidate.upper}\n{r.candidate.text}", r.score, r.coverage)
        for r in result.ranked
    )
    return WrittenPoem(
        result.text, result.report, "native", 1, request.n, result.provenance,
        candidates=candidates, notes=result.notes,
        details={"upper": result.upper, "lower": result.lower, "hengpi": list(result.hengpi),
                 "duizhang": result.verdict},
    )  # fmt: skip


def make_backend(config: BackendConfig) -> EmbeddedBackend:
    return EmbeddedBackend(config.name)
