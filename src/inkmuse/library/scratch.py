"""The library's scratch folder (tmp/): staging folders of saves in progress and the moved
folders of deletes in progress, each named after the process that owns it.

A scratch folder whose process is gone never became part of the library, except the folder
of a delete that was killed before its commit: its work is still indexed, so it is put back.

>>> scratch_name("del", "0123456789ab").split("-")[1:3]
['del', '0123456789ab']
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import uuid
from pathlib import Path


def scratch_name(kind: str, work_id: str = "") -> str:
    """`<pid>-<kind>-[<work id>-]<random>`: the pid says whether its owner still runs."""
    middle = f"{kind}-{work_id}-" if work_id else f"{kind}-"
    return f"{os.getpid()}-{middle}{uuid.uuid4().hex}"


def stale(root: Path) -> list[Path]:
    """Scratch folders whose process is gone."""
    tmp = root / "tmp"
    if not tmp.is_dir():
        return []
    out = []
    for entry in sorted(tmp.iterdir()):
        pid = entry.name.split("-", 1)[0]
        if not (pid.isdigit() and alive(int(pid))):
            out.append(entry)
    return out


def interrupted_deletes(root: Path, db: sqlite3.Connection) -> list[tuple[Path, str]]:
    """(moved folder, work id) of deletes killed before their commit: the work is indexed."""
    out = []
    for entry in stale(root):
        parts = entry.name.split("-")
        if len(parts) == 4 and parts[1] == "del" and _indexed(db, parts[2]):
            out.append((entry, parts[2]))
    return out


def clean_scratch(root: Path, db: sqlite3.Connection) -> None:
    """Remove what dead processes left in tmp/ (called by writers only: a read deletes
    nothing). An interrupted delete's folder is kept for `Library.reconcile` to put back."""
    keep = {path for path, _ in interrupted_deletes(root, db)}
    for entry in stale(root):
        if entry not in keep:
            shutil.rmtree(entry, ignore_errors=True)


def _indexed(db: sqlite3.Connection, work_id: str) -> bool:
    return db.execute("SELECT 1 FROM works WHERE id = ?", (work_id,)).fetchone() is not None


def alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
