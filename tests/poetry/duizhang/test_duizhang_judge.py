"""judge_couplet: famous parallel couplets pass, famous free ones do not, and why."""

from __future__ import annotations

import pytest

from inkmuse.poetry.duizhang import BU, GONG, KUAN, judge_couplet
from inkmuse.poetry.duizhang.judge import CLASS, DOUBLE, LONE_DOUBLE, WORD


@pytest.mark.parametrize(
    ("upper", "lower"),
    [
        ("星垂平野阔", "月涌大江流"),  # 杜甫《旅夜书怀》
        ("两个黄鹂鸣翠柳", "一行白鹭上青天"),  # 杜甫《绝句》
        ("无边落木萧萧下", "不尽长江滚滚来"),  # 杜甫《登高》
        ("晴川历历汉阳树", "芳草萋萋鹦鹉洲"),  # 崔颢《黄鹤楼》
        ("国破山河在", "城春草木深"),  # 杜甫《春望》
        ("海内存知己", "天涯若比邻"),  # 王勃
    ],
)
def test_famous_parallel_couplets(upper: str, lower: str) -> None:
    j = judge_couplet(upper, lower)
    assert j.parallel, j.zh
    assert j.verdict in (GONG, KUAN)


@pytest.mark.parametrize(
    ("upper", "lower"),
    [
        ("床前明月光", "疑是地上霜"),  # 李白《静夜思》: a 绝句's free couplet
        ("曲径通幽处", "禅房花木深"),  # 常建: the 颔联 known not to be set in 对仗
        ("黄鹤一去不复返", "白云千载空悠悠"),  # 崔颢: 不复返 has no 叠字 against 悠悠
    ],
)
def test_famous_free_couplets(upper: str, lower: str) -> None:
    j = judge_couplet(upper, lower)
    assert j.verdict == BU, j.zh
    assert not j.parallel and j.misses


def test_exact_couplet_matches_by_class_at_every_position() -> None:
    j = judge_couplet("两个黄鹂鸣翠柳", "一行白鹭上青天")
    assert j.verdict == GONG
    feet = [(f.upper, f.lower) for f in j.feet]
    assert feet == [("两个", "一行"), ("黄鹂", "白鹭"), ("鸣翠柳", "上青天")]
    assert [p.shared for p in j.feet[0].positions][:1] == ["数目"]
    assert [p.shared for p in j.feet[1].positions] == ["颜色", "动物"]


def test_reduplication_stands_with_reduplication() -> None:
    ok = judge_couplet("无边落木萧萧下", "不尽长江滚滚来")
    assert [p.how for p in ok.positions[4:6]] == [DOUBLE, DOUBLE]
    lone = judge_couplet("黄鹤一去不复返", "白云千载空悠悠")
    assert [p.how for p in lone.positions[5:7]] == [LONE_DOUBLE, LONE_DOUBLE]


def test_numbers_colours_directions_are_closed() -> None:
    # 三/二 数目, 青/白 颜色 (李白《登金陵凤凰台》); 青 against 山 is no 颜色 pair.
    j = judge_couplet("三山半落青天外", "二水中分白鹭洲")
    assert j.positions[0].how == CLASS and j.positions[0].shared == "数目"
    assert j.positions[4].shared == "颜色"
    assert judge_couplet("青", "山").positions[0].shared != "颜色"


def test_words_match_where_characters_do_not() -> None:
    # 天地 / 有无: both 并列 words (王维《汉江临眺》), though 天 is no 有.
    j = judge_couplet("江流天地外", "山色有无中")
    assert j.parallel
    assert {p.how for p in j.positions[2:4]} == {WORD}
    assert {p.shared for p in j.positions[2:4]} == {"并列"}


def test_explanations_name_each_foot() -> None:
    j = judge_couplet("万里悲秋常作客", "百年多病独登台")
    assert j.zh.startswith(j.verdict + "：「万里」对「百年」：数目")
    assert "✓" in j.zh
    assert j.en.startswith("parallel") and "「万里」/「百年」: number" in j.en
    bad = judge_couplet("床前明月光", "疑是地上霜")
    assert bad.zh.startswith("不对") and "✗" in bad.zh and "不对" in bad.zh[3:]
    assert bad.en.startswith("not parallel")
    data = j.to_dict()
    assert data["verdict"] == j.verdict and len(j.feet) == 3


def test_lines_of_different_length_are_refused() -> None:
    with pytest.raises(ValueError, match="one length"):
        judge_couplet("白日依山尽", "黄河入海")
