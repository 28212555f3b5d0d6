"""A request body outside the schema, said in a few words: which field, what was wrong with
it, what the field accepts. Built from pydantic's error *type* and its bounds, never from
the offending value (see `problems`).

    >>> validation_body([{"type": "string_too_long", "loc": ("body", "text"),
    ...                   "msg": "String should have at most 2000 characters",
    ...                   "input": "x" * 9000, "ctx": {"max_length": 2000}}])["problem"]
    'text: String should have at most 2000 characters'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from inkmuse.studio.problems import problem_body

MAX_LISTED = 5  # errors named in `detail`; the first is in `problem`
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,40}$")  # a field name, not a stranger's key

# What a field of each error type accepts, from the bound pydantic puts in `ctx`.
_ACCEPTED = {
    "string_too_long": "at most {max_length} characters",
    "string_too_short": "at least {min_length} characters",
    "too_long": "at most {max_length} items",
    "too_short": "at least {min_length} items",
    "greater_than_equal": "numbers >= {ge}",
    "greater_than": "numbers > {gt}",
    "less_than_equal": "numbers <= {le}",
    "less_than": "numbers < {lt}",
    "literal_error": "{expected}",
    "missing": "this field is required",
    "extra_forbidden": "only the fields of this route (see /api/openapi.json)",
    "json_invalid": "a JSON object (UTF-8, no NaN or Infinity)",
    "finite_number": "finite numbers (no NaN or Infinity)",
    "string_type": "a string",
    "int_type": "an integer",
    "int_parsing": "an integer",
    "int_from_float": "an integer",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "model_attributes_type": "a JSON object",
    "dict_type": "a JSON object",
}


def _where(loc: Sequence[Any]) -> str:
    parts = [
        str(p) if isinstance(p, int) or _NAME.match(str(p)) else "…"
        for p in loc
        if p not in ("body", "query", "path")
    ]
    return ".".join(parts) or "body"


def _accepted(error: dict[str, Any]) -> str | None:
    template = _ACCEPTED.get(str(error.get("type")))
    if template is None:
        return None
    ctx = error.get("ctx") or {}
    try:  # bounds are numbers or the literal choices: the schema's, not the person's
        return template.format(**{k: v for k, v in ctx.items() if isinstance(v, int | float | str)})
    except (KeyError, IndexError, ValueError):
        return template.split("{")[0].strip() or None


def _bounds(error: dict[str, Any]) -> dict[str, int | float]:
    # Only numeric bounds go to the page, which words the rule itself in each language.
    ctx = error.get("ctx") or {}
    keys = ("max_length", "min_length", "ge", "gt", "le", "lt")
    return {k: ctx[k] for k in keys if isinstance(ctx.get(k), int | float)}


def _message(error: dict[str, Any]) -> str:
    # pydantic's messages name the rule, not the value ("Input should be a valid integer");
    # a validator's own ValueError is ours. JSON decode errors name a position only.
    return str(error.get("msg") or "invalid").splitlines()[0]


def validation_body(errors: Sequence[Any]) -> dict[str, Any]:
    first = errors[0] if errors else {"type": "invalid", "loc": (), "msg": "invalid request"}
    where = _where(first.get("loc", ()))
    body = problem_body(
        f"{where}: {_message(first)}",
        accepted=_accepted(first) or "see /api/openapi.json for each field's bounds",
        kind="ValidationError",
        code="validation",
        params={"field": where, "rule": str(first.get("type")), **_bounds(first)},
    )
    body["detail"] = [
        {"field": _where(e.get("loc", ())), "type": str(e.get("type")), "msg": _message(e)[:120]}
        for e in errors[:MAX_LISTED]
    ]
    return body
