"""Shared pieces for the music tests (composed once per session: composing is ~0.1 s)."""

from __future__ import annotations

import pytest

from inkmuse.music import ComposeRequest, Piece, compose

JINGYESI = "床前明月光，疑是地上霜。举头望明月，低头思故乡。"
DENGGUANQUELOU = "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。"


@pytest.fixture(scope="session")
def song() -> Piece:
    """静夜思 in D羽 with the 中国风 band."""
    return compose(ComposeRequest(poem=JINGYESI, key="D羽", mood="思乡", seed=7))


@pytest.fixture(scope="session")
def free_piece() -> Piece:
    """The issue's example: no poem, 惆怅, D羽, 16 bars."""
    return compose(ComposeRequest(mood="惆怅", key="D羽", bars=16, seed=3))


@pytest.fixture(scope="session")
def english_song() -> Piece:
    return compose(
        ComposeRequest(
            poem="Shall I compare thee to a summer's day?\nThou art more lovely and more temperate",
            mood="tender",
            seed=5,
        )
    )
