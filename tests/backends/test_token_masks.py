"""Token masks: every walk through them is a valid poem; with a real local model too."""

from __future__ import annotations

import random

import numpy as np
import pytest

from inkmuse.core.prosody import get_rhymebook
from inkmuse.models.tokens import TokenTable, token_table_from_decoder
from inkmuse.poetry.checker import check_poem
from inkmuse.poetry.forms import get_form
from inkmuse.poetry.grammar import _classes
from inkmuse.poetry.token_masks import BatchFormMasks, FormMasks

BOOK = get_rhymebook("平水韵")
GROUP = BOOK.resolve_group("七阳")


def table() -> TokenTable:
    ping, ze = _classes(BOOK.name, 7)
    chars = {c: i + 10 for i, c in enumerate(sorted(set(ping) | set(ze)))}
    return TokenTable(chars, {"，": 1, "。": 2}, eos=0)


@pytest.mark.parametrize("form", ["五绝", "七绝", "五律", "七律"])
def test_random_walks_through_the_masks_are_valid_poems_without_repeats(form: str) -> None:
    tab = table()
    rng = random.Random(1)
    for spec in get_form(form).patterns():
        masks = FormMasks(tab, spec, GROUP, BOOK)
        text = ""
        while True:
            allowed = masks.allowed(text)
            token = rng.choice(allowed)
            if token == tab.eos:
                break
            text += tab.text_of[token]
        report = check_poem(text, form)
        assert report.ok and not report.warnings, (
            text,
            [f.zh for f in report.faults if f.severity != "info"],
        )
        assert report.rhyme_group == GROUP


def test_llama_cpp_processor_and_batch_processor_mask_the_same_way() -> None:
    tab = table()
    masks = FormMasks(
        tab, get_form("五绝").pattern(get_form("五绝").patterns()[0].start, True), GROUP, BOOK
    )
    scores = np.zeros(max(tab.text_of) + 1)
    masks.prompt_len = 3
    single = masks(np.array([7, 7, 7]), scores.copy())
    batch = BatchFormMasks(masks, prompt_len=3)(np.array([[7, 7, 7]]), scores.copy()[None, :])
    assert np.array_equal(np.isfinite(single), np.isfinite(batch[0]))
    assert set(np.flatnonzero(np.isfinite(single))) == set(masks.allowed(""))


def test_token_table_from_any_decoder() -> None:
    vocab = ["<eos>", "▁山", "月", "，", "。", "ab", "山水"]
    tab = token_table_from_decoder(lambda ids: vocab[ids[0]].replace("▁", " "), len(vocab), eos=0)
    assert tab.chars == {"山": 1, "月": 2} and tab.punct == {"，": 3, "。": 4}


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2])
def test_a_real_local_model_under_the_masks(seed: int) -> None:
    pytest.importorskip("llama_cpp", reason="the gguf extra is not installed")
    from inkmuse.models.backends.llamacpp_local import LlamaCppLocal
    from inkmuse.poetry.backend_poet import BackendPoemRequest, write_with_backend

    model = _model()
    for form in ("五绝", "七绝"):
        result = write_with_backend(
            model, BackendPoemRequest(keywords=("秋夜", "思乡"), form=form, seed=seed, drafts=1)
        )
        assert result.strategy == "masks"
        assert result.report.ok and not result.report.warnings, result.text
    assert isinstance(model, LlamaCppLocal)


_CACHE: dict[str, object] = {}


def _model() -> object:
    from inkmuse.models.backends.llamacpp_local import LlamaCppLocal

    if "m" not in _CACHE:
        _CACHE["m"] = LlamaCppLocal("gemma")
    return _CACHE["m"]
