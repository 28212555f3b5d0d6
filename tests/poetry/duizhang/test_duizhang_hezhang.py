"""合掌: a couplet that says one thing twice is judged 合掌, not parallel."""

from __future__ import annotations

from inkmuse.poetry.duizhang import HEZHANG, judge_couplet
from inkmuse.poetry.duizhang.hezhang import echoes, is_hezhang


def test_stock_example_is_hezhang() -> None:
    j = judge_couplet("神州千古秀", "赤县万年青")
    assert j.verdict == HEZHANG and not j.parallel
    assert j.echoes == (("神州", "赤县"), ("千古", "万年"))
    assert "「赤县」即「神州」" in j.zh and "restates" in j.en


def test_crossed_restatement_of_wenxin_diaolong() -> None:
    # 刘琨: 宣尼 is 孔丘 at the other end of the line; 获麟 is 西狩.
    assert is_hezhang("宣尼悲获麟", "西狩泣孔丘")


def test_one_shared_meaning_is_a_theme_not_hezhang() -> None:
    assert len(echoes("行听漏声云散后", "遥闻天语月明中")) == 1  # 听/闻 only
    assert not is_hezhang("行听漏声云散后", "遥闻天语月明中")
    assert judge_couplet("星垂平野阔", "月涌大江流").echoes == ()


def test_repeated_characters_are_not_hezhang() -> None:
    # 回环 (太宗《山阁晚秋》): the same 古 and 新 crossed, a device, not a restatement.
    assert not is_hezhang("古石衣新苔", "新巢封古树")
