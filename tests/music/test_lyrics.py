from __future__ import annotations

import pytest

from inkmuse.core.errors import InputError
from inkmuse.music.lyrics import chinese_lines, read_lyrics, rhyming_lines, split_lines


def tones(text: str) -> list[int]:
    return [s.tone for line in chinese_lines(text) for s in line.syllables]


def test_denta_and_dengta_have_opposite_tones() -> None:
    assert tones("灯塔") == [1, 3]
    assert tones("等他") == [3, 1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一样", [2, 4]),  # 一 before a 4th tone
        ("一天", [4, 1]),  # 一 before the other tones
        ("第一", [4, 1]),  # ordinal keeps 1st tone
        ("十一", [2, 1]),
        ("看一看", [4, 5, 4]),  # between repeated verbs: neutral
        ("不是", [2, 4]),  # 不 before a 4th tone
        ("不行", [4, 2]),
        ("你好", [2, 3]),  # third-tone sandhi
        ("展览馆", [2, 2, 3]),
        ("我的", [3, 5]),  # neutral tone kept
    ],
)
def test_sandhi_as_sung(text: str, expected: list[int]) -> None:
    assert tones(text) == expected


def test_heteronyms_are_read_in_context() -> None:
    assert [s.reading for s in chinese_lines("银行")[0].syllables] == ["yin2", "hang2"]
    assert [s.reading for s in chinese_lines("行走")[0].syllables] == ["xing2", "zou3"]


def test_lines_split_on_punctuation_and_breaks() -> None:
    assert split_lines("床前明月光，疑是地上霜。\n举头望明月!低头思故乡") == [
        "床前明月光",
        "疑是地上霜",
        "举头望明月",
        "低头思故乡",
    ]


def test_rhymes_of_jingyesi() -> None:
    lines = read_lyrics("床前明月光，疑是地上霜。举头望明月，低头思故乡。")
    # 光 霜 乡 share the -ang rhyme (首句入韵); 月 does not.
    assert rhyming_lines(lines) == [True, True, False, True]


def test_english_stress_from_cmudict() -> None:
    (line,) = read_lyrics("compare the summer")
    assert [s.text for s in line.syllables] == ["com", "pare", "the", "sum", "mer"]
    assert [s.stress for s in line.syllables] == [0, 1, 0, 1, 0]
    assert [s.word_pos for s in line.syllables][:2] == ["begin", "end"]


def test_english_unknown_word_gets_an_estimate() -> None:
    (line,) = read_lyrics("zorblatting")
    assert len(line.syllables) >= 2 and line.syllables[0].stress == 1


@pytest.mark.parametrize("bad", ["", "   ", "123 456", "，。！"])
def test_unsingable_text_is_refused_clearly(bad: str) -> None:
    with pytest.raises(InputError) as err:
        read_lyrics(bad)
    assert "accepted" in str(err.value)


@pytest.mark.parametrize(
    ("word", "chunks"),
    [("lovely", ["love", "ly"]), ("summer", ["sum", "mer"]), ("compare", ["com", "pare"]),
     ("beautiful", ["beau", "ti", "ful"]), ("fire", ["fi", "re"])],
)  # fmt: skip
def test_english_words_are_cut_into_sung_syllables(word: str, chunks: list[str]) -> None:
    (line,) = read_lyrics(word)
    assert [s.text for s in line.syllables] == chunks
