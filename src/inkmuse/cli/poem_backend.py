"""`inkmuse poem --backend NAME`: poems on a configured model, and English forms.

Kept apart from `cli/poem.py` (the embedded poet's options) so each stays small.
"""

from __future__ import annotations

import json
from typing import Any

import click

from inkmuse.core.errors import BackendError
from inkmuse.core.provenance import provenance_json


def write_on_backend(
    keywords: tuple[str, ...],
    *,
    form: str,
    backend: str | None,
    strategy: str,
    drafts: int,
    rounds: int,
    seed: int | None,
    temperature: float,
    rhyme: str | None,
    rhymebook: str,
    lang: str,
    fallback: bool,
    as_json: bool,
) -> bool:
    """Write and print a poem; returns whether it keeps its form."""
    from inkmuse.models.registry import get_backend
    from inkmuse.poetry.english import is_english_form

    model = get_backend(backend)
    if not model.available().reachable:
        detail = model.available().detail
        if not fallback:
            raise BackendError(
                f"backend {model.name!r} is not reachable ({detail})",
                hint="start it, pick another with --backend, or add --fallback for the embedded poet",
            )
        click.echo(
            f"{model.name} is not reachable ({detail}); writing with the embedded poet", err=True
        )
        model = get_backend("embedded")
    if is_english_form(form):
        from inkmuse.poetry.english import EnglishPoemRequest, write_english_poem

        english = write_english_poem(
            model if model.name != "embedded" else None,
            EnglishPoemRequest(" ".join(keywords), form, seed=seed, strategy=strategy,
                               drafts=drafts, rounds=rounds, temperature=temperature),
        )  # fmt: skip
        return _show(english.text, english.report.ok, english.strategy, english.rounds,
                     english.provenance, as_json)  # fmt: skip
    from inkmuse.poetry.backend_poet import BackendPoemRequest, write_with_backend

    result = write_with_backend(
        model,
        BackendPoemRequest(tuple(keywords), form=form, seed=seed, rhyme=rhyme, rhymebook=rhymebook,
                           strategy=strategy, drafts=drafts, rounds=rounds,
                           temperature=temperature, lang=lang),
    )  # fmt: skip
    if not result.report.ok:
        for fault in result.report.errors:
            click.echo(f"  ✗ {fault.message(lang)}", err=True)
    return _show(result.text, result.report.ok, result.strategy, result.rounds,
                 result.provenance, as_json)  # fmt: skip


def _show(
    text: str, ok: bool, strategy: str, rounds: int, record: dict[str, Any], as_json: bool
) -> bool:
    if as_json:
        payload = {"text": text, "check_ok": ok, "strategy": strategy, "rounds": rounds,
                   "provenance": json.loads(provenance_json(record))}  # fmt: skip
        click.echo(json.dumps(payload, ensure_ascii=False, indent=1))
        return ok
    click.echo(text)
    verdict = "keeps its form" if ok else "faults remain (listed above)"
    click.echo(
        f"\n{record.get('backend')} · {record.get('model')} · {strategy} · {rounds} round(s) · "
        f"{verdict} · seed {record.get('seed')}"
    )
    return ok
