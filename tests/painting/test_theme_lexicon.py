"""The text -> Theme reader: classical imagery, English words, determinism, vocabularies."""

from __future__ import annotations

import pytest

from inkmuse.core.theme import MOODS, SEASONS, TIMES_OF_DAY
from inkmuse.core.theme_lexicon import ELEMENTS, PALETTES, theme_from_text


def test_river_snow_reads_lonely_winter_with_boat_and_fisherman() -> None:
    theme = theme_from_text("孤舟蓑笠翁，独钓寒江雪")
    assert theme.mood == "lonely"
    assert theme.season == "winter"
    assert {"boat", "fisherman", "river", "snow"} <= set(theme.imagery)
    # 孤舟 is one image, not 孤 + 舟
    assert "孤舟" in theme.keywords and "舟" not in theme.keywords


def test_quiet_night_thoughts_is_a_nostalgic_moonlit_night() -> None:
    theme = theme_from_text("床前明月光，疑是地上霜。举头望明月，低头思故乡。")
    assert theme.imagery[0] == "moon"
    assert theme.mood == "nostalgic"
    assert theme.time_of_day == "night"
    assert theme.palette == "night"


def test_traditional_characters_fold_to_simplified() -> None:
    assert theme_from_text("鴻雁長飛光不度").imagery == theme_from_text("鸿雁长飞光不度").imagery
    assert "goose" in theme_from_text("鴻雁").imagery


def test_english_idea_with_plurals() -> None:
    theme = theme_from_text("Lonely geese cross the autumn sky under cold moons")
    assert theme.imagery[:2] == ("goose", "moon")
    assert (theme.mood, theme.season, theme.time_of_day) == ("lonely", "autumn", "night")
    assert theme.extras["language"] == "en"
    assert "the" not in theme.keywords


def test_heroic_frontier() -> None:
    theme = theme_from_text("大漠孤烟直，长河落日圆")
    assert theme.mood == "heroic"
    assert theme.time_of_day == "dusk"
    assert "sun" in theme.imagery


def test_named_palette_wins_over_season() -> None:
    assert theme_from_text("青绿山水，秋").palette == "qinglv"
    assert theme_from_text("秋山").palette == "qianjiang"
    assert theme_from_text("spring blossom by the river").palette == "spring"


def test_unknown_text_gives_the_neutral_theme() -> None:
    theme = theme_from_text("xyzzy 12345 !!")
    assert theme.imagery == ()
    assert (theme.mood, theme.season, theme.time_of_day, theme.palette) == (
        "serene",
        None,
        None,
        "ink",
    )


@pytest.mark.parametrize(
    "text", ["春江潮水连海平", "a harbour at dawn", "枯藤老树昏鸦", "", "雪" * 500]
)
def test_every_value_is_in_its_vocabulary_and_reading_is_deterministic(text: str) -> None:
    theme = theme_from_text(text)
    assert theme == theme_from_text(text)
    assert set(theme.imagery) <= set(ELEMENTS)
    assert theme.mood in MOODS
    assert theme.season is None or theme.season in SEASONS
    assert theme.time_of_day is None or theme.time_of_day in TIMES_OF_DAY
    assert theme.palette in PALETTES
