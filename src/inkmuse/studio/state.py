"""What every route shares: the config, the job runner, the scratch workspace and the
library folder. One instance per app, reached through `get_state(request)`."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Request

from inkmuse.core.paths import user_home
from inkmuse.library import Library
from inkmuse.studio.config import StudioConfig
from inkmuse.studio.jobs import JobRunner
from inkmuse.studio.workspace import Workspace


@dataclass
class StudioState:
    config: StudioConfig
    runner: JobRunner
    workspace: Workspace
    # The poet's numpy decoding is CPU-bound: more concurrent runs than cores only slows
    # each one down, and would starve the fast checks that share the machine.
    model_slots: threading.BoundedSemaphore = field(
        default_factory=lambda: threading.BoundedSemaphore(2)
    )

    @property
    def library_root(self) -> Path:
        return (self.config.home or user_home()) / "library"

    @contextmanager
    def library(self) -> Iterator[Library]:
        """A connection for this thread (SQLite connections are not shared across threads)."""
        with Library.open(self.library_root) as lib:
            yield lib

    def close(self) -> None:
        self.runner.shutdown()
        self.workspace.close()


def get_state(request: Request) -> StudioState:
    state = request.app.state.studio
    assert isinstance(state, StudioState)
    return state


State = Annotated[StudioState, Depends(get_state)]  # a route parameter: `state: State`
