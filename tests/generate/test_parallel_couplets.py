"""The poet writes 对仗 in the couplets the form wants parallel (issue 17)."""

from __future__ import annotations

from inkmuse.core.hanzi import split_lines
from inkmuse.poetry.duizhang import judge_poem_duizhang
from inkmuse.poetry.generate import parallel
from inkmuse.poetry.generate.parallel import answering_lines
from inkmuse.poetry.generate.poet import write_poem
from inkmuse.poetry.request import PoemRequest


def test_the_answering_lines_are_the_second_lines_of_the_inner_couplets() -> None:
    assert answering_lines(8) == {3, 5}
    assert answering_lines(12) == {3, 5, 7, 9}
    assert answering_lines(4) == frozenset()


def _parallel_share(boost: float) -> float:
    saved, parallel.PARALLEL_BOOST = parallel.PARALLEL_BOOST, boost
    try:
        done = []
        for seed, words in enumerate((("春风", "杨柳"), ("秋夜",), ("登高",), ("江南",))):
            for form in ("五律", "七律"):
                text = write_poem(PoemRequest(words, form=form, seed=seed, n=8)).text
                done.append(judge_poem_duizhang(split_lines(text)).ok)
        return sum(done) / len(done)
    finally:
        parallel.PARALLEL_BOOST = saved


def test_most_written_lushi_hold_both_middle_couplets_parallel() -> None:
    assert _parallel_share(parallel.PARALLEL_BOOST) >= 0.75
