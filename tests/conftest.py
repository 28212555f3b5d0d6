"""Shared test setup: every test gets its own user folder."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path_factory.mktemp("inkmuse-home")
    monkeypatch.setenv("INKMUSE_HOME", str(home))
    return home
