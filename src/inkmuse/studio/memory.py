"""Memory of heavy jobs: each reserves its estimated need from a budget before it starts
(so two 2048² neural paintings run one after the other instead of together), and gives
back what it used when it ends.

Giving back: the neural painter's onnxruntime session keeps an arena sized for the largest
image it has seen, about 2.5 GB after one 2048² painting, so the session is dropped after
a neural job (reloading its 3.8 MB model takes milliseconds); then glibc is asked to return
freed heap to the system (`malloc_trim`), which it otherwise keeps for the next allocation.

    >>> budget = MemoryBudget(limit_bytes=1000)
    >>> with budget.reserve(600):
    ...     budget.used
    600
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from inkmuse.core.errors import InputError

MB = 1024 * 1024


class MemoryBudget:
    def __init__(self, limit_bytes: int) -> None:
        self.limit = limit_bytes
        self.used = 0
        self._free = threading.Condition()

    def check(self, need: int, what: str) -> None:
        """Refuse now a job that could never fit, rather than queue it forever."""
        if need > self.limit:
            raise InputError(
                f"{what} needs about {need / MB:,.0f} MB of memory; this studio allows "
                f"{self.limit / MB:,.0f} MB",
                accepted="a smaller size, or start the studio with a larger --memory-mb",
            )

    @contextmanager
    def reserve(self, need: int) -> Iterator[None]:
        """Wait until `need` bytes fit beside the running jobs, hold them, then give back."""
        need = min(need, self.limit)
        with self._free:
            while self.used and self.used + need > self.limit:
                self._free.wait()
            self.used += need
        try:
            yield
        finally:
            with self._free:
                self.used -= need
                self._free.notify_all()


# Measured on this machine (docs/studio.md): peak resident growth of one job, per pixel of
# the painting, and the fixed part (the song, the page, the models loaded).
BYTES_PER_PIXEL = {"shanshui": 90, "painterly": 120, "neural": 700}
BASE_BYTES = {"painting": 120 * MB, "song": 200 * MB, "creation": 320 * MB, "remix": 320 * MB}


def estimate_bytes(kind: str, width: int = 0, height: int = 0, style: str = "shanshui") -> int:
    return BASE_BYTES.get(kind, 200 * MB) + width * height * BYTES_PER_PIXEL.get(style, 120)


def rss_bytes() -> int:
    """Resident memory of this process now (Linux; 0 where /proc is absent)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


@lru_cache(maxsize=1)
def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None  # glibc only


def give_back(neural: bool = False) -> None:
    """Return what a finished job used to the system."""
    if neural:
        from inkmuse.painting import neural as painter

        # The session is the painter's own cache; clearing it frees its onnxruntime arena.
        painter._engine.cache_clear()
    gc.collect()
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
