"""A library saved by an older inkmuse (schema m001-m002: no records in the folders, no
hashes) gets its version.json and hashes on the first open, so that from then on the
folders alone rebuild everything, action and parent included."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from inkmuse.library import Library
from inkmuse.library.migrations import MIGRATIONS


def _old_library(root: Path) -> None:
    db = sqlite3.connect(root / "library.db", isolation_level=None)
    db.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    for name, fn in MIGRATIONS[:2]:
        fn(db)
        db.execute("INSERT INTO _migrations VALUES (?, 'then')", (name,))
    db.execute("INSERT INTO works VALUES ('0123456789ab', '秋夜', '秋夜 思乡', '2026-01-01')")
    for number, parent, action in ((1, None, "create"), (2, 1, "edit")):
        folder = root / "works" / "0123456789ab" / f"v{number}"
        folder.mkdir(parents=True)
        (folder / "poem.txt").write_text(f"第{number}版\n", encoding="utf-8")
        db.execute(
            "INSERT INTO versions VALUES ('0123456789ab', ?, ?, ?, ?, '{}', '{}',"
            " '{\"poem line 1\": \"person\"}', '{}', '[\"poem.txt\"]', '2026-01-02')",
            (number, parent, action, f"第{number}版"),
        )
    db.close()


def test_the_first_open_writes_records_and_hashes_then_a_rebuild_loses_nothing(
    tmp_path: Path,
) -> None:
    _old_library(tmp_path)
    with Library.open(tmp_path) as lib:
        before = [v.__dict__ for v in lib.versions("0123456789ab")]
        assert lib.integrity_problems() == []
    record = json.loads((tmp_path / "works/0123456789ab/v2/version.json").read_text())
    assert record["action"] == "edit" and record["parent"] == 1
    assert before[1]["hashes"]["poem.txt"] == record["hashes"]["poem.txt"]

    (tmp_path / "library.db").unlink()
    for extra in ("library.db-wal", "library.db-shm"):
        (tmp_path / extra).unlink(missing_ok=True)
    with Library.open(tmp_path) as lib:
        assert [v.__dict__ for v in lib.versions("0123456789ab")] == before
        assert lib.work("0123456789ab").title == "秋夜"
