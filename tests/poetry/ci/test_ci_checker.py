"""check_ci: famous ci pass, faults are named with fixes, the best variant is chosen."""

from __future__ import annotations

import pytest

from inkmuse.core.errors import InputError
from inkmuse.poetry.ci import check_ci

FAMOUS = {
    "浣溪沙": "一曲新词酒一杯，去年天气旧亭台。夕阳西下几时回？"
    "无可奈何花落去，似曾相识燕归来。小园香径独徘徊。",
    "西江月": "明月别枝惊鹊，清风半夜鸣蝉。稻花香里说丰年，听取蛙声一片。"
    "七八个星天外，两三点雨山前。旧时茅店社林边，路转溪桥忽见。",
    "卜算子": "缺月挂疏桐，漏断人初静。谁见幽人独往来，缥缈孤鸿影。"
    "惊起却回头，有恨无人省。拣尽寒枝不肯栖，寂寞沙洲冷。",
    "菩萨蛮": "平林漠漠烟如织，寒山一带伤心碧。暝色入高楼，有人楼上愁。"
    "玉阶空伫立，宿鸟归飞急。何处是归程？长亭更短亭。",
    "如梦令": "昨夜雨疏风骤，浓睡不消残酒。试问卷帘人，却道海棠依旧。知否，知否，应是绿肥红瘦。",
    "忆秦娥": "箫声咽，秦娥梦断秦楼月。秦楼月，年年柳色，灞陵伤别。"
    "乐游原上清秋节，咸阳古道音尘绝。音尘绝，西风残照，汉家陵阙。",
    "临江仙": "滚滚长江东逝水，浪花淘尽英雄。是非成败转头空。青山依旧在，几度夕阳红。"
    "白发渔樵江渚上，惯看秋月春风。一壶浊酒喜相逢。古今多少事，都付笑谈中。",
    "江城子": "十年生死两茫茫，不思量，自难忘。千里孤坟，无处话凄凉。纵使相逢应不识，尘满面，鬓如霜。"
    "夜来幽梦忽还乡，小轩窗，正梳妆。相顾无言，惟有泪千行。料得年年肠断处，明月夜，短松冈。",
    "长相思": "山一程，水一程，身向榆关那畔行，夜深千帐灯。风一更，雪一更，聒碎乡心梦不成，故园无此声。",
}


@pytest.mark.parametrize("tune", sorted(FAMOUS))
def test_famous_ci_pass_and_their_tune_is_read_from_the_shape(tune: str) -> None:
    named = check_ci(FAMOUS[tune], tune)
    assert named.ok, [f.zh for f in named.errors]
    found = check_ci(FAMOUS[tune])
    assert (found.tune.name, found.detected) == (tune, True)


def test_a_tone_flip_is_named_with_a_fix() -> None:
    # 缺月挂疏桐 -> 缺月挂疏洞: the 5th character of 卜算子 must be 平.
    text = FAMOUS["卜算子"].replace("疏桐", "疏洞")
    report = check_ci(text, "卜算子")
    assert not report.ok
    (fault,) = report.errors
    assert (fault.kind, fault.line, fault.pos) == ("tone", 1, 5)
    assert fault.zh == "第一句第五字「洞」应平，「洞」为仄"
    assert "should be level" in fault.en
    assert fault.suggestions and all(c not in text for c in fault.suggestions)


def test_off_rhyme_under_cilin() -> None:
    # 长亭更短亭 -> 长亭更短楼: 楼 (第十二部) does not rhyme with 程 (第十一部).
    text = FAMOUS["菩萨蛮"].replace("长亭更短亭", "长亭更短楼")
    report = check_ci(text, "菩萨蛮")
    kinds = {(f.kind, f.line, f.pos) for f in report.errors}
    assert ("chu_yun", 8, 5) in kinds
    fault = next(f for f in report.errors if f.kind == "chu_yun")
    assert "第十一部" in fault.zh and "第十二部" in fault.zh
    assert fault.suggestions and "楼" not in fault.suggestions
    # 换韵 is the tune's own: 织/碧 (仄) against 楼/愁 (平) is no fault.
    assert check_ci(FAMOUS["菩萨蛮"], "菩萨蛮").rhymes == {
        0: "第十七部",
        1: "第十二部",
        2: "第十七部",
        3: "第十一部",
    }


def test_song_practice_rhymes_are_warnings() -> None:
    # 晏殊 rhymes 杯 回 (第三部) with 台 来 (第五部), all 平水韵 十灰: a 邻韵, not 出韵.
    report = check_ci(FAMOUS["浣溪沙"], "浣溪沙")
    assert report.ok
    assert [f.kind for f in report.warnings] == ["lin_yun"]


def test_missing_repeat_is_a_warning() -> None:
    text = FAMOUS["如梦令"].replace("知否，知否", "知否，谁否")
    report = check_ci(text, "如梦令")
    assert "die_ju" in {f.kind for f in report.warnings}


def test_wrong_line_count_and_length() -> None:
    short = check_ci("白日依山尽，黄河入海流。", "浣溪沙")
    assert [f.kind for f in short.errors] == ["line_count"]
    assert "6句42字" in short.errors[0].zh
    one_off = FAMOUS["浣溪沙"].replace("一曲新词酒一杯", "一曲新词酒杯")
    report = check_ci(one_off, "浣溪沙")
    assert ("line_length", 1) in {(f.kind, f.line) for f in report.errors}


def test_best_fitting_variant_is_chosen_and_explained() -> None:
    # 苏轼 breaks 下片 as 不应有恨，何事长向别时圆 (4+7): not the 正体's reading.
    text = (
        "明月几时有？把酒问青天。不知天上宫阙，今夕是何年。我欲乘风归去，又恐琼楼玉宇，"
        "高处不胜寒。起舞弄清影，何似在人间。转朱阁，低绮户，照无眠。不应有恨，何事长向别时圆？"
        "人有悲欢离合，月有阴晴圆缺，此事古难全。但愿人长久，千里共婵娟。"
    )
    report = check_ci(text, "水调歌头")
    assert report.ok
    assert report.variant.index > 0
    assert report.why[0].startswith(f"按水调歌头{report.variant.name}")
    assert "正体" in report.why[0]  # the alternatives are named with their fault counts


def test_a_title_line_names_the_tune() -> None:
    report = check_ci("卜算子·咏梅\n" + FAMOUS["卜算子"])
    assert (report.tune.name, report.detected) == ("卜算子", False)


def test_bad_input_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="no 词牌"):
        check_ci(FAMOUS["卜算子"], "不存在调")
    with pytest.raises(InputError, match="no 词牌 in the 词谱 has this shape"):
        check_ci("白日依山尽，黄河入海流。")
    with pytest.raises(InputError):
        check_ci("")


def test_report_as_json() -> None:
    data = check_ci(FAMOUS["西江月"], "西江月").to_dict()
    assert data["ok"] and data["form"] == "西江月" and data["variant"] == "正体"
    assert data["rhymes"] == {"0": "第七部"}
    assert data["counts"] == {"errors": 0, "warnings": 0}
    assert data["lines"][1] == {
        "text": "清风半夜鸣蝉",
        "tones": "平平仄仄平平",
        "pattern": "⊕平⊖仄平平",
        "rhyme": True,
    }
    assert data["lines"][0]["rhyme"] is False


LI_ZHIYI = (
    "我住长江头，君住长江尾。日日思君不见君，共饮长江水。"
    "此水几时休，此恨何时已。只愿君心似我心，定不负相思意。"
)


def test_a_chenzi_is_read_outside_the_pattern_and_named() -> None:
    report = check_ci(LI_ZHIYI, "卜算子")
    assert report.ok and report.variant.name == "正体"
    [fault] = report.faults
    assert (fault.kind, fault.line, fault.pos) == ("chenzi", 8, 1) and "「定」" in fault.zh
    assert report.grid()[-1]["pattern"] == "衬⊖仄平平仄" and report.grid()[-1]["rhyme"]
    assert report.to_dict()["chenzi"] == len(LI_ZHIYI.replace("，", "").replace("。", "")) - 6
    assert check_ci(LI_ZHIYI).tune.name == "卜算子"  # read from the shape: nothing else is wrong


def test_faults_after_a_chenzi_are_placed_on_the_poems_own_characters() -> None:
    # 思 (平) where the pattern holds 仄 (相思意: 意 is the line's 6th character, its 5th held)
    text = LI_ZHIYI.replace("相思意", "相思期")
    report = check_ci(text, "卜算子")
    faults = {(f.kind, f.line, f.pos) for f in report.faults}
    assert ("chenzi", 8, 1) in faults and any(
        k != "chenzi" and line == 8 and pos == 6 for k, line, pos in faults
    )


def test_two_characters_too_many_or_a_short_line_are_still_errors() -> None:
    two = check_ci(LI_ZHIYI.replace("定不负相思意", "定然不负相思意"), "卜算子")
    assert not two.ok and "chenzi" not in {f.kind for f in two.faults}
    # 忆秦娥's 三字句 take no 衬字
    short = FAMOUS["忆秦娥"].replace("箫声咽", "箫声呜咽", 1)
    assert not check_ci(short, "忆秦娥").ok
