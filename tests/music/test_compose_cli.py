"""The real CLI, through inkmuse.cli.main.main."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from inkmuse.cli.main import main


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        main(args)
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_issue_example_prints_the_progression(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        ["compose", "--mood", "惆怅", "--key", "D羽", "--bars", "16", "--seed", "3",
         "--out", str(tmp_path), "--formats", "mid,abc,json"],
        capsys,
    )  # fmt: skip
    assert code == 0
    assert "D羽" in out and "progression:" in out
    assert "i        Dm      4 beats" in out  # Roman numeral, chord name, length
    assert "scale consistency" in out and "pitch-class entropy" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["piece.abc", "piece.json", "piece.mid"]


def test_poem_prints_tones_melody_and_agreement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        ["compose", "床前明月光，疑是地上霜。", "--seed", "7", "--out", str(tmp_path),
         "--formats", "musicxml"],
        capsys,
    )  # fmt: skip
    assert code == 0
    assert "床2:" in out and "光1:" in out
    assert re.search(r"tone-melody agreement [01]\.\d{3} \(8 pairs\)", out)
    assert "under the plain rule" in out and "平/仄 length" in out
    assert (tmp_path / "piece.musicxml").exists()


def test_poem_file_and_stdin(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    poem = tmp_path / "poem.txt"
    poem.write_text("春眠不觉晓，处处闻啼鸟。", encoding="utf-8")
    code, out, _ = run(
        ["compose", "--poem-file", str(poem), "--seed", "1", "--out", str(tmp_path / "o"),
         "--formats", "json", "--season", "spring"],
        capsys,
    )  # fmt: skip
    assert code == 0 and "春眠不觉晓" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--key", "H羽"], "cannot read key 'H羽'"),
        (["--mood", "grumpy"], "unknown mood 'grumpy'"),
        (["--bars", "0"], "bars 0 is out of range"),
        (["--tempo", "999"], "tempo 999 is out of range"),
        (["--style", "techno"], "unknown style 'techno'"),
        (["--formats", "mp3"], "unknown format 'mp3'"),
        (["123"], "no Chinese characters and no English words"),
        (["--seed", "-4"], "seed -4 is out of range"),
        (["--poem-file", "/nonexistent/poem.txt"], "no file"),
    ],
)
def test_bad_input_gives_a_clear_error_not_a_traceback(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["compose", *args, "--out", str(tmp_path)], capsys)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_meter_refrain_and_the_synth_that_ran(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from inkmuse.music.audio import resolve_synth

    code, out, _ = run(
        ["compose", "床前明月光，疑是地上霜。举头望明月，低头思故乡。", "--seed", "7",
         "--meter", "3/4", "--refrain", "--out", str(tmp_path), "--formats", "wav,json"],
        capsys,
    )  # fmt: skip
    assert code == 0
    assert "   3/4   " in out.splitlines()[0]
    used = resolve_synth("auto")  # the default: fluidsynth where installed, else numpy
    assert f"synth: {used} (" in out
    record = json.loads((tmp_path / "piece.json").read_text(encoding="utf-8"))
    assert record["synth"] == used
    assert [s["section"] for s in record["form"]].count("refrain") == 2
    code, _, err = run(["compose", "床前明月光", "--meter", "5/4"], capsys)
    assert code == 2 and "5/4" in err
