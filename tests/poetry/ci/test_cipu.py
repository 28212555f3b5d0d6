"""The derived 词谱: coverage, variants, rhymes, 换韵 and 叠句, against 龙榆生 where known."""

from __future__ import annotations

import pytest

from inkmuse.core.errors import InputError
from inkmuse.core.tones import Tone
from inkmuse.poetry.ci import find_tune, get_cipu, get_tune
from inkmuse.poetry.ci.cipu import STRICT

MOST_WRITTEN = [
    "浣溪沙",
    "鹧鸪天",
    "菩萨蛮",
    "蝶恋花",
    "临江仙",
    "水调歌头",
    "念奴娇",
    "满江红",
    "西江月",
    "清平乐",
    "如梦令",
    "虞美人",
    "卜算子",
    "沁园春",
]


def test_at_least_sixty_tunes_with_the_famous_ones() -> None:
    table = get_cipu()
    assert len(table) >= 60
    assert set(MOST_WRITTEN) <= set(table)
    for tune in table.values():
        assert tune.variants, tune.name
        counts = [v.count for v in tune.variants]
        assert counts == sorted(counts, reverse=True)  # 正体 first
        for v in tune.variants:
            assert len(v.pattern) == v.total == len(v.ping_percent)
            assert len(v.rhyme) == len(v.lengths)
            assert any(r is not None for r in v.rhyme), (tune.name, v.name)


def test_names_and_aliases() -> None:
    assert get_tune("酹江月").name == "念奴娇"
    assert get_tune("蝶戀花").name == "蝶恋花"  # traditional
    assert find_tune("没有这个调") is None
    with pytest.raises(InputError, match="no 词牌"):
        get_tune("没有这个调")


def _rhyme_tones(name: str) -> list[tuple[int, Tone]]:
    v = get_tune(name).variants[0]
    return [(r, v.rhyme_tone(i)) for i, r in enumerate(v.rhyme) if r is not None]


def test_pusaman_changes_rhyme_four_times() -> None:
    # 菩萨蛮: two 仄 rhymes, two 平, two 仄, two 平, each pair its own rhyme.
    P, Z = Tone.PING, Tone.ZE
    assert _rhyme_tones("菩萨蛮") == [
        (0, Z),
        (0, Z),
        (1, P),
        (1, P),
        (2, Z),
        (2, Z),
        (3, P),
        (3, P),
    ]


def test_xijiangyue_keeps_one_rhyme_over_both_tones() -> None:
    rhymes = _rhyme_tones("西江月")
    assert {r for r, _ in rhymes} == {0}
    assert {t for _, t in rhymes} == {Tone.PING, Tone.ZE}  # 平仄通叶 in one 部


def test_repeated_lines() -> None:
    assert get_tune("如梦令").variants[0].repeat == {5}  # 知否，知否
    assert get_tune("忆秦娥").variants[0].repeat == {2, 7}  # 秦楼月 and its 下片 twin
    assert get_tune("浣溪沙").variants[0].repeat == frozenset()


# 龙榆生《唐宋词格律》's 定格 for 浣溪沙 (中 = 可平可仄).
HUANXISHA = "中仄中平中仄平中平中仄仄平平中平中仄仄平平中仄中平平仄仄中平中仄仄平平中平中仄仄平平"


def test_huanxisha_never_contradicts_long_yusheng() -> None:
    derived = get_tune("浣溪沙").variants[0]
    assert derived.lengths == (7,) * 6
    for ref, mark in zip(HUANXISHA, derived.pattern, strict=True):
        if ref in STRICT:
            assert mark == ref  # where 龙榆生 holds a tone, the Song poets did too
