"""词林正韵: 19 部 over the 平水韵 groups, the 入声 apart, the 半 groups divided."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from inkmuse.core.prosody import get_rhymebook
from inkmuse.core.tones import Tone
from inkmuse.poetry.ci.rhyme import NEIGHBOURS, RU_SHENG, get_cilin


def test_every_pingshui_group_lands_in_a_bu() -> None:
    table = json.loads(
        (resources.files("inkmuse.poetry") / "data" / "cilin.json").read_text("utf-8")
    )
    assert len(table["bu"]) == 19
    taken = {short for members in table["bu"].values() for short in members}
    assert taken == {g.short for g in get_rhymebook("平水韵").groups.values()}


@pytest.mark.parametrize(
    ("ch", "bu"),
    [
        ("东", "第一部"), ("冬", "第一部"), ("阳", "第二部"), ("江", "第二部"),
        ("梅", "第三部"), ("回", "第三部"), ("来", "第五部"), ("开", "第五部"),
        ("鱼", "第四部"), ("花", "第十部"), ("家", "第十部"), ("门", "第六部"),
        ("元", "第七部"), ("天", "第七部"), ("秋", "第十二部"), ("心", "第十三部"),
        ("南", "第十四部"), ("竹", "第十五部"), ("落", "第十六部"), ("碧", "第十七部"),
        ("月", "第十八部"), ("雪", "第十八部"), ("合", "第十九部"),
    ],
)  # fmt: skip
def test_characters_in_their_bu(ch: str, bu: str) -> None:
    assert bu in get_cilin().bu(ch)


def test_a_bu_holds_level_and_oblique_and_ru_sheng_stands_apart() -> None:
    book = get_cilin()
    # 西江月 rhymes 平 and 仄 in one 部: 第七部 holds 天 (平) and 片 (去).
    assert "天" in book.chars("第七部", Tone.PING)
    assert "片" in book.chars("第七部", Tone.ZE)
    # The 入声 部 have no level characters, and 月 is in none of the others.
    assert all(not book.chars(bu, Tone.PING) for bu in RU_SHENG)
    assert book.bu("月") <= RU_SHENG


def test_neighbours_and_shared_groups() -> None:
    book = get_cilin()
    assert book.neighbours("第六部") == {"第十一部", "第十三部"}
    assert book.neighbours("第一部") == frozenset()
    assert all(len(family) > 1 for family in NEIGHBOURS)
    # 来 (第五部) reaches 第三部 through 十灰, the group 戈载 divided; 东 reaches nothing.
    assert book.shared_group("来", "第三部") == "十灰"
    assert book.shared_group("东", "第三部") is None
