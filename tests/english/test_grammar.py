"""Every poem an English form's grammar allows passes the strict checker (no model needed)."""

from __future__ import annotations

import random

import pytest

from inkmuse.poetry.english import check_english, get_english_form
from inkmuse.poetry.english.grammar import english_grammar
from inkmuse.poetry.english.poet import extract_english

from .gbnf import parse, sample

CASES = [("sonnet", 14), ("limerick", 5), ("haiku", 3), ("tanka", 5), ("villanelle", 19),
         ("quatrain-abba", 8), ("heroic-couplets", 6), ("petrarchan", 14)]  # fmt: skip


@pytest.mark.parametrize(("form", "n"), CASES)
def test_sampled_poems_keep_the_form(form: str, n: int) -> None:
    kind = get_english_form(form)
    rules = parse(english_grammar(kind, n, kind.schemes[0], seed=11))
    rng = random.Random(form)
    for _ in range(4):
        raw = sample(rules, rng)
        text = extract_english(raw, kind, n, constrained=True)
        report = check_english(text, kind.key, strict=True)
        assert report.ok, (text, [f.message for f in report.errors])


def test_grammar_is_deterministic_per_seed_and_rhymes_vary_with_it() -> None:
    kind = get_english_form("limerick")
    a = english_grammar(kind, 5, "AABBA", seed=3)
    assert a == english_grammar(kind, 5, "AABBA", seed=3)
    assert a != english_grammar(kind, 5, "AABBA", seed=4)
