"""`inkmuse train` explains what it needs instead of failing deep inside a script."""

from __future__ import annotations

import importlib.util

import pytest

from inkmuse.cli import train
from inkmuse.cli.main import main


def test_training_scripts_are_found_in_the_checkout() -> None:
    for script, _ in train.STEPS.values():
        assert (train.training_dir() / script).exists()


def test_missing_torch_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "torch" else real(name, *a)
    )
    with pytest.raises(SystemExit) as exit_:
        main(["train", "poet", "--max-steps", "1"])
    err = capsys.readouterr().err
    assert exit_.value.code == 3 and "pip install 'inkmuse[train]'" in err


def test_unknown_step_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["train", "everything"])
    assert exit_.value.code == 2 and "corpus" in capsys.readouterr().err
