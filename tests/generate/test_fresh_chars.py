"""Rarer words among plausible ones (issue 16: distinct characters): the fresh gain after the
min-p cut, the draw tally the table is built from, and the ranking's rarity term."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from inkmuse.models.embedded import load_poet
from inkmuse.poetry.generate.decode import MIN_P, sample_ids
from inkmuse.poetry.generate.rank import mean_surprisal, rank
from inkmuse.poetry.generate.steer import Steering, char_surprisal, fresh_chars


def _draws(logits: np.ndarray, after_cut: np.ndarray | None, times: int = 400) -> np.ndarray:
    rng = np.random.default_rng(7)
    rows = np.repeat(logits[None, :], times, axis=0)
    return sample_ids(rows, None, 1.0, rng, after_cut=after_cut)


def test_the_gain_moves_the_draw_among_plausible_ids_and_lets_no_other_in() -> None:
    below = float(np.log(MIN_P)) - 0.5  # id 2 is out of the cut: under MIN_P x the best
    logits = np.array([0.0, 0.0, below, -50.0], dtype=np.float32)
    plain = _draws(logits, None)
    gain = np.array([0.0, 2.0, 30.0, 30.0], dtype=np.float32)
    gained = _draws(logits, gain)
    assert set(plain.tolist()) == {0, 1}
    assert set(gained.tolist()) <= {0, 1}  # ids 2 and 3 stay out, whatever they gain
    assert (gained == 1).mean() > 0.8 > (plain == 1).mean()


def test_the_tally_adds_each_rows_draw_distribution() -> None:
    logits = np.array([[0.0, 0.0, -50.0], [0.0, -50.0, -50.0]], dtype=np.float32)
    mask = np.array([[True, True, True], [False, False, False]])  # row 2 has nothing legal
    tally = np.zeros(3)
    sample_ids(logits, mask, 1.0, np.random.default_rng(1), tally=tally)
    assert np.allclose(tally, [0.5, 0.5, 0.0])


def test_the_shipped_table_gains_rare_characters_and_prices_rarity() -> None:
    fresh, surprisal = fresh_chars("poet-v2"), char_surprisal("poet-v2")
    assert len(fresh) > 1000 and all(0 < g <= 3.0 for g in fresh.values())
    # The model's habits gain little or nothing: it draws them as often as real poets write them.
    assert "风" not in fresh and fresh.get("不", 0) < 0.5 < fresh["屦"]
    assert surprisal["不"] < 0 < surprisal["蛩"]
    assert fresh_chars("no-such-model") == {} == char_surprisal("no-such-model")


def test_steering_carries_the_gain_only_when_there_is_a_table() -> None:
    vocab = load_poet().vocab
    steer = Steering.build(vocab, (), season=None, time=None, plan=None, fresh={"蛩": 1.5})
    assert steer.fresh is not None and steer.fresh[vocab.stoi["蛩"]] == 1.5
    assert Steering.build(vocab, (), season=None, time=None, plan=None).fresh is None


@dataclass
class _Draft:
    text: str
    mean_logprob: float


def test_of_two_fluent_poems_the_ranking_keeps_the_rarer() -> None:
    common = _Draft("山深人不到，月下水长流。", -3.0)
    rare = _Draft("寒蛩啼砌下，孤雁没汀洲。", -3.1)
    table = {"蛩": 4.0, "砌": 3.0, "汀": 3.0, "不": -3.0, "人": -2.5}
    kept, _ = rank([common, rare], (), surprisal=table, couplets=False)
    assert kept[0].candidate is rare
    plain, _ = rank([common, rare], (), couplets=False)
    assert plain[0].candidate is common  # fluency alone keeps the common one
    assert mean_surprisal(["蛩"], table) == 4.0
