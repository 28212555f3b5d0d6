"""The OpenAI-compatible backend against a real HTTP server on loopback."""

from __future__ import annotations

import socket

import pytest

from inkmuse.core.errors import BackendError
from inkmuse.models.backends.openai_http import OpenAIBackend
from inkmuse.models.protocol import GenerateOptions, Message

from .fake_server import FakeServer, Script

OPTS = GenerateOptions(seed=1, timeout=5)


def backend(url: str, **kwargs: object) -> OpenAIBackend:
    return OpenAIBackend("test", url, "tiny", backoff=0.01, **kwargs)  # type: ignore[arg-type]


def test_chat_and_completion() -> None:
    script = Script(replies=["一二三"])
    with FakeServer(script) as url:
        assert backend(url).generate([Message("user", "hi")], OPTS) == "一二三"
        assert backend(url, chat=False).generate("hi", OPTS) == "一二三"
    assert script.received[0]["messages"] == [{"role": "user", "content": "hi"}]
    assert script.received[0]["seed"] == 1
    assert script.received[1]["prompt"] == "hi"


def test_streaming() -> None:
    with FakeServer(Script(replies=["床前明月光疑是地上霜"])) as url:
        pieces = list(backend(url).stream("hi", OPTS))
    assert len(pieces) > 1 and "".join(pieces) == "床前明月光疑是地上霜"


def test_retries_429_and_5xx_then_succeeds() -> None:
    script = Script(replies=["好"], statuses=[429, 503])
    with FakeServer(script) as url:
        assert backend(url, retries=2).generate("hi", OPTS) == "好"
    assert len(script.received) == 3


def test_gives_up_after_the_retry_bound() -> None:
    with (
        FakeServer(Script(statuses=[500, 500, 500])) as url,
        pytest.raises(BackendError, match="500"),
    ):
        backend(url, retries=1).generate("hi", OPTS)


def test_server_dies_mid_stream() -> None:
    with FakeServer(Script(replies=["一二三四五六七八九十" * 3], die_after=2)) as url:
        stream = backend(url).stream("hi", OPTS)
        with pytest.raises(BackendError, match="after 8 characters"):
            list(stream)


def test_wrong_model_lists_the_served_ones() -> None:
    with FakeServer(Script(models=("qwen", "llama"))) as url, pytest.raises(BackendError) as err:
        OpenAIBackend("ollama", url, "nope", flavor="ollama").generate("hi", OPTS)
    text = str(err.value)
    assert "no model 'nope'" in text and "accepted: llama, qwen" in text and "ollama pull" in text


def test_timeout() -> None:
    with FakeServer(Script(delay=2.0)) as url, pytest.raises(BackendError, match=r"within 0\.5 s"):
        backend(url).generate("hi", GenerateOptions(timeout=0.5))


def test_server_down() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    down = OpenAIBackend("ollama", f"http://127.0.0.1:{port}/v1", "m", flavor="ollama")
    with pytest.raises(BackendError, match="cannot reach ollama") as err:
        down.generate("hi", OPTS)
    assert "ollama serve" in str(err.value) and "--fallback" in str(err.value)
    assert down.available().reachable is False


def test_grammar_field_per_flavor() -> None:
    script = Script(replies=["x"])
    with FakeServer(script) as url:
        backend(url, flavor="llamacpp").generate("hi", GenerateOptions(grammar='root ::= "x"'))
        backend(url, flavor="vllm").generate("hi", GenerateOptions(grammar='root ::= "x"'))
        with pytest.raises(BackendError, match="does not take a grammar"):
            backend(url, flavor="ollama").generate("hi", GenerateOptions(grammar='root ::= "x"'))
    assert script.received[0]["grammar"] == 'root ::= "x"'
    assert script.received[1]["structured_outputs"] == {"grammar": 'root ::= "x"'}


def test_api_key_goes_in_the_header_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from inkmuse.models.config import BackendConfig

    monkeypatch.setenv("MY_KEY", "sk-secret")
    cfg = BackendConfig(
        "hosted", "openai", {"base_url": "http://x/v1", "model": "m", "api_key_env": "MY_KEY"}
    )
    assert cfg.api_key() == "sk-secret"
    assert "sk-secret" not in repr(cfg.public())
