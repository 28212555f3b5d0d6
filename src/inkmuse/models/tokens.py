"""A model's single-character tokens: what token-level constraints need to know of a model.

A backend that takes a logits processor (`llamacpp-local`) lists the tokens that spell one
Chinese character, the two line-ending marks and its end token; a writer builds its masks
on this table without knowing the model's tokenizer.

    >>> table = TokenTable({"山": 5, "月": 6}, {"，": 1, "。": 2}, eos=0)
    >>> table.text_of[6], table.text_of[2]
    ('月', '。')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from inkmuse.core.hanzi import is_han


@dataclass(frozen=True)
class TokenTable:
    """Character -> token id; punctuation -> token id; the end-of-text token."""

    chars: dict[str, int]
    punct: dict[str, int]
    eos: int

    @cached_property
    def text_of(self) -> dict[int, str]:
        return {i: c for c, i in {**self.chars, **self.punct}.items()}


def token_table_from_decoder(
    decode: Callable[[list[int]], str], vocab_size: int, eos: int
) -> TokenTable:
    """A TokenTable from any tokenizer's decode function (Hugging Face's `tokenizer.decode`)."""
    chars: dict[str, int] = {}
    punct: dict[str, int] = {}
    for token in range(vocab_size):
        text = decode([token]).strip()
        if is_han(text):
            chars.setdefault(text, token)
        elif text in ("，", "。"):
            punct.setdefault(text, token)
    return TokenTable(chars, punct, eos)
