"""The English poet on backends: repair, grammar and plain strategies, with scripted models."""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from inkmuse.core.errors import BackendError, InputError, MissingDependencyError
from inkmuse.core.provenance import provenance_json
from inkmuse.models.backends.fake import FakeBackend
from inkmuse.models.protocol import Availability, GenerateOptions, Prompt, as_messages
from inkmuse.poetry.english.poet import EnglishPoemRequest, write_english_poem

from .gbnf import parse, sample
from .poems import LEAR_BEARD, ROBINSON, SONNET_18, replace_line

BROKEN_18 = replace_line(SONNET_18, 2, "Rough winds do shake the darling buds of June,")


def test_repair_sends_the_faults_back_and_keeps_the_fixed_poem() -> None:
    fake = FakeBackend(replies=[BROKEN_18, SONNET_18])
    result = write_english_poem(fake, EnglishPoemRequest("summer", "sonnet", seed=5, drafts=1))
    assert result.report.ok and result.rounds == 2 and result.strategy == "repair"
    assert result.text.startswith("Shall I compare thee")
    assert [errors for _, _, errors in result.history] == [1, 0]
    second = fake.prompts[1]
    assert second[-2].role == "assistant" and "June" in second[-2].content
    feedback = second[-1].content
    assert "'June' does not rhyme with 'day' (line 1)" in feedback and "try:" in feedback
    first = fake.prompts[0][-1].content
    assert "iambic pentameter" in first and "ABABCDCDEFEFGG" in first


def test_unconstrained_returns_the_best_draft_with_its_faults() -> None:
    fake = FakeBackend(replies=[BROKEN_18])
    request = EnglishPoemRequest("summer", "sonnet", seed=5, strategy="unconstrained")
    result = write_english_poem(fake, request)
    assert not result.report.ok and result.rounds == 1 and len(fake.prompts) == 3
    assert [f.kind for f in result.report.errors] == ["rhyme"]


def test_chatter_titles_and_numbering_are_dropped() -> None:
    numbered = "\n".join(f"{i}. {line}" for i, line in enumerate(LEAR_BEARD.splitlines(), 1))
    reply = f"Sure! Here is a limerick:\n\n**The Beard**\n\n{numbered}\n\nI hope you like it."
    result = write_english_poem(
        FakeBackend(replies=[reply]), EnglishPoemRequest("a beard", "limerick", seed=1)
    )
    assert result.report.ok and result.text == LEAR_BEARD


def test_no_poem_at_all_is_a_backend_error() -> None:
    fake = FakeBackend(replies=["Sorry, I cannot write poems."])
    with pytest.raises(BackendError, match="no usable poem in 2 round"):
        write_english_poem(fake, EnglishPoemRequest("x", "haiku", seed=1, rounds=2))


@dataclass
class GrammarModel:
    """Samples whatever grammar it is given, as llama.cpp would, without a model."""

    name: str = "grammar-fake"
    model: str = "sampler"
    supports_grammar: bool = True
    grammars: list[str] = field(default_factory=list)

    def generate(self, prompt: Prompt, options: GenerateOptions) -> str:
        assert options.grammar is not None and as_messages(prompt)
        self.grammars.append(options.grammar)
        return sample(parse(options.grammar), random.Random(options.seed))

    def stream(self, prompt: Prompt, options: GenerateOptions) -> Iterator[str]:
        yield self.generate(prompt, options)

    def available(self) -> Availability:
        return Availability(True, "test")


@pytest.mark.parametrize("form", ["sonnet", "villanelle", "haiku", "limerick"])
def test_grammar_strategy_keeps_the_form_by_construction(form: str) -> None:
    model = GrammarModel()
    result = write_english_poem(model, EnglishPoemRequest("a harbour at dawn", form, seed=2))
    assert result.strategy == "grammar" and result.rounds == 1
    assert result.report.ok, [f.message for f in result.report.errors]
    assert len(set(model.grammars)) == 1  # one grammar for the request, fixed by the seed


def test_villanelle_refrains_are_copied_and_stanzas_laid_out() -> None:
    result = write_english_poem(GrammarModel(), EnglishPoemRequest("gone", "villanelle", seed=3))
    lines = [line for line in result.text.splitlines() if line]
    assert lines[0] == lines[5] == lines[11] == lines[17]
    assert lines[2] == lines[8] == lines[14] == lines[18]
    assert result.text.count("\n\n") == 5 == ROBINSON.count("\n\n")


def test_same_seed_same_bytes() -> None:
    def run() -> tuple[str, str]:
        r = write_english_poem(GrammarModel(), EnglishPoemRequest("tide", "sonnet", seed=9))
        return r.text, provenance_json(r.provenance)

    assert run() == run()
    other = write_english_poem(GrammarModel(), EnglishPoemRequest("tide", "sonnet", seed=10))
    assert other.text != run()[0]


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (EnglishPoemRequest("x", "octave"), "unknown English form 'octave'"),
        (EnglishPoemRequest("  ", "sonnet"), "no theme given"),
        (EnglishPoemRequest("x", "sonnet", strategy="beam"), "unknown strategy 'beam'"),
        (EnglishPoemRequest("x", "quatrain", lines=6), "6 lines do not fit quatrains"),
        (EnglishPoemRequest("x", "sonnet", lines=12), "has 14 lines, not 12"),
        (EnglishPoemRequest("x", "sonnet", strategy="grammar"), "cannot take a grammar"),
        (EnglishPoemRequest("x", "sonnet", drafts=0), "at least 1"),
    ],
)
def test_bad_requests_are_clear_errors(request_: EnglishPoemRequest, message: str) -> None:
    with pytest.raises(InputError, match=message) as err:
        write_english_poem(FakeBackend(), request_)
    assert "accepted" in str(err.value)


def test_offline_default_without_llama_cpp_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "llama_cpp", None)
    with pytest.raises(MissingDependencyError, match=r"inkmuse\[gguf\]"):
        write_english_poem(None, EnglishPoemRequest("dawn", "haiku", seed=1))


def test_repair_keeps_only_the_latest_exchange() -> None:
    fake = FakeBackend(replies=[BROKEN_18])
    write_english_poem(fake, EnglishPoemRequest("summer", "sonnet", seed=5, drafts=1, rounds=3))
    assert [len(p) for p in fake.prompts] == [2, 4, 4]
    assert fake.prompts[2][:2] == fake.prompts[0]


def test_among_valid_drafts_the_least_repetitive_wins() -> None:
    looping = LEAR_BEARD.replace("Four Larks and a Wren", "Two Owls and a Wren").replace(
        "Have all built their nests in", "Two Owls and two Owls in"
    )
    fake = FakeBackend(replies=[looping, LEAR_BEARD])
    result = write_english_poem(fake, EnglishPoemRequest("owls", "limerick", seed=1, drafts=2))
    assert [errors for _, _, errors in result.history] == [0, 0]
    assert result.text == LEAR_BEARD
