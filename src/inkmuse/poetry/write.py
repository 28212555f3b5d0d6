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

__all__ = ["PoemRequest", "WrittenPoem", "check_written", "write"]


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
    from inkmuse.poetry.generate.ci_poet import is_ci_form
    from inkmuse.poetry.generate.couplet_poet import is_couplet_form

    if is_ci_form(request.form) or is_couplet_form(request.form):
        raise InputError(
            f"a {request.form} is written by the embedded poet (to the 词谱, or the couplet's rules)",
            accepted="drop --backend for a 词牌 or 对联; backends write 五绝 七绝 五律 七律 "
            "and English forms",
        )
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


def check_written(text: str, form: str, rhymebook: str = "平水韵") -> Any:
    """The report of the checker that holds `form`: a 词牌's (check_ci), a 对联's (with the
    对仗 judge, the two sides on two lines), or the 诗 checker for every other form."""
    from inkmuse.poetry.generate.ci_poet import is_ci_form
    from inkmuse.poetry.generate.couplet_poet import is_couplet_form

    if is_ci_form(form):
        from inkmuse.poetry.ci import check_ci

        return check_ci(text, form)
    if is_couplet_form(form):
        from inkmuse.poetry.ci.couplet import check_couplet, split_pair
        from inkmuse.poetry.duizhang import duizhang_faults

        return check_couplet(*split_pair(text), duizhang=duizhang_faults)
    from inkmuse.poetry.checker import check_poem

    return check_poem(text, form, rhymebook)


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
