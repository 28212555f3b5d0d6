"""A real studio server on a free loopback port, started in a thread and always stopped."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

pytest.importorskip("fastapi", reason="the studio extra is not installed")
import uvicorn

from inkmuse.studio import StudioConfig, create_app


@contextmanager
def running_studio(config: StudioConfig) -> Iterator[str]:
    """Serve the studio until the block ends; yields its base URL."""
    server = uvicorn.Server(
        uvicorn.Config(create_app(config), host=config.host, port=0, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the studio did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.fixture(scope="module")
def studio_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("studio-home")


@pytest.fixture(scope="module")
def base_url(studio_home: Path) -> Iterator[str]:
    with running_studio(StudioConfig(home=studio_home, max_upload_bytes=200_000)) as url:
        yield url


@pytest.fixture()
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=60) as c:
        yield c


def wait_job(
    client: httpx.Client, job: dict[str, object], timeout: float = 60
) -> dict[str, object]:
    """Poll a job until it finishes; returns its final state."""
    deadline = time.monotonic() + timeout
    while True:
        snap: dict[str, object] = client.get(f"/api/jobs/{job['id']}").json()
        if snap["status"] in ("done", "failed") or time.monotonic() > deadline:
            return snap
        time.sleep(0.05)
