"""Issue 14, item 9: a studio killed with kill -9 leaves its workspace behind, and the next
one clears it at start-up; a refused export leaves no empty folder."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import httpx
import pytest

from inkmuse.studio import StudioConfig, create_app

from .conftest import running_studio

KILLED = """
import os, sys
from pathlib import Path
from inkmuse.studio.workspace import Workspace
ws = Workspace(Path(sys.argv[1]))
(ws.root / "painting-0123456789abcdef").mkdir()
print(ws.root, flush=True)
os.kill(os.getpid(), 9)
"""


def _killed_workspace(parent: Path) -> Path:
    proc = subprocess.run(
        [sys.executable, "-c", KILLED, str(parent)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == -9, proc.stderr
    folder = Path(proc.stdout.strip())
    assert folder.is_dir()  # what kill -9 leaves: nothing ran at exit
    return folder


def test_a_killed_studios_workspace_is_cleared_at_start_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # the studio's temporary folder
    dead = _killed_workspace(tmp_path)
    with running_studio(StudioConfig(home=tmp_path / "home")):
        assert not dead.exists()
        live = [p for p in tmp_path.glob("inkmuse-studio-*") if p.is_dir()]
        assert len(live) == 1  # its own
        second = create_app(StudioConfig(home=tmp_path / "home"))  # another studio starting
        second.state.studio.close()
        assert all(p.is_dir() for p in live)  # it did not touch a running studio's files


def test_a_refused_export_leaves_no_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with running_studio(StudioConfig(home=tmp_path / "home")) as url:
        for query in ("", "?version=7"):
            response = httpx.get(f"{url}/api/works/0123456789ab/export{query}")
            assert response.status_code == 404
        left = [p for p in tmp_path.rglob("*export*")]
    assert left == []
