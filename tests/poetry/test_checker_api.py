"""The checker's public face: `inkmuse.poetry.checker` exports what the rest of inkmuse
imports, and its parts (`inkmuse.poetry.check`) stay files a person reads in one sitting."""

from __future__ import annotations

import ast
from pathlib import Path

import inkmuse.poetry.check
import inkmuse.poetry.checker as checker


def test_the_public_names_are_all_there() -> None:
    assert set(checker.__all__) == {
        "RULES",
        "CheckReport",
        "check_poem",
        "passes_under_tang",
        "resolve_rules",
    }
    assert all(hasattr(checker, name) for name in checker.__all__)


def test_the_parts_are_small() -> None:
    for path in Path(inkmuse.poetry.check.__file__).parent.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert len(source.splitlines()) < 400, path.name
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef):
                assert (node.end_lineno or 0) - node.lineno < 60, f"{path.name}: {node.name}"
