"""Scratch files of one studio session (paintings, songs, uploads) in a private temporary
folder, each under a random id; the oldest are removed past a limit, all of it at exit.

    >>> ws = Workspace()
    >>> folder_id, folder = ws.new_folder("painting")
    >>> ws.file(folder_id, "x.png")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    inkmuse.core.errors.InputError: no file x.png ...
    >>> ws.close()
"""

from __future__ import annotations

import re
import shutil
import tempfile
import threading
import uuid
from collections import OrderedDict
from pathlib import Path

from inkmuse.core.errors import InputError

MAX_FOLDERS = 200  # about 200 paintings and songs of scratch; the library keeps what matters
_ID = re.compile(r"^[a-z]+-[0-9a-f]{16}$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$")


class Workspace:
    def __init__(self, parent: Path | None = None) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="inkmuse-studio-", dir=parent)
        self.root = Path(self._tmp.name)
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
        self._tmp.cleanup()
