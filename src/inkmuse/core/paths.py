"""The user folder: where the library, config and outputs live.

It is `~/.inkmuse` unless `INKMUSE_HOME` moves it (tests always move it).
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "INKMUSE_HOME"


def user_home(create: bool = True) -> Path:
    """Return the user folder, creating it when asked."""
    raw = os.environ.get(ENV_VAR)
    home = Path(raw).expanduser() if raw else Path.home() / ".inkmuse"
    if create:
        home.mkdir(parents=True, exist_ok=True)
    return home
