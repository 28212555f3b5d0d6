"""`inkmuse paint`: an idea or a poem becomes a picture.

inkmuse paint "孤舟蓑笠翁，独钓寒江雪" --seed 7 --title 寒江独钓 --date 2025-12
inkmuse paint "a harbour at dawn" --style painterly --preset watercolour --image photo.jpg
inkmuse paint "秋夜思乡" --prompt-only
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from inkmuse.cli.text_input import read_argument
from inkmuse.core.errors import InputError
from inkmuse.core.theme import MOODS, SEASONS, TIMES_OF_DAY, Theme
from inkmuse.core.theme_lexicon import ELEMENTS, PALETTES, theme_from_text
from inkmuse.painting.images import parse_size
from inkmuse.painting.painterly import PRESETS
from inkmuse.painting.prompts import PRESETS as PROMPT_PRESETS
from inkmuse.painting.request import MAX_CANDIDATES, STYLES
from inkmuse.painting.seal import DEFAULT_SEAL

_PATH = click.Path(dir_okay=False, path_type=Path)


@click.command("paint")
@click.argument("idea", metavar="IDEA_OR_POEM", required=False, default="")
@click.option(
    "--style",
    type=click.Choice(STYLES),
    default="shanshui",
    show_default=True,
    help="shanshui: procedural ink landscape; painterly: brush strokes; neural: style transfer.",
)
@click.option(
    "--size", default="1024x768", show_default=True, help="WIDTHxHEIGHT in pixels (64..4096)."
)
@click.option("--seed", type=int, default=None, help="Same inputs and seed give identical bytes.")
@click.option(
    "--n",
    "n",
    type=click.IntRange(1, MAX_CANDIDATES),
    default=1,
    show_default=True,
    help="Paint N candidates and keep the best by the metrics.",
)
@click.option("--image", type=_PATH, default=None, help="A photo to paint (painterly and neural).")
@click.option(
    "--preset",
    type=click.Choice(tuple(PRESETS)),
    default="impressionist",
    show_default=True,
    help="Painterly preset.",
)
@click.option(
    "--neural-style",
    type=click.IntRange(0, 25),
    default=0,
    show_default=True,
    help="Built-in neural style 0..25.",
)
@click.option(
    "--style-image", type=_PATH, default=None, help="Use this picture as the neural style."
)
@click.option(
    "--palette-from",
    type=_PATH,
    default=None,
    help="Give the result the colours of this painting (Reinhard colour transfer).",
)
@click.option("--palette", type=click.Choice(PALETTES), default=None, help="Override the palette.")
@click.option("--mood", type=click.Choice(MOODS), default=None, help="Override the mood.")
@click.option("--season", type=click.Choice(SEASONS), default=None, help="Override the season.")
@click.option(
    "--time",
    "time_of_day",
    type=click.Choice(TIMES_OF_DAY),
    default=None,
    help="Override the time of day.",
)
@click.option("--imagery", default=None, help="Override the imagery, e.g. 'moon,boat,willow'.")
@click.option(
    "--theme-json",
    type=_PATH,
    default=None,
    help="A Theme as JSON (e.g. proposed by a text model); flags above still override.",
)
@click.option("--poem", default=None, help="Text to inscribe, if not the idea itself.")
@click.option("--title", default=None, help="Title for the signature column.")
@click.option("--date", default=None, help="YYYY[-MM[-DD]]; written as a 干支 year and season.")
@click.option(
    "--seal", default=DEFAULT_SEAL, show_default=True, help="1 to 4 characters for the red seal."
)
@click.option("--no-inscription", is_flag=True, help="Paint without poem, signature or seal.")
@click.option("--out", type=_PATH, default=None, help="Output PNG (or .txt with --prompt-only).")
@click.option(
    "--json", "as_json", is_flag=True, help="Print the result as JSON, with the scene plan."
)
@click.option(
    "--prompt-only", is_flag=True, help="Write Stable Diffusion / Midjourney prompts instead."
)
@click.option(
    "--prompt-preset",
    type=click.Choice(tuple(PROMPT_PRESETS)),
    default="shanshui",
    show_default=True,
    help="Style words for --prompt-only.",
)
def command(idea: str, style: str, size: str, seed: int | None, n: int, image: Path | None,
            preset: str, neural_style: int, style_image: Path | None, palette_from: Path | None,
            palette: str | None, mood: str | None, season: str | None, time_of_day: str | None,
            imagery: str | None, theme_json: Path | None, poem: str | None, title: str | None,
            date: str | None, seal: str, no_inscription: bool, out: Path | None,
            as_json: bool, prompt_only: bool, prompt_preset: str) -> None:  # fmt: skip
    """Paint a picture from an idea or a poem ('-' reads it from standard input)."""
    idea = read_argument(idea, what="the idea") or ""
    width, height = parse_size(size)
    theme = _theme(idea, theme_json, palette, mood, season, time_of_day, imagery)
    from inkmuse.core.seeds import resolve_seed

    if prompt_only:
        from inkmuse.painting.prompts import build_prompts

        text = build_prompts(theme, prompt_preset, (width, height), resolve_seed(seed)).as_text()
        if out is None:
            click.echo(text, nl=False)
        else:
            out.write_text(text, encoding="utf-8")
            click.echo(f"wrote {out}")
        return

    from inkmuse.painting import PaintRequest, paint, save_png

    request = PaintRequest(text=idea, style=style, size=(width, height), seed=seed, n=n, theme=theme,
                           image=image, preset=preset, neural_style=neural_style,
                           style_image=style_image, palette_from=palette_from,
                           inscribe=not no_inscription, poem=poem, title=title, date=date,
                           seal=seal)  # fmt: skip
    painting = paint(request)
    path = save_png(painting, out or Path(f"inkmuse-{style}-{painting.seed}.png"))
    if as_json:
        _echo_json(painting, path)
        return
    t = painting.theme
    click.echo(f"wrote {path} ({painting.image.width}x{painting.image.height}, seed {painting.seed}"
               + (f", best candidate seed {painting.candidate_seed}" if n > 1 else "") + ")")  # fmt: skip
    click.echo(f"theme: {', '.join(t.imagery) or '-'}; {t.mood}; {t.season or '-'}; "
               f"{t.time_of_day or '-'}; palette {t.palette}")  # fmt: skip
    click.echo(f"metrics: {painting.metrics.summary()}")
    for warning in painting.warnings:
        click.echo(f"warning: {warning}", err=True)


def _echo_json(painting: Any, path: Path) -> None:
    """The file, seeds, Theme, metrics and scene plan (what was placed where) as JSON."""
    import json

    params = painting.provenance["params"]
    out = {"file": str(path), "seed": painting.seed, "candidate_seed": painting.candidate_seed,
           "size": [painting.image.width, painting.image.height], "theme": params["theme"],
           "metrics": params["metrics"], "scene": params.get("scene", {}).get("plan"),
           "inscription": params.get("inscription"), "warnings": list(painting.warnings)}  # fmt: skip
    click.echo(json.dumps(out, ensure_ascii=False, indent=2))


def _theme(idea: str, theme_json: Path | None, palette: str | None, mood: str | None,
           season: str | None, time_of_day: str | None, imagery: str | None) -> Theme:  # fmt: skip
    theme = theme_from_text(idea)
    if theme_json is not None:
        from inkmuse.painting.theme_json import theme_from_json

        try:
            raw = theme_json.read_text(encoding="utf-8")
        except OSError as err:
            raise InputError(f"cannot read theme file {theme_json}: {err.strerror}") from None
        theme = theme_from_json(raw, theme)
    if imagery is not None:
        items = tuple(i.strip() for i in imagery.split(",") if i.strip())
        bad = [i for i in items if i not in ELEMENTS]
        if bad:
            raise InputError(f"unknown imagery: {', '.join(bad)}", accepted=", ".join(ELEMENTS))
        theme = replace(theme, imagery=items)
    changes: dict[str, Any] = {
        "palette": palette,
        "mood": mood,
        "season": season,
        "time_of_day": time_of_day,
    }
    return replace(theme, **{k: v for k, v in changes.items() if v is not None})
