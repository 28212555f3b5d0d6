"""Heavy request work (the poet, remote backends) on its own few threads, behind a bounded
queue, so that it never takes the server's shared thread pool from the cheap routes.

Before this, 100 concurrent `/api/poems` each held one of the server's 40 threads while they
waited for the poet, and a `/api/check` waited 28 s for a thread. Now a waiting request is an
asyncio future (no thread), and past `queue` waiting requests the answer is a refusal with
Retry-After (a 429), at once.

    >>> import asyncio
    >>> pool = BoundedPool("demo", workers=1, queue=1)
    >>> asyncio.run(pool.run(sum, [1, 2]))
    3
    >>> pool.shutdown()
"""

from __future__ import annotations

import asyncio
import math
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar, cast

from inkmuse.core.errors import InkmuseError

T = TypeVar("T")
MAX_RETRY_AFTER_S = 60


class Busy(InkmuseError):
    """Too much work is already waiting; ask again after `retry_after` seconds."""

    def __init__(self, problem: str, *, retry_after: int, accepted: str | None = None) -> None:
        super().__init__(problem, accepted=accepted, hint=f"try again in {retry_after} s")
        self.retry_after = retry_after


def retry_after(waiting: int, workers: int, seconds_each: float) -> int:
    """Seconds until a place in the queue is likely free: the work ahead, shared by the
    workers, at the recent average duration; between 1 and a minute."""
    estimate = math.ceil((waiting + 1) * seconds_each / max(workers, 1))
    return max(1, min(MAX_RETRY_AFTER_S, estimate))


class BoundedPool:
    def __init__(self, name: str, workers: int, queue: int) -> None:
        self.name, self.workers, self.queue = name, workers, queue
        self._executor = ThreadPoolExecutor(workers, thread_name_prefix=f"inkmuse-{name}")
        self._lock = threading.Lock()
        self._pending = 0  # running + waiting
        self._seconds = 1.0  # a running average of how long one call takes

    @property
    def pending(self) -> int:
        with self._lock:
            return self._pending

    def _enter(self) -> None:
        with self._lock:
            if self._pending >= self.workers + self.queue:
                waiting = self._pending - self.workers
                raise Busy(
                    f"{waiting} {self.name} requests are already waiting",
                    retry_after=retry_after(waiting, self.workers, self._seconds),
                )
            self._pending += 1

    async def run(self, fn: Callable[..., T], *args: object) -> T:
        """fn(*args) on one of the pool's threads, or Busy when the queue is full."""
        self._enter()
        try:
            future = self._executor.submit(self._timed, fn, *args)
        except BaseException:
            self._done()
            raise
        # Counted out when the work ends or is cancelled, not when the caller stops waiting:
        # a page that closes does not free a thread that is still computing.
        future.add_done_callback(lambda _: self._done())
        try:
            return await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            future.cancel()  # still queued: never started; running: finishes unobserved
            raise

    def stream(self, items: Iterator[T]) -> AsyncIterator[T]:
        """The items of a blocking iterator (a model writing a draft), drawn on one of the
        pool's threads for the whole stream and handed to the event loop; Busy now, before
        any response starts, when the pool is full."""
        self._enter()
        loop = asyncio.get_running_loop()
        handed: asyncio.Queue[tuple[bool, object]] = asyncio.Queue()
        stop = threading.Event()

        def hand(done: bool, value: object) -> None:
            try:
                loop.call_soon_threadsafe(handed.put_nowait, (done, value))
            except RuntimeError:  # the loop is gone: the server stopped mid-stream
                stop.set()

        def produce() -> None:
            try:
                for item in items:
                    if stop.is_set():  # the page went away: stop asking the model
                        break
                    hand(False, item)
            except BaseException as err:  # raised where the stream is read
                hand(True, err)
            else:
                hand(True, None)

        future = self._executor.submit(self._timed, produce)
        future.add_done_callback(lambda _: self._done())

        async def consume() -> AsyncIterator[T]:
            try:
                while True:
                    done, value = await handed.get()
                    if isinstance(value, BaseException):
                        raise value
                    if done:
                        return
                    yield cast(T, value)
            finally:
                stop.set()
                future.cancel()

        return consume()

    def _timed(self, fn: Callable[..., T], *args: object) -> T:
        start = time.perf_counter()
        try:
            return fn(*args)
        finally:
            took = time.perf_counter() - start
            with self._lock:
                self._seconds = 0.8 * self._seconds + 0.2 * took

    def _done(self) -> None:
        with self._lock:
            self._pending -= 1

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
