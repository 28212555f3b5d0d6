"""Every command that takes a poem or an idea reads standard input for a positional `-`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from inkmuse_cli import run_inkmuse

POEM = "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。"


def test_check_dash_reads_the_poem_from_stdin() -> None:
    done = run_inkmuse("check", "-", "--json", stdin=POEM)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["ok"] is True


def test_check_dash_with_a_broken_poem_reports_its_faults() -> None:
    done = run_inkmuse("check", "-", stdin=POEM.replace("楼", "台"))
    assert done.returncode == 1 and "出韵" in done.stdout


def test_stdin_that_is_not_utf8_is_a_clear_error() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "inkmuse.cli.main", "check", "-"],
        input="白日依山尽".encode("gb18030"),
        capture_output=True,
        timeout=60,
        env=dict(os.environ),
    )
    assert done.returncode == 2
    assert b"not UTF-8" in done.stderr and b"Traceback" not in done.stderr


def test_paint_dash_reads_the_idea(tmp_path: Path) -> None:
    out = tmp_path / "desert.png"
    done = run_inkmuse("paint", "-", "--json", "--seed", "1", "--out", str(out), stdin="大漠孤烟直")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["scene"]["kind"] == "desert" and out.exists()


def test_poem_dash_reads_the_keywords(tmp_path: Path) -> None:
    done = run_inkmuse("poem", "-", "--form", "五绝", "--seed", "3", "--json", stdin="秋夜 思乡\n")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["check_ok"] is True
    mixed = run_inkmuse("poem", "秋夜", "-", stdin="思乡")
    assert mixed.returncode == 2 and "'-' alone" in mixed.stderr


def test_compose_dash_reads_the_poem(tmp_path: Path) -> None:
    out = tmp_path / "song"
    done = run_inkmuse(
        "compose", "-", "--seed", "1", "--formats", "json", "--out", str(out), stdin=POEM
    )
    assert done.returncode == 0, done.stderr
    assert any(out.iterdir())


@pytest.mark.slow
def test_create_dash_reads_the_idea(tmp_path: Path) -> None:
    out = tmp_path / "work"
    done = run_inkmuse(
        "create", "-", "--seed", "2", "--no-library", "--out", str(out), stdin="秋夜 思乡"
    )
    assert done.returncode == 0, done.stderr
    assert "'秋夜 思乡'" in done.stderr and (out / "index.html").exists()
