"""Who may call the studio: loopback pages only, or anyone with the token."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from inkmuse.cli.main import main
from inkmuse.core.errors import InputError
from inkmuse.studio import StudioConfig

from .conftest import running_studio

pytestmark = pytest.mark.network  # a real server on a loopback port

TOKEN = "k3J9-test-token-of-enough-length"


def test_other_hosts_and_origins_are_refused(client: httpx.Client) -> None:
    # DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends its own Host.
    response = client.get("/api/options", headers={"Host": "evil.example:8765"})
    assert response.status_code == 403 and "evil.example" in response.json()["problem"]
    response = client.post(
        "/api/check", json={"text": "白日"}, headers={"Origin": "http://evil.example"}
    )
    assert response.status_code == 403
    own = client.base_url
    response = client.post(
        "/api/check",
        json={"text": "白日"},
        headers={"Origin": f"{own.scheme}://{own.netloc.decode()}"},
    )
    assert response.status_code == 200


def test_a_token_is_required_on_every_api_call(tmp_path: Path) -> None:
    with (
        running_studio(StudioConfig(home=tmp_path, token=TOKEN)) as url,
        httpx.Client(base_url=url) as c,
    ):
        assert c.get("/api/options").status_code == 401
        assert c.get("/api/options", headers={"X-Inkmuse-Token": "wrong" * 8}).status_code == 401
        assert c.get("/api/options", headers={"X-Inkmuse-Token": TOKEN}).status_code == 200
        assert c.get("/").status_code == 200  # the page itself; the API is what needs the token


def test_listening_beyond_loopback_needs_a_long_token() -> None:
    with pytest.raises(InputError, match="--token"):
        StudioConfig(host="0.0.0.0").validated()
    with pytest.raises(InputError, match="at least 16"):
        StudioConfig(host="0.0.0.0", token="short").validated()
    with pytest.raises(InputError, match="not an IP address"):
        StudioConfig(host="my laptop", token=TOKEN).validated()
    assert StudioConfig(host="0.0.0.0", token=TOKEN).validated().token == TOKEN


def test_cli_refuses_an_open_address_without_a_token(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["studio", "--host", "0.0.0.0", "--no-browser"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "error: listening on 0.0.0.0" in err and "Traceback" not in err


def test_openapi_lists_every_route(client: httpx.Client) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/check", "/api/suggest", "/api/poems", "/api/paintings", "/api/songs",
                 "/api/creations", "/api/jobs/{job_id}/events", "/api/works", "/api/backends",
                 "/api/uploads", "/api/works/{work_id}/compare"):  # fmt: skip
        assert path in paths, path


def test_the_cli_serves_the_studio(tmp_path: Path) -> None:
    import os
    import socket
    import subprocess
    import sys
    import time

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "INKMUSE_HOME": str(tmp_path)}
    cmd = [sys.executable, "-m", "inkmuse.cli.main", "studio", "--no-browser", "--port", str(port)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except httpx.HTTPError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                assert time.monotonic() < deadline, "the studio did not start"
                time.sleep(0.2)
        assert response.status_code == 200 and "inkmuse studio" in response.text
        assert httpx.get(f"http://127.0.0.1:{port}/static/js/main.js").status_code == 200
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert f"inkmuse studio on http://127.0.0.1:{port}/" in err.decode()
