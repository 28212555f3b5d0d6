"""Determinism, originality, ranking and clear errors for bad requests."""

from __future__ import annotations

import pytest

from inkmuse.core.errors import InputError
from inkmuse.core.hanzi import split_lines
from inkmuse.models.embedded import EmbeddedPoet, load_originality_index
from inkmuse.poetry.checker import check_poem
from inkmuse.poetry.generate.poet import write_poem
from inkmuse.poetry.generate.rank import coverage
from inkmuse.poetry.generate.request import parse_keywords
from inkmuse.poetry.request import PoemRequest


def test_same_seed_same_poem_and_other_seeds_differ() -> None:
    a = write_poem(PoemRequest(keywords=("秋夜", "思乡"), seed=11, n=4))
    b = write_poem(PoemRequest(keywords=("秋夜", "思乡"), seed=11, n=4))
    c = write_poem(PoemRequest(keywords=("秋夜", "思乡"), seed=12, n=4))
    assert a.text == b.text and [r.text for r in a.ranked] == [r.text for r in b.ranked]
    assert a.provenance == b.provenance
    assert a.text != c.text


def test_no_line_of_a_returned_poem_is_in_the_corpus(tiny_poet: EmbeddedPoet) -> None:
    index = load_originality_index()
    for seed in range(10):
        result = write_poem(PoemRequest(keywords=("明月",), form="五绝", seed=seed, n=8))
        for item in result.ranked:
            assert not any(index.contains(line) for line in split_lines(item.text))


def test_originality_index_finds_corpus_lines() -> None:
    index = load_originality_index()
    assert len(index) > 2_000_000
    assert index.overlaps("白日依山尽，黄河入海流。欲穷千里目，更上一层楼。") == [
        "白日依山尽",
        "黄河入海流",
        "欲穷千里目",
        "更上一层楼",
    ]
    assert index.overlaps("秋灯照影寒，远梦落江干。") == []


def test_ranking_is_best_first_and_without_duplicates() -> None:
    result = write_poem(PoemRequest(keywords=("秋夜",), seed=3, n=16))
    scores = [r.score for r in result.ranked]
    assert scores == sorted(scores, reverse=True)
    assert len({r.text for r in result.ranked}) == len(result.ranked)
    assert result.text == result.ranked[0].text


def test_keywords_steer_the_poem() -> None:
    hits = 0
    for seed in range(5):
        result = write_poem(PoemRequest(keywords=("明月", "故乡"), seed=seed, n=8))
        hits += coverage(result.text, ["明月", "故乡"]) > 0
    assert hits >= 4


def test_keywords_are_split_and_simplified() -> None:
    assert parse_keywords(["秋夜 思鄉", "明月,孤舟"]) == ("秋夜", "思乡", "明月", "孤舟")


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (PoemRequest(keywords=("秋",), form="八绝"), "unknown form"),
        (PoemRequest(keywords=("秋",), form="五排", lines=11), "排律 of 10, 12"),
        (PoemRequest(keywords=()), "no keywords"),
        (PoemRequest(keywords=("",)), "no keywords"),
        (PoemRequest(keywords=("autumn",)), "keyword 'autumn'"),
        (PoemRequest(keywords=("一", "二", "三", "四", "五")), "5 keywords"),
        (PoemRequest(acrostic="春夏秋", form="七绝"), "impossible acrostic"),
        (PoemRequest(acrostic="春a秋冬", form="七绝"), "impossible acrostic"),
        (PoemRequest(keywords=("秋",), rhyme="七虞虞"), "no rhyme group"),
        (PoemRequest(keywords=("秋",), rhyme="一董"), "not a level-tone rhyme group"),
        (PoemRequest(keywords=("秋",), rhymebook="广韵"), "unknown rhyme book"),
        (PoemRequest(keywords=("秋",), n=0), "n=0"),
        (PoemRequest(keywords=("秋",), temperature=5), "temperature"),
        (PoemRequest(opening="床前明月光照", form="五绝"), "has 6 characters"),
        (PoemRequest(opening="床前明月光，床前明月光。", form="五绝"), "fit none"),
        (PoemRequest(opening="白日依山尽，黄河入海去。", form="五绝"), "fit none"),
        (
            PoemRequest(opening="白日依山尽，黄河入海流。欲穷千里目，更上一层楼。"),
            "nothing is left",
        ),
    ],
)
def test_bad_requests_get_clear_errors(request_: PoemRequest, message: str) -> None:
    with pytest.raises(InputError, match=message) as err:
        write_poem(request_)
    assert "accepted" in str(err.value)


def test_continuing_a_famous_line_is_allowed_and_noted(tiny_poet: EmbeddedPoet) -> None:
    result = write_poem(PoemRequest(opening="白日依山尽，", form="五绝", seed=1, n=4), tiny_poet)
    assert result.text.startswith("白日依山尽，")
    assert any("白日依山尽" in note for note in result.notes)


def test_characters_the_poet_never_saw_are_left_out_with_a_note(tiny_poet: EmbeddedPoet) -> None:
    result = write_poem(PoemRequest(keywords=("龘", "秋月"), form="五绝", seed=1, n=2), tiny_poet)
    assert any("龘" in note for note in result.notes)
    assert result.provenance["inputs"]["keywords"] == ["秋月"]


@pytest.mark.parametrize(
    "opening",
    ["萧萧梧叶送寒声，", "独在异乡为异客，"],  # 夜书所见 (a 叠字), 九月九日忆山东兄弟 (重字)
)
def test_an_opening_the_checker_passes_is_continued(opening: str) -> None:
    """One 重字 rule: a line the checker passes (with at most a warning) is never refused."""
    result = write_poem(PoemRequest(opening=opening, form="七绝", seed=1, n=4))
    assert result.text.startswith(opening)
    report = check_poem(result.text, "七绝")
    assert report.ok, [f.zh for f in report.errors]
    own = [f for f in report.warnings if f.kind == "chong_zi"]
    assert len(own) == (1 if "异" in opening else 0)  # the poet added no repeat of its own
    assert any("重字" in note for note in result.notes) == ("异" in opening)


def test_a_repeated_acrostic_head_is_kept_with_a_note() -> None:
    result = write_poem(
        PoemRequest(keywords=("春",), acrostic="春春秋冬", form="七绝", seed=1, n=4)
    )
    assert [line[0] for line in result.text.replace("。", "，").split("，") if line] == list(
        "春春秋冬"
    )
    assert any("「春」" in note for note in result.notes)
