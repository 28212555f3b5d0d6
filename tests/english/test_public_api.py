"""The English package exports what its front ends use."""

from __future__ import annotations

import importlib


def test_public_api_is_all_exported() -> None:
    package = importlib.import_module("inkmuse.poetry.english")
    assert all(hasattr(package, name) for name in package.__all__)
    assert {"check_english", "write_english_poem", "EnglishPoemRequest"} <= set(package.__all__)
