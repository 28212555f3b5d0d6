"""The library keeps every version, refuses unsafe names and ids, and takes two writers at
once (kills mid-save: test_kill.py)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from inkmuse.core.errors import InputError
from inkmuse.library import Library, WorkNotFound

WRITER = Path(__file__).with_name("writer.py")


def _fields(text: str) -> dict[str, Any]:
    return {
        "files": {"poem.txt": text.encode()},
        "poem": text,
        "theme": {"mood": "lonely"},
        "seeds": {"poem": 1},
        "authorship": {"poem line 1": "person", "poem line 2": "inkmuse:embedded"},
        "provenance": {"seed": 1},
    }


def new_work(lib: Library, title: str, idea: str, text: str = "初") -> str:
    """A work with its first version (a work never exists without one)."""
    return lib.add_work(title, idea, **_fields(text)).work_id


def save(lib: Library, work_id: str, text: str) -> int:
    return lib.add_version(work_id, **_fields(text)).number


def test_versions_are_kept_and_searchable(tmp_path: Path) -> None:
    with Library.open(tmp_path) as lib:
        wid = new_work(lib, "秋夜", "秋夜 思乡", "月落乌啼霜满天")
        assert save(lib, wid, "江枫渔火对愁眠") == 2
        other = new_work(lib, "harbour", "a harbour at dawn", "gulls over the quay")
        assert [v.number for v in lib.versions(wid)] == [1, 2]
        latest = lib.version(wid)
        assert latest.poem == "江枫渔火对愁眠"
        assert latest.authorship["poem line 1"] == "person"
        assert (latest.folder / "poem.txt").read_text(encoding="utf-8") == "江枫渔火对愁眠"
        assert [w.id for w in lib.list_works("乌啼")] == [wid]
        assert [w.id for w in lib.list_works("harbour")] == [other]
        assert {w.id for w in lib.list_works()} == {wid, other}


def test_export_zip(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as lib:
        wid = new_work(lib, "t", "idea", "一")
        out = lib.export(wid, tmp_path / "out" / "work.zip")
        with zipfile.ZipFile(out) as zf:
            assert set(zf.namelist()) == {"poem.txt", "version.json"}


def test_delete(tmp_path: Path) -> None:
    with Library.open(tmp_path) as lib:
        wid = new_work(lib, "t", "idea", "一")
        lib.delete(wid)
        with pytest.raises(WorkNotFound):
            lib.work(wid)
        assert not (tmp_path / "works" / wid).exists()


@pytest.mark.parametrize("bad", ["../../etc", "abc", "0123456789ab/..", ""])
def test_ids_from_user_input_cannot_escape(tmp_path: Path, bad: str) -> None:
    with Library.open(tmp_path) as lib, pytest.raises(InputError, match="not a work id"):
        lib.work(bad)


def test_unsafe_file_names_are_refused(tmp_path: Path) -> None:
    with Library.open(tmp_path) as lib:
        wid = new_work(lib, "t", "idea")
        with pytest.raises(InputError, match="unsafe file name"):
            lib.add_version(
                wid, files={"../x": b""}, poem="", theme={}, seeds={}, authorship={}, provenance={}
            )


@pytest.mark.slow
def test_two_writers_at_once(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        wid = new_work(lib, "race", "idea")
    procs = [
        subprocess.Popen(
            [sys.executable, str(WRITER), str(root), "15", wid], stdout=subprocess.DEVNULL
        )
        for _ in range(2)
    ]
    for proc in procs:
        assert proc.wait(timeout=120) == 0
    with Library.open(root) as lib:
        assert [v.number for v in lib.versions(wid)] == list(range(1, 32))
        assert lib.integrity_problems() == []
