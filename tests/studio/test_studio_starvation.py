"""Issue 14, item 4: a queue of poems never delays a check (one waited 28 s behind 100
poems), and a full queue is refused at once with Retry-After."""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from inkmuse.poetry.generate import poet
from inkmuse.studio import StudioConfig

from .conftest import running_studio

pytestmark = pytest.mark.network  # a real server on a loopback port

POET_SECONDS = 0.3  # each fake poem holds a poet thread this long, without using the CPU
CHECK = {"text": "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。"}


@pytest.fixture()
def slow_poet(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The real poet's answer, after a pause: the server (a thread of this process) waits
    as it would for a real poem, while the test's timings do not depend on the CPU."""
    from inkmuse.poetry.request import PoemRequest

    answer = poet.write_poem(PoemRequest(keywords=("秋夜",), form="五绝", n=1, seed=1))

    def write_poem(request: Any) -> Any:
        time.sleep(POET_SECONDS)
        return answer

    monkeypatch.setattr(poet, "write_poem", write_poem)
    yield


async def _burst(url: str, poems: int) -> tuple[list[httpx.Response], list[float]]:
    limits = httpx.Limits(max_connections=poems + 4)
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as client:
        body = {"keywords": "秋夜", "form": "五绝", "n": 1, "seed": 1}
        tasks = [asyncio.create_task(client.post("/api/poems", json=body)) for _ in range(poems)]
        await asyncio.sleep(0.5)  # every poem is in: queued for the poet (or for a thread)
        checks = []
        for _ in range(5):
            start = time.perf_counter()
            response = await client.post("/api/check", json=CHECK)
            assert response.status_code == 200
            checks.append(time.perf_counter() - start)
        return list(await asyncio.gather(*tasks)), checks


@pytest.mark.slow
def test_checks_do_not_wait_behind_a_queue_of_poems(tmp_path: Path, slow_poet: None) -> None:
    # 60 poems: more than the server's 40 shared threads, fewer than the poet's queue (128).
    with running_studio(StudioConfig(home=tmp_path)) as url:
        poems, checks = asyncio.run(_burst(url, 60))
    assert [r.status_code for r in poems] == [200] * 60
    # Before: each waiting poem held a shared thread, so the first check queued behind the
    # 20 poems that had no thread yet (about 3 s). Now every check is answered at once.
    assert max(checks) < 1.0, checks


def test_a_full_poet_queue_answers_429_with_retry_after(
    tmp_path: Path, slow_poet: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Long enough that all 12 arrive while the first 4 are still running or waiting.
    monkeypatch.setattr(sys.modules[__name__], "POET_SECONDS", 1.5)
    with running_studio(StudioConfig(home=tmp_path, poet_queue=2)) as url:
        poems, _ = asyncio.run(_burst(url, 12))
    codes = sorted(r.status_code for r in poems)
    assert codes == [200] * 4 + [429] * 8, codes  # 2 running + 2 waiting; the rest refused
    refused = next(r for r in poems if r.status_code == 429)
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    body = refused.json()
    assert "already waiting" in body["problem"] and body["type"] == "Busy"
