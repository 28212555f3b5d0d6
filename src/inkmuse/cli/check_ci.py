"""`inkmuse check --form 浣溪沙 "…"` and `inkmuse check --form 对联 "上联" "下联"`: the 词 and
对联 branch of `inkmuse check` (cli/check.py calls `run` when the form is a 词牌, 词 or
对联, or when a second text is given)."""

from __future__ import annotations

import json
import sys

import click

from inkmuse.core.errors import InputError

COUPLET = frozenset({"对联", "對聯", "春联", "couplet", "duilian"})
ANY_TUNE = frozenset({"词", "詞", "ci"})


def handles(form: str | None, second: str | None) -> bool:
    """Whether this branch takes the check: a 词牌, 词 (tune from the shape) or 对联."""
    if second is not None:
        return True
    if form is None:
        return False
    key = form.strip()
    if key.lower() in COUPLET | ANY_TUNE or key in COUPLET | ANY_TUNE:
        return True
    from inkmuse.poetry.ci import find_tune

    return find_tune(key) is not None


def run(
    form: str | None, text: str, second: str | None, lang: str, as_json: bool, others: bool
) -> None:
    """Check, print the report, exit 1 on faults. `others`: options that apply to 诗 only."""
    if others:
        raise InputError(
            "--rhymebook, --rules, --acrostic and --pin apply to 诗",
            accepted="--form, --lang, --json with a 词 or 对联 (词林正韵 and 平水韵 are fixed)",
        )
    key = (form or "").strip()
    if key.lower() in COUPLET or key in COUPLET or second is not None:
        if key and key.lower() not in COUPLET and key not in COUPLET:
            raise InputError(
                "a second text is only read with --form 对联",
                accepted='inkmuse check --form 对联 "上联" "下联"',
            )
        _couplet(text, second, lang, as_json)
        return
    from inkmuse.poetry.ci import check_ci
    from inkmuse.poetry.ci.render import render_ci

    report = check_ci(text, None if key.lower() in ANY_TUNE or key in ANY_TUNE else key)
    _emit(report.to_dict(), render_ci(report, lang, colour=sys.stdout.isatty()), as_json)
    if not report.ok:
        sys.exit(1)


def _couplet(text: str, second: str | None, lang: str, as_json: bool) -> None:
    from inkmuse.poetry.ci.couplet import check_couplet, split_pair
    from inkmuse.poetry.ci.render import render_couplet
    from inkmuse.poetry.duizhang import duizhang_faults

    upper, lower = (text, second) if second is not None else split_pair(text)
    report = check_couplet(upper, lower, duizhang=duizhang_faults)
    _emit(report.to_dict(), render_couplet(report, lang, colour=sys.stdout.isatty()), as_json)
    if not report.ok:
        sys.exit(1)


def _emit(data: dict[str, object], text: str, as_json: bool) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2) if as_json else text)
