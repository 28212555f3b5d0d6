"""Vocabulary layout and the originality index's storage."""

from __future__ import annotations

from pathlib import Path

import pytest

from inkmuse.models.embedded import load_poet
from inkmuse.models.embedded.originality import OriginalityIndex
from inkmuse.models.embedded.vocab import SPECIALS, Vocab


def test_prompt_layout_matches_training() -> None:
    vocab = load_poet().vocab
    ids = vocab.encode_prompt("五律", ["秋夜", "月"], "床")
    assert vocab.decode(ids) == "<五律>秋夜<kw>月<sep>床"
    assert vocab.itos[: len(SPECIALS)] == list(SPECIALS)
    assert vocab.encode("𠀀") == [vocab.unk]


def test_vocab_round_trips_and_rejects_foreign_files() -> None:
    vocab = Vocab(["月", "光"])
    assert Vocab.from_json(vocab.to_json()).itos == vocab.itos
    with pytest.raises(ValueError, match="special tokens"):
        Vocab.from_json('["月"]')


def test_index_save_load_round_trip(tmp_path: Path) -> None:
    index = OriginalityIndex.from_lines(["床前明月光", "疑是地上霜", "短句"])
    path = tmp_path / "index.npz"
    index.save(path)
    loaded = OriginalityIndex.load(path)
    assert len(loaded) == 2  # lines under five characters are not indexed
    assert loaded.contains("疑是地上霜") and not loaded.contains("疑是天上霜")
