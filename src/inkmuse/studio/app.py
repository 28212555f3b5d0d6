"""The FastAPI app: JSON API under /api (its OpenAPI schema at /api/openapi.json; no docs
page, which would load Swagger from a CDN an offline studio cannot reach), the front end's
plain files at /, and every error as small problem JSON (`errors`).

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

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from inkmuse import __version__
from inkmuse.studio import api_art, api_backends, api_jobs, api_library, api_options, api_poem
from inkmuse.studio.config import StudioConfig
from inkmuse.studio.errors import install_error_handlers
from inkmuse.studio.problems import SafeJSONResponse
from inkmuse.studio.security import Guard
from inkmuse.studio.state import StudioState
from inkmuse.studio.workspace import Workspace, clear_leftovers

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
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        default_response_class=SafeJSONResponse,
    )
    clear_leftovers()  # workspaces of studios killed before they could clean up
    app.state.studio = StudioState(config, Workspace())
    app.add_middleware(Guard, config=config)
    install_error_handlers(app)

    for module in (api_poem, api_art, api_jobs, api_library, api_backends, api_options):
        app.include_router(module.router)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(
            STATIC / "index.html",
            media_type="text/html; charset=utf-8",
            headers={"Cache-Control": "no-store"},
        )

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
