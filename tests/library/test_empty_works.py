"""Issue 14, item 2: the work row was committed before its files, so a failed or killed
save left a work with no version (listed, imageless, and `library check` said ok). Now a
work and its first version are saved in one transaction."""

from __future__ import annotations

import errno
import json
import sqlite3
from pathlib import Path

import pytest

from inkmuse.core.errors import StorageError
from inkmuse.create.remix import save_creation
from inkmuse.library import Library, WorkNotFound
from inkmuse.library.health import check, repair

from .helpers import creation, needs_mount, on_small_disk, save_new

SAVE_ONE = Path(__file__).with_name("save_one.py")


def test_a_save_that_fails_midway_leaves_no_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_read = Path.read_bytes

    def failing_read(path: Path) -> bytes:
        if path.name == "painting.png":
            raise OSError(errno.EIO, "Input/output error", str(path))
        return real_read(path)

    with Library.open(tmp_path / "lib") as lib:
        made = creation(tmp_path / "out", "月落乌啼")
        monkeypatch.setattr(Path, "read_bytes", failing_read)
        with pytest.raises(StorageError, match="could not be read or written"):
            save_creation(lib, None, made)
        monkeypatch.undo()
        assert lib.list_works() == []
        assert check(lib).problems == []
        assert not any((tmp_path / "lib" / "works").iterdir())
        assert not any((tmp_path / "lib" / "tmp").iterdir())  # its own staging is gone


@needs_mount
def test_a_full_disk_leaves_no_empty_work(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    home = disk / "home"
    cli = ["env", f"INKMUSE_HOME={home}", "PY", "-m", "inkmuse.cli.main", "library"]
    saved, listed, checked = on_small_disk(
        disk,
        [
            ["PY", str(SAVE_ONE), str(home / "library"), str(tmp_path / "out"), "3000000"],
            [*cli, "list", "--json"],
            [*cli, "check"],
        ],
        size_kb=1024,
    )
    assert saved.stdout.startswith("failed: the disk holding"), saved
    assert "is full; nothing was saved" in saved.stdout
    assert json.loads(listed.stdout) == [], listed
    assert checked.returncode == 0 and "library ok" in checked.stdout, checked


def test_empty_works_an_older_inkmuse_left_are_hidden_reported_and_repaired(
    tmp_path: Path,
) -> None:
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        kept = save_new(lib, tmp_path, "一").work_id
    db = sqlite3.connect(root / "library.db")
    with db:
        db.execute(
            "INSERT INTO works (id, title, idea, created_at) VALUES"
            " ('00000000000e', 'killed', 'killed', '2026-01-01')"
        )
    db.close()
    with Library.open(root) as lib:
        assert [w.id for w in lib.list_works()] == [kept]
        with pytest.raises(WorkNotFound, match="no saved version"):
            lib.work("00000000000e")
        assert [str(p) for p in check(lib).problems] == [
            "empty work: works/00000000000e (a work with no saved version)"
        ]
        done = repair(lib)
        assert done.dropped == ["00000000000e"] and done.health.ok
        assert [w.id for w in lib.list_works()] == [kept]
