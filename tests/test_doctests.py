"""Every example in every docstring of the package runs, so none can drift from the code.

Modules are found by walking the package; front ends (cli) and training scripts are left
to their own tests. Examples that need a model or files say `# doctest: +SKIP`.
"""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import pkgutil

import pytest

import inkmuse


def _modules_with_examples() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(inkmuse.__path__, "inkmuse."):
        if info.name.startswith("inkmuse.cli"):
            continue
        spec = importlib.util.find_spec(info.name)
        origin = spec.origin if spec else None
        if origin and origin.endswith(".py"):
            with open(origin, encoding="utf-8") as fh:
                if ">>>" in fh.read():
                    names.append(info.name)
    return names


MODULES = _modules_with_examples()


def test_the_examples_are_found() -> None:
    for expected in ("inkmuse.poetry.checker", "inkmuse.poetry.english", "inkmuse.studio.jobs"):
        assert expected in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0
