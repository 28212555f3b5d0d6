"""Every example in the painting docstrings runs, and the public API is what __all__ says."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import inkmuse.painting

MODULES = [
    *sorted(
        name for _, name, _ in pkgutil.walk_packages(inkmuse.painting.__path__, "inkmuse.painting.")
    ),
    "inkmuse.core.theme_lexicon",
    "inkmuse.cli.paint",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_public_api() -> None:
    for name in inkmuse.painting.__all__:
        assert hasattr(inkmuse.painting, name)
    assert {"PaintRequest", "Painting", "paint", "save_png", "read_metadata"} <= set(
        inkmuse.painting.__all__
    )
