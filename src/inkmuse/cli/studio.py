"""`inkmuse studio`: serve the studio web app and open it in a browser."""

from __future__ import annotations

from pathlib import Path

import click

from inkmuse.core.errors import InputError, MissingDependencyError

TOKEN_ENV = "INKMUSE_STUDIO_TOKEN"


def read_token(token: str | None, token_file: Path | None, token_from_argv: bool) -> str | None:
    """The token from --token / $INKMUSE_STUDIO_TOKEN, or the first line of --token-file,
    which wins over the environment (a file or an environment variable keep it out of
    `ps`; argv does not)."""
    if token_file is None:
        return token
    if token is not None and token_from_argv:
        raise InputError("both --token and --token-file", accepted="one of them")
    try:
        lines = token_file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(
            f"cannot read the token file {token_file} ({type(err).__name__})",
            accepted="a readable UTF-8 file whose first line is the token",
        ) from None
    return lines[0].strip() if lines else ""


def _given_on_command_line(name: str) -> bool:
    source = click.get_current_context().get_parameter_source(name)
    return source is click.core.ParameterSource.COMMANDLINE


@click.command(name="studio")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8765, show_default=True, type=click.IntRange(1, 65535), help="Port."
)
@click.option(
    "--token",
    envvar=TOKEN_ENV,
    help=f"Required for any address but loopback. Prefer ${TOKEN_ENV} or --token-file: "
    "a token on the command line shows in `ps`.",
)
@click.option(
    "--token-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Read the token from the first line of this file.",
)
@click.option(
    "--max-upload-mb", default=8.0, show_default=True, type=float, help="Largest photo accepted."
)
@click.option(
    "--memory-mb",
    default=4096,
    show_default=True,
    type=int,
    help="Memory budget of long jobs; a painting that needs more is refused.",
)
@click.option("--no-browser", is_flag=True, help="Do not open a browser window.")
def command(
    host: str,
    port: int,
    token: str | None,
    token_file: Path | None,
    max_upload_mb: float,
    memory_mb: int,
    no_browser: bool,
) -> None:
    """Open the studio: write with live checking, paint, compose, browse the library.

    \b
    Examples:
      inkmuse studio
      python -c 'import secrets; print(secrets.token_urlsafe())' > ~/.inkmuse/studio-token
      inkmuse studio --host 0.0.0.0 --token-file ~/.inkmuse/studio-token
    """
    try:
        import uvicorn

        from inkmuse.studio import StudioConfig, create_app
    except ImportError as err:
        raise MissingDependencyError(
            f"the studio needs {err.name}", hint="install it with: pip install 'inkmuse[studio]'"
        ) from None
    config = StudioConfig(
        host=host,
        port=port,
        token=read_token(token, token_file, _given_on_command_line("token")),
        max_upload_bytes=int(max_upload_mb * 1024 * 1024),
        memory_mb=memory_mb,
    ).validated()
    app = create_app(config)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    url = f"http://{shown}:{port}/"
    # The token is never printed or put in a browser's argv: the person opens ?token= once.
    note = "; open it once as ?token=YOUR_TOKEN" if config.token else ""
    click.echo(f"inkmuse studio on {url}  (Ctrl+C stops it{note})", err=True)
    if not no_browser and not config.token:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    uvicorn.run(app, host=host, port=port, log_level="warning")
