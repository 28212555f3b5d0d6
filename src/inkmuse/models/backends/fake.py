"""A fake backend for tests and offline demos: replies from a script, in order, forever.

>>> fake = FakeBackend(replies=["一", "二"])
>>> [fake.generate("?", GenerateOptions()) for _ in range(3)]
['一', '二', '一']
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from inkmuse.models.config import BackendConfig
from inkmuse.models.protocol import Availability, GenerateOptions, Message, Prompt, as_messages

DEFAULT_REPLY = "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。"


@dataclass
class FakeBackend:
    replies: Sequence[str] = (DEFAULT_REPLY,)
    name: str = "fake"
    model: str = "scripted"
    supports_grammar: bool = False
    prompts: list[list[Message]] = field(default_factory=list)  # every prompt received
    _turn: int = 0

    def generate(self, prompt: Prompt, options: GenerateOptions) -> str:
        self.prompts.append(as_messages(prompt))
        reply = self.replies[self._turn % len(self.replies)]
        self._turn += 1
        return reply

    def stream(self, prompt: Prompt, options: GenerateOptions) -> Iterator[str]:
        text = self.generate(prompt, options)
        for i in range(0, len(text), 3):
            yield text[i : i + 3]

    def available(self) -> Availability:
        return Availability(True, f"{len(self.replies)} scripted replies")


def make_backend(config: BackendConfig) -> FakeBackend:
    replies = config.options.get("replies")
    if isinstance(replies, list) and replies:
        return FakeBackend(replies=[str(r) for r in replies], name=config.name)
    return FakeBackend(name=config.name)
