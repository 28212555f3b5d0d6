"""What every route shares: the config, the job runner, the thread pools of the poet, the
backends and streamed drafts, the scratch workspace and the library folder. One instance per app, reached through
`get_state(request)`."""

from __future__ import annotations

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
from inkmuse.studio.memory import MB, MemoryBudget
from inkmuse.studio.pools import BoundedPool
from inkmuse.studio.workspace import Workspace

# The poet's numpy decoding is CPU-bound: more concurrent runs than cores only slows each
# one down, and would starve the fast checks that share the machine.
POET_THREADS = 2
BACKEND_THREADS = 4  # remote backends mostly wait on the network
BACKEND_QUEUE = 16
STREAM_THREADS = 4  # drafts streamed from a backend: a thread each for the whole draft
STREAM_QUEUE = 16


@dataclass
class StudioState:
    config: StudioConfig
    workspace: Workspace
    runner: JobRunner = field(init=False)
    poet: BoundedPool = field(init=False)
    backends: BoundedPool = field(init=False)
    streams: BoundedPool = field(init=False)

    def __post_init__(self) -> None:
        budget = MemoryBudget(self.config.memory_mb * MB)
        self.runner = JobRunner(self.config.workers, budget)
        self.poet = BoundedPool("poet", POET_THREADS, self.config.poet_queue)
        self.backends = BoundedPool("backend", BACKEND_THREADS, BACKEND_QUEUE)
        self.streams = BoundedPool("stream", STREAM_THREADS, STREAM_QUEUE)

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
        self.poet.shutdown()
        self.backends.shutdown()
        self.streams.shutdown()
        self.workspace.close()


async def get_state(request: Request) -> StudioState:
    # async: a dependency that is a plain function takes one of the server's shared threads,
    # which the poet's async routes must never need.
    state = request.app.state.studio
    assert isinstance(state, StudioState)
    return state


State = Annotated[StudioState, Depends(get_state)]  # a route parameter: `state: State`
