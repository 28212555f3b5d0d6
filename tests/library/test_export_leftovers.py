"""Issue 14, item 9 (the library's side): an export that is refused or fails part-way
leaves nothing behind; before, the half-written `<name>.zip.part` stayed. (The studio's
temporary export folder is the studio's side of the item.)"""

from __future__ import annotations

import errno
import zipfile
from pathlib import Path

import pytest

from inkmuse.core.errors import InputError, StorageError
from inkmuse.library import Library
from inkmuse_cli import run_inkmuse

from .helpers import save_new


def test_a_failed_export_leaves_no_partial_zip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    out = tmp_path / "exports" / "work.zip"
    with Library.open(tmp_path / "lib") as lib:
        work_id = save_new(lib, tmp_path, "一").work_id
        monkeypatch.setattr(zipfile.ZipFile, "writestr", full)
        with pytest.raises(StorageError, match="is full"):
            lib.export(work_id, out)
        monkeypatch.undo()
        with pytest.raises(InputError, match="no version 9"):
            lib.export(work_id, out, 9)
        (lib.version(work_id).folder / "painting.png").unlink()
        with pytest.raises(StorageError, match=r"missing painting\.png"):
            lib.export(work_id, out)
    assert list((tmp_path / "exports").iterdir()) == []


def test_a_refused_cli_export_writes_nothing(tmp_path: Path) -> None:
    with Library.open() as lib:  # the user folder the CLI reads
        work_id = save_new(lib, tmp_path, "一").work_id
    out = tmp_path / "exports" / "work.zip"
    done = run_inkmuse("library", "export", work_id, "--version", "4", "--out", str(out))
    assert done.returncode == 2 and "has no version 4" in done.stderr
    assert not (tmp_path / "exports").exists() or list((tmp_path / "exports").iterdir()) == []
