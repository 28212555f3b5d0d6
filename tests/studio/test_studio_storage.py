"""Issue 14, item 7: a full disk, a read-only home and a damaged library database are
problem JSON that says what to do, never "internal error: OSError" or a plain-text 500."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from inkmuse.studio import StudioConfig
from inkmuse.studio.workspace import Workspace

from .conftest import running_studio, wait_job
from .images import photo_png

pytestmark = pytest.mark.network  # a real server on a loopback port


@pytest.fixture()
def studio(tmp_path: Path) -> Iterator[httpx.Client]:
    with (
        running_studio(StudioConfig(home=tmp_path)) as url,
        httpx.Client(base_url=url, timeout=60) as c,
    ):
        yield c


def _is_problem(response: httpx.Response) -> dict[str, object]:
    assert response.headers["content-type"].startswith("application/json"), response.text[:200]
    body: dict[str, object] = response.json()
    assert body["problem"] and "internal error" not in str(body["problem"]), body
    assert "Traceback" not in response.text
    return body


def test_a_full_disk_is_said_plainly(studio: httpx.Client, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(self: Workspace, kind: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Workspace, "new_folder", full)
    response = studio.post("/api/uploads", files={"file": ("p.png", photo_png(), "image/png")})
    assert response.status_code == 507
    assert _is_problem(response)["type"] == "DiskFull"
    job = studio.post("/api/songs", json={"mood": "calm", "seed": 1}).json()
    snap = wait_job(studio, job)  # the job fails off the request: its error says the same
    assert snap["status"] == "failed"
    assert snap["error"]["type"] == "DiskFull" and "disk is full" in snap["error"]["problem"]  # type: ignore[index]


def test_a_read_only_home_is_said_plainly(
    studio: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inkmuse.studio import state

    def read_only(root: Path | None = None) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(root))

    monkeypatch.setattr(state.Library, "open", read_only)
    response = studio.get("/api/works")
    assert response.status_code == 503
    body = _is_problem(response)
    assert body["type"] == "StorageReadOnly" and "INKMUSE_HOME" in str(body["hint"])


def test_a_home_that_is_not_a_folder_is_said_plainly(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.write_text("not a folder", encoding="utf-8")
    with running_studio(StudioConfig(home=home)) as url:
        response = httpx.get(f"{url}/api/works")
    assert response.status_code == 503
    _is_problem(response)


def test_a_damaged_database_is_said_plainly(tmp_path: Path) -> None:
    (tmp_path / "library").mkdir()
    (tmp_path / "library" / "library.db").write_bytes(b"this is not SQLite " * 500)
    with running_studio(StudioConfig(home=tmp_path)) as url:
        response = httpx.get(f"{url}/api/works")
    # The library may rebuild its index from the saved folders (an empty list) or refuse;
    # either way the answer is JSON, and a refusal names the problem and what to run.
    assert response.status_code in (200, 503), response.text[:200]
    if response.status_code == 503:
        assert "library" in str(_is_problem(response)["hint"])
