"""SQLite store of works and versions, with each version's files in a folder beside it.

Durability: a version's files are written into a private temporary folder, flushed, and
renamed into place; only then is its row committed. A crash at any point leaves either the
whole version or nothing visible (orphaned folders are swept on the next open). SQLite runs
in WAL mode with a busy timeout, so two processes can write at once.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import uuid
import zipfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from inkmuse.core.errors import InputError
from inkmuse.core.paths import user_home
from inkmuse.library.migrations import migrate

_WORK_ID = re.compile(r"^[0-9a-f]{12}$")
_FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$")


class WorkNotFound(InputError):
    """No work with that id (or it was deleted)."""


@dataclass(frozen=True)
class Work:
    id: str
    title: str
    idea: str
    created_at: str
    versions: int


@dataclass(frozen=True)
class Version:
    """One saved state of a work. authorship maps each part ("poem line 2", "painting") to
    who made it: "person" or "inkmuse:<backend>"."""

    work_id: str
    number: int
    parent: int | None
    action: str  # create, remix, edit
    poem: str
    theme: dict[str, Any]
    seeds: dict[str, int]
    authorship: dict[str, str]
    provenance: dict[str, Any]
    files: list[str]
    created_at: str
    folder: Path


class Library:
    """The library in a folder (the user folder's `library/` by default)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "works").mkdir(exist_ok=True)
        (self.root / "tmp").mkdir(exist_ok=True)
        self.db = sqlite3.connect(self.root / "library.db", timeout=30, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA busy_timeout=30000")
        self.db.execute("PRAGMA synchronous=FULL")
        migrate(self.db)
        self._sweep_orphans()

    @classmethod
    def open(cls, root: Path | None = None) -> Library:
        return cls(root or user_home() / "library")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------
    def new_work(self, title: str, idea: str) -> str:
        work_id = uuid.uuid4().hex[:12]
        with self._transaction():
            self.db.execute(
                "INSERT INTO works (id, title, idea, created_at) VALUES (?, ?, ?, ?)",
                (work_id, title, idea, _now()),
            )
        return work_id

    def add_version(
        self,
        work_id: str,
        *,
        files: Mapping[str, bytes | Path],
        poem: str,
        theme: dict[str, Any],
        seeds: dict[str, int],
        authorship: dict[str, str],
        provenance: dict[str, Any],
        action: str = "create",
        parent: int | None = None,
    ) -> Version:
        """Save a version: files first (atomically), then its row. Returns the version."""
        self._check_id(work_id)
        for name in files:
            if not _FILE_NAME.match(name):
                raise InputError(f"unsafe file name {name!r}", accepted="letters, digits, . _ -")
        staging = Path(self.root / "tmp" / f"{os.getpid()}-{uuid.uuid4().hex}")
        staging.mkdir()
        try:
            for name, content in files.items():
                data = content.read_bytes() if isinstance(content, Path) else content
                with open(staging / name, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
            with self._transaction():
                row = self.db.execute(
                    "SELECT COALESCE(MAX(number), 0) + 1 FROM versions WHERE work_id = ?",
                    (work_id,),
                ).fetchone()
                if (
                    self.db.execute("SELECT 1 FROM works WHERE id = ?", (work_id,)).fetchone()
                    is None
                ):
                    raise WorkNotFound(f"no work {work_id!r} in the library")
                number = int(row[0])
                final = self._folder(work_id, number)
                final.parent.mkdir(parents=True, exist_ok=True)
                if final.exists():  # left by a crash after the rename, before the commit
                    shutil.rmtree(final)
                os.replace(staging, final)
                _fsync_dir(final.parent)
                self.db.execute(
                    "INSERT INTO versions (work_id, number, parent, action, poem, theme_json,"
                    " seeds_json, authorship_json, provenance_json, files_json, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        work_id,
                        number,
                        parent,
                        action,
                        poem,
                        _dumps(theme),
                        _dumps(seeds),
                        _dumps(authorship),
                        _dumps(provenance),
                        _dumps(sorted(files)),
                        _now(),
                    ),
                )
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
        return self.version(work_id, number)

    def delete(self, work_id: str) -> None:
        """Remove a work, all its versions and files."""
        self.work(work_id)
        with self._transaction():
            self.db.execute("DELETE FROM works WHERE id = ?", (work_id,))
        shutil.rmtree(self.root / "works" / work_id, ignore_errors=True)

    # -- reading ------------------------------------------------------------------
    def work(self, work_id: str) -> Work:
        self._check_id(work_id)
        row = self.db.execute(
            "SELECT w.id, w.title, w.idea, w.created_at, COUNT(v.number) FROM works w"
            " LEFT JOIN versions v ON v.work_id = w.id WHERE w.id = ? GROUP BY w.id",
            (work_id,),
        ).fetchone()
        if row is None:
            raise WorkNotFound(
                f"no work {work_id!r} in the library", hint="`inkmuse library list` shows them"
            )
        return Work(*row)

    def list_works(self, search: str | None = None) -> list[Work]:
        """Newest first; `search` matches the title, the idea or any version's poem."""
        query = (
            "SELECT w.id, w.title, w.idea, w.created_at, COUNT(v.number) FROM works w"
            " LEFT JOIN versions v ON v.work_id = w.id"
        )
        args: tuple[str, ...] = ()
        if search:
            like = f"%{search}%"
            query += (
                " WHERE w.title LIKE ? OR w.idea LIKE ? OR EXISTS (SELECT 1 FROM versions x"
                " WHERE x.work_id = w.id AND x.poem LIKE ?)"
            )
            args = (like, like, like)
        query += " GROUP BY w.id ORDER BY w.created_at DESC, w.rowid DESC"
        return [Work(*row) for row in self.db.execute(query, args)]

    def versions(self, work_id: str) -> list[Version]:
        self.work(work_id)
        rows = self.db.execute(
            "SELECT * FROM versions WHERE work_id = ? ORDER BY number", (work_id,)
        ).fetchall()
        return [self._version(row) for row in rows]

    def version(self, work_id: str, number: int | None = None) -> Version:
        """A version by number, or the latest."""
        versions = self.versions(work_id)
        if not versions:
            raise WorkNotFound(f"work {work_id!r} has no saved version")
        if number is None:
            return versions[-1]
        for v in versions:
            if v.number == number:
                return v
        raise InputError(
            f"work {work_id!r} has no version {number}",
            accepted=", ".join(str(v.number) for v in versions),
        )

    def export(self, work_id: str, out: Path, number: int | None = None) -> Path:
        """Write a zip with a version's files and its record (version.json)."""
        version = self.version(work_id, number)
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".part")
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in version.files:
                zf.write(version.folder / name, arcname=name)
            record = {k: v for k, v in version.__dict__.items() if k != "folder"}
            zf.writestr("version.json", json.dumps(record, ensure_ascii=False, indent=2))
        os.replace(tmp, out)
        return out

    def integrity_problems(self) -> list[str]:
        """What is wrong with the library, if anything (used by tests and `library check`)."""
        problems = [row[0] for row in self.db.execute("PRAGMA integrity_check") if row[0] != "ok"]
        for row in self.db.execute("SELECT work_id, number, files_json FROM versions"):
            folder = self._folder(row[0], row[1])
            for name in json.loads(row[2]):
                if not (folder / name).is_file():
                    problems.append(f"{row[0]} v{row[1]}: missing {name}")
        return problems

    # -- internals ----------------------------------------------------------------
    def _version(self, row: tuple[Any, ...]) -> Version:
        work_id, number, parent, action, poem, theme, seeds, authorship, prov, files, at = row
        return Version(
            work_id,
            number,
            parent,
            action,
            poem,
            json.loads(theme),
            json.loads(seeds),
            json.loads(authorship),
            json.loads(prov),
            json.loads(files),
            at,
            self._folder(work_id, number),
        )

    def _folder(self, work_id: str, number: int) -> Path:
        return self.root / "works" / work_id / f"v{number}"

    def _check_id(self, work_id: str) -> None:
        # Ids come from the command line: only our own shape, so no path can escape.
        if not _WORK_ID.match(work_id):
            raise InputError(
                f"{work_id!r} is not a work id", accepted="12 hex digits, as `library list` shows"
            )

    def _sweep_orphans(self) -> None:
        """Remove what a crash left: staging folders of dead processes and version folders
        with no row. Under the write lock, so a save in progress elsewhere is never touched."""
        for stale in (self.root / "tmp").iterdir():
            pid = stale.name.split("-", 1)[0]
            if not (pid.isdigit() and _alive(int(pid))):
                shutil.rmtree(stale, ignore_errors=True)
        with self._transaction():
            known = set(self.db.execute("SELECT work_id, number FROM versions"))
            for work_dir in (self.root / "works").iterdir():
                for vdir in work_dir.glob("v*"):
                    number = vdir.name[1:]
                    if not number.isdigit() or (work_dir.name, int(number)) not in known:
                        shutil.rmtree(vdir, ignore_errors=True)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
