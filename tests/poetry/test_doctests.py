"""The examples in the docstrings run, so they cannot drift from the code."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "inkmuse.core.errors",
    "inkmuse.core.seeds",
    "inkmuse.core.provenance",
    "inkmuse.poetry",
    "inkmuse.poetry.checker",
    "inkmuse.poetry.forms",
    "inkmuse.poetry.prosody",
    "inkmuse.poetry.rules",
    "inkmuse.poetry.suggest",
    "inkmuse.poetry.text",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0
    assert result.attempted > 0, f"{name} has no example"
