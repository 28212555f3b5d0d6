"""`inkmuse` command: a click group whose subcommands load lazily (start-up stays fast).

Add a command by writing `inkmuse/cli/<name>.py` with a click command called `command`
and listing it in `COMMANDS`.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from typing import Any

import click

from inkmuse import __version__
from inkmuse.core.errors import InkmuseError

# name -> (module, one-line help). The help is here so `inkmuse --help` imports nothing heavy.
COMMANDS: dict[str, tuple[str, str]] = {
    "check": (
        "inkmuse.cli.check",
        "Check a poem's form: 平仄 粘对 孤平 出韵, or English meter and rhyme.",
    ),
    "poem": ("inkmuse.cli.poem", "Write a poem that keeps its form."),
    "paint": ("inkmuse.cli.paint", "Paint a picture from an idea or a poem."),
    "compose": ("inkmuse.cli.compose", "Set a poem to music, or compose from a mood."),
    "create": (
        "inkmuse.cli.create",
        "Make a poem, an inscribed painting and a song from one idea.",
    ),
    "library": ("inkmuse.cli.library", "List, show, export and delete saved creations."),
    "studio": ("inkmuse.cli.studio", "Open the studio: a local web app for creating."),
    "backends": ("inkmuse.cli.backends", "List text-model backends and whether each is reachable."),
    "train": ("inkmuse.cli.train", "Train inkmuse's own models (needs the train extra)."),
    "demo": ("inkmuse.cli.demo", "Show what inkmuse does on built-in examples."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name, (module, _) in COMMANDS.items() if _module_exists(module)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None or not _module_exists(entry[0]):
            return None
        command = importlib.import_module(entry[0]).command
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def _module_exists(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="inkmuse")
def cli() -> None:
    """inkmuse: poems that keep their form, paintings that carry them, music that sings them."""


def main(argv: list[str] | None = None) -> Any:
    """Entry point: runs the CLI and turns inkmuse errors into a message and an exit code."""
    try:
        return cli.main(args=argv, prog_name="inkmuse", standalone_mode=False)
    except InkmuseError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(err.exit_code)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except click.exceptions.Exit as err:
        sys.exit(err.exit_code)


if __name__ == "__main__":
    main()
