"""Every poem the decoder returns passes `inkmuse check` with no error and no warning."""

from __future__ import annotations

import pytest

from inkmuse.models.embedded import EmbeddedPoet, load_poet
from inkmuse.poetry.checker import check_poem
from inkmuse.poetry.forms import get_form
from inkmuse.poetry.generate.decode import decode_batch
from inkmuse.poetry.generate.poet import write_poem
from inkmuse.poetry.request import PoemRequest

FORMS = ("五绝", "七绝", "五律", "七律")


def assert_clean(text: str, form: str, **kwargs: str) -> None:
    report = check_poem(text, form, **kwargs)
    bad = [(f.kind, f.line, f.pos) for f in report.faults if f.severity != "info"]
    assert report.ok and not bad, f"{text}: {bad}"


@pytest.mark.parametrize("form", FORMS)
def test_random_model_poems_pass_the_checker_on_many_seeds(
    tiny_poet: EmbeddedPoet, form: str
) -> None:
    count = 0
    for seed in range(50):
        for cand in decode_batch(tiny_poet, get_form(form).patterns(), ["秋"], n=8, seed=seed):
            assert_clean(cand.text, form)
            assert cand.spec.variant in {s.variant for s in get_form(form).patterns()}
            count += 1
    assert count >= 50 * 8 * 0.9  # dead ends are rare, not the rule


@pytest.mark.parametrize(
    ("rhymebook", "rhyme"), [("平水韵", "七阳"), ("平水韵", "十一尤"), ("中华新韵", None)]
)
def test_rhyme_group_and_rhymebook_are_kept(
    tiny_poet: EmbeddedPoet, rhymebook: str, rhyme: str | None
) -> None:
    for seed in range(15):
        request = PoemRequest(
            keywords=("春",), form="七律", seed=seed, n=4, rhyme=rhyme, rhymebook=rhymebook
        )
        result = write_poem(request, tiny_poet)
        assert_clean(result.text, "七律", rhymebook=rhymebook)
        if rhyme:
            assert result.rhyme_group.endswith(rhyme)
            report = check_poem(result.text, "七律", rhymebook)
            assert report.rhyme_short == rhyme


def test_acrostic_is_kept(tiny_poet: EmbeddedPoet) -> None:
    for seed in range(20):
        result = write_poem(
            PoemRequest(acrostic="春江花月", form="五绝", seed=seed, n=4), tiny_poet
        )
        assert [line[0] for line in result.lines] == list("春江花月")
        assert_clean(result.text, "五绝", acrostic="春江花月")


@pytest.mark.parametrize(
    ("opening", "form"),
    [
        ("床前明月光，", "五绝"),
        ("白日依山尽，黄河入海流。", "五绝"),
        ("朝辞白帝彩云间，千里", "七绝"),
    ],
)
def test_continue_keeps_the_opening(tiny_poet: EmbeddedPoet, opening: str, form: str) -> None:
    for seed in range(10):
        result = write_poem(PoemRequest(opening=opening, form=form, seed=seed, n=4), tiny_poet)
        assert result.text.startswith(opening)
        assert_clean(result.text, form)


@pytest.mark.parametrize("form", FORMS)
def test_shipped_model_poems_pass_the_checker(form: str) -> None:
    for seed in range(4):
        result = write_poem(PoemRequest(keywords=("秋夜", "思乡"), form=form, seed=seed, n=4))
        for item in result.ranked:
            assert_clean(item.text, form)


def test_shipped_model_is_loaded_once() -> None:
    assert load_poet() is load_poet()


def test_reduplications_fill_one_foot_with_a_tang_character_and_pass_the_checker() -> None:
    import re

    from inkmuse.core.prosody import reduplicated_chars

    doubled = []
    for seed in range(2):
        cands = decode_batch(
            load_poet(), get_form("七律").patterns(), ["落叶", "萧萧"], n=8, seed=seed
        )
        for cand in cands:
            report = check_poem(cand.text, "七律")
            assert report.ok and not [f for f in report.faults if f.kind == "chong_zi"], cand.text
            for line in re.split("[，。]", cand.text):
                pairs = [j for j in range(1, len(line)) if line[j] == line[j - 1]]
                assert len(pairs) <= 1 and all(j % 2 == 1 for j in pairs), line
                doubled += [line[j] for j in pairs]
    assert doubled, "the shipped poet writes a 叠字 now and then (萧萧 is in the prompt)"
    assert set(doubled) <= reduplicated_chars()
