"""Co-writing: suggestions for a character or a line keep the form."""

from __future__ import annotations

import pytest

from inkmuse.core.errors import InputError
from inkmuse.poetry.checker import check_poem
from inkmuse.poetry.generate.cowrite import suggest

POEM = "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。"


def test_character_suggestions_keep_the_form_and_the_rest() -> None:
    alts = suggest(POEM, line=3, pos=5, seed=1)
    assert len(alts) >= 3
    for alt in alts:
        assert alt.text[:16] == POEM[:16] and alt.text[17:] == POEM[17:]
        assert alt.replacement == alt.text[16] != "目"
        assert check_poem(alt.text, "五绝").ok
    assert [a.score for a in alts] == sorted((a.score for a in alts), reverse=True)


def test_rhyme_line_suggestions_keep_the_rhyme() -> None:
    alts = suggest(POEM, line=2, seed=2)
    assert alts
    for alt in alts:
        report = check_poem(alt.text, "五绝")
        assert report.ok and report.rhyme_short == "十一尤", alt.text
        assert alt.text.startswith("白日依山尽，") and alt.text.endswith("欲穷千里目，更上一层楼。")


def test_suggest_rejects_bad_slots() -> None:
    with pytest.raises(InputError, match="line 5"):
        suggest(POEM, line=5)
    with pytest.raises(InputError, match="position 6"):
        suggest(POEM, line=1, pos=6)
    with pytest.raises(InputError, match="shape"):
        suggest("白日依山尽，黄河入海流。", line=1)
