"""The code review's size numbers: files over 400 lines and functions over 60 lines.

    .venv/bin/python benchmarks/code_metrics.py [ROOT] [--file-lines 400] [--function-lines 60]

ROOT defaults to src/inkmuse. A function's length is its span in the file, from its
`def` line to its last line (decorators, such as a click command's options, left out),
nested functions counted inside it; a nested function that is long itself is listed too.
"""

from __future__ import annotations

import argparse
import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src/inkmuse"

Functions = ast.FunctionDef | ast.AsyncFunctionDef


def long_files(root: Path, limit: int) -> list[tuple[Path, int]]:
    """Every .py file under root with more than `limit` lines, longest first."""
    sizes = [(p, len(p.read_text(encoding="utf-8").splitlines())) for p in root.rglob("*.py")]
    return sorted(((p, n) for p, n in sizes if n > limit), key=lambda x: (-x[1], x[0]))


def function_lengths(path: Path) -> list[tuple[str, int, int]]:
    """(qualified name, first line, length in lines) of every function in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[str, int, int]] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, Functions):
                end = child.end_lineno or child.lineno
                found.append((prefix + child.name, child.lineno, end - child.lineno + 1))
                visit(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.")
            else:
                visit(child, prefix)

    visit(tree, "")
    return found


def long_functions(root: Path, limit: int) -> list[tuple[Path, str, int, int]]:
    """Every function under root longer than `limit` lines, longest first."""
    rows = [
        (p, name, line, n)
        for p in sorted(root.rglob("*.py"))
        for name, line, n in function_lengths(p)
        if n > limit
    ]
    return sorted(rows, key=lambda r: (-r[3], r[0], r[2]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root", type=Path, nargs="?", default=SRC)
    parser.add_argument("--file-lines", type=int, default=400)
    parser.add_argument("--function-lines", type=int, default=60)
    args = parser.parse_args()
    root = args.root.resolve()
    files = long_files(root, args.file_lines)
    print(f"{len(files)} files over {args.file_lines} lines")
    for path, n in files:
        print(f"  {n:>5}  {path.relative_to(root.parent)}")
    functions = long_functions(root, args.function_lines)
    print(f"{len(functions)} functions over {args.function_lines} lines")
    for path, name, line, n in functions:
        print(f"  {n:>5}  {path.relative_to(root.parent)}:{line} {name}")


if __name__ == "__main__":
    main()
