"""Who may call the API, and how much they may send. One ASGI middleware, in front of
everything (a plain ASGI class: it costs a few dictionary lookups, not a task per request).

- Loopback: the Host must be the studio's own (defeats DNS rebinding), and an Origin must be
  this studio. `Origin: null` (a sandboxed iframe or a `data:` page on any site) is refused on
  every state-changing method.
- Token mode: `?token=` on any GET is checked once, swapped for an HttpOnly, SameSite=Strict
  cookie and dropped from the URL by a redirect; every API call then carries the cookie (or
  the `X-Inkmuse-Token` header, for tools). Links, images, audio and a work's own
  index.html all work, because the browser sends the cookie with each of them.
- Bodies: a Content-Length is required and bounded per route (a photo upload may be
  megabytes, a JSON body a few kilobytes), checked before a byte is read.
- Every response: no framing by other sites, no content sniffing, no referrer.
"""

from __future__ import annotations

import secrets
from urllib.parse import parse_qsl, urlencode, urlsplit

from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from inkmuse.studio.config import LOOPBACK, StudioConfig
from inkmuse.studio.problems import problem_body, problem_response

TOKEN_HEADER = "X-Inkmuse-Token"
TOKEN_COOKIE = "inkmuse_token"  # + "_PORT": cookies are shared across ports, tokens are not
JSON_BODY_LIMIT = 64 * 1024  # the largest JSON body: a 2,000-character poem is about 8 KB
_BODY_SLACK = 64 * 1024  # multipart headers around an upload
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
SECURITY_HEADERS = (
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy", b"frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


def body_limit(path: str, config: StudioConfig) -> int:
    """The largest body a route accepts, in bytes."""
    if path == "/api/uploads":
        return config.max_upload_bytes + _BODY_SLACK
    return JSON_BODY_LIMIT


class Guard:
    def __init__(self, app: ASGIApp, config: StudioConfig) -> None:
        self.app = app
        self.config = config

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope)
        if refusal is not None:
            await refusal(scope, receive, _with_headers(send))
            return
        await self.app(scope, receive, _with_headers(send))

    def _refusal(self, scope: Scope) -> Response | None:
        headers = _headers(scope)
        method, path = scope["method"], scope["path"]
        host = headers.get("host", "")
        hostname = _hostname(host)
        if self.config.loopback and hostname not in LOOPBACK:
            return _deny(
                403, f"host {hostname[:60]!r} is not this studio", "127.0.0.1 or localhost"
            )
        origin = headers.get("origin")
        if origin == "null" and method in UNSAFE:
            return _deny(
                403, "requests from an opaque origin (Origin: null)", "pages of this studio"
            )
        if origin and origin != "null" and not _same_origin(origin, host):
            return _deny(403, "requests from another site", "pages of this studio")
        if self.config.token:
            token_refusal = self._token(scope, headers, host)
            if token_refusal is not None:
                return token_refusal
        if method in UNSAFE or "content-length" in headers or "transfer-encoding" in headers:
            return _body_refusal(headers, body_limit(path, self.config), method)
        return None

    def _token(self, scope: Scope, headers: dict[str, str], host: str) -> Response | None:
        assert self.config.token
        expected = self.config.token.encode()
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        given_in_url = [v for k, v in query if k == "token"]
        if given_in_url and scope["method"] == "GET":
            if not secrets.compare_digest(given_in_url[0].encode(), expected):
                return _deny(401, "wrong token", "the token the studio was started with")
            rest = urlencode([(k, v) for k, v in query if k != "token"])
            path = "/" + scope["path"].lstrip("/")  # never "//host": that would leave the studio
            return _exchange(path + (f"?{rest}" if rest else ""), self.config.token, host)
        if not scope["path"].startswith("/api/"):
            return None  # the page and its scripts are no secret; the API is
        given = headers.get(TOKEN_HEADER.lower()) or _cookies(headers).get(_cookie_name(host), "")
        if not secrets.compare_digest(given.encode(), expected):
            return _deny(
                401,
                "missing or wrong token",
                f"open the studio once with ?token=, or send the {TOKEN_HEADER} header",
            )
        return None


def _body_refusal(headers: dict[str, str], limit: int, method: str) -> Response | None:
    length = headers.get("content-length")
    if "transfer-encoding" in headers or (length is None and method in ("POST", "PUT", "PATCH")):
        # A chunked body has no size to check up front; the parsers would read any amount.
        return _deny(411, "a request body without Content-Length", "bodies with a Content-Length")
    if length is not None and (not length.isdigit() or int(length) > limit):
        shown = f"{int(length) / 1e6:.1f} MB" if length.isdigit() else "of unreadable length"
        return _deny(413, f"the request body is {shown}", f"up to {limit / 1e6:.3f} MB here")
    return None


def _deny(status: int, problem: str, accepted: str) -> Response:
    kind = {401: "Unauthorized", 411: "LengthRequired", 413: "TooLarge"}.get(status, "Forbidden")
    return problem_response(status, problem_body(problem, accepted=accepted, kind=kind))


def _exchange(location: str, token: str, host: str) -> Response:
    response = RedirectResponse(location, status_code=303, headers={"Cache-Control": "no-store"})
    response.set_cookie(_cookie_name(host), token, httponly=True, samesite="strict", path="/")
    return response


def _with_headers(send: Send) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            present = {name.lower() for name, _ in message.get("headers", [])}
            extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
            message["headers"] = [*message.get("headers", []), *extra]
        await send(message)

    return sending


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}


def _cookies(headers: dict[str, str]) -> dict[str, str]:
    out = {}
    for part in headers.get("cookie", "").split(";"):
        name, _, value = part.strip().partition("=")
        out[name] = value
    return out


def _cookie_name(host: str) -> str:
    port = host.rsplit(":", 1)[1] if ":" in host and not host.endswith("]") else ""
    return f"{TOKEN_COOKIE}_{port}" if port.isdigit() else TOKEN_COOKIE


def _same_origin(origin: str, host: str) -> bool:
    try:
        return urlsplit(origin).netloc == host
    except ValueError:  # "http://[" and the like: not this studio
        return False


def _hostname(host_header: str) -> str:
    if host_header.startswith("["):  # [::1]:8765
        return host_header[1 : host_header.find("]")]
    return host_header.rsplit(":", 1)[0] if ":" in host_header else host_header
