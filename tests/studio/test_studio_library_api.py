"""Create from an idea with progress events, then the library: versions, compare, export,
delete."""

from __future__ import annotations

import io
import json
import zipfile

import httpx
import pytest

from inkmuse.library import Library

from .conftest import wait_job

pytestmark = pytest.mark.network  # a real server on a loopback port
STAGES = ["theme", "poem", "painting", "song", "page", "saved"]  # progress.js shows these
PARTS = ("theme", "poem", "painting", "song", "page")  # timed by create's progress


def _events(client: httpx.Client, job_id: str) -> list[dict[str, object]]:
    snaps = []
    with client.stream("GET", f"/api/jobs/{job_id}/events") as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        for line in response.iter_lines():
            if line.startswith("data: "):
                snaps.append(json.loads(line[6:]))
    return snaps


def test_create_streams_progress_then_everything_is_in_the_library(
    client: httpx.Client, studio_home: object
) -> None:
    job = client.post(
        "/api/creations", json={"idea": "秋夜 思乡", "seed": 7, "width": 320, "height": 200}
    ).json()
    snaps = _events(client, job["id"])
    final = snaps[-1]
    assert final["status"] == "done", final
    steps = [e["step"] for e in final["events"]]
    assert steps == [*STAGES, "done"]
    assert len(snaps) >= 2  # progress arrived before the end, not only the final state
    version = final["result"]["version"]
    work_id = version["work"]
    assert {"painting.png", "song.wav", "poem.txt"} <= set(version["files"])
    poem_file = client.get(version["files"]["poem.txt"]).text.strip()
    assert poem_file == version["poem"]

    listed = client.get("/api/works").json()
    assert work_id in [w["id"] for w in listed]
    assert client.get("/api/works", params={"search": "思乡"}).json()[0]["id"] == work_id

    # An edited poem becomes version 2; compare shows which line changed.
    first_line = version["poem"].split("，")[0]
    edited = version["poem"].replace(first_line, "月落乌啼霜满天", 1)  # a 七绝 line of the person's
    assert edited != version["poem"]
    job = client.post(f"/api/works/{work_id}/remix", json={"poem": edited, "seed": 8}).json()
    snap = wait_job(client, job)
    assert snap["status"] == "done", snap
    assert snap["result"]["version"]["number"] == 2
    # A remix reports a creation's stages, each with its seconds, so the page ticks them.
    assert [e["step"] for e in snap["events"]] == [*STAGES, "done"]
    assert all(isinstance(e["seconds"], float) for e in snap["events"] if e["step"] in PARTS)
    assert not any(e.get("kept") for e in snap["events"])  # an edited poem is not a kept one
    cmp = client.get(f"/api/works/{work_id}/compare", params={"a": 1, "b": 2}).json()
    assert cmp["lines"][0]["same"] is False
    assert all(row["same"] for row in cmp["lines"][1:])
    assert "painting" in cmp["changed"] and "poem" in cmp["changed"]

    # Keeping the poem: the same stages, the poem's marked kept and nothing else.
    job = client.post(f"/api/works/{work_id}/remix", json={"keep": ["poem"], "seed": 9}).json()
    snap = wait_job(client, job)
    assert snap["status"] == "done", snap
    assert [e["step"] for e in snap["events"]] == [*STAGES, "done"]
    assert [e["step"] for e in snap["events"] if e.get("kept")] == ["poem"]

    zipped = client.get(f"/api/works/{work_id}/export", params={"version": 1})
    assert zipped.headers["content-type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(zipped.content)).namelist()
    assert "version.json" in names and "painting.png" in names

    assert client.delete(f"/api/works/{work_id}").json() == {"deleted": work_id}
    assert client.get(f"/api/works/{work_id}").status_code == 404


def test_library_refusals(client: httpx.Client) -> None:
    assert client.get("/api/works/000000000000").status_code == 404
    assert client.get("/api/works/../etc").status_code in (400, 404)
    response = client.post("/api/creations", json={"idea": "   "})
    assert response.status_code == 400 and "empty" in response.json()["problem"]
    response = client.post("/api/works/000000000000/remix", json={"keep": ["poem"]})
    assert response.status_code == 404


def test_library_is_the_users(studio_home: object) -> None:
    from pathlib import Path

    assert isinstance(studio_home, Path)
    with Library.open(studio_home / "library") as lib:
        assert lib.integrity_problems() == []
