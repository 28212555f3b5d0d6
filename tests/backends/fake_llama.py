"""Stand-ins for llama_cpp.Llama, loaded inside the backend's worker process.

Each loader is a module-level function (the worker is spawned and gets it by name). They
answer like Llama's completion call, or crash the way a native-code bug does.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from typing import Any


class EchoLlama:
    """Answers with the prompt reversed; a prompt containing "crash" segfaults the worker."""

    def __call__(self, text: str, stream: bool = False, **kwargs: Any) -> Any:
        if "crash" in text:
            os.kill(os.getpid(), signal.SIGSEGV)
        reply = text[::-1]
        if stream:
            return self._pieces(reply)
        return {"choices": [{"text": reply}]}

    @staticmethod
    def _pieces(reply: str) -> Iterator[dict[str, Any]]:
        for ch in reply:
            yield {"choices": [{"text": ch}]}


def echo_loader(path: str, n_ctx: int) -> EchoLlama:
    return EchoLlama()


class Segfaulting:
    """Dies with SIGSEGV at the first decode, as llama.cpp's AMX path does on Sapphire Rapids
    (and at any other use: reading the vocabulary for masks crashes it too)."""

    def __call__(self, text: str, **kwargs: Any) -> Any:
        os.kill(os.getpid(), signal.SIGSEGV)

    def __getattr__(self, name: str) -> Any:
        os.kill(os.getpid(), signal.SIGSEGV)


def segfault_loader(path: str, n_ctx: int) -> Segfaulting:
    return Segfaulting()


def broken_file_loader(path: str, n_ctx: int) -> Any:
    raise ValueError(f"Failed to load model from file: {path}")
