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
from typing import Protocol, runtime_checkable


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


def as_messages(prompt: Prompt) -> list[Message]:
    if isinstance(prompt, str):
        return [Message("user", prompt)]
    return list(prompt)


def as_text(prompt: Prompt) -> str:
    """A plain-text rendering of a chat prompt, for completion-only endpoints."""
    if isinstance(prompt, str):
        return prompt
    return "\n\n".join(m.content for m in prompt) + "\n\n"
