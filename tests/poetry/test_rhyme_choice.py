"""The rhyme group every rhyme shares wins a tie (issue 17: 曹豳's 春暮 was read 九佳)."""

from __future__ import annotations

from inkmuse.poetry.checker import check_poem

CHUNMU = "门外无人问落花，绿阴冉冉遍天涯。林莺啼到无声处，青草池塘独听蛙。"


def test_a_tie_goes_to_the_group_the_first_line_shares() -> None:
    report = check_poem(CHUNMU, "七绝")
    assert report.rhyme_group == "下平声六麻"
    assert not [f for f in report.faults if f.kind in ("出韵", "首句出韵")]


def test_a_first_line_that_does_not_rhyme_changes_nothing() -> None:
    # 江雪-like first line ending in 仄: the even lines alone choose, as before.
    report = check_poem("白日依山尽，黄河入海流。欲穷千里目，更上一层楼。", "五绝")
    assert report.ok and report.rhyme_group == "下平声十一尤"
