"""Who may call the API. On loopback: only pages from this studio (a page on another site
cannot drive it: the Host and Origin must be the studio's own, which also defeats DNS
rebinding). Elsewhere: every API call carries the token. Bodies over the upload limit are
refused from their Content-Length before they are read."""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from inkmuse.studio.config import LOOPBACK, StudioConfig

TOKEN_HEADER = "X-Inkmuse-Token"
_BODY_SLACK = 64 * 1024  # multipart headers around an upload


def _deny(status: int, problem: str, accepted: str) -> Response:
    body = {
        "problem": problem,
        "accepted": accepted,
        "hint": None,
        "message": f"{problem} (accepted: {accepted})",
        "type": "Forbidden",
    }
    return JSONResponse(body, status_code=status)


class Guard(BaseHTTPMiddleware):
    def __init__(self, app: object, config: StudioConfig) -> None:
        super().__init__(app)  # type: ignore[arg-type]
        self.config = config

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        host = _hostname(request.headers.get("host", ""))
        if self.config.loopback and host not in LOOPBACK:
            return _deny(403, f"host {host!r} is not this studio", "127.0.0.1 or localhost")
        origin = request.headers.get("origin")
        if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
            return _deny(403, f"requests from {origin} are not allowed", "pages of this studio")
        if request.url.path.startswith("/api/") and self.config.token:
            given = request.headers.get(TOKEN_HEADER) or request.query_params.get("token") or ""
            if not secrets.compare_digest(given.encode(), self.config.token.encode()):
                return _deny(401, "missing or wrong token", f"the {TOKEN_HEADER} header or ?token=")
        length = request.headers.get("content-length")
        if request.method in ("POST", "PUT", "PATCH") and length is None:
            # A chunked body has no size to check up front; the multipart parser would spool
            # any amount of it to disk before the route could refuse it.
            return _deny(
                411, "a request body without Content-Length", "bodies with a Content-Length"
            )
        if length and length.isdigit() and int(length) > self.config.max_upload_bytes + _BODY_SLACK:
            limit = self.config.max_upload_bytes / 1e6
            return _deny(
                413, f"the request body is {int(length) / 1e6:.1f} MB", f"up to {limit:.1f} MB"
            )
        return await call_next(request)


def _hostname(host_header: str) -> str:
    if host_header.startswith("["):  # [::1]:8765
        return host_header[1 : host_header.find("]")]
    return host_header.rsplit(":", 1)[0] if ":" in host_header else host_header
