"""Imagery that contradicts the theme costs while sampling, unless the person asked for it
(issue 16: coherence with the theme)."""

from __future__ import annotations

import numpy as np

from inkmuse.models.embedded import load_poet
from inkmuse.models.embedded.vocab import Vocab
from inkmuse.poetry.generate.steer import CONTRARY_PENALTY, Steering


def _after(steer: Steering, vocab: Vocab, first: str, second: str) -> float:
    """The bias on `second` right after `first`, at the start of no line's plan."""
    previous = np.array([vocab.stoi[first]])
    return float(
        steer.bias(9, previous)[0][vocab.stoi[second]] - steer.bias(9, None)[0][vocab.stoi[second]]
    )


def test_a_word_sharing_the_persons_character_is_still_contrary() -> None:
    # an eval request (夜, 落叶, 送残) wrote 夜来灯火送残阳: 残 was the person's, 阳 was not
    vocab = load_poet().vocab
    steer = Steering.build(vocab, ("夜", "送残"), season="autumn", time="night", plan=None)
    assert _after(steer, vocab, "残", "阳") == -CONTRARY_PENALTY


def test_a_contrary_word_the_person_asked_for_costs_nothing() -> None:
    vocab = load_poet().vocab
    asked = Steering.build(vocab, ("夕阳", "夜"), season=None, time="night", plan=None)
    assert _after(asked, vocab, "夕", "阳") == 0.0
    inside = Steering.build(vocab, ("阳", "夜"), season=None, time="night", plan=None)
    assert _after(inside, vocab, "残", "阳") == 0.0  # 阳 alone: the person's word is in it
    unasked = Steering.build(vocab, ("夜",), season=None, time="night", plan=None)
    assert _after(unasked, vocab, "夕", "阳") == -CONTRARY_PENALTY
