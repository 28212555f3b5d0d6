"""Logit masks that keep a form, for a local model whose tokens inkmuse can read.

The same constraint the checker and the embedded poet's decoder use, applied at each step
of a foreign model (llama-cpp-python in process, or transformers through `BatchFormMasks`):
only single-character tokens of the tone the position allows (keeping 一三五不论 to the
sequences with no 孤平, 三平尾 or 三仄尾), the rhyme group at rhyme positions, no character
twice (重字, which a grammar cannot forbid) except a Tang 叠字 filling one foot, the line's
punctuation, then the end.

    >>> masks = FormMasks(TokenTable({"山": 1, "人": 2, "月": 3}, {"，": 9, "。": 8}, eos=0),
    ...                   get_form("五绝").pattern(Tone.ZE, False), "下平声十一真")
    >>> sorted(masks.allowed(""))  # 仄仄平平仄: the first character may be either tone
    [1, 2, 3]
"""

from __future__ import annotations

from typing import Any

import numpy as np

from inkmuse.core.prosody import RhymeBook, get_rhymebook
from inkmuse.core.tones import Tone
from inkmuse.models.tokens import TokenTable
from inkmuse.poetry.forms import FormSpec, get_form  # noqa: F401 - get_form for the example
from inkmuse.poetry.grammar import _classes
from inkmuse.poetry.rules import legal_tones, may_double, position_rule
from inkmuse.poetry.word_readings import words_ending_at


def _reads(variant: str, line: str, j: int) -> bool:
    """Whether a tone string reads every word that ends at position j of the line the way
    the word fixes it (扁舟: 扁 平), as the checker and the embedded poet do."""
    return all(
        variant[start + k] == mark
        for start, marks in words_ending_at(line, j)
        for k, mark in enumerate(marks)
        if mark != "·"
    )


class FormMasks:
    """Allowed next tokens after any prefix of a poem of `spec` rhyming in `group`."""

    def __init__(
        self, table: TokenTable, spec: FormSpec, group: str, book: RhymeBook | None = None
    ) -> None:
        self.table = table
        self.spec = spec
        self.book = book or get_rhymebook("平水韵")
        n = spec.line_length
        ping, ze = _classes(self.book.name, n)
        common = set(ping) | set(ze)
        self.tones = {
            c: "".join(t for t in "平仄" if Tone(t) in self.book.tones(c))
            for c in table.chars
            if c in common
        }
        self.rhyme = {c for c in self.tones if self.book.sure_rhyme_group(c) == group}
        self.variants = [legal_tones(line) for line in spec.lines]
        self.prompt_len = 0

    def allowed(self, text: str) -> list[int]:
        """Token ids that may follow the poem text written so far."""
        lines: list[str] = []
        current = ""
        for ch in text:
            if ch in self.table.punct:
                lines.append(current)
                current = ""
            else:
                current += ch
        i = len(lines)
        if i == len(self.spec.lines):
            return [self.table.eos]
        n = self.spec.line_length
        if len(current) == n:
            return [self.table.punct[self.spec.lines[i].punct]]
        j = len(current)
        fits = [
            v
            for v in self.variants[i]
            if all(v[k] in self.tones.get(c, "平仄") for k, c in enumerate(current))
            and all(_reads(v, current, k) for k in range(1, len(current)))
        ]
        wanted = {v[j] for v in fits}
        used = set(text)
        double = may_double(text, j)  # a 叠字 may repeat the character before it
        rule = position_rule(self.spec, i, j)
        pool = self.rhyme if rule == "rhyme" else self.tones
        one_tone = rule == "one_tone"
        return [
            self.table.chars[c]
            for c in pool
            if (c not in used or c == double)
            and any(t in wanted for t in self.tones[c])
            and not (one_tone and len(self.tones[c]) > 1)
            and not (rule == "ze_only" and "平" in self.tones[c])
            and (j == 0 or any(_reads(v, current + c, j) for v in fits))
        ]

    def __call__(self, input_ids: np.ndarray, scores: np.ndarray) -> np.ndarray:
        """A llama-cpp-python logits processor (set `prompt_len` before generating)."""
        text = "".join(self.table.text_of.get(int(t), "") for t in input_ids[self.prompt_len :])
        keep = self.allowed(text)
        masked = np.full_like(scores, -np.inf)
        if keep:
            masked[keep] = scores[keep]
        else:  # a dead end (every fitting character used): end, the checker will say why
            masked[self.table.eos] = 0.0
        return masked


class BatchFormMasks:
    """The masks as a Hugging Face `LogitsProcessor`: call(input_ids, scores) on a batch.

    Uses only indexing that torch tensors and numpy arrays share, so it runs under
    transformers' `generate(logits_processor=[...])` and is tested here with numpy.
    """

    def __init__(self, masks: FormMasks, prompt_len: int) -> None:
        self.masks = masks
        self.prompt_len = prompt_len

    def __call__(self, input_ids: Any, scores: Any) -> Any:
        text_of = self.masks.table.text_of
        for row in range(scores.shape[0]):
            ids = [int(t) for t in input_ids[row][self.prompt_len :]]
            keep = self.masks.allowed("".join(text_of.get(t, "") for t in ids)) or [
                self.masks.table.eos
            ]
            kept = scores[row, keep]
            scores[row, :] = float("-inf")
            scores[row, keep] = kept
        return scores
