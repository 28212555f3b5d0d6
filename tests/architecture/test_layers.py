"""The layering, checked on the source: front ends -> create -> the arts -> models -> core.

Each package may import its own modules and packages of lower layers only. Two packages on
the same layer never import each other: the arts (poetry, painting, music) share what they
need through core, and models never import poetry (the embedded poet registers as a
backend through an entry point instead). `cli` may start the studio.

A module-level or function-level import counts alike: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "inkmuse"

LAYER = {
    "core": 0,
    "models": 1,
    "library": 1,
    "poetry": 2,
    "painting": 2,
    "music": 2,
    "create": 3,
    "cli": 4,
    "studio": 4,
}
ALLOWED_SIDEWAYS = {("cli", "studio")}  # `inkmuse studio` starts the web app
# Known debts, each to be paid by moving a shared resource below the arts. The test fails
# when one is paid and not removed from here, so this list only shrinks.
KNOWN: dict[tuple[str, str], str] = {}


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return {name.split(".")[1] for name in found if name.startswith("inkmuse.")}


def _violations() -> dict[tuple[str, str], str]:
    bad = {}
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC)
        if len(rel.parts) < 2:
            continue  # inkmuse/__init__.py: the version only
        own = rel.parts[0]
        assert own in LAYER, f"{own}/ has no layer: add it to LAYER"
        for target in _imports(path) - {own}:
            if target not in LAYER:
                continue  # `inkmuse.__version__` and the like
            lower = LAYER[target] < LAYER[own]
            if not lower and (own, target) not in ALLOWED_SIDEWAYS:
                bad[(str(rel), target)] = f"{own} (layer {LAYER[own]}) imports {target}"
    return bad


def test_no_package_imports_upwards_or_sideways() -> None:
    new = {k: v for k, v in _violations().items() if k not in KNOWN}
    assert not new, new


def test_the_known_debts_are_still_real() -> None:
    paid = [k for k in KNOWN if k not in _violations()]
    assert not paid, f"remove these from KNOWN, they are fixed: {paid}"


def test_models_never_import_poetry() -> None:
    offenders = [k for k in _violations() if k[0].startswith("models/") and k[1] == "poetry"]
    assert not offenders
