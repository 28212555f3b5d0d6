"""`inkmuse demo`: what inkmuse does, on built-in examples (run by `make demo`)."""

from __future__ import annotations

import sys

import click

from inkmuse.poetry.checker import check_poem
from inkmuse.poetry.report import render_report

FAMOUS = (
    ("登鹳雀楼 · 王之涣", "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。"),
    ("早发白帝城 · 李白", "朝辞白帝彩云间，千里江陵一日还。两岸猿声啼不住，轻舟已过万重山。"),
    (
        "春望 · 杜甫",
        "国破山河在，城春草木深。感时花溅泪，恨别鸟惊心。"
        "烽火连三月，家书抵万金。白头搔更短，浑欲不胜簪。",
    ),
)
# 登鹳雀楼 with two characters changed: 孤平 in line 2 and an off-rhyme in line 4.
BROKEN = ("改坏的登鹳雀楼", "白日依山尽，绿河入海流。欲穷千里目，更上一层台。")


@click.command(name="demo")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
def command(lang: str) -> None:
    """Check famous regulated poems and a broken one, and show the reports."""
    colour = sys.stdout.isatty()
    for title, text in (*FAMOUS, BROKEN):
        click.echo(click.style(f"── {title} ──", bold=True) if colour else f"── {title} ──")
        click.echo(render_report(check_poem(text), lang, colour=colour))
        click.echo()
    click.echo('Try it on your own poem:  .venv/bin/inkmuse check "你的诗"  (--lang en, --json)')
