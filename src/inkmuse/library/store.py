"""SQLite index of works and versions; each version's files, and its record, in a folder.

The files are the truth and the database is their index. A save stages the files and the
record (version.json) in a private folder, then in one transaction inserts the rows and
renames the folder into place: a work and its first version appear together or not at all.
A crash after the rename but before the commit leaves a whole folder that the next open
indexes from its record. Opening never deletes anything: a missing, emptied or older
database is filled in from the folders. SQLite runs in WAL mode with a busy timeout, so two
processes can write at once; a read-only library is read through an in-memory copy.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import uuid
import zipfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from inkmuse.core.errors import InputError, StorageError
from inkmuse.core.paths import user_home
from inkmuse.library import index
from inkmuse.library.connect import connect, read_only_copy, why_read_only
from inkmuse.library.faults import storage_errors
from inkmuse.library.records import (
    FILE_NAME,
    RECORD,
    fsync_dir,
    new_record,
    write_durably,
    write_record,
)
from inkmuse.library.scratch import clean_scratch, interrupted_deletes, scratch_name


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
    who made it: "person" or "inkmuse:<backend>"; hashes maps each file to its sha256."""

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
    hashes: dict[str, str] = field(default_factory=dict)


class Library:
    """The library in a folder (the user folder's `library/` by default)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.read_only = False  # set by _connect, with the reason in _why_read_only
        self._why_read_only: str | None = None
        with storage_errors(root):
            self.db = self._connect()
        try:
            self.reconcile()
        except StorageError as err:
            self.db.close()
            cause = err.__cause__
            if self.read_only or not isinstance(cause, OSError | sqlite3.OperationalError):
                raise
            # The index could not take the folders it lacks (a full disk, say): read them
            # into a copy instead, so that a read still works.
            with storage_errors(root):
                self.db, self._why_read_only = read_only_copy(root), why_read_only(cause, root)
            self.read_only = True
            self.reconcile()
        except BaseException:
            self.db.close()
            raise

    @classmethod
    def open(cls, root: Path | None = None) -> Library:
        return cls(root or cls.default_root())

    @staticmethod
    def default_root() -> Path:
        """The user folder's library/ ($INKMUSE_HOME/library, default ~/.inkmuse/library)."""
        with storage_errors(user_home(create=False)):
            return user_home() / "library"

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------
    def add_work(
        self,
        title: str,
        idea: str,
        *,
        files: Mapping[str, bytes | Path],
        poem: str,
        theme: dict[str, Any],
        seeds: dict[str, int],
        authorship: dict[str, str],
        provenance: dict[str, Any],
    ) -> Version:
        """Save a new work with its first version, in one step: both or neither."""
        draft = _Draft(files, poem, theme, seeds, authorship, provenance, "create", None)
        return self._save(None, (title, idea), draft)

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
        """Save a new version of a saved work. Returns the version."""
        self._check_id(work_id)
        draft = _Draft(files, poem, theme, seeds, authorship, provenance, action, parent)
        return self._save(work_id, None, draft)

    def delete(self, work_id: str) -> None:
        """Remove a work, all its versions and files (the one command that deletes)."""
        self._row(work_id)
        self._require_writable()
        with storage_errors(self.root):
            clean_scratch(self.root, self.db)
            folder = self.root / "works" / work_id
            trash = self.root / "tmp" / scratch_name("del", work_id)
            moved = False
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self.db.execute("DELETE FROM works WHERE id = ?", (work_id,))
                if folder.exists():
                    # Inside the transaction, so no other process can index the folder
                    # again between the commit and the move.
                    os.rename(folder, trash)
                    moved = True
                self.db.execute("COMMIT")
            except BaseException:
                if moved:
                    os.rename(trash, folder)
                self._rollback()
                raise
            shutil.rmtree(trash, ignore_errors=True)

    # -- reading ------------------------------------------------------------------
    def work(self, work_id: str) -> Work:
        work = self._row(work_id)
        if work.versions == 0:
            raise WorkNotFound(
                f"work {work_id!r} has no saved version",
                hint="`inkmuse library check --repair` clears such leftovers",
            )
        return work

    def list_works(self, search: str | None = None) -> list[Work]:
        """Newest first; `search` matches the title, the idea or any version's poem. A work
        with no version (left by an older inkmuse) is not listed: `library check` names it."""
        query = (
            "SELECT w.id, w.title, w.idea, w.created_at, COUNT(v.number) FROM works w"
            " JOIN versions v ON v.work_id = w.id"
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
        with storage_errors(self.root):
            return [Work(*row) for row in self.db.execute(query, args)]

    def versions(self, work_id: str) -> list[Version]:
        self.work(work_id)
        with storage_errors(self.root):
            rows = self.db.execute(
                "SELECT work_id, number, parent, action, poem, theme_json, seeds_json,"
                " authorship_json, provenance_json, files_json, created_at, hashes_json"
                " FROM versions WHERE work_id = ? ORDER BY number",
                (work_id,),
            ).fetchall()
        return [self._version(row) for row in rows]

    def version(self, work_id: str, number: int | None = None) -> Version:
        """A version by number, or the latest."""
        versions = self.versions(work_id)
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
        missing = [n for n in version.files if not (version.folder / n).is_file()]
        if missing:  # refused before anything is written
            raise StorageError(
                f"work {work_id} v{version.number} is missing {', '.join(missing)}",
                hint="`inkmuse library check` lists every missing or changed file",
            )
        tmp = out.with_name(out.name + ".part")
        with storage_errors(out.parent):
            out.parent.mkdir(parents=True, exist_ok=True)
            try:
                with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
                    for name in version.files:
                        zf.write(version.folder / name, arcname=name)
                    record = {k: v for k, v in version.__dict__.items() if k != "folder"}
                    zf.writestr(RECORD, json.dumps(record, ensure_ascii=False, indent=2))
                os.replace(tmp, out)
            finally:
                tmp.unlink(missing_ok=True)  # a refused or failed export leaves nothing
        return out

    def integrity_problems(self) -> list[str]:
        """What is wrong with the library, one line each (see `inkmuse.library.health`)."""
        from inkmuse.library.health import check

        return [str(p) for p in check(self).problems]

    # -- keeping the index whole ----------------------------------------------------
    def reconcile(self) -> list[Path]:
        """Index the version folders the database lacks, from their records, and put back
        the folders of a delete that was killed before it committed. Returns the folders
        that cannot be indexed (orphans). Deletes nothing."""
        with storage_errors(self.root):
            pending = index.unindexed(self.db, self.root)
            if not pending and not self._interrupted_deletes():
                return []
            with self._transaction():  # look again under the lock: another save may be done
                for trash, work_id in self._interrupted_deletes():
                    folder = self.root / "works" / work_id
                    if not folder.exists():
                        os.rename(trash, folder)
                return index.adopt(self.db, self.root)

    def _interrupted_deletes(self) -> list[tuple[Path, str]]:
        return [] if self.read_only else interrupted_deletes(self.root, self.db)

    # -- internals ----------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        db, self._why_read_only = connect(self.root)
        self.read_only = self._why_read_only is not None
        return db

    def _save(self, work_id: str | None, new: tuple[str, str] | None, draft: _Draft) -> Version:
        for name in draft.files:
            if not FILE_NAME.match(name) or name == RECORD:
                raise InputError(
                    f"unsafe file name {name!r}",
                    accepted=f"letters, digits, . _ - (and not {RECORD})",
                )
        self._require_writable()
        with storage_errors(self.root):
            clean_scratch(self.root, self.db)
            staging = self.root / "tmp" / scratch_name("save")
            staging.mkdir()
            try:
                return self._stage_and_commit(staging, work_id, new, draft)
            finally:
                shutil.rmtree(staging, ignore_errors=True)

    def _stage_and_commit(
        self, staging: Path, work_id: str | None, new: tuple[str, str] | None, draft: _Draft
    ) -> Version:
        vdir = staging / "v"
        vdir.mkdir()
        hashes = {}
        for name, content in draft.files.items():
            data = content.read_bytes() if isinstance(content, Path) else content
            write_durably(vdir / name, data)
            hashes[name] = _sha256(data)
        now = _now()
        placed: tuple[Path, Path] | None = None  # (where the folder went, where it came from)
        self.db.execute("BEGIN IMMEDIATE")
        try:
            if new is not None:
                work_id, number = self._fresh_id(), 1
                work = {"id": work_id, "title": new[0], "idea": new[1], "created_at": now}
            else:
                assert work_id is not None
                row = self._row(work_id)
                work = {"id": row.id, "title": row.title, "idea": row.idea}
                work["created_at"] = row.created_at
                number = self._next_number(work_id)
            record = new_record(
                work=work,
                number=number,
                parent=draft.parent,
                action=draft.action,
                poem=draft.poem,
                theme=draft.theme,
                seeds=draft.seeds,
                authorship=draft.authorship,
                provenance=draft.provenance,
                files=list(draft.files),
                hashes=hashes,
                created_at=now,
            )
            write_record(vdir, record)
            fsync_dir(vdir)
            index.insert(self.db, record)
            final = self._folder(work_id, number)
            if new is not None:  # the work folder appears whole, with its first version in it
                os.rename(vdir, staging / final.name)
                placed = (final.parent, staging)
            else:
                final.parent.mkdir(exist_ok=True)
                placed = (final, vdir)
            os.rename(placed[1], placed[0])
            fsync_dir(final.parent.parent)
            fsync_dir(final.parent)
            self.db.execute("COMMIT")
        except BaseException:
            if placed is not None and placed[0].exists():
                os.rename(placed[0], placed[1])  # a failed save leaves no folder to index
            self._rollback()
            raise
        return self.version(work_id, number)

    def _row(self, work_id: str) -> Work:
        self._check_id(work_id)
        with storage_errors(self.root):
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

    def _next_number(self, work_id: str) -> int:
        # Past every folder too: a folder the index lacks is never overwritten.
        (highest,) = self.db.execute(
            "SELECT COALESCE(MAX(number), 0) FROM versions WHERE work_id = ?", (work_id,)
        ).fetchone()
        return max([int(highest), *index.folder_numbers(self.root / "works" / work_id)]) + 1

    def _fresh_id(self) -> str:
        while True:
            work_id = uuid.uuid4().hex[:12]
            taken = self.db.execute("SELECT 1 FROM works WHERE id = ?", (work_id,)).fetchone()
            if taken is None and not (self.root / "works" / work_id).exists():
                return work_id

    def _version(self, row: tuple[Any, ...]) -> Version:
        work_id, number, parent, action, poem, theme, seeds, authorship, prov, files, at, h = row
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
            json.loads(h),
        )

    def _folder(self, work_id: str, number: int) -> Path:
        return self.root / "works" / work_id / f"v{number}"

    def _check_id(self, work_id: str) -> None:
        # Ids come from the command line: only our own shape, so no path can escape.
        if not index.WORK_ID.match(work_id):
            raise InputError(
                f"{work_id!r} is not a work id", accepted="12 hex digits, as `library list` shows"
            )

    def _require_writable(self) -> None:
        if self._why_read_only == "full":
            raise StorageError(
                f"the disk holding {self.root} is full: the library can be listed and"
                " exported, not changed; nothing was saved",
                hint="free some space and try again",
            )
        if self.read_only:
            raise StorageError(
                f"the library in {self.root} is read-only: it can be listed and exported,"
                " not changed",
                hint="fix the folder's permissions, or set INKMUSE_HOME to a folder you can write",
            )

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._rollback()
            raise
        self.db.execute("COMMIT")

    def _rollback(self) -> None:
        if self.db.in_transaction:  # a failed COMMIT may have rolled back already
            self.db.execute("ROLLBACK")


@dataclass(frozen=True)
class _Draft:
    """What a save is given, besides where it goes."""

    files: Mapping[str, bytes | Path]
    poem: str
    theme: dict[str, Any]
    seeds: dict[str, int]
    authorship: dict[str, str]
    provenance: dict[str, Any]
    action: str
    parent: int | None


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")
