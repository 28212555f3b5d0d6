"""Every 词牌 has a pinyin name for the English studio: one syllable per character, only
Latin letters, and the conventional readings where pypinyin's differ."""

import re

from inkmuse.poetry.ci import get_cipu
from inkmuse.poetry.ci.tune_names import CONVENTIONAL, tune_pinyin

SYLLABLE = re.compile(r"^[A-ZÀ-Ǖ][a-zà-ǜü]*$")


def test_every_tune_reads_one_syllable_per_character() -> None:
    for name in get_cipu():
        syllables = tune_pinyin(name).split(" ")
        assert len(syllables) == len(name), (name, syllables)
        assert all(SYLLABLE.match(s) for s in syllables), (name, syllables)


def test_conventional_readings_are_for_shipped_tunes_and_win() -> None:
    tunes = set(get_cipu())
    assert set(CONVENTIONAL) <= tunes  # no reading for a tune the 词谱 does not have
    assert tune_pinyin("长相思") == "Cháng Xiāng Sī"  # not pypinyin's zhǎng xiàng
    assert tune_pinyin("江城子") == "Jiāng Chéng Zǐ"  # a tune's final 子 in full
