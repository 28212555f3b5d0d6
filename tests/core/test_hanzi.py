"""One definition of a Chinese character and of a poem's lines, for every part of inkmuse."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from inkmuse.core.hanzi import HAN_RANGES, han_only, is_han, normalize, split_lines
from inkmuse.poetry.checker import check_poem
from inkmuse.poetry.english import looks_english

SRC = Path(__file__).resolve().parents[2] / "src" / "inkmuse"


@pytest.mark.parametrize(
    "ch", ["山", "㐀", "𠮷", "\U0002a700", "\U0002b740", "\U0002b820", "\U0002ceb0", "\U00030000"]
)
def test_every_unified_block_is_han(ch: str) -> None:
    assert is_han(ch)


@pytest.mark.parametrize("ch", ["a", "，", "。", "ー", "가", "\u4dc0", "\U0002a6e0", "山山", ""])
def test_what_is_not_a_han_character(ch: str) -> None:
    assert not is_han(ch)


def test_the_ranges_are_sorted_and_disjoint() -> None:
    flat = [x for pair in HAN_RANGES for x in pair]
    assert flat == sorted(flat) and len(set(flat)) == len(flat)


def test_compatibility_ideographs_fold_to_unified_forms() -> None:
    assert normalize("\uf900") == "豈" and is_han(normalize("\uf900"))


def test_lines_and_han_only() -> None:
    assert split_lines("诗：床前明月光, 疑是地上霜!\n\n") == ["诗", "床前明月光", "疑是地上霜"]
    assert han_only("1. 白日 依山尽") == "白日依山尽"


def test_an_extension_b_character_is_checked_not_refused() -> None:
    report = check_poem("白日依山尽，黄河入海流。欲穷千里目，更上一层𠮷。")
    assert "unknown_char" in {f.kind for f in report.faults}
    assert not looks_english("autumn 𠮷")


def test_no_module_defines_its_own_han_range() -> None:
    """The literal ranges live in core/hanzi.py only (the review found eight copies)."""
    escapes = re.compile(r"\\u(?:4e00|9fff|3400|4dbf)", re.IGNORECASE)
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if path.name != "hanzi.py" and escapes.search(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, offenders
