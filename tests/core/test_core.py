"""Core pieces: errors say what is accepted, the user folder moves, seeds are stable."""

from __future__ import annotations

from pathlib import Path

import pytest

from inkmuse.core.errors import InputError
from inkmuse.core.paths import user_home
from inkmuse.core.provenance import provenance_json, provenance_record
from inkmuse.core.seeds import MAX_SEED, derive_seed, make_rng, resolve_seed


def test_user_home_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INKMUSE_HOME", str(tmp_path / "elsewhere"))
    home = user_home()
    assert home == tmp_path / "elsewhere" and home.is_dir()


def test_seeds() -> None:
    assert resolve_seed(5) == 5
    assert 0 <= resolve_seed(None) <= MAX_SEED
    with pytest.raises(InputError, match="accepted: integers"):
        resolve_seed(-1)
    assert derive_seed(1, "paint") == derive_seed(1, "paint") != derive_seed(1, "music")
    assert make_rng(3).random() == make_rng(3).random()


def test_error_message_names_what_is_accepted() -> None:
    err = InputError("unknown form '八绝'", accepted="五绝, 七绝", hint="see --help")
    assert str(err) == "unknown form '八绝' (accepted: 五绝, 七绝). see --help"
    assert err.exit_code == 2


def test_provenance_is_canonical() -> None:
    a = provenance_record("check", inputs={"b": 1, "a": "诗"}, seed=1)
    b = provenance_record("check", inputs={"a": "诗", "b": 1}, seed=1)
    assert provenance_json(a) == provenance_json(b)
    assert "诗" in provenance_json(a)
