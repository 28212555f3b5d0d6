"""How a 词牌's name is read aloud, for people who do not read Chinese (the studio's English
options). pypinyin reads most names right; the exceptions are the conventional readings of
tune names, where 乐 is the music (yuè), a final 子 is full-toned, and a few characters keep
an older reading.

    >>> tune_pinyin("浣溪沙")
    'Huàn Xī Shā'
    >>> tune_pinyin("清平乐"), tune_pinyin("卜算子")
    ('Qīng Píng Yuè', 'Bǔ Suàn Zǐ')
"""

from __future__ import annotations

from functools import cache

# The names pypinyin misreads, as the 词 books read them (checked against every tune in the
# shipped 词谱 by tests/poetry/test_tune_names.py, which lists what pypinyin gives).
CONVENTIONAL = {
    "卜算子": "bǔ suàn zǐ",
    "长相思": "cháng xiāng sī",
    "朝中措": "zhāo zhōng cuò",
    "小重山": "xiǎo chóng shān",
    "清平乐": "qīng píng yuè",
    "齐天乐": "qí tiān yuè",
    "永遇乐": "yǒng yù yuè",
    "生查子": "shēng zhā zǐ",
    "踏莎行": "tà suō xíng",
    "更漏子": "gēng lòu zǐ",
    "渔父": "yú fǔ",
}


@cache
def tune_pinyin(name: str) -> str:
    """The tune's name in pinyin with tone marks, one capitalised syllable per character."""
    reading = CONVENTIONAL.get(name)
    if reading is None:
        from pypinyin import Style, pinyin

        syllables = [s[0] for s in pinyin(name, style=Style.TONE)]
        if name.endswith("子") and syllables[-1] == "zi":
            syllables[-1] = "zǐ"  # 南歌子, 江城子: the tune's 子 is read in full
        reading = " ".join(syllables)
    return " ".join(s[:1].upper() + s[1:] for s in reading.split())
