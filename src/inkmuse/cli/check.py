"""`inkmuse check`: the classical poem linter."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from inkmuse.cli.text_input import read_argument, read_file, read_stdin
from inkmuse.core.errors import InputError
from inkmuse.poetry.checker import check_poem, passes_under_tang
from inkmuse.poetry.report import render_report


def _parse_pins(values: tuple[str, ...]) -> dict[str, str]:
    pins = {}
    for value in values:
        key, sep, reading = value.partition("=")
        if not sep or not key.strip() or not reading.strip():
            raise InputError(
                f"cannot read the pin {value!r}",
                accepted="CHAR=平|仄|GROUP (看=平, 思=四支) or LINE:POS=... (2:3=仄)",
            )
        pins[key.strip()] = reading.strip()
    return pins


@click.command(name="check")
@click.argument("poem", required=False)
@click.argument("second", required=False)  # 对联: the 下联 (cli/check_ci.py)
@click.option(
    "-f",
    "--file",
    "path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Read the poem from a file ('-' for standard input).",
)
@click.option(
    "--form",
    help="五绝 七绝 五律 七律 五排 七排; English: sonnet, petrarchan, haiku, tanka, limerick, "
    "quatrain-abab|aabb|abba|aaba, couplets, heroic-couplets, villanelle, free-verse "
    "(detected from the shape if omitted); 词: a 词牌 (浣溪沙, 水调歌头 ...) or 词 (the tune read "
    "from the shape); 对联 with the 上联 and 下联 as two arguments.",
)
@click.option(
    "--rhymebook", default="平水韵", show_default=True, help="平水韵, 中华新韵 or 中华通韵."
)
@click.option(
    "--rules",
    default="strict",
    show_default=True,
    help="strict: textbook rules; tang: Tang practice, for reading the classics "
    "(失粘 as 折腰体 is a warning, a quatrain rhyming in 仄 is read as a 古绝).",
)
@click.option("--acrostic", help="藏头: the characters the lines must start with.")
@click.option(
    "--pin", "pins", multiple=True, help="Fix a reading: 看=平, 思=四支, or 2:3=仄 (line:char)."
)
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="Language of the explanations.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--strict", is_flag=True, help="English: haiku/tanka syllables and refrains exactly.")
def command(
    poem: str | None,
    second: str | None,
    path: Path | None,
    form: str | None,
    rhymebook: str,
    rules: str,
    acrostic: str | None,
    pins: tuple[str, ...],
    lang: str,
    as_json: bool,
    strict: bool,
) -> None:
    """Check a poem: Chinese tones, 粘对, 孤平, 三平尾, rhyme, 重字; English syllables, meter,
    rhyme scheme and refrains (the language is detected).

    Exit code 0: valid (warnings allowed); 1: faults; 2: bad input.

    \b
    Example:
      inkmuse check "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。"
      inkmuse check --rules tang "春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。"
      inkmuse check --file sonnet18.txt --form sonnet
      cat poem.txt | inkmuse check -
    """
    text = _read_text(poem, path)
    from inkmuse.cli import check_ci

    if check_ci.handles(form, second):  # a 词牌, 词 or 对联
        others = bool(acrostic or pins or rules != "strict" or rhymebook != "平水韵")
        lower = read_argument(second, what="the 下联")
        check_ci.run(form, text, lower, lang, as_json, others)
        return
    from inkmuse.poetry.english import looks_english

    if looks_english(text):
        _check_english(text, form, strict, as_json, bool(acrostic or pins or rules != "strict"))
        return
    pinned = _parse_pins(pins)
    report = check_poem(text, form, rhymebook, acrostic=acrostic, pins=pinned, rules=rules)
    from inkmuse.poetry.duizhang.summary import duizhang_dict, render_duizhang

    if as_json:
        data = report.to_dict()
        data["duizhang"] = duizhang_dict(report)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(render_report(report, lang, colour=sys.stdout.isatty()))
        section = render_duizhang(report, lang)
        if section:
            click.echo("\n" + section)
        if not report.ok and passes_under_tang(report, acrostic=acrostic, pins=pinned):
            click.echo(
                "提示：按唐人宽律（--rules tang，折腰体、古绝可容）此诗可过。"
                if lang == "zh"
                else "hint: it passes under Tang practice (--rules tang: 折腰体 and 古绝 allowed)."
            )
    if not report.ok:
        sys.exit(1)


def _check_english(text: str, form: str | None, strict: bool, as_json: bool, zh: bool) -> None:
    from inkmuse.poetry.english import check_english, render_english

    if zh:
        raise InputError(
            "--acrostic, --pin and --rules apply to Chinese poems",
            accepted="--form, --strict, --json",
        )
    report = check_english(text, form, strict=strict)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(render_english(report, colour=sys.stdout.isatty()))
    if not report.ok:
        sys.exit(1)


def _read_text(poem: str | None, path: Path | None) -> str:
    if poem is not None and path is not None:
        raise InputError("both a poem and --file were given", accepted="one of them")
    if path is not None:
        return read_file(path, what="the poem")
    if poem is None:
        if sys.stdin.isatty():
            raise InputError(
                "no poem given",
                accepted="the poem as an argument, '-' or --file PATH (or pipe it in)",
            )
        return read_stdin("the poem")
    return read_argument(poem, what="the poem") or ""
