"""The poet writes 词 to their 词牌 (issue 18): every returned ci passes the ci checker."""

from __future__ import annotations

import pytest

from inkmuse.core.errors import InputError
from inkmuse.core.hanzi import split_lines
from inkmuse.models.embedded import EmbeddedPoet
from inkmuse.poetry.ci import check_ci, get_cipu, get_tune
from inkmuse.poetry.generate.ci_decode import decode_ci, slots
from inkmuse.poetry.generate.ci_poet import is_ci_form, write_ci
from inkmuse.poetry.request import PoemRequest
from inkmuse.poetry.write import write

EVERY_VARIANT = [(t.name, v.index) for t in get_cipu().values() for v in t.variants]


@pytest.mark.parametrize(("tune", "index"), EVERY_VARIANT)
def test_every_variant_decoded_by_a_random_model_passes_the_checker(
    tiny_poet: EmbeddedPoet, tune: str, index: int
) -> None:
    """Random weights pick what a trained model never would: the masks alone must hold
    every strict tone, every rhyme's 部, the 叠句 and the shape, in all 151 variants."""
    variant = get_tune(tune).variants[index]
    cands = decode_ci(tiny_poet, variant, ["春"], n=6, seed=index + 1)
    assert len(cands) >= 3  # rows only die when a rhyme's 部 runs out
    for cand in cands:
        assert [len(x) for x in split_lines(cand.text)] == list(variant.lengths)
        report = check_ci(cand.text, tune)
        assert report.ok, (cand.text, [f.kind for f in report.errors])
        assert report.aligned  # (another variant of one length may fit as well: 水调歌头)


def test_a_rhyme_keeps_one_bu_and_a_change_of_rhyme_takes_its_own() -> None:
    variant = get_tune("菩萨蛮").variants[0]
    rhymes = [s.rhyme for s in slots(variant) if s.rhyme is not None]
    assert rhymes == [0, 0, 1, 1, 2, 2, 3, 3]  # four rhymes of two line ends each


def test_a_repeated_line_copies_the_tail_of_the_line_before(tiny_poet: EmbeddedPoet) -> None:
    variant = get_tune("如梦令").variants[0]
    for cand in decode_ci(tiny_poet, variant, ["春"], n=4, seed=2):
        lines = split_lines(cand.text)
        assert lines[4] == lines[5]  # 知否，知否


@pytest.mark.parametrize("tune", ["浣溪沙", "菩萨蛮", "临江仙", "水调歌头"])
def test_the_trained_poet_writes_a_ci_that_passes(tune: str) -> None:
    result = write_ci(PoemRequest(("秋夜", "思乡"), form=tune, seed=5, n=8))
    report = check_ci(result.text, tune)
    assert report.ok and result.report.ok
    assert check_ci(result.text).ok  # read back without the tune's name too
    assert result.line_plan is not None
    assert len(result.line_plan.words) == len(result.variant.lengths)
    record = result.provenance
    assert record["params"]["form"] == tune and record["params"]["rhymebook"] == "词林正韵"
    assert write_ci(PoemRequest(("秋夜", "思乡"), form=tune, seed=5, n=8)).text == result.text


def test_a_slow_tune_beyond_the_block_is_written_and_says_so() -> None:
    result = write_ci(PoemRequest(("明月",), form="念奴娇", seed=1, n=6))
    assert len("".join(split_lines(result.text))) == result.variant.total > 96 - 20
    assert any("never learned 念奴娇" in n for n in result.notes)


def test_an_alias_names_the_tune() -> None:
    assert is_ci_form("酹江月") and is_ci_form("浣溪沙") and not is_ci_form("七绝")


def test_options_of_the_shi_are_refused_by_name() -> None:
    with pytest.raises(InputError, match="--rhyme is for 诗"):
        write_ci(PoemRequest(("秋",), form="浣溪沙", rhyme="七阳"))
    with pytest.raises(InputError, match="--acrostic, --lines are for 诗"):
        write_ci(PoemRequest(("秋",), form="浣溪沙", acrostic="春夏秋冬", lines=4))
    with pytest.raises(InputError, match="no keywords"):
        write_ci(PoemRequest((), form="浣溪沙"))


def test_a_model_that_never_learned_ci_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    from inkmuse.models.embedded import load_poet

    with pytest.raises(InputError, match="not trained on 词"):
        write_ci(PoemRequest(("秋",), form="浣溪沙"), poet=load_poet("poet-v1"))


def test_write_sends_a_ci_to_the_embedded_poet_and_refuses_a_backend() -> None:
    poem = write(PoemRequest(("春愁",), form="浣溪沙", seed=2, n=4))
    assert poem.ok and poem.to_dict()["form"] == "浣溪沙"

    class Chat:
        name = "chat"

        def generate(self, prompt: object, options: object) -> str:
            return ""

    with pytest.raises(InputError, match="written by the embedded poet"):
        write(PoemRequest(("春愁",), form="浣溪沙"), model=Chat())  # type: ignore[arg-type]
