"""The model's favourite characters cost while sampling (issue 16: vocabulary collapse)."""

from __future__ import annotations

from inkmuse.models.embedded import load_poet
from inkmuse.poetry.generate.steer import FAVOURITE_WEIGHT, Steering, favourite_chars


def test_the_shipped_table_names_the_models_habits_and_prices_them() -> None:
    table = favourite_chars("poet-v2")
    assert {"风", "春", "不"} <= set(table)
    assert all(0 < cost <= 1.5 for cost in table.values())
    assert favourite_chars("no-such-model") == {}


def test_a_favourite_costs_unless_the_person_or_the_plan_asked_for_it() -> None:
    vocab = load_poet().vocab
    table = {"风": 0.5, "春": 0.5}
    steer = Steering.build(vocab, ("春",), season=None, time=None, plan=None, favourites=table)
    bias = steer.bias(0, None)[0]
    assert bias[vocab.stoi["风"]] == -FAVOURITE_WEIGHT * 0.5
    assert bias[vocab.stoi["春"]] > 0  # the keyword's boost, no penalty
    planned = Steering.build(vocab, (), season=None, time=None, plan=("风",), favourites=table)
    assert planned.bias(0, None)[0][vocab.stoi["风"]] > 0
