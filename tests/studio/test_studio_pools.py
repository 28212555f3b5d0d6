"""The bounded pools that keep heavy work off the server's shared threads: results and
errors come back, a full pool refuses at once, a stream is drawn on the pool's thread and
stops when its reader does."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator

import pytest

from inkmuse.studio.pools import BoundedPool, Busy, retry_after


def test_run_returns_results_and_raises_errors() -> None:
    pool = BoundedPool("demo", workers=1, queue=0)
    assert asyncio.run(pool.run(threading.current_thread)).name.startswith("inkmuse-demo")
    with pytest.raises(ZeroDivisionError):
        asyncio.run(pool.run(lambda: 1 / 0))
    assert pool.pending == 0
    pool.shutdown()


def test_a_full_pool_refuses_at_once() -> None:
    pool = BoundedPool("demo", workers=1, queue=1)

    async def three() -> list[object]:
        calls = [pool.run(time.sleep, 0.3) for _ in range(3)]
        return list(await asyncio.gather(*calls, return_exceptions=True))

    start = time.perf_counter()
    results = asyncio.run(three())
    assert [type(r).__name__ for r in results] == ["NoneType", "NoneType", "Busy"]
    busy = results[2]
    assert isinstance(busy, Busy) and 1 <= busy.retry_after <= 60
    assert time.perf_counter() - start < 2
    pool.shutdown()


def test_retry_after_grows_with_the_queue_and_is_bounded() -> None:
    assert retry_after(0, 2, 0.1) == 1
    assert retry_after(10, 2, 1.0) == 6
    assert retry_after(1000, 1, 5.0) == 60


def test_a_stream_is_drawn_on_the_pools_thread_and_stops_with_its_reader() -> None:
    pool = BoundedPool("demo", workers=1, queue=0)
    drawn: list[str] = []

    def items() -> Iterator[str]:
        for i in range(1000):
            drawn.append(threading.current_thread().name)
            time.sleep(0.01)
            yield str(i)

    async def read_three() -> list[str]:
        out = []
        stream = pool.stream(items())
        with pytest.raises(Busy):
            pool.stream(iter(()))  # the one thread is taken for the whole stream
        async for item in stream:
            out.append(item)
            if len(out) == 3:
                break
        await stream.aclose()  # type: ignore[attr-defined]
        return out

    assert asyncio.run(read_three()) == ["0", "1", "2"]
    time.sleep(0.2)
    assert len(drawn) < 30 and all(n.startswith("inkmuse-demo") for n in drawn)
    assert pool.pending == 0
    pool.shutdown()


def test_a_streams_error_reaches_its_reader() -> None:
    pool = BoundedPool("demo", workers=1, queue=0)

    def items() -> Iterator[int]:
        yield 1
        raise ValueError("the model went away")

    async def read() -> list[int]:
        return [item async for item in pool.stream(items())]

    with pytest.raises(ValueError, match="went away"):
        asyncio.run(read())
    pool.shutdown()
