"""Every `inkmuse paint` example in docs/painting.md runs, and the sample output is real."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from inkmuse.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "painting.md").read_text(encoding="utf-8")
COMMANDS = [ln for ln in DOC.splitlines() if ln.startswith("inkmuse paint ")]
SAMPLE = re.search(r"for example:\n\n```\n(.*?)```", DOC, flags=re.DOTALL)


def _run(line: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    args = shlex.split(line)[1:]
    if "--out" in args:
        i = args.index("--out") + 1
        args[i] = str(tmp_path / args[i])
    monkeypatch.chdir(ROOT)
    main(args)


def test_the_doc_has_examples() -> None:
    assert len(COMMANDS) >= 6 and SAMPLE is not None


@pytest.mark.parametrize("line", COMMANDS)
def test_example_runs(line: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                      capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    _run(line, tmp_path, monkeypatch)
    out = capsys.readouterr().out
    if "--json" in line:
        assert json.loads(out)["scene"]["kind"]
    else:
        assert out.startswith("wrote") or "Stable Diffusion prompt" in out


def test_sample_output_is_what_the_first_example_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert SAMPLE is not None
    _run(COMMANDS[0], tmp_path, monkeypatch)
    printed = capsys.readouterr().out.replace(str(tmp_path / "snow.png"), "snow.png")
    assert printed == SAMPLE.group(1)
