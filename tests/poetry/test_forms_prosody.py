"""Forms as constraint objects and the prosody tables behind them."""

from __future__ import annotations

import pytest

from inkmuse.core.errors import InputError
from inkmuse.core.prosody import get_rhymebook
from inkmuse.core.tones import Tone
from inkmuse.poetry.forms import FORMS, detect_form, get_form, line_template
from inkmuse.poetry.rules import line_faults


@pytest.mark.parametrize("form", FORMS)
def test_every_pattern_of_every_form_is_itself_valid(form: object) -> None:
    from inkmuse.poetry.forms import FormKind

    assert isinstance(form, FormKind)
    for spec in form.patterns():
        assert len(spec.lines) in (4, 8, 12)
        for i, line in enumerate(spec.lines):
            assert not [f for f in line_faults(line.pattern) if f != "三仄尾"], line.pattern
            assert line.rhymes == (i % 2 == 1 or (i == 0 and spec.first_line_rhymes))
            assert line.pattern[-1] == ("平" if line.rhymes else "仄")
        for i in range(1, len(spec.lines)):
            prev, cur = spec.lines[i - 1].key, spec.lines[i].key
            assert cur is (prev.opposite if i % 2 == 1 else prev)  # 对 then 粘


def test_free_positions_follow_yi_san_wu_bu_lun_except_where_san_ping_wei_follows() -> None:
    spec = get_form("五绝").pattern(start=Tone.ZE, first_line_rhymes=False)
    assert [s.strict for s in spec.lines[0].slots] == [False, True, False, True, True]
    # 仄仄仄平平: its 3rd character is not free (平 would make 三平尾)
    assert [s.strict for s in spec.lines[3].slots] == [False, True, True, True, True]


def test_line_templates() -> None:
    assert line_template(Tone.PING, Tone.PING, 7) == "平平仄仄仄平平"
    assert line_template(Tone.ZE, Tone.ZE, 5) == "仄仄平平仄"


def test_form_names_and_detection() -> None:
    assert get_form("qijue").name == "七言绝句"
    assert get_form("七言律詩").short == "七律"
    assert detect_form([5] * 12).name == "五言排律"
    with pytest.raises(InputError, match="accepted"):
        detect_form([5, 5, 7, 7])


def test_pingshui_readings_and_polyphones() -> None:
    book = get_rhymebook("平水韵")
    assert book.short(book.rhyme_groups("光")[0]) == "七阳"
    assert book.tones("看") == {Tone.PING, Tone.ZE}
    assert book.tones("月") == {Tone.ZE}  # 入声
    assert book.tones("國") == book.tones("国")
    assert book.resolve_group("阳") == book.resolve_group("下平声七阳")
    with pytest.raises(InputError, match="accepted"):
        book.resolve_group("九十九")


def test_modern_rhymebooks_follow_mandarin() -> None:
    xin = get_rhymebook("中华新韵")
    assert {r.group for r in xin.readings("国")} == {"二波"}
    assert xin.tones("国") == {Tone.PING}  # guó: 2nd tone, 平 in the new rhyme
    tong = get_rhymebook("通韵")
    assert {r.group for r in tong.readings("知")} == {"四衣"}
