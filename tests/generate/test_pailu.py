"""The poet writes 排律 (issue 17): any even number of lines from ten, 对仗 inside."""

from __future__ import annotations

import pytest

from inkmuse.core.errors import InputError
from inkmuse.core.hanzi import split_lines
from inkmuse.poetry.checker import check_poem
from inkmuse.poetry.duizhang import judge_poem_duizhang
from inkmuse.poetry.generate.poet import write_poem
from inkmuse.poetry.request import PoemRequest


@pytest.mark.parametrize(("form", "lines"), [("五排", 12), ("五排", 10), ("七排", 10)])
def test_a_pailu_keeps_its_form_and_its_inner_couplets(form: str, lines: int) -> None:
    result = write_poem(PoemRequest(("秋夜", "思乡"), form=form, lines=lines, seed=3, n=8))
    text = split_lines(result.text)
    assert len(text) == lines and check_poem(result.text, form).ok
    couplets = judge_poem_duizhang(text).required
    assert len(couplets) == lines // 2 - 2
    assert sum(c.judgement.parallel for c in couplets) >= len(couplets) - 1
    assert result.line_plan is not None and len(result.line_plan.words) == lines


def test_pailu_lines_are_checked_with_a_clear_message() -> None:
    with pytest.raises(InputError, match="排律 of 10, 12, 14"):
        write_poem(PoemRequest(("秋",), form="五排", lines=9))
    with pytest.raises(InputError, match="longer than the poet can hold"):
        write_poem(PoemRequest(("秋",), form="七排", lines=14))
    with pytest.raises(InputError, match="a 七绝 has 4 lines"):
        write_poem(PoemRequest(("秋",), form="七绝", lines=8))
