"""judge_poem_duizhang: which couplets a form wants parallel."""

from __future__ import annotations

import pytest

from inkmuse.poetry.duizhang import judge_poem_duizhang
from inkmuse.poetry.duizhang.poem import required_couplets

CHUNWANG = ["国破山河在", "城春草木深", "感时花溅泪", "恨别鸟惊心",
            "烽火连三月", "家书抵万金", "白头搔更短", "浑欲不胜簪"]  # fmt: skip
# 常建《题破山寺后禅院》: its 颔联 is famously free.
POSHANSI = ["清晨入古寺", "初日照高林", "曲径通幽处", "禅房花木深",
            "山光悦鸟性", "潭影空人心", "万籁此都寂", "但余钟磬音"]  # fmt: skip


def test_lushi_wants_its_middle_couplets() -> None:
    r = judge_poem_duizhang(CHUNWANG)
    assert [c.name for c in r.required] == ["颔联", "颈联"]
    assert r.ok
    bad = judge_poem_duizhang(POSHANSI)
    assert not bad.ok
    assert [c.name for c in bad.required if not c.judgement.parallel] == ["颔联"]


def test_jueju_is_judged_as_information() -> None:
    r = judge_poem_duizhang(["床前明月光", "疑是地上霜", "举头望明月", "低头思故乡"])
    assert r.required == () and r.ok
    assert [c.name for c in r.couplets] == ["前联", "后联"]
    assert not r.couplets[0].judgement.parallel


def test_pailu_wants_every_inner_couplet() -> None:
    assert required_couplets(6) == frozenset({2, 3, 4, 5})
    assert required_couplets(4) == frozenset({2, 3})
    r = judge_poem_duizhang(CHUNWANG[:4] + CHUNWANG[2:6] + CHUNWANG[4:])
    assert [c.index for c in r.required] == [2, 3, 4, 5]
    assert r.couplets[2].name == "第3联"


def test_odd_lines_are_refused() -> None:
    with pytest.raises(ValueError, match="even number"):
        judge_poem_duizhang(CHUNWANG[:3])
