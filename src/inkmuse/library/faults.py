"""Storage faults as messages a person can act on: a full disk, a read-only folder, a
damaged database. Every library operation runs inside `storage_errors`, so an OSError or a
SQLite error never reaches the person as a traceback.

>>> str(describe(OSError(errno.ENOSPC, "No space left on device"), Path("/lib")))
'the disk holding /lib is full; nothing was saved. free some space and try again (the library is unchanged)'
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from inkmuse.core.errors import StorageError

_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
REBUILD_HINT = (
    "`inkmuse library rebuild` rebuilds the database from the version folders"
    " and keeps the damaged file beside it; no saved work is lost"
)


def _nearly_full(path: Path) -> bool:
    while not path.exists() and path != path.parent:
        path = path.parent
    try:
        stat = os.statvfs(path)
    except OSError:
        return False
    return stat.f_bavail * stat.f_frsize < 1 << 20  # under 1 MiB: nothing inkmuse saves fits


def is_full(err: BaseException, root: Path) -> bool:
    if (isinstance(err, OSError) and err.errno in _FULL) or "disk is full" in str(err):
        return True
    # SQLite says only "disk I/O error" when its -shm or -wal cannot grow: look at the disk.
    return isinstance(err, sqlite3.OperationalError) and _nearly_full(root)


def is_read_only(err: BaseException) -> bool:
    if isinstance(err, OSError):
        return err.errno in _READ_ONLY
    text = str(err).lower()
    return "readonly" in text or "read-only" in text or "unable to open database" in text


def is_damaged(err: BaseException) -> bool:
    text = str(err).lower()
    return isinstance(err, sqlite3.DatabaseError) and (
        "not a database" in text or "malformed" in text or "corrupt" in text
    )


def describe(err: BaseException, root: Path) -> StorageError:
    """The StorageError that says what `err` means for the library in `root`."""
    where = getattr(err, "filename", None) or root
    if isinstance(err, StorageError):
        return err
    if is_full(err, root):
        return StorageError(
            f"the disk holding {where} is full; nothing was saved",
            hint="free some space and try again (the library is unchanged)",
        )
    if is_damaged(err):
        return StorageError(
            f"the library database {root / 'library.db'} is damaged ({err})", hint=REBUILD_HINT
        )
    if is_read_only(err):
        return StorageError(
            f"cannot write to {where}: it is read-only or not yours",
            hint="fix its permissions, or set INKMUSE_HOME to a folder you can write",
        )
    if isinstance(err, sqlite3.OperationalError) and "locked" in str(err).lower():
        return StorageError(
            f"the library in {root} stayed locked by another inkmuse for 30 s",
            hint="wait for the other save to finish and try again",
        )
    reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
    return StorageError(
        f"the library in {root} could not be read or written ({reason})",
        hint="check the disk, then run `inkmuse library check`",
    )


@contextmanager
def storage_errors(root: Path) -> Iterator[None]:
    """Turn OSError and SQLite errors raised inside into a StorageError."""
    try:
        yield
    except (OSError, sqlite3.Error) as err:
        raise describe(err, root) from err
