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
    """A muse, an era or a line plan only the embedded poet has learned: any other writer
    says so rather than write a poem that silently ignores them."""
    from inkmuse.poetry.english import is_english_form

    embedded = not is_english_form(request.form) and (
        model is None or isinstance(model, FormWriter)
    )
    if embedded:
        return
    if request.muse or request.era:
        raise InputError(
            "--muse and --era are for the embedded poet (classical Chinese forms)",
            accepted="drop --backend (and use a Chinese form), or drop --muse/--era",
        )
    if request.plan:
        raise InputError(
            "--plan is for the embedded poet (classical Chinese forms)",
            accepted="drop --backend (and use a Chinese form), or drop --plan",
        )
