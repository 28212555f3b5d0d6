"""Issue 14, item 3: hostile bodies get small problem JSON, never a 500 and never their own
input echoed back (a lone surrogate or NaN crashed the 422 handler; 6 MB came back whole)."""

from __future__ import annotations

import httpx
import pytest

pytestmark = pytest.mark.network  # a real server on a loopback port

JSON = {"Content-Type": "application/json"}
JSON_BODY_LIMIT = 64 * 1024  # security.JSON_BODY_LIMIT, spelt out so the old code can be tried


def _problem(response: httpx.Response, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text[:300]
    assert response.headers["content-type"].startswith("application/json")
    assert len(response.content) < 2048  # small, whatever was sent
    body: dict[str, object] = response.json()
    assert body["problem"] and body["accepted"], body
    return body


@pytest.mark.parametrize(
    ("path", "raw"),
    [
        ("/api/check", rb'{"text": "\ud800"}'),  # half a UTF-16 pair
        ("/api/check", rb'{"text": "ok", "rhymebook": "\udfff\ud800"}'),
        ("/api/check", rb'{"text": "x", "\ud800": 1}'),  # ... as an unknown field's name
        ("/api/poems", rb'{"keywords": "\ud83d"}'),
        ("/api/songs", rb'{"poem": "\ud800", "tempo": "x"}'),
        ("/api/suggest", rb'{"text": "\ud800", "line": 1}'),
    ],
)
def test_lone_surrogates_are_a_422_that_does_not_echo_them(
    client: httpx.Client, path: str, raw: bytes
) -> None:
    body = _problem(client.post(path, content=raw, headers=JSON), 422)
    assert "\\ud8" not in str(body) and "\ufffd" not in str(body)


@pytest.mark.parametrize("number", [b"NaN", b"Infinity", b"-Infinity", b"1e999"])
def test_nan_and_infinity_are_refused_by_name(client: httpx.Client, number: bytes) -> None:
    raw = b'{"keywords": "\xe7\xa7\x8b", "temperature": ' + number + b"}"
    body = _problem(client.post("/api/poems", content=raw, headers=JSON), 422)
    assert str(body["problem"]).startswith("temperature:")
    assert "NaN or Infinity" in str(body["accepted"])


def test_a_long_body_is_refused_without_being_read_or_echoed(client: httpx.Client) -> None:
    text = "白" * 2001  # one character over the field's bound: named, not echoed
    body = _problem(client.post("/api/check", json={"text": text}), 422)
    assert body["problem"] == "text: String should have at most 2000 characters"
    assert body["accepted"] == "at most 2000 characters"
    assert "白白" not in str(body)
    big = b'{"text": "' + b"a" * (6 * 1024 * 1024) + b'"}'  # 6 MB: refused by its length
    _problem(client.post("/api/check", content=big, headers=JSON), 413)


def test_the_body_limit_is_per_route(client: httpx.Client) -> None:
    # Over the JSON limit but well under the upload limit (200 kB in this fixture).
    raw = b'{"text": "' + b"a" * (JSON_BODY_LIMIT + 1) + b'"}'
    assert len(raw) < 200_000
    body = _problem(client.post("/api/check", content=raw, headers=JSON), 413)
    assert "0.066 MB" in str(body["accepted"])
    files = {"file": ("x.png", b"\x89PNG" + b"0" * (JSON_BODY_LIMIT + 1), "image/png")}
    response = client.post("/api/uploads", files=files)
    assert response.status_code == 400  # read, and refused as not an image, not for its size


@pytest.mark.parametrize(
    "raw", [b"{", b'{"text": }', b"\xff\xfe", b"[1, 2", b'"just a string"', b"null", b"[]"]
)
def test_broken_json_is_a_422(client: httpx.Client, raw: bytes) -> None:
    _problem(client.post("/api/check", content=raw, headers=JSON), 422)


def test_unknown_routes_and_methods_answer_problem_json(client: httpx.Client) -> None:
    _problem(client.get("/api/nothing-here"), 404)
    _problem(client.put("/api/check", json={}), 405)


def test_validation_body_never_holds_the_input() -> None:
    from inkmuse.studio.validation import validation_body

    secret = "my unpublished poem " * 500
    errors = [
        {"type": "string_too_long", "loc": ("body", "text"), "msg": "String should have at "
         "most 2000 characters", "input": secret, "ctx": {"max_length": 2000}},
        {"type": "extra_forbidden", "loc": ("body", secret), "msg": "Extra inputs are not "
         "permitted", "input": secret},
    ]  # fmt: skip
    body = validation_body(errors)
    assert "unpublished" not in str(body)
    assert [d["field"] for d in body["detail"]] == ["text", "…"]  # type: ignore[attr-defined]
