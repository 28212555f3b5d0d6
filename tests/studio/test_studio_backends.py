"""The backend picker and streaming a draft from an LLM backend (the fake one, offline)."""

from __future__ import annotations

import json

import httpx
import pytest

from inkmuse.models.backends.fake import DEFAULT_REPLY

pytestmark = pytest.mark.network  # a real server on a loopback port


def test_backends_are_probed(client: httpx.Client) -> None:
    data = client.get("/api/backends").json()
    by_name = {b["name"]: b for b in data["backends"]}
    assert by_name["embedded"]["reachable"] is True
    assert by_name["fake"]["reachable"] is True
    # Nothing listens on Ollama's port in the tests: reported, with the reason.
    assert by_name["ollama"]["reachable"] is False and by_name["ollama"]["detail"]


def test_stream_a_draft_piece_by_piece(client: httpx.Client) -> None:
    events = []
    body = {"keywords": "登楼", "form": "五绝", "seed": 1}
    with client.stream("POST", "/api/backends/fake/stream", json=body) as response:
        assert response.status_code == 200
        for line in response.iter_lines():
            if line.startswith("data: "):
                events.append(json.loads(line[6:]))
    pieces = [e["text"] for e in events if not e.get("done")]
    assert len(pieces) > 3 and "".join(pieces) == DEFAULT_REPLY
    assert events[-1]["done"] is True and events[-1]["check"]["ok"] is True


def test_poem_on_a_backend_uses_repair_and_reports_it(client: httpx.Client) -> None:
    data = client.post(
        "/api/poems", json={"keywords": "登楼", "form": "五绝", "seed": 1, "backend": "fake"}
    ).json()
    assert data["backend"] == "fake" and data["text"] == DEFAULT_REPLY
    assert data["candidates"][0]["ok"] is True


def test_unknown_backend_is_a_clear_error(client: httpx.Client) -> None:
    response = client.post("/api/backends/gpt9/stream", json={"keywords": "登楼"})
    assert response.status_code == 400 and "embedded" in response.json()["accepted"]
