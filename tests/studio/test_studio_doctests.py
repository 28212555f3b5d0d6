"""The examples in the studio's docstrings run, so they cannot drift from the code."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "inkmuse.studio.config",
    "inkmuse.studio.jobs",
    "inkmuse.studio.uploads",
    "inkmuse.studio.workspace",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0
    assert result.attempted > 0, f"{name} has no example"
