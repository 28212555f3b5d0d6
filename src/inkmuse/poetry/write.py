"""`write(request, model=None)`: one way to write a poem, in any form, on any model.

    >>> poem = write(PoemRequest(keywords=("秋夜", "思乡"), form="五绝", seed=7, n=4))
    >>> poem.strategy, poem.ok
    ('native', True)

The strategy follows from what the model can do, declared by the protocols it implements,
never by probing attributes:
- native: the model writes inside the form itself (`FormWriter`: the embedded poet, the
  default when no model is given);
- masks: the model takes a per-token mask (`models.protocol.MaskedModel`: llama-cpp-python
  in its worker), the same per-position rules as the embedded poet;
- grammar: the model takes a GBNF grammar (`supports_grammar`: llama.cpp servers, vLLM);
- repair: any chat model; drafts are checked and the precise faults go back to it.
English forms go to the English poet with the same strategies (its default model is the
packaged Gemma 3 270M, the `gemma-local` backend). Every result is a `WrittenPoem` with the
checker's report and full provenance; `to_dict()` is the JSON the CLI and studio send.
"""

from __future__ import annotations

from typing import Any

from inkmuse.core.errors import InputError
from inkmuse.models.protocol import TextModel
from inkmuse.poetry.request import PoemRequest
from inkmuse.poetry.written import FormWriter, WrittenPoem

__all__ = ["PoemRequest", "WrittenPoem", "write"]


def write(request: PoemRequest, model: TextModel | None = None) -> WrittenPoem[Any]:
    """Write the poem `request` asks for on `model` (None: the offline default)."""
    from inkmuse.poetry.english import is_english_form

    _refuse_unlearned(request, model)
    if is_english_form(request.form):
        return _english(request, model)
    if model is None:
        from inkmuse.poetry.generate.backend import EmbeddedBackend

        model = EmbeddedBackend()
    if isinstance(model, FormWriter):
        return model.write_in_form(request)
    if request.acrostic or request.opening:
        raise InputError(
            "--acrostic and --continue use the embedded poet",
            accepted="drop --backend, or drop those options",
        )
    from inkmuse.poetry.backend_poet import BackendPoemRequest, write_with_backend

    return write_with_backend(
        model,
        BackendPoemRequest(
            request.keywords, form=request.form, seed=request.seed, rhyme=request.rhyme,
            rhymebook=request.rhymebook, strategy=request.strategy, drafts=request.drafts,
            rounds=request.rounds, temperature=request.temperature, lang=request.lang,
        ),
    )  # fmt: skip


def _english(request: PoemRequest, model: TextModel | None) -> WrittenPoem[Any]:
    from inkmuse.poetry.english import EnglishPoemRequest, write_english_poem

    if request.acrostic or request.opening or request.rhyme:
        raise InputError(
            "--acrostic, --continue and --rhyme are for Chinese forms",
            accepted="keywords, --lines, --strategy, --drafts, --rounds for English forms",
        )
    if isinstance(model, FormWriter):  # the embedded poet writes classical Chinese only
        model = None
    english = EnglishPoemRequest(
        " ".join(request.keywords), request.form, seed=request.seed, strategy=request.strategy,
        drafts=request.drafts, rounds=request.rounds, temperature=request.temperature,
        lines=request.lines,
    )  # fmt: skip
    return write_english_poem(model, english)


def _refuse_unlearned(request: PoemRequest, model: TextModel | None) -> None:
    """A muse or a line plan is part of the request, but no writer here has learned them
    yet: say so rather than write a poem that silently ignores them."""
    if request.muse:
        raise InputError(
            f"no poet here has learned to write in the manner of {request.muse!r} yet",
            accepted="no --muse (the retrained poet will take poets with 50+ poems and eras)",
        )
    if request.plan:
        raise InputError(
            "no poet here follows a line plan yet", accepted="no --plan (keywords steer the poem)"
        )
