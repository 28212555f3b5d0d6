from __future__ import annotations

from inkmuse.music.tonerules import allowed_steps, is_scored, melisma_direction, tone_agreement


def test_dengta_falls_and_dengta_rises() -> None:
    assert allowed_steps(1, 3) == {-1}  # 灯塔
    assert allowed_steps(3, 1) == {1}  # 等他


def test_every_pair_of_full_tones_is_scored_and_neutral_is_not() -> None:
    for a in range(1, 5):
        for b in range(1, 5):
            assert is_scored(a, b)
            assert allowed_steps(a, b) < {-1, 0, 1}  # never "anything goes"
    assert not is_scored(1, 5) and allowed_steps(1, 5) == {-1, 0, 1}


def test_held_syllables_follow_their_contour() -> None:
    assert melisma_direction(2) == 1
    assert melisma_direction(4) == -1
    assert melisma_direction(1) == 0


def test_agreement_counts_only_scored_pairs() -> None:
    # 灯塔 sung falling is right; rising is wrong; a neutral pair is not scored.
    assert tone_agreement([1, 3], [-2]) == (1, 1)
    assert tone_agreement([1, 3], [2]) == (0, 1)
    assert tone_agreement([3, 5, 1], [0, 3]) == (0, 0)


def test_plain_rules_count_only_opposite_motion() -> None:
    from inkmuse.music.tonerules import plain_agreement, speech_motion

    assert speech_motion(1, 3) == -1 and speech_motion(3, 1) == 1  # 灯塔 falls, 等他 rises
    assert speech_motion(4, 4) == 1  # 51 then 51: from the bottom back up to the top
    assert speech_motion(4, 4, by="height") == 0
    assert plain_agreement([1, 3, 1], [-2, 3]) == (2, 2)
    assert plain_agreement([1, 3, 1], [2, -3]) == (0, 2)
    assert plain_agreement([1, 4], [5]) == (1, 1)  # level at the junction: anything goes
    assert plain_agreement([1, 4], [-5], by="height") == (1, 1)
    assert plain_agreement([3, 5, 1], [2, 2]) == (0, 0)  # a neutral tone is left out
