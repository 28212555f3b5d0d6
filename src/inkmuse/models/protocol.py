"""The one protocol every text-model backend implements.

A backend is a small object with a name, a model id and `generate` / `stream`. Backends that
can constrain their output with a GBNF grammar say so with `supports_grammar`; inkmuse then
compiles a form into a grammar (`inkmuse.poetry.grammar`) instead of repairing drafts.

    >>> from inkmuse.models.backends.fake import FakeBackend
    >>> FakeBackend(replies=["白日依山尽"]).generate("写一句诗", GenerateOptions(seed=1))
    '白日依山尽'
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from inkmuse.models.tokens import TokenTable


@dataclass(frozen=True)
class Message:
    role: str  # system, user, assistant
    content: str


Prompt = str | Sequence[Message]


@dataclass(frozen=True)
class GenerateOptions:
    """Sampling options. max_tokens: tokens to generate at most. temperature: 0 is greedy.
    grammar: a GBNF grammar (only for backends with supports_grammar). timeout: seconds."""

    max_tokens: int = 256
    temperature: float = 0.8
    seed: int | None = None
    stop: tuple[str, ...] = ()
    grammar: str | None = None
    timeout: float = 60.0


@dataclass(frozen=True)
class Availability:
    reachable: bool
    detail: str  # "3 models", "connection refused at http://...", ...


@runtime_checkable
class TextModel(Protocol):
    """A text model inkmuse can write with."""

    name: str  # the backend's configured name (embedded, ollama, ...)
    model: str  # the model id it uses
    supports_grammar: bool

    def generate(self, prompt: Prompt, options: GenerateOptions) -> str:
        """The whole completion."""
        ...

    def stream(self, prompt: Prompt, options: GenerateOptions) -> Iterator[str]:
        """The completion in pieces as they arrive."""
        ...

    def available(self) -> Availability:
        """Whether the backend can be used now, and why not."""
        ...


class TokenMask(Protocol):
    """A per-token constraint run at every decoding step (a llama-cpp logits processor):
    scores of disallowed tokens become -inf. `prompt_len` is set by the model before it
    generates, so the mask reads only the text written after the prompt."""

    prompt_len: int

    def __call__(self, input_ids: Any, scores: Any) -> Any: ...


@runtime_checkable
class MaskedModel(Protocol):
    """A capability: a model whose every token can be constrained (a local model with
    logits). A writer asks for its character tokens, then generates under a TokenMask."""

    def token_table(self) -> TokenTable:
        """The model's single-character tokens, line marks and end token."""
        ...

    def generate_masked(self, prompt: Prompt, masks: TokenMask, options: GenerateOptions) -> str:
        """The completion, with `masks` applied at every step."""
        ...


def as_messages(prompt: Prompt) -> list[Message]:
    if isinstance(prompt, str):
        return [Message("user", prompt)]
    return list(prompt)


def as_text(prompt: Prompt) -> str:
    """A plain-text rendering of a chat prompt, for completion-only endpoints."""
    if isinstance(prompt, str):
        return prompt
    return "\n\n".join(m.content for m in prompt) + "\n\n"
