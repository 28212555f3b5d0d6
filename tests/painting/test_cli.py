"""`inkmuse paint` through the real CLI entry point."""

from __future__ import annotations

from pathlib import Path

import pytest

from inkmuse.cli.main import main
from inkmuse.painting import read_metadata


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        main(["paint", *args])
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_paint_writes_a_png_and_prints_metrics(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "snow.png"
    code, stdout, _ = run(["孤舟蓑笠翁，独钓寒江雪", "--seed", "7", "--size", "320x240",
                           "--title", "寒江独钓", "--date", "2025-12", "--out", str(out)], capsys)  # fmt: skip
    assert code == 0
    assert "wrote" in stdout and "seed 7" in stdout
    assert "metrics: colourfulness" in stdout and "harmony" in stdout and "thirds" in stdout
    assert "lonely; winter" in stdout
    parameters, record = read_metadata(out)
    assert "Seed: 7" in parameters and record["params"]["title"] == "寒江独钓"


def test_overrides_and_theme_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    theme = tmp_path / "theme.json"
    theme.write_text('{"imagery": ["crane", "pine"], "mood": "serene"}', encoding="utf-8")
    out = tmp_path / "o.png"
    code, stdout, _ = run(["an idea", "--theme-json", str(theme), "--palette", "qinglv", "--season",
                           "spring", "--size", "200x150", "--seed", "1", "--no-inscription",
                           "--out", str(out)], capsys)  # fmt: skip
    assert code == 0
    assert "theme: crane, pine; serene; spring; -; palette qinglv" in stdout
    assert "inscription" not in read_metadata(out)[1]["params"]


def test_prompt_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, _ = run(
        ["床前明月光", "--prompt-only", "--seed", "3", "--prompt-preset", "qinglv"], capsys
    )
    assert code == 0
    assert "a full moon" in stdout and "blue-green" in stdout
    assert "Negative prompt:" in stdout and "--ar 4:3 --seed 3" in stdout
    target = tmp_path / "prompt.txt"
    assert run(["床前明月光", "--prompt-only", "--seed", "3", "--out", str(target)], capsys)[0] == 0
    assert "Midjourney" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["x", "--size", "huge"], "size 'huge' is not understood"),
        (["x", "--style", "painterly", "--image", "/no/such.png"], "does not exist"),
        (["x", "--imagery", "moon,dragon"], "unknown imagery: dragon"),
        (["x", "--theme-json", "/no/such.json"], "cannot read theme file"),
        (["x", "--date", "yesterday", "--size", "200x150"], "date 'yesterday'"),
    ],
)
def test_bad_input_is_a_message_not_a_traceback(args: list[str], message: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    code, _, stderr = run(args, capsys)
    assert code == 2
    assert message in stderr and "Traceback" not in stderr


def test_unknown_style_is_refused_by_click(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, stderr = run(["x", "--style", "cubist"], capsys)
    assert code == 2 and "shanshui" in stderr


def test_stdin_poem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("春眠不觉晓\n处处闻啼鸟\n"))
    out = tmp_path / "s.png"
    code, stdout, _ = run(["-", "--size", "200x150", "--seed", "2", "--out", str(out)], capsys)
    assert code == 0 and "spring" in stdout
    assert read_metadata(out)[1]["inputs"]["text"].startswith("春眠")


def test_json_prints_the_scene_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    out = tmp_path / "desert.png"
    code, stdout, _ = run(["大漠孤烟直，长河落日圆", "--seed", "2", "--size", "320x240",
                           "--out", str(out), "--json"], capsys)  # fmt: skip
    assert code == 0
    data = json.loads(stdout)
    plan = data["scene"]
    assert plan["kind"] == "desert" and plan["water"] == "river" and plan["sky"] == "warm"
    kinds = {e["kind"] for e in plan["elements"]}
    assert {"smoke", "sun"} <= kinds and not kinds & {"birds", "geese", "waterfall"}
    assert all(0.0 <= e["x"] <= 1.0 and e["where"] for e in plan["elements"])
    # the same plan is in the file's provenance
    _, record = read_metadata(out)
    assert record["params"]["scene"]["plan"] == plan
