"""Load test of the studio on loopback: simulated people typing poems (a check on every
keystroke) and now and then asking for a new poem, all at once.

    .venv/bin/python benchmarks/bench_studio_load.py [--users 20] [--seconds 10]

The studio runs as the real `inkmuse studio` command in its own process; the users are
asyncio tasks in this one. Each user types one of a few poems character by character
(about 4 keystrokes a second, a check after each), and every tenth action writes a poem
instead. Prints p50/p95/max latency per kind and the error count. Target: p95 under 1 s
for checks, no errors.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

POEMS = (
    "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。",
    "床前明月光，疑是地上霜。举头望明月，低头思故乡。",
    "月落乌啼霜满天，江枫渔火对愁眠。姑苏城外寒山寺，夜半钟声到客船。",
    "国破山河在，城春草木深。感时花溅泪，恨别鸟惊心。烽火连三月，家书抵万金。白头搔更短，浑欲不胜簪。",
)
KEYWORDS = ("秋夜 思乡", "春江 花月", "登楼", "山寺 钟声")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_studio(port: int, home: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "INKMUSE_HOME": str(home)}
    cmd = [sys.executable, "-m", "inkmuse.cli.main", "studio", "--no-browser", "--port", str(port)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/options", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the studio did not start")


async def user(client: httpx.AsyncClient, rng: random.Random, until: float,
               times: dict[str, list[float]], errors: list[str]) -> None:  # fmt: skip
    action = 0
    while time.monotonic() < until:
        poem = rng.choice(POEMS)
        for i in range(1, len(poem) + 1):
            if time.monotonic() >= until:
                return
            action += 1
            if action % 10 == 0:
                kind = "poem"
                body = {"keywords": rng.choice(KEYWORDS), "form": "五绝", "n": 8,
                        "seed": rng.randrange(2**31)}  # fmt: skip
                path = "/api/poems"
            else:
                kind, path, body = "check", "/api/check", {"text": poem[:i]}
            start = time.perf_counter()
            try:
                response = await client.post(path, json=body)
                if response.status_code != 200:
                    errors.append(f"{kind} {response.status_code}: {response.text[:120]}")
            except httpx.HTTPError as err:
                errors.append(f"{kind} {type(err).__name__}")
            times[kind].append(time.perf_counter() - start)
            await asyncio.sleep(rng.uniform(0.15, 0.35))  # the time between keystrokes


def pct(values: list[float], q: float) -> float:
    return (
        statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]
        if len(values) > 1
        else values[0]
    )


async def run(port: int, users: int, seconds: float) -> tuple[dict[str, list[float]], list[str]]:
    times: dict[str, list[float]] = {"check": [], "poem": []}
    errors: list[str] = []
    limits = httpx.Limits(max_connections=users)
    async with httpx.AsyncClient(
        base_url=f"http://127.0.0.1:{port}", timeout=30, limits=limits
    ) as client:
        until = time.monotonic() + seconds
        await asyncio.gather(
            *(user(client, random.Random(i), until, times, errors) for i in range(users))
        )
    return times, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    port = free_port()
    with tempfile.TemporaryDirectory() as home:
        proc = start_studio(port, Path(home))
        try:
            times, errors = asyncio.run(run(port, args.users, args.seconds))
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    print(
        f"{args.users} users for {args.seconds:.0f} s on 127.0.0.1 (os.cpu_count()={os.cpu_count()})"
    )
    for kind, values in times.items():
        if values:
            print(f"  {kind:<6} n={len(values):5d}  p50 {pct(values, 50) * 1000:7.1f} ms  "
                  f"p95 {pct(values, 95) * 1000:7.1f} ms  max {max(values) * 1000:7.1f} ms  "
                  f"({len(values) / args.seconds:.1f}/s)")  # fmt: skip
    print(f"  errors {len(errors)}")
    for line in errors[:10]:
        print("   ", line)
    check_p95 = pct(times["check"], 95) if times["check"] else float("inf")
    print(
        "  target p95(check) < 1 s, no errors:",
        "met" if check_p95 < 1 and not errors else "NOT met",
    )


if __name__ == "__main__":
    main()
