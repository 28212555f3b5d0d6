"""`inkmuse demo`: what inkmuse does, on built-in examples (run by `make demo`)."""

from __future__ import annotations

import sys
from pathlib import Path

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
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("inkmuse-out/demo"),
    show_default=True,
)
def command(lang: str, out_dir: Path) -> None:
    """Check famous poems and a broken one, then make a poem, painting and song from one idea."""
    from inkmuse.create import CreateRequest, create

    colour = sys.stdout.isatty()

    def heading(text: str) -> None:
        click.echo(click.style(f"── {text} ──", bold=True) if colour else f"── {text} ──")

    for title, text in (*FAMOUS, BROKEN):
        heading(title)
        click.echo(render_report(check_poem(text), lang, colour=colour))
        click.echo()
    heading("inkmuse create '秋夜 思乡' --seed 7")
    made = create(
        CreateRequest("秋夜 思乡", seed=7),
        out_dir,
        progress=lambda step, s: click.echo(f"  {step:<9} {s:5.2f} s"),
    )
    click.echo(f"\n{made.poem}")
    click.echo(f"{made.theme.theme.mood} · {made.theme.key} · {made.theme.tempo} BPM")
    click.echo(
        f"\nOpen {(out_dir / 'index.html').resolve()} in a browser to see, hear and read it."
    )
    click.echo('Your own:  .venv/bin/inkmuse check "你的诗"    .venv/bin/inkmuse create "你的想法"')
