"""The line plan: expanded from the keywords, edited by the person, followed by the poet."""

from __future__ import annotations

import json
import re

import pytest

from inkmuse.cli.main import main
from inkmuse.core.errors import InputError
from inkmuse.core.hanzi import split_lines
from inkmuse.poetry.generate.lineplan import parse_plan, plan_lines
from inkmuse.poetry.generate.poet import write_poem
from inkmuse.poetry.imagery import contrary_words
from inkmuse.poetry.request import PoemRequest


@pytest.mark.parametrize("lines", [4, 8])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_plan_keeps_the_keywords_and_never_repeats_a_character(lines: int, seed: int) -> None:
    plan = plan_lines(("秋夜", "思乡"), lines, seed=seed, season="autumn", time="night")
    assert len(plan.words) == lines and plan.words[0] == "秋夜" and plan.words[-1] == "思乡"
    chars = "".join(plan.words)
    assert len(set(chars)) == len(chars)
    contrary = contrary_words("autumn", "night")
    assert not [w for w in plan.words if w in contrary or "春" in w]
    assert plan_lines(("秋夜", "思乡"), lines, seed=seed, season="autumn", time="night") == plan


def test_a_word_the_graph_lacks_is_planned_through_its_characters() -> None:
    plan = plan_lines(("边塞",), 4, seed=1)
    assert plan.words[0] == "边塞" and all(plan.words[1:])


@pytest.mark.parametrize(
    ("text", "problem"),
    [("雁,霜", "2 word(s) for a poem of 4 lines"), ("雁,霜,灯,moon", "plan word 'moon'")],
)
def test_a_bad_plan_says_what_is_wrong(text: str, problem: str) -> None:
    with pytest.raises(InputError, match=re.escape(problem)):
        parse_plan(text, 4)


def test_the_poet_follows_its_plan_more_than_without_one() -> None:
    hits = {True: 0, False: 0}
    for seed in range(4):
        for planned in (True, False):
            plan = ("雁", "霜", "灯", "乡")
            request = PoemRequest(
                ("秋夜",), form="七绝", seed=seed, n=8, plan=plan if planned else ()
            )
            result = write_poem(request)
            lines = split_lines(result.text)
            hits[planned] += sum(w in line for w, line in zip(plan, lines, strict=True))
            assert (result.line_plan is not None) == planned
    assert hits[True] > hits[False] + 3


def test_cli_shows_and_takes_the_plan(capsys: pytest.CaptureFixture[str]) -> None:
    main(["poem", "秋夜", "思乡", "--seed", "4", "--n", "4", "--show-plan"])
    out = capsys.readouterr().out
    assert out.startswith("plan: 1 秋夜 · 2 ") and "4 思乡" in out.splitlines()[0]
    main(["poem", "秋夜", "--plan", "雁,霜,灯,乡", "--seed", "4", "--n", "4", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert data["plan"] == ["雁", "霜", "灯", "乡"]
    assert data["provenance"]["params"]["plan"] == ["雁", "霜", "灯", "乡"]
    main(["poem", "秋夜", "--no-plan", "--seed", "4", "--n", "4", "--json"])
    assert json.loads(capsys.readouterr().out)["plan"] is None


def test_muse_on_a_model_without_muses_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    from inkmuse.models.embedded import load_poet

    if load_poet().vocab.muses():
        pytest.skip("the shipped poet has muses (see test_muse.py)")
    with pytest.raises(SystemExit) as exit_:
        main(["poem", "秋夜", "--muse", "王维"])
    assert exit_.value.code == 2
    assert "not trained with eras or muses" in capsys.readouterr().err


def test_hub_words_are_damped_in_the_graph() -> None:
    # 万里 is linked from hundreds of words: it fits every theme because it says nothing of
    # one, so its score is divided by sqrt(links / HUB_LINKS); a rare neighbour keeps its own.
    import json
    from collections import Counter
    from importlib import resources

    from inkmuse.poetry.generate.lineplan import HUB_LINKS, keyword_graph

    path = resources.files("inkmuse.poetry").joinpath("data/keyword_graph.json")
    raw = json.loads(path.read_text("utf-8"))["edges"]
    links = Counter(b for row in raw.values() for b, _ in row)
    assert links["万里"] > 10 * HUB_LINKS
    word = next(w for w, row in raw.items() if any(b == "万里" for b, _ in row))
    damped = dict(keyword_graph().edges[word])["万里"]
    assert damped == pytest.approx(dict(raw[word])["万里"] / (links["万里"] / HUB_LINKS) ** 0.5)
    rare = next((w, b, s) for w, row in raw.items() for b, s in row if links[b] <= HUB_LINKS)
    assert dict(keyword_graph().edges[rare[0]])[rare[1]] == pytest.approx(rare[2])
