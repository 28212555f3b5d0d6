"""The judgement behind the 对联 checker's seam, and on the CLI."""

from __future__ import annotations

from inkmuse.poetry.ci.couplet import check_couplet
from inkmuse.poetry.duizhang import duizhang_faults
from inkmuse.poetry.faults import INFO, WARNING
from inkmuse_cli import run_inkmuse


def test_parallel_couplet_gets_its_verdict_as_information() -> None:
    r = check_couplet("海内存知己", "天涯若比邻", duizhang=duizhang_faults)
    assert r.duizhang_judged and r.ok
    [f] = r.faults
    assert f.kind == "duizhang" and f.severity == INFO
    assert f.zh.startswith(("工对", "宽对")) and "「海内」对「天涯」" in f.zh


def test_free_and_restating_couplets_are_warnings() -> None:
    [bu] = duizhang_faults("床前明月光", "疑是地上霜")
    assert bu.kind == "duizhang_bu" and bu.severity == WARNING and bu.name_zh == "对仗不工"
    [he] = duizhang_faults("神州千古秀", "赤县万年青")
    assert he.kind == "duizhang_hezhang" and "合掌" in he.zh
    assert he.to_dict()["message_en"].startswith("parallel but restating")


def test_cli_couplet_check_judges_duizhang() -> None:
    result = run_inkmuse("check", "--form", "对联", "海内存知己", "天涯若比邻")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "对仗" in result.stdout and "「海内」对「天涯」" in result.stdout
    assert "未判" not in result.stdout
