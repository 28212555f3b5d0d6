"""`inkmuse poem`: which model writes, and how a written poem is shown.

Kept apart from `cli/poem.py` (the options) so each stays small. Writing itself is one
call, `inkmuse.poetry.write.write`, whatever the model.
"""

from __future__ import annotations

import json
from typing import Any

import click

from inkmuse.core.errors import BackendError
from inkmuse.models.protocol import TextModel
from inkmuse.poetry.ci import CiReport
from inkmuse.poetry.ci.couplet import CoupletReport
from inkmuse.poetry.written import WrittenPoem


def resolve_model(backend: str | None, fallback: bool) -> TextModel | None:
    """The configured backend, checked reachable (None: the embedded poet, the default)."""
    from inkmuse.models.registry import get_backend

    if backend in (None, "embedded"):
        return None
    model = get_backend(backend)
    state = model.available()
    if state.reachable:
        return model
    if not fallback:
        raise BackendError(
            f"backend {model.name!r} is not reachable ({state.detail})",
            hint="start it, pick another with --backend, or add --fallback for the embedded poet",
        )
    click.echo(f"{model.name} is not reachable ({state.detail}); writing with the embedded poet", err=True)  # fmt: skip
    return None


def show_poem(
    poem: WrittenPoem[Any], show: int, lang: str, as_json: bool, show_plan: bool = False
) -> None:
    """Print the poem (and `show` ranked candidates), or its JSON (which has the plan)."""
    if as_json:
        click.echo(json.dumps(poem.to_dict(show), ensure_ascii=False, indent=1))
        return
    if show_plan:
        words = poem.plan or ()
        shown = " · ".join(f"{i + 1} {w}" for i, w in enumerate(words)) or "none"
        click.echo(f"plan: {shown}\n")
    if not poem.ok:
        for fault in getattr(poem.report, "errors", []):
            click.echo(f"  ✗ {fault.message(lang)}", err=True)
    if poem.strategy == "native":
        _show_native(poem, show)
        return
    record = poem.provenance
    click.echo(poem.text)
    verdict = "keeps its form" if poem.ok else "faults remain (listed above)"
    click.echo(
        f"\n{record.get('backend')} · {record.get('model')} · {poem.strategy} · "
        f"{poem.rounds} round(s) · {verdict} · seed {record.get('seed')}"
    )


def _show_native(poem: WrittenPoem[Any], show: int) -> None:
    ranked = poem.candidates or ()
    for k, item in enumerate(ranked[: max(show, 1)]):
        if k:
            click.echo(f"\n#{k + 1}  score {item.score:.3f}")
        for line in _lines(item.text):
            click.echo(line)
    report = poem.report
    if isinstance(report, CiReport):
        _show_ci_footer(poem, report)
        return
    if isinstance(report, CoupletReport):
        _show_couplet_footer(poem)
        return
    form = report.form
    verdict = "合律" if poem.ok else "has faults: run inkmuse check"
    dropped = (
        f" ({poem.rejected_copies} copying candidates dropped)" if poem.rejected_copies else ""
    )
    click.echo(
        f"\n{form.name if form else ''} · {form.variant if form else ''} · {report.rhyme_group} · "
        f"{verdict} · seed {poem.provenance.get('seed')} · score {ranked[0].score:.3f} · "
        f"no line found in the corpus{dropped}"
    )
    for note in poem.notes:
        click.echo(f"note: {note}")


def _show_ci_footer(poem: WrittenPoem[Any], report: CiReport) -> None:
    rhymes = " ".join(dict.fromkeys(report.rhymes.values()))
    verdict = "合谱" if poem.ok else "has faults: run inkmuse check"
    ranked = poem.candidates
    click.echo(
        f"\n{report.tune.name} · {report.variant.name} · 词林正韵 {rhymes} · {verdict} · "
        f"seed {poem.provenance.get('seed')} · score {ranked[0].score:.3f}"
    )
    for note in poem.notes:
        click.echo(f"note: {note}")


def _show_couplet_footer(poem: WrittenPoem[Any]) -> None:
    hengpi = "、".join(poem.details.get("hengpi", ()))
    verdict = "合律" if poem.ok else "has faults: run inkmuse check --form 对联"
    click.echo(
        f"\n横批（可选）：{hengpi}\n对联 · 对仗 {poem.details.get('duizhang')} · 平水韵 · {verdict} · "
        f"seed {poem.provenance.get('seed')} · score {poem.candidates[0].score:.3f}"
    )
    for note in poem.notes:
        click.echo(f"note: {note}")


def _lines(text: str) -> list[str]:
    """A poem a line at a time (after each ， and 。); a couplet's two sides as they are."""
    if "\n" in text:
        return text.split("\n")
    out, current = [], ""
    for ch in text:
        current += ch
        if ch in "，。":
            out.append(current)
            current = ""
    return out + ([current] if current else [])
