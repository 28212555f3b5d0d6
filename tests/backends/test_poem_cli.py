"""`inkmuse poem --backend`: the real CLI on the fake backend and on a server that is down."""

from __future__ import annotations

import socket
import subprocess

from inkmuse_cli import run_inkmuse


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_inkmuse("poem", *args, env=env)


def down_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}/v1"


def test_fake_backend_through_the_repair_loop() -> None:
    done = run("登楼", "--form", "五绝", "--backend", "fake", "--seed", "1", "--json")
    assert done.returncode == 0, done.stderr
    assert '"strategy": "repair"' in done.stdout and '"backend": "fake"' in done.stdout


def test_unreachable_backend_is_a_clear_error_or_falls_back() -> None:
    env = {"INKMUSE_OLLAMA_BASE_URL": down_url()}
    done = run("秋夜", "--backend", "ollama", env=env)
    assert done.returncode == 4 and "not reachable" in done.stderr and "--fallback" in done.stderr
    assert "Traceback" not in done.stderr
    fell = run(
        "秋夜",
        "思乡",
        "--form",
        "五绝",
        "--backend",
        "ollama",
        "--fallback",
        "--seed",
        "2",
        env=env,
    )
    assert fell.returncode == 0, fell.stderr
    assert "writing with the embedded poet" in fell.stderr and "合律" in fell.stdout


def test_embedded_only_options_are_refused_on_backends() -> None:
    done = run("秋夜", "--backend", "fake", "--acrostic", "春夏秋冬")
    assert done.returncode == 2 and "embedded poet" in done.stderr
