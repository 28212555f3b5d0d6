"""Issue 14, item 8: in token mode the token is swapped once for an HttpOnly, SameSite=Strict
cookie and leaves the URL; every page's files then load (a work's index.html lost its
painting and audio); the token can come from a file or the environment instead of argv;
no page loads anything from a CDN."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from importlib.resources import files
from pathlib import Path
from urllib.parse import urljoin

import httpx
import pytest

from inkmuse.studio import StudioConfig

from .conftest import running_studio, wait_job

pytestmark = pytest.mark.network  # a real server on a loopback port

TOKEN = "k3J9-test-token-of-enough-length"


def test_the_token_is_swapped_for_a_strict_cookie_and_leaves_the_url(tmp_path: Path) -> None:
    with (
        running_studio(StudioConfig(home=tmp_path, token=TOKEN)) as url,
        httpx.Client(base_url=url) as c,
    ):
        response = c.get("/", params={"token": TOKEN, "tab": "library"})
        assert response.status_code == 303
        assert response.headers["location"] == "/?tab=library"
        cookie = response.headers["set-cookie"]
        assert TOKEN in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
        assert "Path=/" in cookie
        assert c.get("/api/options").status_code == 200  # the client kept the cookie
        assert c.post("/api/check", json={"text": "白日"}).status_code == 200

        with httpx.Client(base_url=url) as stranger:
            assert stranger.get("/api/options").status_code == 401
            assert stranger.get("/", params={"token": "wrong" * 8}).status_code == 401
            # A token in the URL is only ever exchanged, never used for a call by itself.
            response = stranger.post("/api/check", params={"token": TOKEN}, json={"text": "白"})
            assert response.status_code == 401
            headers = {"X-Inkmuse-Token": TOKEN}  # tools may still send the header
            assert stranger.get("/api/options", headers=headers).status_code == 200
            # The redirect stays on the studio, whatever the path looks like.
            response = stranger.get(f"{url}//evil.example/x", params={"token": TOKEN})
            assert response.headers["location"] == "/evil.example/x"


@pytest.mark.slow
def test_every_file_of_a_works_page_loads_in_token_mode(tmp_path: Path) -> None:
    with (
        running_studio(StudioConfig(home=tmp_path, token=TOKEN)) as url,
        httpx.Client(base_url=url, timeout=60, follow_redirects=True) as c,
    ):
        assert c.get("/", params={"token": TOKEN}).status_code == 200
        job = c.post(
            "/api/creations", json={"idea": "秋夜", "seed": 3, "width": 160, "height": 120}
        )
        snap = wait_job(c, job.json(), timeout=120)
        assert snap["status"] == "done", snap
        page_url = snap["result"]["version"]["files"]["index.html"]  # type: ignore[index]
        page = c.get(page_url)
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        linked = re.findall(r'(?:src|href)="([^"#]+)"', page.text)
        assert {"painting.png", "song.wav", "song.musicxml"} <= set(linked)
        for link in linked:
            response = c.get(urljoin(url + page_url, link))
            assert response.status_code == 200, (link, response.text[:200])
        # The gallery's export link and the footer's API link too.
        work = snap["result"]["work"]["id"]  # type: ignore[index]
        assert c.get(f"/api/works/{work}/export").status_code == 200
        assert c.get("/api/openapi.json").status_code == 200


def test_no_page_loads_from_the_internet(client: httpx.Client) -> None:
    assert client.get("/api/docs").status_code == 404  # Swagger came from a CDN
    static = Path(str(files("inkmuse.studio") / "static"))
    for path in static.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"https?://|//cdn", text), path


def _serve(args: list[str], env: dict[str, str]) -> str:
    """Run `inkmuse studio ARGS` until it answers; returns its start-up line(s)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [sys.executable, "-m", "inkmuse.cli.main", "studio", "--no-browser", "--port", str(port)]
    proc = subprocess.Popen([*cmd, *args], env=env, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/options", timeout=2)
                break
            except httpx.HTTPError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                assert time.monotonic() < deadline, "the studio did not start"
                time.sleep(0.2)
        assert response.status_code == 401  # it runs in token mode
        headers = {"X-Inkmuse-Token": TOKEN}
        assert httpx.get(f"http://127.0.0.1:{port}/api/options", headers=headers).status_code == 200
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    return err.decode()


@pytest.mark.slow
def test_the_token_comes_from_a_file_or_the_environment_and_is_never_printed(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "INKMUSE_HOME": str(tmp_path)}
    env.pop("INKMUSE_STUDIO_TOKEN", None)
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n", encoding="utf-8")
    # The file wins over a token left in the environment.
    err = _serve(["--token-file", str(token_file)], {**env, "INKMUSE_STUDIO_TOKEN": "x" * 20})
    assert "inkmuse studio on http://127.0.0.1:" in err and TOKEN not in err
    err = _serve([], {**env, "INKMUSE_STUDIO_TOKEN": TOKEN})
    assert "?token=YOUR_TOKEN" in err and TOKEN not in err


def test_a_token_file_that_cannot_be_read_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from inkmuse.cli.main import main

    with pytest.raises(SystemExit) as exit_info:
        main(["studio", "--no-browser", "--token-file", str(tmp_path / "missing")])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "token file" in err and "Traceback" not in err
