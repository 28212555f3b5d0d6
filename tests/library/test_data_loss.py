"""Issue 14, item 1 (critical): with library.db missing, emptied or older than the folders,
a read deleted every version folder without a row. Now the files are the truth: a read
deletes nothing and the index is filled in from each folder's own record."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from inkmuse.library import Library

from .helpers import save_new, tree


def _library_of_three(tmp_path: Path) -> tuple[Path, dict[str, bytes], set[str]]:
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        ids = {
            save_new(lib, tmp_path, poem).work_id for poem in ("月落乌啼", "江枫渔火", "夜半钟声")
        }
    return root, tree(root), ids


def _lose_database(root: Path, how: str, older: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{root / 'library.db'}{suffix}").unlink(missing_ok=True)
    if how == "emptied":
        (root / "library.db").write_bytes(b"")
    elif how == "older":
        shutil.copy(older, root / "library.db")


@pytest.mark.parametrize("how", ["missing", "emptied", "older"])
def test_a_read_with_a_lost_database_deletes_nothing_and_lists_every_work(
    tmp_path: Path, how: str
) -> None:
    root = tmp_path / "lib"
    with Library.open(root):  # an empty library: its database is the "older backup"
        pass
    backup = tmp_path / "backup.db"
    shutil.copy(root / "library.db", backup)
    root, files_before, ids = _library_of_three(tmp_path)
    _lose_database(root, how, backup)

    with Library.open(root) as lib:
        listed = {w.id for w in lib.list_works()}
        assert lib.integrity_problems() == []
    assert tree(root) == files_before  # every byte of every version is still there
    assert listed == ids


def test_rebuild_restores_the_index_from_the_folders(tmp_path: Path) -> None:
    from inkmuse.library.health import rebuild

    root, files_before, ids = _library_of_three(tmp_path)
    with Library.open(root) as lib:
        before = {w.id: [v.__dict__ for v in lib.versions(w.id)] for w in lib.list_works()}
    (root / "library.db").write_bytes(b"this is not a database" * 100)  # damaged

    kept, lib = rebuild(root)
    with lib:
        after = {w.id: [v.__dict__ for v in lib.versions(w.id)] for w in lib.list_works()}
    assert kept is not None and kept.read_bytes().startswith(b"this is not")  # kept, not deleted
    assert after == before  # every field of every version, from version.json alone
    assert tree(root) == files_before and set(after) == ids


def test_folders_saved_before_records_are_rebuilt_from_provenance(tmp_path: Path) -> None:
    root, _, ids = _library_of_three(tmp_path)
    for record in (root / "works").glob("*/v*/version.json"):
        record.unlink()  # as an older inkmuse saved them: provenance.json, no version.json
    (root / "library.db").unlink()
    with Library.open(root) as lib:
        works = lib.list_works()
        assert {w.id for w in works} == ids
        assert {w.title for w in works} == {"秋夜 思乡"}
        assert sorted(lib.version(w.id).poem for w in works) == sorted(
            ["月落乌啼", "江枫渔火", "夜半钟声"]
        )
        assert lib.integrity_problems() == []


def test_a_save_never_overwrites_a_folder_the_index_lacks(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        first = save_new(lib, tmp_path, "一")
    stray = root / "works" / first.work_id / "v2"
    stray.mkdir()
    (stray / "mine.txt").write_text("a person's file, not a version")
    with Library.open(root) as lib:
        from inkmuse.create.remix import save_creation

        from .helpers import creation

        v = save_creation(lib, first.work_id, creation(tmp_path / "two", "二"), action="remix")
    assert v.number == 3
    assert (stray / "mine.txt").read_text() == "a person's file, not a version"
