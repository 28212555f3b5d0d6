"""`inkmuse create`: an idea becomes a poem, an inscribed painting and a song."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import click

from inkmuse.cli.text_input import read_argument, read_file
from inkmuse.core.errors import InputError
from inkmuse.core.hanzi import HAN_CLASS


def _slug(idea: str, seed: int) -> str:
    words = re.sub(f"[^\\w{HAN_CLASS}]+", "-", idea).strip("-")[:40] or "creation"
    return f"{words}-{seed}"


@click.command(name="create")
@click.argument("idea", required=False)
@click.option(
    "--seed", type=int, help="Same idea and seed, same bytes (drawn and printed if omitted)."
)
@click.option("--form", default="七绝", show_default=True, help="五绝 七绝 五律 七律.")
@click.option("--key", help="The song's key, e.g. D羽, A minor (default: from the mood).")
@click.option(
    "--image",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A picture whose colours set the palette and mood.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write (default: inkmuse-out/IDEA-SEED).",
)
@click.option(
    "--from", "from_work", help="Remix a saved work (its id from `inkmuse library list`)."
)
@click.option(
    "--keep",
    "keep",
    multiple=True,
    type=click.Choice(["poem", "painting", "song"]),
    help="With --from: parts to keep unchanged.",
)
@click.option(
    "--poem-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="With --from: your edited poem; painting and song follow it.",
)
@click.option("--no-library", is_flag=True, help="Do not save the creation in the library.")
def command(
    idea: str | None,
    seed: int | None,
    form: str,
    key: str | None,
    image: Path | None,
    out_dir: Path | None,
    from_work: str | None,
    keep: tuple[str, ...],
    poem_file: Path | None,
    no_library: bool,
) -> None:
    """Make a poem, a painting with the poem inscribed and a song from one IDEA.

    \b
    Examples:
      inkmuse create "秋夜 思乡"
      echo "秋夜 思乡" | inkmuse create -
      inkmuse create --from 3f2a9c1d0b7e --keep poem --seed 5
    """
    from inkmuse.core.seeds import resolve_seed
    from inkmuse.create import CreateRequest, create
    from inkmuse.create.remix import RemixRequest, remix, save_creation
    from inkmuse.library import Library

    start = time.perf_counter()
    idea = read_argument(idea, what="the idea")

    def progress(step: str, seconds: float) -> None:
        click.echo(f"  {step:<9} {seconds:5.2f} s", err=True)

    if image is not None and not image.is_file():
        raise InputError(f"no image file {str(image)!r}", accepted="a PNG or JPEG file")
    seed = resolve_seed(seed)
    if from_work:
        if idea:
            raise InputError("give an idea or --from, not both", accepted="one of them")
        poem = _read_poem(poem_file) if poem_file else None
        out = out_dir or Path("inkmuse-out") / f"{from_work}-{seed}"
        click.echo(f"remixing {from_work} (seed {seed}) ...", err=True)
        with Library.open() as lib:
            creation, version = remix(
                lib,
                from_work,
                RemixRequest(keep=keep, seed=seed, key=key, poem=poem),
                out,
                progress,
            )
        saved = f"library: work {version.work_id}, version {version.number}"
    else:
        if keep or poem_file:
            raise InputError(
                "--keep and --poem-file remix a saved work", accepted="add --from WORK_ID"
            )
        if not idea:
            raise InputError(
                "no idea given", accepted="a few words, e.g. inkmuse create '秋夜 思乡'"
            )
        out = out_dir or Path("inkmuse-out") / _slug(idea, seed)
        click.echo(f"creating from {idea!r} (seed {seed}) ...", err=True)
        creation = create(
            CreateRequest(idea, seed=seed, image=image, form=form, key=key), out, progress
        )
        saved = "not saved (--no-library)"
        if not no_library:
            with Library.open() as lib:
                version = save_creation(lib, None, creation)
            saved = f"library: work {version.work_id}, version {version.number}"
    click.echo(f"  total     {time.perf_counter() - start:5.2f} s", err=True)
    click.echo(creation.poem)
    verdict = "合律 (valid)" if creation.check.ok else f"{len(creation.check.errors)} fault(s)"
    t = creation.theme
    click.echo(
        f"{creation.check.form.name if creation.check.form else ''} · {verdict} · {t.theme.mood} · {t.key} · {t.tempo} BPM"
    )
    click.echo(f"open {out / 'index.html'}")
    click.echo(saved)


def _read_poem(path: Path) -> str:
    return read_file(path, what="the poem").strip()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(command())
