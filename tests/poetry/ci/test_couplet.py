"""check_couplet: famous couplets pass; length, 平仄, 仄起平收 and 重字 faults; the 对仗 seam."""

from __future__ import annotations

import pytest

from inkmuse.core.errors import InputError
from inkmuse.poetry.ci.couplet import check_couplet, split_pair
from inkmuse.poetry.faults import Fault

# Famous couplets that keep the rules (their sources in docs/ci.md).
FAMOUS = [
    ("风声雨声读书声，声声入耳", "家事国事天下事，事事关心"),
    ("海内存知己", "天涯若比邻"),
    ("天增岁月人增寿", "春满乾坤福满门"),
    ("宝剑锋从磨砺出", "梅花香自苦寒来"),
    ("书山有路勤为径", "学海无涯苦作舟"),
    ("室雅何须大", "花香不在多"),
    ("四面荷花三面柳", "一城山色半城湖"),
    ("横眉冷对千夫指", "俯首甘为孺子牛"),
    ("铁肩担道义", "辣手著文章"),
    ("事能知足心常惬", "人到无求品自高"),
    ("春风大雅能容物", "秋水文章不染尘"),
    ("有志者，事竟成，破釜沉舟，百二秦关终属楚", "苦心人，天不负，卧薪尝胆，三千越甲可吞吴"),
    ("两个黄鹂鸣翠柳", "一行白鹭上青天"),
    ("爆竹一声除旧", "桃符万户更新"),
    ("千秋邈矣独留我", "百战归来再读书"),
]


@pytest.mark.parametrize(("upper", "lower"), FAMOUS)
def test_famous_couplets_pass(upper: str, lower: str) -> None:
    report = check_couplet(upper, lower)
    assert report.ok, [f.zh for f in report.errors]


def test_lin_zexu_breaks_opposition_at_the_second_character() -> None:
    # 海纳百川 / 壁立千仞: 纳 and 立 are both entering tones (仄).
    report = check_couplet("海纳百川，有容乃大", "壁立千仞，无欲则刚")
    (fault,) = report.errors
    assert (fault.kind, fault.line, fault.pos) == ("couplet_tone", 2, 2)
    assert fault.zh == "上下联第2字「纳」「立」同为仄声，节奏点上平仄应相对"
    assert fault.suggestions and "纳" not in fault.suggestions


def test_upper_must_end_oblique_and_lower_level() -> None:
    report = check_couplet("天涯若比邻", "海内存知己")
    assert [(f.kind, f.line) for f in report.errors] == [("couplet_end", 1), ("couplet_end", 2)]
    assert "仄起平收" in report.errors[0].zh
    assert "upper line ends" in report.errors[0].en


def test_lengths_must_match() -> None:
    report = check_couplet("海内存知己", "天涯比邻")
    assert [f.kind for f in report.errors] == ["line_length"]
    assert report.stressed == ()
    # The 对仗 judge pairs words position by position: with lines of two lengths it is not
    # asked (it used to raise, a traceback for 海纳百川 / 有容 on the command line).
    from inkmuse.poetry.duizhang import duizhang_faults

    uneven = check_couplet("海纳百川", "有容", duizhang=duizhang_faults)
    assert "line_length" in {f.kind for f in uneven.errors} and not uneven.duizhang_judged


def test_repeated_characters_across_the_pair() -> None:
    # 山 in both lines at different places: a fault.
    report = check_couplet("青山不墨千秋画", "流水无弦万古山")
    assert "couplet_chong" in {f.kind for f in report.errors}
    # The same character at the same place is mirrored, and allowed.
    mirrored = check_couplet("大肚能容，容天下难容之事", "开口便笑，笑世间可笑之人")
    assert not [f for f in mirrored.faults if f.kind == "couplet_chong"]
    # ... and its tones are not held apart there (之/之); its one fault is 肚/口, both 仄.
    assert [(f.kind, f.pos) for f in mirrored.errors] == [("couplet_tone", 2)]


def test_duizhang_seam() -> None:
    seen: list[tuple[str, str]] = []

    def judge(upper: str, lower: str) -> list[Fault]:
        seen.append((upper, lower))
        return [Fault("line_length", 2, None, ("对仗不工", "word classes do not match"))]

    report = check_couplet("海内存知己", "天涯若比邻", duizhang=judge)
    assert seen == [("海内存知己", "天涯若比邻")]
    assert report.duizhang_judged and not report.ok
    assert not check_couplet("海内存知己", "天涯若比邻").duizhang_judged


def test_split_pair_and_bad_input() -> None:
    assert split_pair("风声雨声读书声，声声入耳；家事国事天下事，事事关心") == (
        "风声雨声读书声，声声入耳",
        "家事国事天下事，事事关心",
    )
    assert split_pair("海内存知己\n天涯若比邻") == ("海内存知己", "天涯若比邻")
    with pytest.raises(InputError, match="upper line from the lower"):
        split_pair("海内存知己")
    with pytest.raises(InputError):
        check_couplet("", "天涯若比邻")
    with pytest.raises(InputError, match="not Chinese"):
        check_couplet("海内存知己abc", "天涯若比邻")
