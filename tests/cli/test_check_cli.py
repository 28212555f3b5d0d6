"""`inkmuse check` driven as a person would: the real CLI, exit codes, output."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from inkmuse_cli import run_inkmuse

POEM = "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。"
BROKEN = "白日依山尽，黄海入海流。欲穷千里目，更上一层台。"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return run_inkmuse(*args, stdin=stdin, timeout=60)


def test_valid_poem_exits_0_and_marks_tones() -> None:
    out = run("check", POEM)
    assert out.returncode == 0, out.stderr
    assert "五言绝句 · 仄起首句不入韵 · 平水韵 十一尤" in out.stdout
    assert "仄 仄 平 平 仄" in out.stdout
    assert "合律" in out.stdout


def test_faults_exit_1_with_explanations_and_suggestions() -> None:
    out = run("check", BROKEN)
    assert out.returncode == 1
    assert "第二句第二字「海」应平" in out.stdout
    assert "出韵" in out.stdout and "可改" in out.stdout


def test_english_explanations() -> None:
    out = run("check", BROKEN, "--lang", "en")
    assert "line 2, character 2" in out.stdout and "try:" in out.stdout


def test_json_output() -> None:
    out = run("check", BROKEN, "--json")
    data = json.loads(out.stdout)
    assert data["ok"] is False
    assert {f["kind"] for f in data["faults"]} >= {"tone", "chu_yun"}


def test_file_and_stdin(tmp_path: Path) -> None:
    path = tmp_path / "poem.txt"
    path.write_text(POEM + "\n", encoding="utf-8")
    assert run("check", "--file", str(path)).returncode == 0
    assert run("check", stdin=POEM).returncode == 0


def test_bad_input_exits_2_with_a_message_and_no_traceback(tmp_path: Path) -> None:
    cases = [
        ("check", ""),
        ("check", "just english"),
        ("check", POEM, "--form", "八绝"),
        ("check", POEM, "--rhymebook", "nope"),
        ("check", POEM, "--pin", "看"),
        ("check", "--file", str(tmp_path / "missing.txt")),
    ]
    for args in cases:
        out = run(*args)
        assert out.returncode == 2, (args, out.stdout, out.stderr)
        assert out.stderr.startswith("error: "), out.stderr
        assert "accepted" in out.stderr
        assert "Traceback" not in out.stderr


def test_pin_and_acrostic_options() -> None:
    assert run("check", POEM, "--acrostic", "白黄欲更").returncode == 0
    assert run("check", POEM, "--acrostic", "春夏秋冬").returncode == 1
    assert run("check", POEM, "--pin", "4:2=平").returncode == 1


def test_tang_practice_reads_a_ze_rhymed_quatrain_as_a_gu_jue() -> None:
    chunxiao = "春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。"
    assert run("check", chunxiao).returncode == 1
    out = run("check", "--rules", "tang", chunxiao)
    assert out.returncode == 0, out.stdout
    assert "古绝" in out.stdout and "唐人宽律" in out.stdout
    assert "--rules tang" in run("check", chunxiao).stdout  # the strict report points to it
    assert "--rules tang" not in run("check", BROKEN).stdout  # not for plain faults
    bad = run("check", "--rules", "loose", chunxiao)
    assert bad.returncode == 2 and "strict" in bad.stderr and "Traceback" not in bad.stderr
