"""Tang practice (rules="tang"): the 折腰体 and the 古绝 that textbook rules reject."""

from __future__ import annotations

import pytest

from inkmuse.core.errors import InputError
from inkmuse.poetry.checker import RULES, check_poem
from inkmuse.poetry.report import render_report

CHUZHOU = "独怜幽草涧边生，上有黄鹂深树鸣。春潮带雨晚来急，野渡无人舟自横。"  # 折腰体
CHUNXIAO = "春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。"  # 古绝, 仄韵
ZASHI = "君自故乡来，应知故乡事。来日绮窗前，寒梅著花未？"  # 古绝, 寘 and 未
DENGGUAN = "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。"


def kinds(report: object) -> set[str]:
    return {f.kind for f in report.faults}  # type: ignore[attr-defined]


def test_a_broken_stick_is_an_error_by_the_textbook_and_a_warning_in_tang_practice() -> None:
    strict = check_poem(CHUZHOU)
    assert not strict.ok and [f.kind for f in strict.errors] == ["shi_nian"]
    tang = check_poem(CHUZHOU, rules="tang")
    assert tang.ok and tang.rules == "tang"
    (warning,) = [f for f in tang.warnings if f.kind == "zhe_yao"]
    assert (warning.line, warning.pos) == (3, 2)
    assert "折腰体" in warning.zh and "zheyao" in warning.en


def test_a_quatrain_rhyming_in_ze_is_read_as_a_gu_jue() -> None:
    assert "ze_rhyme" in kinds(check_poem(CHUNXIAO))
    report = check_poem(CHUNXIAO, rules="tang")
    assert report.ok and report.ancient
    assert kinds(report) & {"tone", "shi_nian", "shi_dui", "san_ping_wei", "polyphone"} == set()
    (note,) = [f for f in report.warnings if f.kind == "gu_jue"]
    assert "「鸟」(十七筿)" in note.zh and "古绝" in note.zh
    text = render_report(report)
    assert "古绝（仄韵）" in text and "格 " not in text and "押韵可" in text
    assert report.to_dict()["ancient_style"] is True


def test_gu_jue_rhymes_neighbouring_groups_with_a_warning_but_not_entering_with_others() -> None:
    report = check_poem(ZASHI, rules="tang")
    assert report.ok
    (mixed,) = [f for f in report.faults if f.kind == "tong_ya"]
    assert (mixed.line, mixed.pos) == (4, 5) and "四寘" in mixed.zh
    # 雪 (入声九屑) cannot rhyme with 鸟 (上声十七筿), even in ancient style.
    entering = check_poem("春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多雪。", rules="tang")
    assert not entering.ok
    assert [(f.kind, f.line) for f in entering.errors] == [("chu_yun", 4)]


def test_tang_practice_still_holds_tones_and_regulated_rhymes() -> None:
    flipped = DENGGUAN.replace("黄河", "黄海")
    report = check_poem(flipped, rules="tang")
    assert [(f.kind, f.line, f.pos) for f in report.errors] == [("tone", 2, 2)]
    # An eight-line poem rhyming in 仄 is 古体, not a 古绝: still not regulated verse.
    eight = CHUNXIAO + CHUNXIAO.replace("春眠", "秋眠")
    assert "ze_rhyme" in kinds(check_poem(eight, "五律", rules="tang"))


@pytest.mark.parametrize("name", ["strict", "tang", "唐", " TANG "])
def test_rule_names(name: str) -> None:
    assert check_poem(DENGGUAN, rules=name).rules in RULES


def test_unknown_rules_say_what_is_accepted() -> None:
    with pytest.raises(InputError) as err:
        check_poem(DENGGUAN, rules="loose")
    assert "loose" in str(err.value) and "tang" in str(err.value.accepted)


def test_every_fault_kind_has_its_explanation_and_no_template_is_orphaned() -> None:
    from inkmuse.poetry.faults import KINDS
    from inkmuse.poetry.messages import TEMPLATES

    assert set(TEMPLATES) == set(KINDS)
