"""The small JSON every API refusal carries: what was wrong, what is accepted, what to try.

Never the person's input: an error body built from input can be megabytes long, can hold a
lone surrogate or NaN that no JSON encoder writes (a 500 inside the error handler), and
ends up in logs. Every string here comes from inkmuse's own messages, shortened.

    >>> problem_body("the body is not JSON", accepted="a JSON object")["type"]
    'InputError'
"""

from __future__ import annotations

import json
import re
from typing import Any

from starlette.responses import JSONResponse

from inkmuse.core.errors import InkmuseError
from inkmuse.studio.codes import code_of_problem

MAX_TEXT = 300  # characters of one message; ours are one line, a long one is a bug's
# A Python object's repr inside a library's message ("<_io.BytesIO object at 0x7f…>") means
# nothing to a person and shows an internal: cut, with the parentheses around it.
_REPR = re.compile(r"\s*\(?[^()]*<[\w.]+ object at 0x[0-9a-f]+>[^()]*\)?")


def _short(text: str | None) -> str | None:
    if text is None:
        return None
    # A lone surrogate cannot be written as UTF-8: replaced, so no body ever fails to encode.
    safe = _REPR.sub("", text.encode("utf-8", "replace").decode("utf-8"))
    return safe if len(safe) <= MAX_TEXT else safe[: MAX_TEXT - 1] + "…"


def problem_body(
    problem: str,
    *,
    accepted: str | None = None,
    hint: str | None = None,
    kind: str = "InputError",
    code: str | None = None,
    params: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """`code` and `params` are what the page translates (`codes`); `message` is for tools."""
    problem, accepted, hint = _short(problem) or "", _short(accepted), _short(hint)
    if code is None:
        code, params = code_of_problem(kind, problem)
    message = (
        problem + (f" (accepted: {accepted})" if accepted else "") + (f". {hint}" if hint else "")
    )
    return {
        "problem": problem,
        "accepted": accepted,
        "hint": hint,
        "message": message,
        "type": kind,
        "code": code,
        "params": params or {},
    }


def error_body(err: InkmuseError) -> dict[str, Any]:
    """The problem JSON of one of inkmuse's own errors."""
    return problem_body(err.problem, accepted=err.accepted, hint=err.hint, kind=type(err).__name__)


class SafeJSONResponse(JSONResponse):
    """Starlette's JSON response, except that text it cannot encode is replaced instead of
    raising: a response is always written, whatever a route returns."""

    def render(self, content: Any) -> bytes:
        text = json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        return text.encode("utf-8", "replace")


def problem_response(
    status: int, body: dict[str, Any], headers: dict[str, str] | None = None
) -> SafeJSONResponse:
    return SafeJSONResponse(body, status_code=status, headers=headers)
