"""Every transport fault of an HTTP backend is one BackendError naming the URL and what to try.

Refused, reset, dropped before the answer, dropped mid-stream, a silent server (timeout),
a stream that stalls, and replies that are not the OpenAI API: none may escape as an httpx
exception (the CLI would print a traceback) and each says where and what next.
"""

from __future__ import annotations

import socket

import pytest

from inkmuse.core.errors import BackendError
from inkmuse.models.backends.openai_http import OpenAIBackend
from inkmuse.models.protocol import GenerateOptions
from inkmuse_cli import run_inkmuse

from .fake_server import FakeServer, Script

OPTS = GenerateOptions(seed=1, timeout=5)


def backend(url: str) -> OpenAIBackend:
    return OpenAIBackend("test", url, "tiny", retries=0, backoff=0.01)


def error_of(script: Script, *, stream: bool = False, timeout: float = 5) -> BackendError:
    options = GenerateOptions(seed=1, timeout=timeout)
    with FakeServer(script) as url, pytest.raises(BackendError) as err:
        model = backend(url)
        if stream:
            list(model.stream("hi", options))
        else:
            model.generate("hi", options)
    text = str(err.value)
    assert url in text, text  # names where it went wrong
    assert err.value.hint, text  # and what to try
    return err.value


def test_connection_refused_names_the_url_and_how_to_start_a_server() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}/v1"
    with pytest.raises(BackendError) as err:
        backend(url).generate("hi", OPTS)
    assert "connection refused" in str(err.value) and url in str(err.value)
    assert "--fallback" in str(err.value)


@pytest.mark.parametrize("stream", [False, True])
def test_connection_dropped_before_the_answer(stream: bool) -> None:
    err = error_of(Script(fault="drop"), stream=stream)
    assert "dropped the connection" in str(err) and "server's log" in str(err)


@pytest.mark.parametrize("stream", [False, True])
def test_connection_reset(stream: bool) -> None:
    err = error_of(Script(fault="reset"), stream=stream)
    assert "dropped the connection" in str(err)


def test_dropped_mid_stream() -> None:
    err = error_of(Script(replies=["一二三四五六七八九十" * 3], die_after=2), stream=True)
    assert "after 8 characters" in str(err)


def test_timeout_before_any_answer() -> None:
    err = error_of(Script(delay=2.0), timeout=0.5)
    assert "did not answer within 0.5 s" in str(err)


def test_stream_that_stalls() -> None:
    script = Script(replies=["一二三四五六七八九十"], die_after=1, fault="stall", delay=2.0)
    err = error_of(script, stream=True, timeout=0.5)
    assert "stopped sending for 0.5 s" in str(err)


@pytest.mark.parametrize("fault", ["garbage", "not-openai"])
def test_a_reply_that_is_not_the_openai_api(fault: str) -> None:
    err = error_of(Script(fault=fault))
    assert "cannot read" in str(err) and "/v1" in str(err)


def test_the_cli_prints_one_line_not_a_traceback_when_the_server_drops() -> None:
    with FakeServer(Script(fault="drop")) as url:
        done = run_inkmuse(
            "poem", "秋夜", "--form", "五绝", "--backend", "ollama",
            env={"INKMUSE_OLLAMA_BASE_URL": url},
        )  # fmt: skip
    assert done.returncode == 4, done.stderr
    assert "Traceback" not in done.stderr and "dropped the connection" in done.stderr
