"""Which text-model backends the studio can use (tested, not assumed), and streaming a
draft from one of them as server-sent events."""

from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor, wait
from typing import Any

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from inkmuse.core.errors import InkmuseError
from inkmuse.studio.problems import error_body
from inkmuse.studio.schemas import StreamIn
from inkmuse.studio.state import State

router = APIRouter(prefix="/api/backends", tags=["backends"])

PROBE_S = 3.0  # the picker waits this long for all backends together


@router.get("")
async def backends(state: State) -> dict[str, Any]:
    """Every configured backend with `reachable` and why (probed in parallel)."""
    # Probing waits up to PROBE_S on the network: on the backends' own threads.
    return await state.backends.run(_probe_all)


def _probe_all() -> dict[str, Any]:
    from inkmuse.models.config import load_config
    from inkmuse.models.registry import make_backend

    config = load_config()
    names = sorted(config.backends)

    def probe(name: str) -> dict[str, Any]:
        try:
            model = make_backend(config.get(name))
            found = model.available()
            return {"name": name, "model": model.model, "reachable": found.reachable,
                    "detail": found.detail, "grammar": model.supports_grammar}  # fmt: skip
        except InkmuseError as err:
            return {"name": name, "model": None, "reachable": False, "detail": str(err), "grammar": False}  # fmt: skip

    pool = ThreadPoolExecutor(max_workers=len(names) or 1)
    futures = {name: pool.submit(probe, name) for name in names}
    wait(futures.values(), timeout=PROBE_S)
    pool.shutdown(wait=False)  # a slow probe finishes on its own; the page is not held up
    out = []
    for name, future in futures.items():
        if future.done():
            out.append(future.result())
        else:
            out.append({"name": name, "model": None, "reachable": False,
                        "detail": f"no answer within {PROBE_S:.0f} s", "grammar": False})  # fmt: skip
    return {"default": config.default, "backends": out}


@router.post("/{name}/stream", response_class=StreamingResponse)
async def stream(name: str, body: StreamIn, state: State) -> StreamingResponse:
    """A draft poem from backend `name`, piece by piece as the model writes it:
    `data: {"text": "..."}` events, then `data: {"done": true, "check": {...}}` with the
    checker's report of the whole draft (or `{"error": {...}}`)."""
    from inkmuse.models.protocol import GenerateOptions
    from inkmuse.models.registry import get_backend
    from inkmuse.poetry import get_form

    get_form(body.form)
    # An unknown name is a 400 before the stream opens (making a backend reads its config).
    model = await state.backends.run(get_backend, name)
    prompt = f"写一首{body.form}，主题：{body.keywords}。只写诗的正文，每句后用逗号或句号，不要标题和解释。"
    options = GenerateOptions(
        max_tokens=body.max_tokens, temperature=body.temperature, seed=body.seed
    )

    def events() -> Iterator[str]:
        parts: list[str] = []
        try:
            for piece in model.stream(prompt, options):
                parts.append(piece)
                yield _event({"text": piece})
        except InkmuseError as err:
            yield _event({"error": error_body(err)})
            return
        yield _event(
            {"done": True, "text": "".join(parts), "check": _check("".join(parts), body.form)}
        )

    # The model is read on a backend thread for the whole draft: a slow model never holds
    # one of the server's shared threads, which the checks need.
    return StreamingResponse(
        state.streams.stream(events()),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store"},
    )


def _event(data: dict[str, Any]) -> str:
    return f"data: {json.dumps(data, ensure_ascii=False)}\n\n"


def _check(text: str, form: str) -> dict[str, Any] | None:
    from inkmuse.poetry import check_poem
    from inkmuse.poetry.backend_poet import extract_poem
    from inkmuse.poetry.forms import get_form

    kind = get_form(form)
    try:
        poem = extract_poem(text, kind.line_length, kind.line_count or 4)
        return check_poem(poem, form).to_dict()
    except InkmuseError:
        return None  # a draft with no poem in it: the page shows the raw text
