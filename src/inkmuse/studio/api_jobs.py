"""Job routes: start a whole creation or a remix, and follow any job by polling or by
server-sent events (one `data:` line of JSON per change, then the final state)."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from inkmuse.studio.api_art import upload_path
from inkmuse.studio.api_library import version_dict
from inkmuse.studio.jobs import Report
from inkmuse.studio.memory import estimate_bytes
from inkmuse.studio.schemas import CreateIn, RemixIn
from inkmuse.studio.state import State

router = APIRouter(prefix="/api", tags=["jobs"])

STREAM_LIMIT_S = 600.0  # an event stream ends after this; the page falls back to polling
POLL_S = 0.1
KEEP_ALIVE_S = 5.0


@router.post("/creations", status_code=202)
def creations(body: CreateIn, state: State) -> dict[str, Any]:
    """Poem, inscribed painting and song from one idea, saved in the library as a new work."""
    from inkmuse.create import CreateRequest

    image = upload_path(state, body.upload) if body.upload else None
    request = CreateRequest(
        body.idea, seed=body.seed, image=image, form=body.form, key=body.key or None,
        size=(body.width, body.height),
    ).validated()  # fmt: skip
    from inkmuse.poetry import get_form

    get_form(request.form)  # fail now, not after the theme is built

    def work(report: Report) -> dict[str, Any]:
        from inkmuse.create import create
        from inkmuse.create.remix import save_creation

        _, folder = state.workspace.new_folder("creation")
        creation = create(request, folder, lambda step, s: report(step, {"seconds": round(s, 3)}))
        with state.library() as lib:
            version = save_creation(lib, None, creation)
            report("saved", {"work": version.work_id, "version": version.number})
            return {"work": lib.work(version.work_id).__dict__, "version": version_dict(version)}

    need = estimate_bytes("creation", body.width, body.height)
    return state.runner.submit("creation", work, memory=need).to_dict()


@router.post("/works/{work_id}/remix", status_code=202)
def remix(work_id: str, body: RemixIn, state: State) -> dict[str, Any]:
    """A new version: keep some parts, regenerate the rest, or follow your edited poem."""
    from inkmuse.create.remix import RemixRequest
    from inkmuse.create.remix import remix as do_remix

    with state.library() as lib:
        lib.work(work_id)  # 404 now rather than in the job
    request = RemixRequest(
        keep=tuple(body.keep), seed=body.seed, key=body.key or None, poem=body.poem,
        version=body.version,
    )  # fmt: skip

    def step(report: Report, name: str, seconds: float) -> None:
        # The same stages as a creation's; a kept part says so (its bytes are the old ones).
        details: dict[str, Any] = {"seconds": round(seconds, 3)}
        if name in request.keep:
            details["kept"] = True
        report(name, details)

    def work(report: Report) -> dict[str, Any]:
        _, folder = state.workspace.new_folder("remix")
        with state.library() as lib:
            _, version = do_remix(
                lib, work_id, request, folder, lambda name, s: step(report, name, s)
            )
            report("saved", {"work": version.work_id, "version": version.number})
            return {"work": lib.work(work_id).__dict__, "version": version_dict(version)}

    return state.runner.submit("remix", work, memory=estimate_bytes("remix", 960, 640)).to_dict()


@router.get("/jobs/{job_id}")
def job(job_id: str, state: State) -> dict[str, Any]:
    """A job's state: status (queued, running, done, failed), events, result or error."""
    return state.runner.snapshot(job_id)


@router.get("/jobs/{job_id}/events", response_class=StreamingResponse)
async def job_events(job_id: str, state: State) -> StreamingResponse:
    """Server-sent events: the job's state each time it changes, until it finishes."""
    state.runner.get(job_id)  # 404 before the stream opens

    async def stream() -> AsyncIterator[str]:
        # Polling the job's state (a dict copy under a lock) every 0.1 s costs nothing and
        # holds no thread, so any number of pages can follow jobs at once.
        seen = -1
        quiet = 0.0
        started = time.monotonic()
        while time.monotonic() - started < STREAM_LIMIT_S:
            snap = state.runner.snapshot(job_id)
            finished = snap["status"] in ("done", "failed")
            if len(snap["events"]) != seen or finished:
                seen = len(snap["events"])
                quiet = 0.0
                yield f"data: {json.dumps(snap, ensure_ascii=False)}\n\n"
                if finished:
                    return
            elif quiet >= KEEP_ALIVE_S:
                quiet = 0.0
                yield ": keep-alive\n\n"  # lets a closed page end this stream
            await asyncio.sleep(POLL_S)
            quiet += POLL_S

    headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
    return StreamingResponse(stream(), media_type="text/event-stream", headers=headers)
