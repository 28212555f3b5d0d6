"""`inkmuse library`: list, show, export, delete and check saved creations."""

from __future__ import annotations

import json
from pathlib import Path

import click

from inkmuse.core.errors import InputError


@click.group(name="library")
def command() -> None:
    """Every creation and its versions, kept in the user folder ($INKMUSE_HOME)."""


@command.command(name="list")
@click.option("--search", help="Only works whose title, idea or poem contains this text.")
@click.option("--json", "as_json", is_flag=True)
def list_works(search: str | None, as_json: bool) -> None:
    """List works, newest first."""
    from inkmuse.library import Library

    with Library.open() as lib:
        works = lib.list_works(search)
        if as_json:
            click.echo(json.dumps([w.__dict__ for w in works], ensure_ascii=False, indent=2))
            return
        if not works:
            click.echo("the library is empty" + (f" for {search!r}" if search else ""))
        for w in works:
            poem = lib.version(w.id).poem if w.versions else ""
            click.echo(f"{w.id}  v{w.versions}  {w.created_at[:19]}  {w.title}  {poem[:24]}")


@command.command(name="show")
@click.argument("work_id")
@click.option("--version", "number", type=int, help="A version number (default: the latest).")
def show(work_id: str, number: int | None) -> None:
    """Show a work's versions and who wrote what."""
    from inkmuse.library import Library

    with Library.open() as lib:
        work = lib.work(work_id)
        click.echo(f"{work.title}  ({work.id}, idea: {work.idea})")
        for v in lib.versions(work_id):
            if number is not None and v.number != number:
                continue
            parent = f" from v{v.parent}" if v.parent else ""
            click.echo(f"\nv{v.number}  {v.action}{parent}  {v.created_at[:19]}  seeds {v.seeds}")
            click.echo(f"  {v.poem}")
            for part, who in sorted(v.authorship.items()):
                click.echo(f"  {part:<12} {who}")
            click.echo(f"  files: {v.folder}")


@command.command(name="export")
@click.argument("work_id")
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The zip file to write.",
)
@click.option("--version", "number", type=int)
def export(work_id: str, out: Path, number: int | None) -> None:
    """Export a version as a zip (files and record)."""
    from inkmuse.library import Library

    if out.suffix.lower() != ".zip":
        raise InputError(f"{str(out)!r} is not a .zip path", accepted="a path ending in .zip")
    with Library.open() as lib:
        click.echo(lib.export(work_id, out, number))


@command.command(name="delete")
@click.argument("work_id")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def delete(work_id: str, yes: bool) -> None:
    """Delete a work with all its versions and files."""
    from inkmuse.library import Library

    with Library.open() as lib:
        work = lib.work(work_id)
        if not yes and not click.confirm(
            f"delete {work.title!r} and its {work.versions} version(s)?"
        ):
            click.echo("kept")
            return
        lib.delete(work_id)
        click.echo(f"deleted {work_id}")


@command.command(name="check")
def check() -> None:
    """Check the library's integrity (database and files)."""
    from inkmuse.library import Library

    with Library.open() as lib:
        problems = lib.integrity_problems()
    for p in problems:
        click.echo(p)
    click.echo("library ok" if not problems else f"{len(problems)} problem(s)")
    if problems:
        raise SystemExit(1)
