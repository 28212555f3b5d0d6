"""Paintings, songs and uploads through the API: jobs, files, seeds, and refusals."""

from __future__ import annotations

import io
from collections.abc import Iterator

import httpx
import pytest
from PIL import Image

from .conftest import wait_job
from .images import bomb_png, photo_png

pytestmark = pytest.mark.network  # a real server on a loopback port

POEM = "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。"


def _paint(client: httpx.Client, **body: object) -> dict[str, object]:
    response = client.post(
        "/api/paintings", json={"text": POEM, "width": 240, "height": 160, **body}
    )
    assert response.status_code == 202, response.text
    snap = wait_job(client, response.json())
    assert snap["status"] == "done", snap
    result = snap["result"]
    assert isinstance(result, dict)
    return result


def test_painting_is_reproducible_and_inscription_can_be_turned_off(client: httpx.Client) -> None:
    a = _paint(client, seed=5)
    b = _paint(client, seed=5)
    c = _paint(client, seed=5, inscribe=False)
    png = [client.get(str(r["url"])).content for r in (a, b, c)]
    assert png[0][:8] == b"\x89PNG\r\n\x1a\n"
    assert png[0] == png[1]
    assert png[0] != png[2]
    assert Image.open(io.BytesIO(png[0])).size == (240, 160)


def test_upload_then_paint_it_painterly(client: httpx.Client) -> None:
    up = client.post("/api/uploads", files={"file": ("p.png", photo_png(), "image/png")}).json()
    assert (up["width"], up["height"]) == (160, 120)
    result = _paint(client, style="painterly", upload=up["id"], seed=1, preset="watercolour")
    image = Image.open(io.BytesIO(client.get(str(result["url"])).content))
    assert image.size[0] <= 240 and image.size[1] <= 160


def test_uploads_are_checked_before_decoding(client: httpx.Client) -> None:
    # 9000 x 9000 is under Pillow's own bomb limit, over the studio's 50 megapixels.
    bomb = bomb_png(9000, 9000)
    assert len(bomb) < 2000
    response = client.post("/api/uploads", files={"file": ("b.png", bomb, "image/png")})
    assert response.status_code == 400 and "9000x9000" in response.json()["problem"]
    response = client.post("/api/uploads", files={"file": ("t.txt", b"just text", "text/plain")})
    assert response.status_code == 400 and "PNG, JPEG" in response.json()["accepted"]
    big = b"\x89PNG" + b"\x00" * 300_000  # the test server's limit is 200 kB
    response = client.post("/api/uploads", files={"file": ("big.png", big, "image/png")})
    assert response.status_code == 413

    def chunked() -> Iterator[bytes]:
        yield b"--x\r\nContent-Disposition: form-data; name=file; filename=a.png\r\n\r\n"
        yield b"\x00" * 1000

    response = client.post(
        "/api/uploads",
        content=chunked(),
        headers={"Content-Type": "multipart/form-data; boundary=x"},
    )
    assert response.status_code == 411


def test_song_files_are_served_and_reproducible(client: httpx.Client) -> None:
    results = []
    for _ in range(2):
        job = client.post("/api/songs", json={"poem": POEM, "seed": 4, "tempo": 90}).json()
        snap = wait_job(client, job)
        assert snap["status"] == "done", snap
        results.append(snap["result"])
    first = results[0]
    assert isinstance(first, dict) and first["tempo"] == 90
    files = first["files"]
    assert client.get(files["wav"]).content[:4] == b"RIFF"
    assert client.get(files["mid"]).content[:4] == b"MThd"
    assert b"<score-partwise" in client.get(files["musicxml"]).content
    assert client.get(files["mid"]).content == client.get(results[1]["files"]["mid"]).content


def test_art_errors_are_clear(client: httpx.Client) -> None:
    response = client.post("/api/paintings", json={"text": POEM, "preset": "cubist"})
    assert response.status_code == 400 and "impressionist" in response.json()["accepted"]
    response = client.post(
        "/api/paintings", json={"text": POEM, "upload": "upload-0000000000000000"}
    )
    assert response.status_code == 400 and "no studio item" in response.json()["problem"]
    response = client.post("/api/songs", json={})
    assert response.status_code == 400 and "poem or a mood" in response.json()["accepted"]
    response = client.post("/api/songs", json={"poem": POEM, "key": "H dorian"})
    snap = wait_job(client, response.json()) if response.status_code == 202 else response.json()
    assert "H dorian" in str(snap)  # refused, now or in the job, naming the key
    assert client.get("/api/files/song-0000000000000000/..%2Fsecret").status_code in (400, 404)
    assert client.get("/api/jobs/nope").status_code == 404
