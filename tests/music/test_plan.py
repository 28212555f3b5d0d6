from __future__ import annotations

import pytest

from inkmuse.core.errors import InputError
from inkmuse.core.theme import MOODS, Theme
from inkmuse.music.plan import mood_from_word, music_plan_from_theme


@pytest.mark.parametrize(
    ("word", "mood"),
    [("惆怅", "melancholy"), ("思乡", "nostalgic"), ("欢快", "joyful"), ("Sad", "melancholy"),
     ("serene", "serene"), ("豪迈", "heroic"), ("gentle", "tender"), ("孤独", "lonely")],
)  # fmt: skip
def test_mood_words(word: str, mood: str) -> None:
    assert mood_from_word(word) == mood


def test_unknown_mood_lists_the_accepted_ones() -> None:
    with pytest.raises(InputError) as err:
        mood_from_word("grumpy")
    assert "melancholy" in str(err.value) and "惆怅" in str(err.value)


def test_every_theme_mood_has_a_plan() -> None:
    for mood in MOODS:
        plan = music_plan_from_theme(Theme(mood=mood))
        assert plan.key.mode.chinese and 40 <= plan.tempo_bpm <= 140
        western = music_plan_from_theme(Theme(mood=mood), style="piano")
        assert not western.key.mode.chinese


def test_sad_is_slower_and_darker_than_joyful() -> None:
    sad = music_plan_from_theme(Theme(mood="melancholy"))
    joy = music_plan_from_theme(Theme(mood="joyful"))
    assert sad.tempo_bpm < joy.tempo_bpm
    assert sad.key.mode.name == "羽" and joy.key.mode.name == "徵"


def test_season_and_time_move_key_and_tempo() -> None:
    winter_night = music_plan_from_theme(Theme(mood="serene", season="winter", time_of_day="night"))
    summer_day = music_plan_from_theme(Theme(mood="serene", season="summer", time_of_day="day"))
    assert winter_night.tempo_bpm < summer_day.tempo_bpm
    assert winter_night.key.tonic != summer_day.key.tonic


def test_explicit_key_and_tempo_win_and_are_checked() -> None:
    plan = music_plan_from_theme(Theme(mood="joyful"), key="D羽", tempo=90)
    assert plan.key.name == "D羽" and plan.tempo_bpm == 90
    with pytest.raises(InputError, match="tempo"):
        music_plan_from_theme(Theme(), tempo=500)
    with pytest.raises(InputError, match="style"):
        music_plan_from_theme(Theme(), style="techno")


DENGGAO = (
    "风急天高猿啸哀，渚清沙白鸟飞回。无边落木萧萧下，不尽长江滚滚来。"
    "万里悲秋常作客，百年多病独登台。艰难苦恨繁霜鬓，潦倒新停浊酒杯。"
)


@pytest.mark.parametrize("text", [DENGGAO, "登高", "悲秋", "送别"])
def test_grief_and_parting_are_sung_sad_and_slow(text: str) -> None:
    """登高 names 长江 and 万里 (heroic words) but grieves (哀 悲秋 落木 病 恨): it was
    set as a 96-bpm heroic tune; it and the 悲秋 and 送别 themes must be slow and dark."""
    from inkmuse.core.theme_lexicon import theme_from_text

    plan = music_plan_from_theme(theme_from_text(text))
    assert plan.mood == "melancholy"
    assert plan.key.mode.name in ("羽", "角") and plan.tempo_bpm <= 66


@pytest.mark.parametrize("word", ["悲秋", "送别", "solemn"])
def test_grief_words_as_moods(word: str) -> None:
    assert mood_from_word(word) == "melancholy"
