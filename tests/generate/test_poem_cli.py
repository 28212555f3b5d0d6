"""`inkmuse poem` through the real CLI entry point."""

from __future__ import annotations

import json

import pytest

from inkmuse.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_poem_prints_a_checked_poem_and_is_reproducible(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "poem", "秋夜", "思乡", "--form", "七绝", "--seed", "5", "--n", "4")
    assert code == 0
    lines = out.splitlines()
    assert [len(line) for line in lines[:4]] == [8, 8, 8, 8]
    assert "合律" in out and "seed 5" in out
    assert run(capsys, "poem", "秋夜", "思乡", "--seed", "5", "--n", "4")[1] == out


def test_poem_json_has_provenance(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "poem", "春", "--form", "五绝", "--seed", "2", "--n", "2", "--json")
    data = json.loads(out)
    assert code == 0 and data["check_ok"] and data["provenance"]["seed"] == 2
    assert data["provenance"]["backend"] == "embedded"


def test_suggest_cli(capsys: pytest.CaptureFixture[str]) -> None:
    poem = "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。"
    code, out, _ = run(capsys, "poem", "--poem", poem, "--suggest", "3:5", "--seed", "1")
    assert code == 0 and "alternatives for line 3, character 5" in out
    assert len(out.splitlines()) >= 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("poem", "秋", "--form", "八绝"), "unknown form"),
        (("poem", "--acrostic", "春夏"), "impossible acrostic"),
        (("poem",), "no keywords"),
        (("poem", "--suggest", "3"), "--suggest and --poem go together"),
        (
            (
                "poem",
                "--poem",
                "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。",
                "--suggest",
                "x",
            ),
            "slot",
        ),
    ],
)
def test_bad_input_is_a_message_not_a_traceback(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2 and message in err and "Traceback" not in err


def test_poem_writes_a_ci_to_its_tune(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "poem", "春愁", "--form", "浣溪沙", "--seed", "3", "--n", "4")
    assert code == 0
    assert [len(line) for line in out.splitlines()[:6]] == [8] * 6  # 7 characters and a stop
    assert "浣溪沙 · 正体 · 词林正韵" in out and "合谱" in out
    code, out, _ = run(capsys, "poem", "春愁", "--form", "浣溪沙", "--n", "2", "--json")
    data = json.loads(out)
    assert code == 0 and data["form"] == "浣溪沙" and data["report"]["lengths"] == [7] * 6
    code, _, err = run(capsys, "poem", "春愁", "--form", "浣溪沙", "--rhyme", "七阳")
    assert code == 2 and "--rhyme is for 诗" in err


def test_poem_writes_a_couplet_and_a_banner(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "poem", "--form", "对联", "--first", "海内存知己", "--seed", "1")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "海内存知己" and len(lines[1]) == 5
    assert "横批" in out and "对仗" in out
    code, out, _ = run(
        capsys, "poem", "春节", "--form", "对联", "--seed", "2", "--json", "--n", "4"
    )
    data = json.loads(out)
    assert code == 0 and data["check_ok"] and len(data["details"]["hengpi"]) == 3
    code, _, err = run(capsys, "poem", "春", "--first", "海内存知己")
    assert code == 2 and "--first is the 上联 of a couplet" in err
