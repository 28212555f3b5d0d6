"""The imagery lexicon: what marks a season or the night, and what contradicts a theme."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inkmuse.poetry.imagery import (
    SEASONS,
    absent_words,
    clashes,
    contrary_words,
    lexicon,
    mixed_seasons,
    own_season,
)

VALID = Path(__file__).resolve().parents[2] / "data/poet-corpus-v1/valid.jsonl"


def test_marker_words_are_the_ones_a_reader_would_name() -> None:
    lex = lexicon()
    assert {"茱萸", "重阳", "砧"} <= set(lex.season["autumn"])
    assert {"寒食", "红杏"} <= set(lex.season["spring"])
    assert {"三更", "寒灯"} <= set(lex.time["night"])
    assert {"夕阳", "晴"} <= set(lex.time["day"])


def test_another_season_by_name_or_by_image_contradicts() -> None:
    words = [c.word for c in clashes("寒食东风御柳斜，江城春色满天涯。", season="autumn")]
    # 东风 and 御柳 are spring's below SEASON_MARK: counted in autumn, the opposite season
    assert words == ["寒食", "东风", "御柳", "春色"]
    assert clashes("寒食东风御柳斜，", season="spring") == []


def test_the_opposite_season_is_held_to_a_lower_mark() -> None:
    heat = [c.word for c in clashes("冬热暑风微，地旱炎炎甚。", season="winter")]
    assert "暑" in heat and "炎" in heat
    assert clashes("残暑蝉催尽，", season="autumn") == []  # autumn keeps the last heat


def test_the_season_ahead_and_the_years_are_not_the_season() -> None:
    assert clashes("梅花先报一枝春，", season="winter") == []  # winter looks to spring
    assert clashes("千秋万岁名，", season="spring") == []  # 千秋: the ages
    assert [c.word for c in clashes("秋风起兮，", season="spring")] == ["秋风"]


def test_a_season_lacks_the_things_another_season_holds() -> None:
    # 杜鹃 is 67% spring's and 25% summer's, so it marks no season at 85%, yet 3 of 8,458
    # autumn-titled poems hold it; 落梅 is winter's and spring's. The docs' own example.
    line = "秋风淅淅夜蛩杵，杜鹃声断落梅歌。"
    found = {c.word: c.marks for c in clashes(line, season="autumn")}
    assert found == {"杜鹃": "spring", "落梅": "winter"}
    assert [c.word for c in clashes("两岸荷香一树寒，", season="spring")] == ["荷香"]
    assert clashes("两岸荷香一树寒，", season="summer") == []
    assert {"杜鹃", "落梅"} <= set(absent_words("autumn"))
    # only the seasons' things are read this way: words the few summer titles happen to
    # lack (音书, 忆昔) are no season's
    assert clashes("音书忆昔我心知，", season="summer") == []
    assert all(word not in absent_words(season) for season in SEASONS for word in ("音书", "忆昔"))


def test_daylight_in_a_night_poem() -> None:
    assert [c.word for c in clashes("夕阳西下人不寐，", time="night")] == ["夕阳"]
    assert clashes("三更灯火五更鸡，", time="night") == []
    assert contrary_words(None, "dawn") == {}  # only the night's opposite is told


def test_a_night_poem_lacks_the_setting_sun() -> None:
    # 残阳 marks no time at 85% (too few day-titled poems hold it), but none of the 5,859
    # night-titled poems of the training split does, against 290 others: the docs' own
    # 秋夜 example once ended its night on it.
    found = {c.word: c.marks for c in clashes("残阳照水客愁深，", season="autumn", time="night")}
    assert found == {"残阳": "day"}
    assert {"残阳", "太阳", "落晖"} <= set(absent_words("night"))
    # the moon's light is the night's own: 月照 and 照 alone are no sunlight word
    assert clashes("明月照寒窗，", time="night") == []
    assert all("月" not in word and "夜" not in word for word in absent_words("night"))


def test_a_poem_with_no_season_asked_keeps_the_one_it_sets() -> None:
    autumn = "秋风落叶满长安，寒食东风御柳斜。"  # 秋风 落叶 秋 outweigh 寒食
    assert own_season(autumn) == "autumn"
    assert [c.word for c in mixed_seasons(autumn)] == ["寒食", "东风", "御柳"]
    assert own_season("床前明月光，疑是地上霜。") is None
    assert mixed_seasons("床前明月光，疑是地上霜。") == []
    assert mixed_seasons("千秋万岁名，春风又绿江南岸。") == []  # 千秋 is the ages


def test_the_ranking_prefers_the_candidate_that_keeps_its_season() -> None:
    from dataclasses import dataclass

    from inkmuse.poetry.generate.rank import rank

    @dataclass(frozen=True)
    class Draft:
        text: str
        mean_logprob: float

    # (lines no corpus poem has, so neither is rejected as a copy)
    mixed = Draft("秋风黄叶满山城，寒食东风过小城。", -3.0)
    kept = Draft("秋风黄叶满山城，孤雁南飞客未还。", -3.1)  # a little less fluent
    ranked, _ = rank([mixed, kept], ["山城"], couplets=False)
    assert [r.text for r in ranked] == [kept.text, mixed.text]
    # asked for spring, the theme decides, not the poem's own majority
    ranked, _ = rank([mixed, kept], ["山城"], season="spring", couplets=False)
    assert ranked[0].text == mixed.text


@pytest.mark.skipif(not VALID.exists(), reason="needs the corpus (make corpus, prepare_corpus)")
def test_real_poems_rarely_contradict_their_titles() -> None:
    from inkmuse.core.theme_lexicon import theme_from_text

    rows = [json.loads(line) for line in VALID.read_text(encoding="utf-8").splitlines()]
    season = [r for r in rows if theme_from_text(r["title"]).season]
    bad = sum(bool(clashes(r["text"], season=theme_from_text(r["title"]).season)) for r in season)
    assert len(season) > 300 and bad / len(season) < 0.15
