"""Every way a request can fail, as problem JSON with the right status: inkmuse's own errors
(400, 404, 501; 429 with Retry-After when a queue is
full: the person should slow down, the studio itself is fine), a body outside the schema (422, never
echoing it), a route or method that does not exist, storage faults (`faults`), and, last,
a bug (500, logged; the body still says only that it happened)."""

from __future__ import annotations

import sqlite3

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException

from inkmuse.core.errors import (
    BackendError,
    DataError,
    InkmuseError,
    MissingDependencyError,
    StorageError,
)
from inkmuse.library import WorkNotFound
from inkmuse.studio.faults import fault_body
from inkmuse.studio.jobs import JobNotFound
from inkmuse.studio.pools import Busy
from inkmuse.studio.problems import SafeJSONResponse, error_body, problem_body, problem_response
from inkmuse.studio.validation import validation_body


def status_of(err: InkmuseError) -> int:
    if isinstance(err, WorkNotFound | JobNotFound):
        return 404
    if isinstance(err, Busy):
        return 429
    if isinstance(err, MissingDependencyError):
        return 501
    if isinstance(err, StorageError | DataError):
        return 503  # the disk or the library, not the request: the person acts on the machine
    if isinstance(err, BackendError):
        return 502  # the model behind the studio failed (down, crashed, answered badly)
    return 400


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(InkmuseError)
    async def inkmuse_error(request: Request, err: InkmuseError) -> SafeJSONResponse:
        headers = {"Retry-After": str(err.retry_after)} if isinstance(err, Busy) else None
        return problem_response(status_of(err), error_body(err), headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, err: RequestValidationError) -> SafeJSONResponse:
        return problem_response(422, validation_body(err.errors()))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, err: HTTPException) -> SafeJSONResponse:
        # Starlette's own refusals (no such route, wrong method, an unreadable body).
        accepted = {
            400: "a JSON object in UTF-8",
            404: "a route listed in /api/openapi.json",
            405: "the methods in Allow",
        }
        body = problem_body(
            str(err.detail)[:100], accepted=accepted.get(err.status_code), kind="HTTPError"
        )
        return problem_response(err.status_code, body, dict(err.headers or {}))

    @app.exception_handler(OSError)
    @app.exception_handler(sqlite3.DatabaseError)
    async def storage_fault(request: Request, err: Exception) -> SafeJSONResponse:
        return problem_response(*fault_body(err))

    @app.exception_handler(Exception)
    async def bug(request: Request, err: Exception) -> SafeJSONResponse:
        return problem_response(*fault_body(err))
