"""`library check`, `check --repair` and `rebuild`: compare the index with the files.

Problems: the database fails SQLite's integrity check; a work has no version; a file is
missing or its bytes differ from the hash recorded when it was saved; an indexed version's
whole folder is gone; something under works/ is not an indexed version (an orphan).
Repair moves orphans into quarantine/<time>/ (it deletes no file) and drops from the index
the versions whose folder is gone and the works left with no version.

>>> str(Finding("orphan", "works/0123456789ab/v3", "no version.json or provenance.json"))
'orphan: works/0123456789ab/v3 (no version.json or provenance.json)'
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from inkmuse.library import index
from inkmuse.library.faults import storage_errors
from inkmuse.library.records import file_hash, read_record
from inkmuse.library.scratch import stale
from inkmuse.library.store import Library

GONE = "indexed, but the whole version folder is gone; --repair drops it from the index"


@dataclass(frozen=True)
class Finding:
    kind: str  # orphan, empty work, missing, changed, gone, database, interrupted save
    where: str  # relative to the library folder
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.where} ({self.detail})"


@dataclass(frozen=True)
class Health:
    problems: list[Finding]
    # Not problems: scratch folders of killed saves, never part of the library; the next
    # save removes them.
    notes: list[Finding] = field(default_factory=list)
    versions: int = 0
    files: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class Repair:
    moved: list[str]  # what went into the quarantine, relative to the library folder
    quarantine: Path | None
    forgotten: list[str]  # versions whose folder was gone, removed from the index
    dropped: list[str]  # ids of works left with no version, removed from the index
    health: Health


def check(lib: Library) -> Health:
    """Everything wrong with the library, reading every file once to compare its hash."""
    lib.reconcile()  # a save that finished since the library was opened is not an orphan
    with storage_errors(lib.root):
        problems = [
            Finding("database", "library.db", row[0])
            for row in lib.db.execute("PRAGMA integrity_check")
            if row[0] != "ok"
        ]
        problems += [
            Finding("empty work", f"works/{wid}", "a work with no saved version")
            for (wid,) in lib.db.execute(
                "SELECT id FROM works WHERE id NOT IN (SELECT work_id FROM versions)"
            )
        ]
        versions = files = 0
        rows = lib.db.execute("SELECT work_id, number, files_json, hashes_json FROM versions")
        for work_id, number, names_json, hashes_json in rows.fetchall():
            versions += 1
            if not (lib.root / "works" / work_id / f"v{number}").is_dir():
                problems.append(Finding("gone", f"works/{work_id}/v{number}", GONE))
                continue
            hashes = json.loads(hashes_json)
            for name in json.loads(names_json):
                files += 1
                problems += _file_problem(lib.root, work_id, number, name, hashes.get(name))
        problems += [Finding("orphan", _rel(lib.root, p), why) for p, why in orphans(lib)]
        notes = [
            Finding("interrupted save", _rel(lib.root, p), "scratch of a killed process")
            for p in stale(lib.root)
        ]
    return Health(problems, notes, versions, files)


def orphans(lib: Library) -> list[tuple[Path, str]]:
    """What lies under works/ that the index does not hold, with why it cannot be indexed."""
    works = lib.root / "works"
    if not works.is_dir():
        return []
    known = index.indexed(lib.db)
    found = []
    for work_dir in sorted(works.iterdir()):
        if not (index.WORK_ID.match(work_dir.name) and work_dir.is_dir()):
            found.append((work_dir, "not a work folder"))
            continue
        entries = sorted(work_dir.iterdir())
        if not entries:
            found.append((work_dir, "an empty work folder"))
        for entry in entries:
            number = entry.name[1:]
            if not (entry.is_dir() and index.VERSION_DIR.match(entry.name)):
                found.append((entry, "not a version folder"))
            elif (work_dir.name, int(number)) in known:
                continue
            elif read_record(entry, work_dir.name, int(number)) is None:
                found.append((entry, "no usable version.json or provenance.json"))
            # else: a save that landed after reconcile above; the next open indexes it
    return found


def repair(lib: Library) -> Repair:
    """Move orphans into quarantine/<time>/; drop from the index the versions whose folder
    is gone, then the works left with no version. No file is deleted."""
    lib._require_writable()
    moved = []
    quarantine = lib.root / "quarantine" / datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    with storage_errors(lib.root), lib._transaction():
        for path, _ in orphans(lib):
            target = quarantine / path.relative_to(lib.root)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.rename(path, target)
            moved.append(_rel(lib.root, path))
        # The files are the truth: a version whose folder is gone is not in the library
        # (should the folder come back, its version.json indexes it again).
        gone = [
            (w, n)
            for w, n in index.indexed(lib.db)
            if not (lib.root / "works" / w / f"v{n}").is_dir()
        ]
        lib.db.executemany("DELETE FROM versions WHERE work_id = ? AND number = ?", gone)
        dropped = [
            wid
            for (wid,) in lib.db.execute(
                "SELECT id FROM works WHERE id NOT IN (SELECT work_id FROM versions)"
            ).fetchall()
        ]
        lib.db.executemany("DELETE FROM works WHERE id = ?", [(w,) for w in dropped])
    forgotten = [f"works/{w}/v{n}" for w, n in sorted(gone)]
    return Repair(moved, quarantine if moved else None, forgotten, dropped, check(lib))


def rebuild(root: Path) -> tuple[Path | None, Library]:
    """Set the database aside (kept, never deleted) and index every version folder anew.
    Returns where the old database went and the reopened library."""
    kept = None
    db = root / "library.db"
    with storage_errors(root):
        if db.exists():
            kept = root / f"library.db.before-rebuild-{datetime.now(UTC):%Y%m%dT%H%M%S}"
            for suffix in ("", "-wal", "-shm"):  # together, so the old one still opens
                if Path(f"{db}{suffix}").exists():
                    os.rename(f"{db}{suffix}", f"{kept}{suffix}")
    return kept, Library(root)


def _file_problem(
    root: Path, work_id: str, number: int, name: str, recorded: str | None
) -> list[Finding]:
    path = root / "works" / work_id / f"v{number}" / name
    where = _rel(root, path)
    if not path.is_file():
        return [Finding("missing", where, "listed in the index, not on disk")]
    if recorded is not None and file_hash(path) != recorded:
        return [Finding("changed", where, "its bytes differ from the hash saved with it")]
    return []


def _rel(root: Path, path: Path) -> str:
    return str(path.relative_to(root))
