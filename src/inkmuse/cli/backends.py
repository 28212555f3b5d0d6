"""`inkmuse backends`: the text-model backends inkmuse knows, and whether each is reachable."""

from __future__ import annotations

import json

import click


@click.group(name="backends")
def command() -> None:
    """Text-model backends: the embedded poet, Ollama, vLLM, llama.cpp, any OpenAI-compatible API."""


@command.command(name="list")
@click.option("--json", "as_json", is_flag=True)
def list_backends(as_json: bool) -> None:
    """Show every configured backend, its type and whether it can be reached now."""
    from inkmuse.models.config import config_path, load_config
    from inkmuse.models.registry import backend_types, make_backend

    config = load_config()
    types = backend_types()
    rows = []
    for name, bc in sorted(config.backends.items()):
        if bc.type not in types:
            rows.append((name, bc, False, f"type {bc.type!r} not installed"))
            continue
        try:
            status = make_backend(bc).available()
            rows.append((name, bc, status.reachable, status.detail))
        except Exception as err:  # one broken backend must not hide the others
            rows.append((name, bc, False, str(err)))
    if as_json:
        data = [
            {"name": n, "default": n == config.default, "reachable": ok, "detail": d, **bc.public()}
            for n, bc, ok, d in rows
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for name, bc, ok, detail in rows:
        mark = "*" if name == config.default else " "
        state = "reachable  " if ok else "unreachable"
        model = bc.options.get("model", "")
        click.echo(f"{mark} {name:<12} {bc.type:<15} {state} {model}  ({detail})")
    click.echo(
        f"\n* default. Configure in {config_path()}; types installed: {', '.join(sorted(types))}"
    )
