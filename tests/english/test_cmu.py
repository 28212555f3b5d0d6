"""The shipped CMUdict and the spelling-based syllable estimate for the words it lacks."""

from __future__ import annotations

import random

import pytest

from inkmuse.core.cmu import cmudict, estimate_syllables, pronunciations_of


def test_the_whole_dictionary_ships_without_comments() -> None:
    table = cmudict()
    assert len(table) == 126_052
    assert pronunciations_of("Taoiseach") == ["T IY1 SH AH0 K"]  # the source's "# title" dropped
    assert len(pronunciations_of("read")) == 2


@pytest.mark.parametrize(
    ("word", "count"),
    [("suckled", 2), ("Proteus", 3), ("bottles", 2), ("rhymes", 1), ("wreathed", 1),
     ("lion", 2), ("nation", 2), ("glimmering", 3), ("o'er", 1), ("slithy", 2)],
)  # fmt: skip
def test_estimates_on_words_verse_uses(word: str, count: int) -> None:
    assert estimate_syllables(word) == count


def test_estimate_agrees_with_cmudict_on_nine_words_in_ten() -> None:
    table = cmudict()
    words = random.Random(0).sample(sorted(w for w in table if w.isalpha()), 2000)
    right = sum(
        estimate_syllables(w) in {sum(c.isdigit() for c in p) for p in table[w]} for w in words
    )
    assert right / len(words) >= 0.88
