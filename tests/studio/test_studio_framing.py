"""Issue 14, item 5: `Origin: null` cannot change anything, no other site can frame the
studio, nothing is sniffed, and every file goes out with its own content type."""

from __future__ import annotations

import httpx
import pytest

from inkmuse.music.export import FORMATS

from .conftest import wait_job
from .images import photo_png

pytestmark = pytest.mark.network  # a real server on a loopback port

NULL = {"Origin": "null"}  # what a sandboxed iframe or a data: page on any site sends


def test_an_opaque_origin_cannot_change_state(client: httpx.Client) -> None:
    photo = {"file": ("p.png", photo_png(), "image/png")}
    response = client.post("/api/uploads", files=photo, headers=NULL)
    assert response.status_code == 403 and "Origin: null" in response.json()["problem"]
    for path, body in (("/api/songs", {"mood": "calm"}), ("/api/creations", {"idea": "秋"})):
        assert client.post(path, json=body, headers=NULL).status_code == 403
    assert client.delete("/api/works/0123456789ab", headers=NULL).status_code == 403
    assert client.get("/api/options", headers=NULL).status_code == 200  # reading is harmless
    for odd in ("http://[", "file://", "null, null", "http://127.0.0.1:1"):
        response = client.post("/api/check", json={"text": "白"}, headers={"Origin": odd})
        assert response.status_code == 403, odd
    assert client.post("/api/uploads", files=photo).status_code == 200  # the studio's own page


@pytest.mark.parametrize("path", ["/", "/static/js/main.js", "/api/options", "/api/nothing"])
def test_every_response_forbids_framing_and_sniffing(client: httpx.Client, path: str) -> None:
    headers = client.get(path).headers
    assert headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_song_files_have_their_own_content_types(client: httpx.Client) -> None:
    job = client.post("/api/songs", json={"mood": "calm", "seed": 2, "tempo": 120}).json()
    snap = wait_job(client, job)
    assert snap["status"] == "done", snap
    files = snap["result"]["files"]  # type: ignore[index]
    want = {"wav": "audio/wav", "mid": "audio/midi", "png": "image/png",
            "musicxml": "application/vnd.recordare.musicxml+xml", "json": "application/json"}  # fmt: skip
    for fmt, url in files.items():
        response = client.get(url)
        assert response.status_code == 200
        assert response.headers["content-type"].split(";")[0] == want[fmt], fmt


def test_every_export_format_has_a_known_type() -> None:
    from inkmuse.studio.mediatypes import UNKNOWN, media_type

    for fmt in FORMATS:
        assert media_type(f"song.{fmt}") != UNKNOWN, fmt
    for name in ("index.html", "poem.txt", "provenance.json", "painting.png", "a.zip"):
        assert media_type(name) != UNKNOWN, name
