"""Load test of the studio on loopback: simulated people typing poems (a check on every
keystroke) and now and then asking for a new poem, all at once.

    .venv/bin/python benchmarks/bench_studio_load.py [--users 20] [--seconds 10]
    .venv/bin/python benchmarks/bench_studio_load.py --burst 100
    .venv/bin/python benchmarks/bench_studio_load.py --paint 2048

The studio runs as the real `inkmuse studio` command in its own process; the users are
asyncio tasks in this one.

- Typing (default): each user types one of a few poems character by character (about 4
  keystrokes a second, a check after each), and every tenth action writes a poem instead.
  Target: p95 under 1 s for checks, no errors.
- `--burst N`: N poem requests at once, and meanwhile a check every 50 ms (on a fixed
  schedule, whether or not the previous one was answered) until the last poem is answered. Target: p95 of the checks under 200 ms; every poem
  answered 200 or refused 429 (queue full), nothing else.
- `--paint SIZE`: one neural painting of SIZE x SIZE, then two at once; the studio's
  resident memory (VmRSS) before and after each, and its peak (VmHWM).

Prints p50/p95/max latency per kind and the error count. Each mode is bounded in time.
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
    """`inkmuse studio` on `port`, answering; its stderr is discarded (a pipe nobody reads
    would fill and stall it)."""
    env = {**os.environ, "INKMUSE_HOME": str(home)}
    cmd = [sys.executable, "-m", "inkmuse.cli.main", "studio", "--no-browser", "--port", str(port)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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


async def burst(port: int, poems: int) -> tuple[dict[str, list[float]], dict[int, int]]:
    """`poems` poem requests at once; checks every 50 ms until they are all answered."""
    times: dict[str, list[float]] = {"check": [], "poem": []}
    codes: dict[int, int] = {}
    limits = httpx.Limits(max_connections=poems + 8)
    async with httpx.AsyncClient(
        base_url=f"http://127.0.0.1:{port}", timeout=BURST_TIMEOUT_S, limits=limits
    ) as client:

        async def poem(i: int) -> None:
            body = {"keywords": KEYWORDS[i % len(KEYWORDS)], "form": "五绝", "n": 8, "seed": i}
            start = time.perf_counter()
            try:
                response = await client.post("/api/poems", json=body)
                codes[response.status_code] = codes.get(response.status_code, 0) + 1
            except httpx.HTTPError as err:
                codes[-1] = codes.get(-1, 0) + 1
                print("   poem", type(err).__name__)
            times["poem"].append(time.perf_counter() - start)

        async def check(i: int) -> None:
            start = time.perf_counter()
            response = await client.post("/api/check", json={"text": text[: i % len(text) + 1]})
            times["check"].append(time.perf_counter() - start)
            if response.status_code != 200:
                codes[-response.status_code] = codes.get(-response.status_code, 0) + 1

        tasks = [asyncio.create_task(poem(i)) for i in range(poems)]
        text = POEMS[0]
        # On a fixed schedule, not one after another: a check stuck for 26 s is then seen
        # as the 500 keystrokes it delays, not as one slow sample among fast ones.
        checks: list[asyncio.Task[None]] = []
        while not all(t.done() for t in tasks):
            checks.append(asyncio.create_task(check(len(checks))))
            await asyncio.sleep(0.05)
        await asyncio.gather(*tasks, *checks)
    return times, codes


def memory_kb(pid: int) -> dict[str, int]:
    """VmRSS (resident now) and VmHWM (the peak) of a process, in kB."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = int(value.split()[0])
    return out


def paint(port: int, pid: int, size: int) -> None:
    """One neural painting, then two at once; memory after each."""
    body = {"text": "秋夜 思乡", "style": "neural", "width": size, "height": size, "seed": 1}
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:

        def run(count: int) -> None:
            start = time.perf_counter()
            jobs = [client.post("/api/paintings", json={**body, "seed": i}) for i in range(count)]
            for job in jobs:
                if job.status_code != 202:
                    print(f"  refused: {job.status_code} {job.text[:200]}")
                    continue
                while True:
                    snap = client.get(f"/api/jobs/{job.json()['id']}").json()
                    if snap["status"] in ("done", "failed"):
                        break
                    time.sleep(0.2)
                if snap["status"] != "done":
                    print(f"  failed: {snap['error']}")
            mem = memory_kb(pid)
            print(f"  {count} x neural {size}x{size}: {time.perf_counter() - start:5.1f} s; "
                  f"resident after {mem['VmRSS'] / 1024:6.0f} MB, peak so far "
                  f"{mem['VmHWM'] / 1024:6.0f} MB")  # fmt: skip

        print(f"  idle: resident {memory_kb(pid)['VmRSS'] / 1024:.0f} MB")
        run(1)
        run(2)


BURST_TIMEOUT_S = 180.0  # a poem at the end of a queue of 100 waits its turn


def report(times: dict[str, list[float]], seconds: float) -> None:
    for kind, values in times.items():
        if values:
            print(f"  {kind:<6} n={len(values):5d}  p50 {pct(values, 50) * 1000:7.1f} ms  "
                  f"p95 {pct(values, 95) * 1000:7.1f} ms  max {max(values) * 1000:7.1f} ms  "
                  f"({len(values) / seconds:.1f}/s)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--burst", type=int, default=0, help="N poem requests at once")
    parser.add_argument("--paint", type=int, default=0, help="neural paintings of SIZE²")
    args = parser.parse_args()
    port = free_port()
    with tempfile.TemporaryDirectory() as home:
        proc = start_studio(port, Path(home))
        try:
            if args.paint:
                print(f"memory of the studio process (pid {proc.pid}):")
                paint(port, proc.pid, args.paint)
                return
            if args.burst:
                start = time.perf_counter()
                times, codes = asyncio.run(burst(port, args.burst))
                took = time.perf_counter() - start
                print(f"{args.burst} poem requests at once, checks every 50 ms meanwhile, "
                      f"on 127.0.0.1 (os.cpu_count()={os.cpu_count()}), {took:.1f} s")  # fmt: skip
                report(times, took)
                print(f"  poem answers by status {dict(sorted(codes.items()))} "
                      "(negative: a check's status other than 200)")  # fmt: skip
                p95 = pct(times["check"], 95)
                ok = p95 < 0.2 and set(codes) <= {200, 429}
                print("  target p95(check) < 200 ms, poems 200 or 429:", "met" if ok else "NOT met")
                return
            times, errors = asyncio.run(run(port, args.users, args.seconds))
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    print(
        f"{args.users} users for {args.seconds:.0f} s on 127.0.0.1 (os.cpu_count()={os.cpu_count()})"
    )
    report(times, args.seconds)
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
