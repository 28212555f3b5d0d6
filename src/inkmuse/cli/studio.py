"""`inkmuse studio`: serve the studio web app and open it in a browser."""

from __future__ import annotations

import click

from inkmuse.core.errors import MissingDependencyError


@click.command(name="studio")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8765, show_default=True, type=click.IntRange(1, 65535), help="Port."
)
@click.option(
    "--token",
    envvar="INKMUSE_STUDIO_TOKEN",
    help="Required for any address but loopback; every API call must carry it.",
)
@click.option(
    "--max-upload-mb", default=8.0, show_default=True, type=float, help="Largest photo accepted."
)
@click.option("--no-browser", is_flag=True, help="Do not open a browser window.")
def command(
    host: str, port: int, token: str | None, max_upload_mb: float, no_browser: bool
) -> None:
    """Open the studio: write with live checking, paint, compose, browse the library.

    \b
    Examples:
      inkmuse studio
      inkmuse studio --host 0.0.0.0 --token "$(python -c 'import secrets; print(secrets.token_urlsafe())')"
    """
    try:
        import uvicorn

        from inkmuse.studio import StudioConfig, create_app
    except ImportError as err:
        raise MissingDependencyError(
            f"the studio needs {err.name}", hint="install it with: pip install 'inkmuse[studio]'"
        ) from None
    config = StudioConfig(
        host=host, port=port, token=token, max_upload_bytes=int(max_upload_mb * 1024 * 1024)
    ).validated()
    app = create_app(config)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    url = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
    click.echo(f"inkmuse studio on {url}  (Ctrl+C stops it)", err=True)
    if not no_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    uvicorn.run(app, host=host, port=port, log_level="warning")
