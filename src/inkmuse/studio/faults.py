"""Storage faults (a full disk, a read-only home, a damaged library database) said as
problem JSON a person can act on, in place of "internal error: OSError" or a plain-text
500. Used by the app's error handlers and by jobs, which fail off the request.

    >>> import errno
    >>> status, body = fault_body(OSError(errno.ENOSPC, "No space left on device"))
    >>> status, body["type"]
    (507, 'DiskFull')
"""

from __future__ import annotations

import errno
import sqlite3
from typing import Any

from inkmuse.studio.problems import problem_body

_HOME = "the user folder (INKMUSE_HOME, default ~/.inkmuse)"


def fault_body(err: BaseException) -> tuple[int, dict[str, Any]]:
    """(HTTP status, problem JSON) for an error no route meant to raise."""
    if isinstance(err, sqlite3.DatabaseError):
        if isinstance(err, sqlite3.OperationalError) and "locked" in str(err):
            return 503, problem_body(
                "the library database is busy", hint="try again in a moment", kind="LibraryBusy"
            )
        return 503, problem_body(
            "the library database is damaged or unreadable",
            accepted="a library.db that SQLite can open",
            hint="run `inkmuse library check`; `inkmuse library rebuild` makes it anew from the "
            "saved folders",
            kind="LibraryDamaged",
        )
    if isinstance(err, OSError):
        return _os_fault(err)
    return 500, problem_body(
        "an internal error in the studio (it is logged)",
        hint="please report it with the studio's log",
        kind="InternalError",
    )


def _os_fault(err: OSError) -> tuple[int, dict[str, Any]]:
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return 507, problem_body(
            "the disk is full", hint=f"free some space for {_HOME}", kind="DiskFull"
        )
    if err.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return 503, problem_body(
            f"{_HOME} cannot be written (read-only or not yours)",
            accepted="a user folder this user can write",
            hint="set INKMUSE_HOME to a writable folder",
            kind="StorageReadOnly",
        )
    return 503, problem_body(
        f"a file could not be read or written ({errno.errorcode.get(err.errno or 0, 'I/O error')})",
        hint=f"check the disk and {_HOME}",
        kind="StorageError",
    )
