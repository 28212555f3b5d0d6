"""The FastAPI app: JSON API under /api (OpenAPI at /api/openapi.json, docs at /api/docs),
the front end's plain files at /, and inkmuse errors as JSON that says what was wrong.

    >>> from fastapi.testclient import TestClient  # doctest: +SKIP
    >>> TestClient(create_app(), base_url="http://127.0.0.1").post(
    ...     "/api/check", json={"text": "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。"}
    ... ).json()["report"]["ok"]  # doctest: +SKIP
    True
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from inkmuse import __version__
from inkmuse.core.errors import InkmuseError, MissingDependencyError
from inkmuse.library import WorkNotFound
from inkmuse.studio import api_art, api_backends, api_jobs, api_library, api_options, api_poem
from inkmuse.studio.config import StudioConfig
from inkmuse.studio.jobs import Busy, JobNotFound, JobRunner, error_body
from inkmuse.studio.security import Guard
from inkmuse.studio.state import StudioState
from inkmuse.studio.workspace import Workspace

STATIC = Path(str(files("inkmuse.studio") / "static"))


def _warm_up() -> None:
    """Load the rhyme book and checker tables now, so the first keystroke is answered fast."""
    from inkmuse.poetry import check_poem

    check_poem("白日依山尽，黄河入海流。欲穷千里目，更上一层楼。")


def create_app(config: StudioConfig | None = None) -> FastAPI:
    config = (config or StudioConfig()).validated()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        threading.Thread(target=_warm_up, daemon=True).start()
        yield
        app.state.studio.close()

    app = FastAPI(
        title="inkmuse studio",
        version=__version__,
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.studio = StudioState(config, JobRunner(config.workers), Workspace())
    app.add_middleware(Guard, config=config)

    @app.exception_handler(InkmuseError)
    async def inkmuse_error(request: Request, err: InkmuseError) -> JSONResponse:
        status = 400
        if isinstance(err, WorkNotFound | JobNotFound):
            status = 404
        elif isinstance(err, Busy):
            status = 503
        elif isinstance(err, MissingDependencyError):
            status = 501
        return JSONResponse(error_body(err), status_code=status)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, err: RequestValidationError) -> JSONResponse:
        first = err.errors()[0] if err.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "request"
        problem = f"{where}: {first.get('msg', 'invalid')}"
        body = {"problem": problem, "accepted": "see /api/docs for each field's bounds",
                "hint": None, "message": problem, "type": "ValidationError",
                "detail": jsonable(err.errors())}  # fmt: skip
        return JSONResponse(body, status_code=422)

    for module in (api_poem, api_art, api_jobs, api_library, api_backends, api_options):
        app.include_router(module.router)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-store"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def jsonable(errors: object) -> object:
    from fastapi.encoders import jsonable_encoder

    # pydantic errors can hold the offending input (bytes, exceptions): made JSON-safe.
    return jsonable_encoder(errors, custom_encoder={Exception: str, bytes: repr})
