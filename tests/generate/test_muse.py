"""A muse and an era (issue 16): poet-v2 writes in the manner of a poet or an era."""

from __future__ import annotations

import pytest

from inkmuse.cli.main import main
from inkmuse.core.errors import InputError
from inkmuse.models.embedded import load_poet
from inkmuse.poetry.checker import check_poem
from inkmuse.poetry.generate.poet import write_poem
from inkmuse.poetry.request import PoemRequest

pytestmark = pytest.mark.skipif(
    not load_poet().vocab.muses(), reason="the shipped poet was trained without muses"
)


def test_a_muse_and_an_era_condition_the_prompt_and_are_recorded() -> None:
    plain = write_poem(PoemRequest(("山居", "秋"), form="五律", seed=4, n=8))
    wang = write_poem(PoemRequest(("山居", "秋"), form="五律", seed=4, n=8, muse="王维", era="唐"))
    assert wang.text != plain.text and check_poem(wang.text, "五律").ok
    assert wang.provenance["params"]["muse"] == "王维"
    assert wang.provenance["params"]["era"] == "唐"


def test_unknown_muses_and_eras_say_what_is_accepted() -> None:
    with pytest.raises(InputError, match="not one of the poet's") as err:
        write_poem(PoemRequest(("秋",), muse="王小二"))
    assert "inkmuse poem --muses" in str(err.value)
    with pytest.raises(InputError, match="唐, 五代 or 宋"):
        write_poem(PoemRequest(("秋",), era="明"))
    # ways people write the eras are taken
    assert write_poem(PoemRequest(("秋",), era="宋代", n=2, seed=1)).provenance["params"]["era"]


def test_the_cli_lists_the_muses(capsys: pytest.CaptureFixture[str]) -> None:
    main(["poem", "--muses"])
    out = capsys.readouterr().out
    assert "poets with 50 or more poems" in out and "王维" in out and "苏轼" in out
