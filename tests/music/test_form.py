"""Song form: intro and interlude from the motif, an optional refrain, the cadence plan."""

from __future__ import annotations

import itertools

import pytest

from inkmuse.music import ComposeRequest, Piece, compose
from inkmuse.music.abc import abc_text, read_abc_lyrics, read_abc_melody
from inkmuse.music.form import plan_sections

JINGYESI = "床前明月光，疑是地上霜。举头望明月，低头思故乡。"
DENGGAO = (
    "风急天高猿啸哀，渚清沙白鸟飞回。无边落木萧萧下，不尽长江滚滚来。"
    "万里悲秋常作客，百年多病独登台。艰难苦恨繁霜鬓，潦倒新停浊酒杯。"
)


def _line_pitches(piece: Piece, line: int) -> list[int]:
    notes = piece.melody.notes
    return [notes[s.first_note].pitch for s in piece.sung if s.line == line]


def _section(piece: Piece, name: str) -> list[tuple[int, int]]:
    return [(a, b) for n, a, b in piece.form if n == name]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_intro_states_the_motif_and_ends_at_home(seed: int) -> None:
    piece = compose(ComposeRequest(poem=JINGYESI, seed=seed))
    ((start, end),) = _section(piece, "intro")
    notes = piece.melody.notes
    first_sung = notes[piece.sung[0].first_note].start
    assert start == 0 and end % piece.ticks_per_bar == 0
    assert first_sung in (end, end - 2)  # on the bar line, or an eighth's upbeat before it
    intro = [n for n in notes if n.start < first_sung]
    assert intro[-1].end <= first_sung - (2 if first_sung < end else 0)  # a breath
    assert intro and all(n.lyric is None for n in intro)
    # the notes the instruments play are the closing line of the first couplet
    motif = [notes[i].pitch for s in piece.sung if s.line == 1
             for i in range(s.first_note, s.last_note + 1)]  # fmt: skip
    played = [n.pitch for n in intro]
    assert played == motif[-len(played) :] or played == motif
    assert intro[-1].pitch % 12 == piece.key.tonic
    assert piece.chords[0].start == 0  # the band plays under it


def test_a_long_poem_has_an_interlude_from_its_opening_line() -> None:
    piece = compose(ComposeRequest(poem=DENGGAO, seed=5, meter="4/4"))
    names = [n for n, _a, _b in piece.form]
    assert names == ["intro", "verse", "verse", "verse", "verse", "interlude",
                     "verse", "verse", "verse", "verse"]  # fmt: skip
    ((start, end),) = _section(piece, "interlude")
    notes = piece.melody.notes
    played = [n.pitch for n in notes if start <= n.start < end]
    opening = [notes[i].pitch for s in piece.sung if s.line == 0
               for i in range(s.first_note, s.last_note + 1)]  # fmt: skip
    assert played and all(n.lyric is None for n in notes if start <= n.start < end)
    assert opening[-len(played) :] == played
    # the interlude's cadence is open: the second half follows on
    assert played[-1] % 12 != piece.key.tonic


def test_refrain_sings_the_last_couplet_again() -> None:
    piece = compose(ComposeRequest(poem=JINGYESI, seed=2, refrain=True))
    assert [n for n, _a, _b in piece.form][-2:] == ["refrain", "refrain"]
    words = [line.text for line in piece.lines]
    assert words == [
        "床前明月光",
        "疑是地上霜",
        "举头望明月",
        "低头思故乡",
        "举头望明月",
        "低头思故乡",
    ]
    assert _line_pitches(piece, 4) == _line_pitches(piece, 2)
    abc = abc_text(piece)
    assert "".join(read_abc_lyrics(abc)) == "".join(words)
    assert len(read_abc_melody(abc)) > 0
    final = piece.melody.notes[-1]
    assert final.end == piece.length_ticks and final.pitch % 12 == piece.key.tonic


def test_without_intro_the_voice_starts_at_once_and_notes_never_overlap() -> None:
    plain = compose(ComposeRequest(poem=JINGYESI, seed=2, intro=False))
    assert plain.melody.notes[0].lyric == "床" and plain.melody.notes[0].start == 0
    for poem, seed in itertools.product((JINGYESI, DENGGAO), range(4)):
        notes = compose(ComposeRequest(poem=poem, seed=seed, refrain=True)).melody.notes
        assert all(a.end <= b.start for a, b in itertools.pairwise(notes))


def test_sections_plan() -> None:
    assert [s.name for s in plan_sections(2, intro=True, refrain=False)] == [
        "intro", "verse", "verse"]  # fmt: skip
    assert [s.name for s in plan_sections(1, intro=False, refrain=True)] == ["verse"]


def test_the_json_names_meter_and_form() -> None:
    from inkmuse.music.export import piece_record

    piece = compose(ComposeRequest(poem=JINGYESI, seed=2, meter="3/4"))
    record = piece_record(piece)
    assert record["meter"] == "3/4"
    form = record["form"]
    assert isinstance(form, list) and form[0]["section"] == "intro" and form[0]["bar"] == 1
    assert sum(f["bars"] for f in form) == piece.bars
