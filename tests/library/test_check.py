"""`inkmuse library check` names orphans, empty works, missing files and files whose bytes
differ from the hash saved with them; `--repair` moves orphans into a quarantine folder
and says where, deleting nothing."""

from __future__ import annotations

import re
from pathlib import Path

from inkmuse.library import Library
from inkmuse_cli import run_inkmuse

from .helpers import save_new


def test_check_names_each_problem_and_repair_quarantines_orphans(tmp_path: Path) -> None:
    with Library.open() as lib:
        changed = save_new(lib, tmp_path, "一")
        missing = save_new(lib, tmp_path, "二")
        root = lib.root
    (changed.folder / "painting.png").write_bytes(b"edited behind the library's back")
    (missing.folder / "poem.txt").unlink()
    orphan = root / "works" / changed.work_id / "v7"
    orphan.mkdir()
    (orphan / "notes.txt").write_text("no record: nobody can say what this is")
    (root / "works" / "stray.txt").write_text("not a work")

    done = run_inkmuse("library", "check")
    assert done.returncode == 1, done
    lines = set(done.stdout.splitlines())
    assert f"  changed: works/{changed.work_id}/v1/painting.png (its bytes differ" in "\n".join(
        lines
    )
    assert f"  missing: works/{missing.work_id}/v1/poem.txt (listed in the index, not on disk)" in (
        lines
    )
    assert (
        f"  orphan: works/{changed.work_id}/v7 (no usable version.json or provenance.json)" in lines
    )
    assert "  orphan: works/stray.txt (not a work folder)" in lines
    assert orphan.is_dir()  # a check only reads

    repaired = run_inkmuse("library", "check", "--repair")
    moved = re.search(r"moved 2 orphan\(s\) into (\S+)", repaired.stdout)
    assert moved, repaired.stdout
    quarantine = Path(moved.group(1))
    assert (
        (quarantine / "works" / changed.work_id / "v7" / "notes.txt")
        .read_text()
        .startswith("no record")
    )
    assert (quarantine / "works" / "stray.txt").is_file()
    assert "orphan" not in repaired.stdout.split("into")[1]  # none left
    assert repaired.returncode == 1  # a changed or missing file cannot be repaired
    assert "restore it from a backup" in repaired.stdout


def test_a_version_whose_folder_is_gone_is_reported_then_dropped_from_the_index(
    tmp_path: Path,
) -> None:
    import shutil

    with Library.open() as lib:
        first = save_new(lib, tmp_path, "一")
        kept = save_new(lib, tmp_path, "二")
    shutil.rmtree(first.folder.parent)  # deleted by hand, behind the library's back
    done = run_inkmuse("library", "check")
    assert done.returncode == 1
    assert f"  gone: works/{first.work_id}/v1 (indexed, but the whole version folder" in (
        done.stdout
    )
    repaired = run_inkmuse("library", "check", "--repair")
    assert repaired.returncode == 0, repaired
    assert f"index: works/{first.work_id}/v1" in repaired.stdout
    assert f"dropped 1 empty work(s): {first.work_id}" in repaired.stdout
    with Library.open() as lib:
        assert [w.id for w in lib.list_works()] == [kept.work_id]
