"""Form grammars and the verify-and-repair loop, without a real model."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from inkmuse.core.errors import InputError
from inkmuse.core.prosody import get_rhymebook
from inkmuse.models.backends.fake import FakeBackend
from inkmuse.models.config import load_config
from inkmuse.models.registry import backend_types, get_backend
from inkmuse.poetry.backend_poet import BackendPoemRequest, extract_poem, write_with_backend
from inkmuse.poetry.checker import check_poem
from inkmuse.poetry.forms import get_form
from inkmuse.poetry.grammar import form_grammar
from inkmuse.poetry.rules import legal_tones

GOOD = "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。"
BAD = "白日依山尽，黄海入海流。欲穷千里目，更上一层台。"  # 海 wrong tone, 台 off-rhyme


def sample(grammar: str, rng: random.Random) -> str:
    """Draw one string from a grammar of the shape form_grammar writes."""
    rules = {}
    for line in grammar.strip().splitlines():
        name, rule = line.split(" ::= ", 1)
        rules[name] = rule

    def expand(symbol: str) -> str:
        rule = rules[symbol]
        if rule.startswith("["):
            return rng.choice(re.sub(r"\\(.)", r"\1", rule[1:-1]))
        alternative = rng.choice(rule.split(" | "))
        out = []
        for token in alternative.split(" "):
            out.append(token[1:-1].replace("\\n", "\n") if token.startswith('"') else expand(token))
        return "".join(out)

    return expand("root")


@pytest.mark.parametrize("form", ["五绝", "七绝", "五律", "七律"])
def test_every_string_of_the_grammar_passes_the_checker(form: str) -> None:
    book = get_rhymebook("平水韵")
    group = book.resolve_group("七阳")
    grammar = form_grammar(get_form(form), group, book)
    rng = random.Random(0)
    for _ in range(40):
        poem = sample(grammar, rng)
        report = check_poem(poem, form)
        assert report.ok, (poem, [f.zh for f in report.errors])
        assert report.rhyme_group == group


def test_legal_tones_exclude_gu_ping_and_san_ping_wei() -> None:
    lines = {line.pattern: line for spec in get_form("五律").patterns() for line in spec.lines}
    variants = legal_tones(lines["平平仄仄平"])
    assert "仄平仄仄平" not in variants  # 孤平
    assert "平平仄仄平" in variants and "仄平平仄平" in variants  # 本句自救 is accepted
    assert all(not v.endswith("平平平") for v in legal_tones(lines["仄仄仄平平"]))


def test_repair_loop_sends_precise_faults_back() -> None:
    fake = FakeBackend(replies=[BAD, BAD, BAD, GOOD])
    result = write_with_backend(
        fake, BackendPoemRequest(keywords=("登楼",), form="五绝", seed=3, drafts=3)
    )
    assert result.report.ok and result.text == GOOD
    assert result.strategy == "repair" and result.rounds == 2
    feedback = fake.prompts[3][-1].content
    assert "第二句第二字「海」应平" in feedback and "出韵" in feedback
    assert fake.prompts[3][-2].role == "assistant"  # the faulty draft, quoted back
    record = result.provenance
    assert record["backend"] == "fake" and record["params"]["strategy"] == "repair"
    assert record["params"]["rounds"] == 2 and record["seed"] == 3


def test_remaining_faults_are_reported_honestly() -> None:
    result = write_with_backend(
        FakeBackend(replies=[BAD]),
        BackendPoemRequest(keywords=("登楼",), form="五绝", rounds=2, drafts=1),
    )
    assert not result.report.ok and result.rounds == 2
    assert {f.kind for f in result.report.errors} >= {"tone", "chu_yun"}


def test_english_prompts() -> None:
    fake = FakeBackend()
    write_with_backend(fake, BackendPoemRequest(keywords=("harbour",), form="五绝", lang="en"))
    assert "Write a classical Chinese five-character quatrain" in fake.prompts[0][-1].content


def test_extract_poem_from_chatty_replies() -> None:
    reply = "**登鹳雀楼**\n\n1. 白日依山尽，黄河入海流。\n2. 欲穷千里目，更上一层楼。\n\n这首诗写登高望远。"
    assert extract_poem(reply, 5, 4) == GOOD
    assert extract_poem("白日依山尽黄河入海流欲穷千里目更上一层楼", 5, 4) == GOOD


def test_bad_requests() -> None:
    with pytest.raises(InputError, match="cannot take a grammar"):
        write_with_backend(FakeBackend(), BackendPoemRequest(keywords=("a",), strategy="grammar"))
    with pytest.raises(InputError, match="no keywords"):
        write_with_backend(FakeBackend(), BackendPoemRequest(keywords=()))
    with pytest.raises(InputError, match="unknown strategy"):
        write_with_backend(FakeBackend(), BackendPoemRequest(keywords=("a",), strategy="magic"))


def test_registry_and_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert {"embedded", "openai", "fake", "llamacpp-local"} <= set(backend_types())
    (tmp_path / "config.toml").write_text(
        'default = "mine"\n[backends.mine]\ntype = "openai"\nbase_url = "http://127.0.0.1:9/v1"\n'
        'model = "m"\napi_key_env = "MINE_KEY"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("INKMUSE_HOME", str(tmp_path))
    monkeypatch.setenv("INKMUSE_MINE_MODEL", "other")
    config = load_config()
    assert config.default == "mine" and config.get(None).options["model"] == "other"
    assert get_backend("mine").model == "other"
    monkeypatch.setenv("INKMUSE_BACKEND", "fake")
    assert get_backend().name == "fake"
    (tmp_path / "config.toml").write_text(
        '[backends.x]\ntype = "openai"\napi_key = "sk-1"\n', encoding="utf-8"
    )
    with pytest.raises(InputError, match="api_key"):
        load_config()
    with pytest.raises(InputError, match="no backend named"):
        load_config(tmp_path / "missing.toml").get("nope")
