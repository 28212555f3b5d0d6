"""A rhyme is held to its word's reading: 兴 rhymes in 十蒸 only as xīng (平), and in 酒兴
it reads xìng (仄), which the checker names (读音不合词义). Found by the shipped-model test
after the retrain: 清窗对酒兴 closed a 五律 couplet and drew the warning."""

from __future__ import annotations

from inkmuse.models.embedded import load_poet
from inkmuse.poetry.forms import get_form
from inkmuse.poetry.generate.decode import _accept, _Row
from inkmuse.poetry.generate.tables import get_tables
from inkmuse.poetry.rules import legal_tones


def _row_before_rhyme(line: str) -> tuple[object, _Row]:
    """A 五绝 row whose second line holds `line` up to its rhyme, the group set to 十蒸."""
    tables = get_tables(load_poet().vocab, "平水韵")
    spec = get_form("五绝").patterns()[0]
    first = "一二三四五，"  # the row keeps each line's closing mark
    row = _Row(
        spec, tables.groups.index("下平声十蒸"), list(first), list(legal_tones(spec.lines[1]))
    )
    for j, ch in enumerate(line):
        row.open_options = [t for t in row.open_options if t[j] in {"平", "仄"}]
        row.chars.append(ch)
    return tables, row


def test_a_rhyme_read_against_its_word_is_refused() -> None:
    tables, row = _row_before_rhyme("清窗对酒")
    assert not _accept(tables, row, 1, 4, "兴", forced=False)  # type: ignore[arg-type]


def test_a_rhyme_its_word_reads_level_is_kept() -> None:
    tables, row = _row_before_rhyme("清窗对酒")
    assert _accept(tables, row, 1, 4, "灯", forced=False)  # type: ignore[arg-type]
