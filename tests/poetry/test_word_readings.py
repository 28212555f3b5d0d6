"""Polyphones read by the word (issue 17): 扁舟 is piān (平), 相思 is sī (平)."""

from __future__ import annotations

from inkmuse.core.tones import Tone
from inkmuse.poetry.checker import check_poem
from inkmuse.poetry.report import render_report
from inkmuse.poetry.word_readings import word_reading


def test_words_fix_the_reading_where_the_poets_agree() -> None:
    assert word_reading("一叶扁舟去", 2) == ("扁舟", Tone.PING)
    assert word_reading("孤帆扁舟轻", 2) == ("扁舟", Tone.PING)
    assert word_reading("万顷", 1) == ("万顷", Tone.ZE)
    # Words whose modern reading is not the poets' (不胜, 经过 read 平 in verse) are not in
    # the table: the build script tried each against the corpus and dropped them.
    assert word_reading("不胜", 1) is None and word_reading("经过", 1) is None


def test_a_reading_that_agrees_with_its_word_is_named() -> None:
    poem = "江上相逢皆旧游，湘山永望不堪愁。明月秋风洞庭水，孤鸿落叶一扁舟。"
    report = check_poem(poem, "七绝")
    notes = [f for f in report.faults if f.kind == "word_reading"]
    assert ("扁", "扁舟", "平") in [n.facts for n in notes]
    assert "在「扁舟」中读平声" in render_report(report, "zh")


def test_a_reading_the_pattern_needs_against_its_word_is_a_warning() -> None:
    # A Tang hymn from 全唐诗: 分 at the 6th position of a line that wants 仄 there fits only
    # as fèn, but 分行 reads fēn (平): by its sense the tone is wrong, and the checker says so
    # instead of hiding the fault behind the other reading.
    poem = "执籥持羽初终曲，朱干玉戚始分行。七德九功咸已畅，明灵降福具穰穰。"
    report = check_poem(poem, "七绝")
    faults = [f for f in report.faults if f.kind == "against_word"]
    assert [(f.line, f.pos, f.facts) for f in faults] == [(2, 6, ("分", "仄", "分行", "平"))]
    assert "in 「分行」 it reads level" in faults[0].en


def test_the_word_reading_is_kept_when_the_poem_still_holds_with_it() -> None:
    # A reading by the word that leaves the poem no worse replaces the pattern's reading.
    poem = "独坐幽篁里，弹琴复长啸。深林人不知，明月来相照。"
    report = check_poem(poem, "五绝", rules="tang")  # a 古绝: tones are not judged
    assert not [f for f in report.faults if f.kind == "against_word"]
