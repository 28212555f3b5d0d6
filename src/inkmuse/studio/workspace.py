"""Scratch files of one studio session (paintings, songs, uploads) in a private temporary
folder, each under a random id; the oldest are removed past a limit, all of it at exit.

A studio killed with kill -9 never reaches its exit: each workspace holds an exclusive
`flock` on its `.lock` file for as long as its process lives (the kernel drops the lock
when the process dies, whatever kills it), and `clear_leftovers` at start-up removes every
workspace whose lock can be taken.

    >>> ws = Workspace()
    >>> folder_id, folder = ws.new_folder("painting")
    >>> ws.file(folder_id, "x.png")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    inkmuse.core.errors.InputError: no file x.png ...
    >>> ws.close()
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import tempfile
import threading
import time
import uuid
from collections import OrderedDict
from pathlib import Path

from inkmuse.core.errors import InputError

MAX_FOLDERS = 200  # about 200 paintings and songs of scratch; the library keeps what matters
_ID = re.compile(r"^[a-z]+-[0-9a-f]{16}$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$")
PREFIX = "inkmuse-studio-"
LOCK = ".lock"
UNLOCKED_GRACE_S = 3600  # a folder with no lock file yet may be a studio starting this instant


class Workspace:
    def __init__(self, parent: Path | None = None) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix=PREFIX, dir=parent)
        self.root = Path(self._tmp.name)
        self._lock_file = os.open(self.root / LOCK, os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(self._lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        self._folders: OrderedDict[str, Path] = OrderedDict()
        self._lock = threading.Lock()

    def new_folder(self, kind: str) -> tuple[str, Path]:
        folder_id = f"{kind}-{uuid.uuid4().hex[:16]}"
        folder = self.root / folder_id
        folder.mkdir()
        with self._lock:
            self._folders[folder_id] = folder
            old = []
            while len(self._folders) > MAX_FOLDERS:
                old.append(self._folders.popitem(last=False)[1])
        for path in old:
            shutil.rmtree(path, ignore_errors=True)
        return folder_id, folder

    def folder(self, folder_id: str) -> Path:
        with self._lock:
            folder = self._folders.get(folder_id) if _ID.match(folder_id) else None
        if folder is None:
            raise InputError(
                f"no studio item {folder_id!r} (made in another session, or cleared)",
                accepted="an id this studio returned",
            )
        return folder

    def file(self, folder_id: str, name: str) -> Path:
        """A file inside an item; names with a path or odd characters are refused."""
        path = self.folder(folder_id) / name if _NAME.match(name) else None
        if path is None or not path.is_file():
            raise InputError(f"no file {name} in {folder_id}", accepted="a file this studio listed")
        return path

    def close(self) -> None:
        os.close(self._lock_file)
        self._tmp.cleanup()


def clear_leftovers(parent: Path | None = None) -> list[Path]:
    """Remove the workspaces of studios that are no longer running; returns them."""
    removed = []
    for folder in Path(parent or tempfile.gettempdir()).glob(f"{PREFIX}*"):
        if folder.is_dir() and not folder.is_symlink() and _abandoned(folder):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _abandoned(folder: Path) -> bool:
    try:
        fd = os.open(folder / LOCK, os.O_RDWR | os.O_NOFOLLOW)
    except FileNotFoundError:  # an older studio's, or one between mkdir and its lock
        try:
            return time.time() - folder.stat().st_mtime > UNLOCKED_GRACE_S
        except OSError:
            return False
    except OSError:
        return False  # not ours to judge (another user's folder, say)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # its studio holds the lock: alive
    finally:
        os.close(fd)
    return True
