"""Opening the index: library.db in WAL mode with its migrations applied, or, where the
folder is read-only or its disk full, an in-memory copy of it, so the library can still be
read (and every change is refused with the reason).

>>> db, why_read_only = connect(Path("~/.inkmuse/library").expanduser())  # doctest: +SKIP
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from inkmuse.library.faults import is_full, is_read_only
from inkmuse.library.migrations import migrate
from inkmuse.library.upgrade import write_missing_records


def connect(root: Path) -> tuple[sqlite3.Connection, str | None]:
    """(connection, why it is read-only: None, "read-only" or "full"). Raises OSError or
    sqlite3.Error for the caller to explain."""
    path = root / "library.db"
    try:
        for folder in (root, root / "works", root / "tmp"):
            folder.mkdir(parents=True, exist_ok=True)
        # SQLite opens a file it cannot write read-only without a word, and would fail only
        # at the first write (indexing a folder at open): ask first.
        if not (os.access(root, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))):
            return read_only_copy(root), "read-only"
        db = sqlite3.connect(path, timeout=30, isolation_level=None)
    except (OSError, sqlite3.OperationalError) as err:
        return read_only_copy(root), why_read_only(err, root)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA busy_timeout=30000")
        db.execute("PRAGMA synchronous=FULL")
        migrate(db)
        write_missing_records(db, root)
    except sqlite3.OperationalError as err:
        db.close()
        return read_only_copy(root), why_read_only(err, root)
    except BaseException:
        db.close()
        raise
    return db, None


def why_read_only(err: OSError | sqlite3.OperationalError, root: Path) -> str:
    """Why the library can only be read, or `err` again when it is not that kind of fault."""
    if is_read_only(err):
        return "read-only"
    if is_full(err, root):
        return "full"
    raise err


def read_only_copy(root: Path) -> sqlite3.Connection:
    """An in-memory copy of the index; pending migrations are applied to the copy only."""
    path = root / "library.db"
    mem = sqlite3.connect(":memory:", isolation_level=None)
    mem.execute("PRAGMA foreign_keys=ON")
    if path.is_file() and path.stat().st_size > 0:
        uri = path.resolve().as_uri()
        # mode=ro sees a WAL's latest commits; immutable=1 also works where SQLite cannot
        # create the -shm file beside a read-only database.
        for query in ("?mode=ro", "?immutable=1"):
            try:
                src = sqlite3.connect(uri + query, uri=True)
            except sqlite3.OperationalError:
                continue
            try:
                src.backup(mem)
                break
            except sqlite3.OperationalError:
                continue
            finally:
                src.close()
    migrate(mem)
    return mem
