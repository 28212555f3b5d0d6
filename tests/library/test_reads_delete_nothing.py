"""A read never deletes anything, not even what a killed process left; the next save
removes a killed save's scratch, and a killed delete is put back whole."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from inkmuse.library import Library
from inkmuse.library.health import check
from inkmuse_cli import run_inkmuse

from .helpers import save_new


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _everything(root: Path) -> set[str]:
    return {
        str(p.relative_to(root))
        for p in root.rglob("*")
        if not p.name.startswith("library.db")  # the index itself may be written
    }


def test_list_show_check_and_export_leave_every_file_in_place(tmp_path: Path) -> None:
    with Library.open() as lib:
        work_id = save_new(lib, tmp_path, "一").work_id
        root = lib.root
    scratch = root / "tmp" / f"{_dead_pid()}-save-{'0' * 32}"
    (scratch / "v").mkdir(parents=True)
    (scratch / "v" / "painting.png").write_bytes(b"half a save")
    before = _everything(root)
    for args in (
        ("list",),
        ("show", work_id),
        ("check",),
        ("export", work_id, "--out", str(tmp_path / "w.zip")),
    ):
        done = run_inkmuse("library", *args)
        assert done.returncode == 0, done
    assert _everything(root) == before
    assert "note: interrupted save: tmp/" in run_inkmuse("library", "check").stdout

    with Library.open() as lib:
        save_new(lib, tmp_path, "二")  # a save, a write, clears the dead process's scratch
    assert not scratch.exists()


def test_a_delete_killed_before_its_commit_is_put_back(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        version = save_new(lib, tmp_path, "一")
    files = sorted(p.name for p in version.folder.iterdir())
    # What `delete` leaves when killed between moving the folder and committing.
    moved = root / "tmp" / f"{_dead_pid()}-del-{version.work_id}-{'0' * 32}"
    (root / "works" / version.work_id).rename(moved)
    with Library.open(root) as lib:
        assert sorted(p.name for p in lib.version(version.work_id).folder.iterdir()) == files
        assert check(lib).ok
    assert not moved.exists()
