"""Issue 14, item 7: a full disk, a read-only home and a damaged database gave 31-34-line
tracebacks, and a read-only library could not even be listed. Now each is one message that
says what to do, exit code 2; a read-only library is listed, checked and exported."""

from __future__ import annotations

import errno
import json
import sqlite3
from pathlib import Path

import pytest

from inkmuse.core.errors import StorageError
from inkmuse.library import Library
from inkmuse.library.faults import describe
from inkmuse_cli import run_inkmuse

from .helpers import needs_mount, on_small_disk

SAVE_ONE = Path(__file__).with_name("save_one.py")


def _no_traceback(done: object) -> None:
    assert "Traceback" not in getattr(done, "stderr", "") + getattr(done, "stdout", "")


def test_a_damaged_database_is_one_message_pointing_to_rebuild(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "library").mkdir(parents=True)
    (home / "library" / "library.db").write_bytes(b"\x00garbage, not SQLite\x00" * 500)
    done = run_inkmuse("library", "list", env={"INKMUSE_HOME": str(home)})
    _no_traceback(done)
    assert done.returncode == 2, done
    assert "library database" in done.stderr and "is damaged" in done.stderr
    assert "inkmuse library rebuild" in done.stderr and "no saved work is lost" in done.stderr

    rebuilt = run_inkmuse("library", "rebuild", env={"INKMUSE_HOME": str(home)})
    assert rebuilt.returncode == 0, rebuilt
    assert "the previous database is kept as" in rebuilt.stdout
    assert run_inkmuse("library", "list", env={"INKMUSE_HOME": str(home)}).returncode == 0


@needs_mount
def test_a_full_disk_is_one_message_with_exit_2_and_the_library_still_lists(
    tmp_path: Path,
) -> None:
    disk = tmp_path / "disk"
    home = disk / "home"
    cli = ["env", f"INKMUSE_HOME={home}", "PY", "-m", "inkmuse.cli.main", "library"]
    save = ["PY", str(SAVE_ONE), str(home / "library"), str(tmp_path / "out"), "1000"]
    first, fill, listed, deleted, second, _, _, relisted = on_small_disk(
        disk,
        [
            save,
            ["dd", "if=/dev/zero", f"of={disk}/filler", "bs=64k"],  # until the disk is full
            [*cli, "list", "--json"],
            [*cli, "delete", "WORK", "--yes"],
            save,
            # The database lost as well: the index comes from the folder, on a full disk.
            ["sh", "-c", f"rm -f {home}/library/library.db*"],
            ["dd", "if=/dev/zero", f"of={disk}/filler2", "bs=4k"],
            [*cli, "list", "--json"],
        ],
        size_kb=1024,
        substitute={"WORK": "$(cut -d' ' -f2 " + str(disk) + "-results/0.out)"},
    )
    assert first.stdout.startswith("saved "), first
    assert fill.returncode != 0 and "No space left" in fill.stderr  # the disk really is full
    for done in (listed, deleted):
        _no_traceback(done)
    assert listed.returncode == 0, listed
    assert [w["id"] for w in json.loads(listed.stdout)] == [first.stdout.split()[1]]
    assert deleted.returncode == 2, deleted
    assert "is full" in deleted.stderr and "free some space" in deleted.stderr
    assert second.stdout.startswith("failed: the disk holding") and "is full" in second.stdout
    _no_traceback(relisted)
    assert relisted.returncode == 0, relisted
    assert [w["id"] for w in json.loads(relisted.stdout)] == [first.stdout.split()[1]]


@needs_mount
@pytest.mark.parametrize("database", ["kept", "lost"])
def test_a_read_only_library_can_be_listed_checked_and_exported_not_changed(
    tmp_path: Path, database: str
) -> None:
    disk = tmp_path / "disk"
    home = disk / "home"
    cli = ["env", f"INKMUSE_HOME={home}", "PY", "-m", "inkmuse.cli.main", "library"]
    zip_path = tmp_path / "out.zip"
    # "lost": the database is gone too, so even the index has to come from the folders.
    lose = ["sh", "-c", f"rm -f {home}/library/library.db*" if database == "lost" else "true"]
    saved, _, listed, checked, deleted, exported = on_small_disk(
        disk,
        [
            ["PY", str(SAVE_ONE), str(home / "library"), str(tmp_path / "out"), "5000"],
            lose,
            [*cli, "list", "--json"],
            [*cli, "check"],
            [*cli, "delete", "WORK", "--yes"],
            [*cli, "export", "WORK", "--out", str(zip_path)],
        ],
        size_kb=4096,
        read_only_after=1,
        substitute={"WORK": "$(cut -d' ' -f2 " + str(disk) + "-results/0.out)"},
    )
    assert saved.stdout.startswith("saved "), saved
    work_id = saved.stdout.split()[1]
    for done in (listed, checked, deleted, exported):
        _no_traceback(done)
    assert listed.returncode == 0, listed
    assert [w["id"] for w in json.loads(listed.stdout)] == [work_id]
    assert checked.returncode == 0 and "library ok" in checked.stdout
    assert "(read-only)" in checked.stderr
    assert deleted.returncode == 2, deleted
    assert "is read-only: it can be listed and exported, not changed" in deleted.stderr
    assert "INKMUSE_HOME" in deleted.stderr
    assert exported.returncode == 0 and zip_path.stat().st_size > 5000


@needs_mount
@pytest.mark.slow
def test_create_on_a_full_library_disk_says_so_and_saves_nothing(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    home = disk / "home"
    cli = ["env", f"INKMUSE_HOME={home}", "PY", "-m", "inkmuse.cli.main"]
    _, _, created, listed = on_small_disk(
        disk,
        [
            [*cli, "library", "list"],  # a library with its database, before the disk fills
            ["dd", "if=/dev/zero", f"of={disk}/filler", "bs=64k"],
            [*cli, "create", "秋夜", "--seed", "1", "--out", str(tmp_path / "c")],
            [*cli, "library", "list", "--json"],
        ],
        size_kb=1024,
    )
    _no_traceback(created)
    assert created.returncode == 2, created
    assert "is full" in created.stderr and "nothing was saved" in created.stderr
    assert (tmp_path / "c" / "painting.png").is_file()  # the creation itself is kept
    assert listed.returncode == 0 and json.loads(listed.stdout) == []


@pytest.mark.parametrize(
    ("err", "says"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "is full; nothing was saved"),
        (OSError(errno.EDQUOT, "Disk quota exceeded"), "is full"),
        (OSError(errno.EROFS, "Read-only file system"), "is read-only or not yours"),
        (OSError(errno.EACCES, "Permission denied"), "is read-only or not yours"),
        (sqlite3.OperationalError("database or disk is full"), "is full"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "read-only"),
        (sqlite3.DatabaseError("file is not a database"), "is damaged"),
        (sqlite3.DatabaseError("database disk image is malformed"), "is damaged"),
        (sqlite3.OperationalError("database is locked"), "stayed locked"),
        (OSError(errno.EIO, "Input/output error"), "(Input/output error)"),
    ],
)
def test_each_storage_fault_has_its_own_message(err: Exception, says: str) -> None:
    message = str(describe(err, Path("/lib")))
    assert says in message
    assert ". " in message  # and what to do about it


def test_a_damaged_database_raises_storage_error_in_the_library(tmp_path: Path) -> None:
    (tmp_path / "library.db").write_bytes(b"not a database" * 200)
    with pytest.raises(StorageError, match="damaged"):
        Library.open(tmp_path)
    assert (tmp_path / "library.db").read_bytes().startswith(b"not a database")  # untouched
