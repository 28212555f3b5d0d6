"""Any OpenAI-compatible server over HTTP: Ollama, vLLM, llama.cpp's server, hosted APIs.

Flavors handle what differs: llama.cpp's server (and llama-cpp-python's) takes a GBNF
`grammar` field; vLLM takes `structured_outputs: {"grammar": ...}`; Ollama takes neither
and is driven by the repair loop. Retries with backoff on 429 and 5xx (honouring
Retry-After), a clear message when the server is down or the model is missing, and
streaming over server-sent events that notices a server dying mid-stream.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import httpx

from inkmuse.core.errors import BackendError
from inkmuse.models.config import BackendConfig
from inkmuse.models.protocol import Availability, GenerateOptions, Prompt, as_messages, as_text

GRAMMAR_FLAVORS = ("llamacpp", "vllm")
RETRY_STATUS = {429, 500, 502, 503, 504}
MAX_BACKOFF = 8.0


class OpenAIBackend:
    """A backend for one model on one OpenAI-compatible server."""

    def __init__(
        self,
        name: str,
        base_url: str,
        model: str,
        *,
        flavor: str = "openai",
        api_key: str | None = None,
        api_key_env: str | None = None,
        chat: bool = True,
        retries: int = 2,
        backoff: float = 0.5,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.name = name
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.flavor = flavor
        self.chat = chat
        self.retries = retries
        self.backoff = backoff
        self.api_key_env = api_key_env
        self.supports_grammar = flavor in GRAMMAR_FLAVORS
        self._headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._transport = transport

    def _client(self) -> httpx.Client:
        # A client per call: nothing stays open between calls (LLM calls are long anyway).
        return httpx.Client(headers=self._headers, transport=self._transport)

    # -- requests -----------------------------------------------------------------
    def _body(
        self, prompt: Prompt, options: GenerateOptions, stream: bool
    ) -> tuple[str, dict[str, Any]]:
        body: dict[str, Any] = {
            "model": self.model,
            "max_tokens": options.max_tokens,
            "temperature": options.temperature,
            "stream": stream,
        }
        if options.seed is not None:
            body["seed"] = options.seed
        if options.stop:
            body["stop"] = list(options.stop)
        if options.grammar is not None:
            if not self.supports_grammar:
                raise BackendError(f"{self.name} ({self.flavor}) does not take a grammar")
            if self.flavor == "vllm":
                body["structured_outputs"] = {"grammar": options.grammar}
            else:
                body["grammar"] = options.grammar
        if self.chat:
            body["messages"] = [{"role": m.role, "content": m.content} for m in as_messages(prompt)]
            return "/chat/completions", body
        body["prompt"] = as_text(prompt)
        return "/completions", body

    def _post(
        self, client: httpx.Client, path: str, body: dict[str, Any], timeout: float, stream: bool
    ) -> httpx.Response:
        url = self.base_url + path
        for attempt in range(self.retries + 1):
            try:
                request = client.build_request("POST", url, json=body, timeout=timeout)
                response = client.send(request, stream=stream)
            except httpx.ConnectError as err:
                raise BackendError(
                    f"cannot reach {self.name} at {url} ({_connect_reason(err)})",
                    hint=_start_hint(self.flavor)
                    + "; or use --fallback to write with the embedded poet",
                ) from None
            except httpx.TimeoutException:
                raise BackendError(
                    f"{self.name} at {url} did not answer within {timeout:g} s",
                    hint="raise the backend's timeout, or try a smaller model",
                ) from None
            except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as err:
                # The server accepted the connection, then dropped or reset it: a crash, an
                # out-of-memory kill, or a proxy in the way.
                raise BackendError(
                    f"{self.name} at {url} dropped the connection before answering "
                    f"({type(err).__name__})",
                    hint="look at the server's log (it may have crashed or run out of memory), "
                    "then try again",
                ) from None
            except httpx.HTTPError as err:
                raise BackendError(
                    f"{self.name} at {url}: {type(err).__name__}: {err}",
                    hint="check base_url in config.toml and that the server speaks the OpenAI API",
                ) from None
            if response.status_code in RETRY_STATUS and attempt < self.retries:
                wait = _retry_after(response) or self.backoff * 2**attempt
                response.close()
                time.sleep(min(wait, MAX_BACKOFF))
                continue
            if response.status_code >= 400:
                if stream:
                    response.read()
                raise self._error(response)
            return response
        raise AssertionError("unreachable")

    def _error(self, response: httpx.Response) -> BackendError:
        text = _error_text(response)
        status = response.status_code
        if status == 404 or "not found" in text.lower() or "does not exist" in text.lower():
            models = self.list_models()
            return BackendError(
                f"{self.name} has no model {self.model!r} ({status}: {text})",
                accepted=", ".join(models) if models else None,
                hint=("pull it first: ollama pull " + self.model)
                if self.flavor == "ollama"
                else None,
            )
        if status in (401, 403):
            env = self.api_key_env or "the variable named by api_key_env"
            return BackendError(f"{self.name} refused the request ({status})", hint=f"set {env}")
        return BackendError(f"{self.name} answered {status}: {text}")

    # -- TextModel ----------------------------------------------------------------
    def generate(self, prompt: Prompt, options: GenerateOptions) -> str:
        path, body = self._body(prompt, options, stream=False)
        with self._client() as client:
            response = self._post(client, path, body, options.timeout, stream=False)
        try:
            data = response.json()
            choice = data["choices"][0]
            text = choice["message"]["content"] if self.chat else choice["text"]
        except (ValueError, KeyError, IndexError, TypeError) as err:
            raise BackendError(
                f"{self.name} at {self.base_url + path} sent a reply inkmuse cannot read "
                f"({type(err).__name__}: {str(err)[:120]})",
                hint="is base_url an OpenAI-compatible API (ending in /v1)?",
            ) from None
        return str(text or "")

    def stream(self, prompt: Prompt, options: GenerateOptions) -> Iterator[str]:
        path, body = self._body(prompt, options, stream=True)
        with self._client() as client:
            response = self._post(client, path, body, options.timeout, stream=True)
            yield from self._events(response, options)

    def _events(self, response: httpx.Response, options: GenerateOptions) -> Iterator[str]:
        received = 0
        finished = False
        try:
            for line in response.iter_lines():
                if not line.startswith("data:"):
                    continue
                payload = line[5:].strip()
                if payload == "[DONE]":
                    finished = True
                    break
                try:
                    choice = json.loads(payload)["choices"][0]
                except (ValueError, KeyError, IndexError):
                    continue
                piece = (
                    (choice.get("delta") or {}).get("content") if self.chat else choice.get("text")
                )
                if piece:
                    received += len(piece)
                    yield piece
                if choice.get("finish_reason"):
                    finished = True
        except httpx.TimeoutException:
            raise BackendError(
                f"{self.name} at {response.url} stopped sending for {options.timeout:g} s",
                hint="raise the backend's timeout, or try a smaller model",
            ) from None
        except httpx.HTTPError:  # dropped, reset or a broken chunk in mid-stream
            raise BackendError(
                f"{self.name} at {response.url} closed the stream after {received} characters",
                hint="look at the server's log (it may have crashed), then try again",
            ) from None
        finally:
            response.close()
        if not finished:
            raise BackendError(
                f"{self.name} at {response.url} ended the stream early, after {received} "
                "characters",
                hint="look at the server's log, then try again",
            )

    def list_models(self) -> list[str]:
        try:
            with self._client() as client:
                response = client.get(self.base_url + "/models", timeout=3.0)
            return sorted(str(m["id"]) for m in response.json().get("data", []))
        except (httpx.HTTPError, ValueError, KeyError, TypeError, AttributeError):
            return []

    def available(self) -> Availability:
        try:
            with self._client() as client:
                response = client.get(self.base_url + "/models", timeout=2.0)
        except httpx.HTTPError as err:
            return Availability(False, f"{self.base_url}: {type(err).__name__}")
        if response.status_code >= 400:
            return Availability(False, f"{self.base_url}: HTTP {response.status_code}")
        try:
            models = [str(m["id"]) for m in response.json().get("data", [])]
        except (ValueError, KeyError, TypeError, AttributeError):
            return Availability(True, f"{self.base_url}: answered")
        mark = "" if self.model in models or not models else f"; {self.model!r} not among them"
        return Availability(True, f"{self.base_url}: {len(models)} model(s){mark}")


def _connect_reason(err: httpx.ConnectError) -> str:
    text = str(err).lower()
    if "name or service" in text or "nodename" in text or "getaddrinfo" in text:
        return "unknown host"
    return "connection refused"


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _error_text(response: httpx.Response) -> str:
    try:
        data = response.json()
    except ValueError:
        return response.text[:200]
    error = data.get("error", data) if isinstance(data, dict) else data
    if isinstance(error, dict):
        return str(error.get("message", error))[:200]
    return str(error)[:200]


def _start_hint(flavor: str) -> str:
    return {
        "ollama": "start it with `ollama serve`",
        "vllm": "start it with `vllm serve MODEL`",
        "llamacpp": "start it with `llama-server -m MODEL.gguf` or `python -m llama_cpp.server --model MODEL.gguf`",
    }.get(flavor, "check that the server runs and base_url is right")


def make_backend(config: BackendConfig) -> OpenAIBackend:
    opts = config.options
    if "base_url" not in opts or "model" not in opts:
        from inkmuse.core.errors import InputError

        raise InputError(
            f"backend {config.name!r} needs base_url and model", accepted="both set in config.toml"
        )
    return OpenAIBackend(
        config.name,
        str(opts["base_url"]),
        str(opts["model"]),
        flavor=str(opts.get("flavor", "openai")),
        api_key=config.api_key(),
        api_key_env=opts.get("api_key_env"),
        chat=bool(opts.get("chat", True)),
        retries=int(opts.get("retries", 2)),
    )
