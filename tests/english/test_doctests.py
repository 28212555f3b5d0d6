"""The examples in the English modules' docstrings run, so they cannot drift."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "inkmuse.poetry.english",
    "inkmuse.poetry.english.words",
    "inkmuse.poetry.english.rhyme",
    "inkmuse.poetry.english.meter",
    "inkmuse.poetry.english.forms",
    "inkmuse.poetry.english.text",
    "inkmuse.poetry.english.checker",
    "inkmuse.poetry.english.scheme",
    "inkmuse.poetry.english.report",
    "inkmuse.poetry.english.suggest",
    "inkmuse.poetry.english.grammar",
    "inkmuse.poetry.english.poet",
    "inkmuse.poetry.english.examples",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0
    assert result.attempted > 0, f"{name} has no example"


def test_public_api_is_all_exported() -> None:
    package = importlib.import_module("inkmuse.poetry.english")
    assert all(hasattr(package, name) for name in package.__all__)
    assert {"check_english", "write_english_poem", "EnglishPoemRequest"} <= set(package.__all__)
