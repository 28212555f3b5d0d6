"""The derivation's pieces (scripts/build_cipu.py, scripts/songci.py) on small made-up corpora."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import pytest

SCRIPTS = Path(__file__).resolve().parents[3] / "scripts"


@pytest.fixture(scope="module")
def build() -> ModuleType:
    with pytest.MonkeyPatch.context() as mp:
        mp.syspath_prepend(str(SCRIPTS))
        return importlib.import_module("build_cipu")


def _ci(build: ModuleType, *lines: str) -> object:
    return build.Ci("测试", "某", tuple(lines))


def test_alias_and_main_name(build: ModuleType) -> None:
    assert build.canonical("酹江月・念奴娇") == ("念奴娇", "酹江月")
    assert build.canonical("浣溪沙") == ("浣溪沙", None)


def test_nesting_shapes_are_one_variant_with_optional_breaks(build: ModuleType) -> None:
    whole = [_ci(build, "一二三四五六七", "一二三四五六七")] * 5
    split = [_ci(build, "一二三四", "五六七", "一二三四五六七")] * 2
    other = [_ci(build, "一二三四五", "一二三四五")] * 3
    clusters = build.cluster(whole + split + other)
    assert [(head, sorted(opt), len(ps)) for head, opt, ps in clusters] == [
        ((7, 7), [4], 7),
        ((5, 5), [], 3),
    ]


def test_tone_pattern_thresholds(build: ModuleType) -> None:
    # 20 votes each: all 平, 19 of 20 平 (95%: strict), 18 of 20 (free, leans 平), 1 of 20.
    pattern, pct = build.tone_pattern([20, 19, 18, 1], [20, 20, 20, 20])
    assert pattern == "平平⊕仄"
    assert pct == [100, 95, 90, 5]
    # Too few votes never make a position strict.
    assert build.tone_pattern([3], [3])[0] == "⊕"


def test_shared_lines_anchor_both_ends(build: ModuleType) -> None:
    main = (5, 5, 7, 5, 5, 5, 7, 5)
    other = (5, 5, 7, 3, 3, 5, 5, 7, 5)  # line 4 split in two (衬字)
    pairs = build.shared_lines(main, other)
    assert (0, 0) in pairs and (2, 2) in pairs  # 上片 to 上片 ...
    assert (4, 5) in pairs and (7, 8) in pairs  # ... and 下片 to 下片
    assert (0, 5) not in pairs


def test_rhymes_and_rhyme_changes(build: ModuleType) -> None:
    # Lines 1, 2 and 4 end in 第一部 (东 红 风 中 ...); line 3 ends anywhere.
    firsts = "东红风中同空"
    poems = [
        _ci(build, f"春花秋月夜来{a}", f"春花秋月夜来{b}", f"春花秋月夜来{c}", f"春花秋月夜来{d}")
        for a, b, c, d in zip(
            firsts, firsts[1:] + "东", "酒雪客树鸟水", "钟浓容龙逢宫", strict=True
        )
    ] * 2
    rhyme, optional = build.rhymes(poems, (7, 7, 7, 7))
    assert rhyme == [0, 0, None, 0]
    assert optional == [False, False, False, False]
    # Two pairs in different 部 (东/红 then 月/雪) are two rhymes: 换韵.
    changing = [
        _ci(build, "春花秋月夜来东", "春花秋月夜来红", "春花秋月夜来月", "春花秋月夜来雪")
    ] * 6
    assert build.rhymes(changing, (7, 7, 7, 7))[0] == [0, 0, 1, 1]


def test_repeated_lines(build: ModuleType) -> None:
    poems = [_ci(build, "昨夜雨疏风骤", "知否", "知否", "应是绿肥红瘦")] * 4
    assert build.repeats(poems, (6, 2, 2, 6)) == [2]
    tail = [_ci(build, "秦娥梦断秦楼月", "秦楼月", "年年柳色")] * 4
    assert build.repeats(tail, (7, 3, 4)) == [1]


def test_anthology_copies_are_matched_despite_lost_characters() -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.syspath_prepend(str(SCRIPTS))
        songci = importlib.import_module("songci")

    def ci(author: str, text: str) -> object:
        return songci.SongCi("玉楼春", author, text, text.replace("。", ""))

    song = [
        ci("宋祁", "縠皱波纹迎客棹。东城渐觉风光好。"),
        ci("欧阳修", "尊前拟把归期说。未语春容先惨咽。"),
    ]
    anthology = [ci("宋祁", "皱波纹迎客棹。东城渐觉风光好。"), ci("无名", "全然不同的一首词。")]
    assert songci.match_anthology(song, anthology) == [0, None]
