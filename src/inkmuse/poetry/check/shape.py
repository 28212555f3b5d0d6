"""The shape of a poem, judged before anything else: the number of lines and their length.
A poem of the wrong shape gets only these faults; its tones are not read."""

from __future__ import annotations

from inkmuse.poetry.faults import Fault
from inkmuse.poetry.forms import FormKind
from inkmuse.poetry.messages import where_en, where_zh
from inkmuse.poetry.text import PoemText


def shape_faults(poem: PoemText, kind: FormKind) -> list[Fault]:
    """Every fault of the poem's shape against its form; none when it fits."""
    faults = _count_faults(len(poem.lines), kind)
    for i, line in enumerate(poem.lines, 1):
        if len(line) != kind.line_length:
            faults.append(
                Fault(
                    "line_length",
                    i,
                    None,
                    (
                        f"{where_zh(i, None)}应为{kind.line_length}字，现为{len(line)}字：{line}",
                        f"{where_en(i, None)} should have {kind.line_length} characters, "
                        f"has {len(line)}: {line}",
                    ),
                )
            )
    return faults


def _count_faults(n: int, kind: FormKind) -> list[Fault]:
    if kind.line_count is not None and n != kind.line_count:
        facts = (
            f"{kind.name}应有{kind.line_count}句，现有{n}句",
            f"a {kind.short} has {kind.line_count} lines; this poem has {n}",
        )
    elif kind.line_count is None and (n < 10 or n % 2):
        facts = (
            f"排律应为十句以上的偶数句，现有{n}句",
            f"a pailü has an even number of lines, 10 or more; this poem has {n}",
        )
    else:
        return []
    return [Fault("line_count", None, None, facts)]
