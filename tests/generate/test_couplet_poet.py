"""The poet writes 对联 (issue 18): the 下联 to a 上联, or both lines, and a 横批."""

from __future__ import annotations

import pytest

from inkmuse.core.errors import InputError
from inkmuse.models.embedded import EmbeddedPoet
from inkmuse.poetry.ci.couplet import check_couplet
from inkmuse.poetry.duizhang import duizhang_faults
from inkmuse.poetry.generate.couplet_poet import (
    decode_lower,
    hengpi_table,
    suggest_hengpi,
    write_couplet,
)
from inkmuse.poetry.request import PoemRequest

UPPERS = ["海内存知己", "风声雨声读书声，声声入耳", "宝剑锋从磨砺出", "室雅何须大",
          "四面荷花三面柳", "有志者，事竟成，破釜沉舟，百二秦关终属楚", "两个黄鹂鸣翠柳", "千秋邈矣独留我"]  # fmt: skip


@pytest.mark.parametrize("upper", UPPERS)
def test_every_lower_a_random_model_writes_passes_the_couplet_checker(
    tiny_poet: EmbeddedPoet, upper: str
) -> None:
    lowers = decode_lower(tiny_poet, upper, ["春"], n=8, seed=3)
    assert len(lowers) >= 6
    for cand in lowers:
        report = check_couplet(upper, cand.text)
        assert report.ok, (upper, cand.text, [f.kind for f in report.errors])


def test_a_repeated_character_of_the_upper_is_mirrored(tiny_poet: EmbeddedPoet) -> None:
    upper = "风声雨声读书声，声声入耳"
    for cand in decode_lower(tiny_poet, upper, [], n=4, seed=1):
        body = cand.text.replace("，", "")
        repeated = body[1]
        assert [i for i, ch in enumerate(body) if ch == repeated] == [1, 3, 6, 7, 8]


def test_the_poet_answers_a_famous_upper_with_a_parallel_lower() -> None:
    result = write_couplet(PoemRequest(form="对联", opening="海内存知己", seed=1, n=16))
    assert result.upper == "海内存知己" and len(result.lower) == 5
    report = check_couplet(result.upper, result.lower, duizhang=duizhang_faults)
    assert report.ok and not set(result.upper) & set(result.lower)
    assert result.verdict in ("工对", "宽对")
    assert len(result.hengpi) == 3 and all(h in hengpi_table() for h in result.hengpi)


def test_the_poet_writes_both_lines_under_keywords() -> None:
    a = write_couplet(PoemRequest(("春节",), form="对联", seed=4, n=8))
    assert len(a.upper) == len(a.lower) == 7
    assert check_couplet(a.upper, a.lower, duizhang=duizhang_faults).ok
    b = write_couplet(PoemRequest(("春节",), form="对联", seed=4, n=8))
    assert (a.upper, a.lower, a.hengpi) == (b.upper, b.lower, b.hengpi)  # same seed
    assert a.provenance["params"]["form"] == "对联"


def test_a_spring_couplet_gets_a_spring_banner() -> None:
    hengpi = suggest_hengpi("春风得意马蹄疾，一日看尽长安花", ["新春"], seed=1)
    assert any("春" in h for h in hengpi)


def test_bad_upper_lines_are_refused_with_the_rule() -> None:
    with pytest.raises(InputError, match="ends on 「音」, a 平 character"):
        write_couplet(PoemRequest(form="对联", opening="海内存知音"))
    with pytest.raises(InputError, match="holds a、b"):
        write_couplet(PoemRequest(form="对联", opening="海内ab己"))
    with pytest.raises(InputError, match="needs keywords or a 上联"):
        write_couplet(PoemRequest(form="对联"))
    with pytest.raises(InputError, match="--rhyme is not for a 对联"):
        write_couplet(PoemRequest(("春",), form="对联", rhyme="七阳"))
