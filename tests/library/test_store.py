"""The library keeps every version, survives kills mid-save and two writers at once."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from inkmuse.core.errors import InputError
from inkmuse.library import Library, WorkNotFound

WRITER = Path(__file__).with_name("writer.py")


def save(lib: Library, work_id: str, text: str) -> int:
    return lib.add_version(
        work_id,
        files={"poem.txt": text.encode()},
        poem=text,
        theme={"mood": "lonely"},
        seeds={"poem": 1},
        authorship={"poem line 1": "person", "poem line 2": "inkmuse:embedded"},
        provenance={"seed": 1},
    ).number


def test_versions_are_kept_and_searchable(tmp_path: Path) -> None:
    with Library.open(tmp_path) as lib:
        wid = lib.new_work("秋夜", "秋夜 思乡")
        assert save(lib, wid, "月落乌啼霜满天") == 1
        assert save(lib, wid, "江枫渔火对愁眠") == 2
        other = lib.new_work("harbour", "a harbour at dawn")
        save(lib, other, "gulls over the quay")
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
        wid = lib.new_work("t", "idea")
        save(lib, wid, "一")
        out = lib.export(wid, tmp_path / "out" / "work.zip")
        with zipfile.ZipFile(out) as zf:
            assert set(zf.namelist()) == {"poem.txt", "version.json"}


def test_delete(tmp_path: Path) -> None:
    with Library.open(tmp_path) as lib:
        wid = lib.new_work("t", "idea")
        save(lib, wid, "一")
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
        wid = lib.new_work("t", "idea")
        with pytest.raises(InputError, match="unsafe file name"):
            lib.add_version(
                wid, files={"../x": b""}, poem="", theme={}, seeds={}, authorship={}, provenance={}
            )


@pytest.mark.slow
def test_killing_a_writer_repeatedly_loses_nothing_saved(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        wid = lib.new_work("kill test", "idea")
    saved_before = 0
    for round_ in range(8):
        proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(root), wid, "1000"],
            stdout=subprocess.DEVNULL,
        )
        time.sleep(0.3 + 0.07 * round_)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        with Library.open(root) as lib:
            assert lib.integrity_problems() == []
            versions = lib.versions(wid)
            numbers = [v.number for v in versions]
            assert numbers == list(range(1, len(numbers) + 1))
            assert len(numbers) >= saved_before  # nothing committed was lost
            saved_before = len(numbers)
            for v in versions:  # every visible version is whole
                assert (v.folder / "painting.png").stat().st_size == 200_000
            assert not any((root / "tmp").iterdir())
    assert saved_before > 0


@pytest.mark.slow
def test_two_writers_at_once(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        wid = lib.new_work("race", "idea")
    procs = [
        subprocess.Popen(
            [sys.executable, str(WRITER), str(root), wid, "15"], stdout=subprocess.DEVNULL
        )
        for _ in range(2)
    ]
    for proc in procs:
        assert proc.wait(timeout=120) == 0
    with Library.open(root) as lib:
        assert [v.number for v in lib.versions(wid)] == list(range(1, 31))
        assert lib.integrity_problems() == []
