"""`inkmuse library`: list, show, export, delete, check and rebuild saved creations.

Storage faults (a full disk, a read-only folder, a damaged database) arrive as
StorageError and leave with a message and exit code 2, never a traceback.
"""

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
@click.option(
    "--repair", is_flag=True, help="Move orphans into a quarantine folder; drop empty works."
)
def check(repair: bool) -> None:
    """Check the library: database, empty works, missing or changed files, orphans."""
    from inkmuse.library import Library
    from inkmuse.library import health as lib_health

    with Library.open() as lib:
        if repair:
            done = lib_health.repair(lib)
            if done.quarantine is not None:
                click.echo(f"moved {len(done.moved)} orphan(s) into {done.quarantine}")
            if done.forgotten:
                click.echo(
                    f"dropped {len(done.forgotten)} version(s) whose folder is gone from the"
                    f" index: {' '.join(done.forgotten)}"
                )
            if done.dropped:
                click.echo(f"dropped {len(done.dropped)} empty work(s): {' '.join(done.dropped)}")
            if not (done.moved or done.forgotten or done.dropped):
                click.echo("nothing to repair")
            report = done.health
        else:
            report = lib_health.check(lib)
        where = f"{lib.root}{' (read-only)' if lib.read_only else ''}"
    # The count goes to stderr: stdout stays the verdict that scripts read ("library ok").
    click.echo(f"{where}: {report.versions} version(s), {report.files} file(s) checked", err=True)
    for finding in report.problems:
        click.echo(f"  {finding}")
    for note in report.notes:
        click.echo(f"  note: {note}; the next save removes it")
    if report.ok:
        click.echo("library ok")
        return
    fixable = any(f.kind in ("orphan", "empty work", "gone") for f in report.problems)
    click.echo(
        f"{len(report.problems)} problem(s)"
        + (
            "; `inkmuse library check --repair` quarantines orphans and drops what is gone"
            if fixable
            else ""
        )
        + (
            "; a missing or changed file cannot be repaired: restore it from a backup"
            if any(f.kind in ("missing", "changed") for f in report.problems)
            else ""
        )
    )
    raise SystemExit(1)


@command.command(name="rebuild")
def rebuild() -> None:
    """Rebuild the database from the version folders (each keeps its own record)."""
    from inkmuse.library import Library
    from inkmuse.library import health as lib_health

    kept, lib = lib_health.rebuild(Library.default_root())
    with lib:
        report = lib_health.check(lib)
        works = len(lib.list_works())
    click.echo(f"rebuilt {lib.root / 'library.db'}: {works} work(s), {report.versions} version(s)")
    if kept is not None:
        click.echo(f"the previous database is kept as {kept}")
    for finding in report.problems:
        click.echo(f"  {finding}")
    if report.problems:
        click.echo("`inkmuse library check --repair` quarantines what could not be indexed")
