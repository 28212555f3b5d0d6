"""Run the real `inkmuse` CLI in a child process, as a person would (shared by CLI tests).

Importable from any test module: pytest puts tests/ on sys.path for tests/conftest.py.
"""

from __future__ import annotations

import os
import subprocess
import sys


def run_inkmuse(
    *args: str,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """`python -m inkmuse.cli.main ARGS` with text output captured; env adds to os.environ."""
    return subprocess.run(
        [sys.executable, "-m", "inkmuse.cli.main", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )
