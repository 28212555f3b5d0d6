"""Composing without a poem: a progression for the mood and a melody over it."""

from __future__ import annotations

import pytest

from inkmuse.core.errors import InputError
from inkmuse.core.seeds import make_rng
from inkmuse.music import ComposeRequest, Piece, compose, measure
from inkmuse.music.harmony import chord_at, progression, vocabulary
from inkmuse.music.rhythm import BAR
from inkmuse.music.theory import parse_key


def test_free_piece_has_the_asked_length_key_and_ends_home(free_piece: Piece) -> None:
    assert free_piece.bars == 16
    assert free_piece.key.name == "D羽"
    assert free_piece.chords[-1].chord.roman(free_piece.key) == "i"
    assert free_piece.melody.notes[-1].pitch % 12 == free_piece.key.tonic


def test_half_cadence_ends_the_first_phrase_away_from_the_tonic(free_piece: Piece) -> None:
    bar4 = chord_at(free_piece.chords, 3 * BAR)
    assert bar4.root != free_piece.key.tonic
    bar8 = chord_at(free_piece.chords, 7 * BAR)
    assert bar8.root == free_piece.key.tonic


def test_strong_beats_carry_chord_tones(free_piece: Piece) -> None:
    strong = [n for n in free_piece.melody.notes if n.start % (BAR // 2) == 0]
    fit = sum(n.pitch % 12 in chord_at(free_piece.chords, n.start).pcs() for n in strong)
    assert fit / len(strong) >= 0.8
    assert measure(free_piece).scale_consistency == 1.0


@pytest.mark.parametrize("mood", ["melancholy", "joyful", "serene", "heroic"])
def test_progressions_use_only_the_key_s_chords(mood: str) -> None:
    key = parse_key("A羽")
    spans = progression(key, bars=16, bar_ticks=BAR, mood=mood, rng=make_rng(1))
    assert {s.chord for s in spans} <= set(vocabulary(key))
    assert sum(s.duration for s in spans) == 16 * BAR


def test_moods_lean_to_their_chord_colours() -> None:
    key = parse_key("C major")
    minor_share = {}
    for mood in ("melancholy", "joyful"):
        spans = [
            s
            for seed in range(20)
            for s in progression(key, bars=8, bar_ticks=BAR, mood=mood, rng=make_rng(seed))
        ]
        minor_share[mood] = sum(s.chord.quality == "min" for s in spans) / len(spans)
    assert minor_share["melancholy"] > minor_share["joyful"]


@pytest.mark.parametrize("bars", [0, -1, 1000])
def test_bad_bar_counts_are_refused(bars: int) -> None:
    with pytest.raises(InputError, match="bars"):
        compose(ComposeRequest(mood="serene", bars=bars))


def test_one_bar_piece_works() -> None:
    piece = compose(ComposeRequest(mood="serene", bars=1, seed=1))
    assert piece.bars == 1 and piece.melody.notes
