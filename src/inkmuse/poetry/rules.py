"""Line-level tone rules shared by the checker and the decoders.

All functions take a line's tones as a string of 平/仄 (resolved readings) and look at its
last five characters (the 'core': a seven-character line is two characters plus a
five-character core).

    >>> is_gu_ping("仄平仄仄平"), is_san_ping_wei("仄仄平平平"), is_self_rescue("仄平平仄平")
    (True, True, True)
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from functools import cache
from itertools import pairwise

from inkmuse.core.prosody import reduplicated_chars
from inkmuse.core.tones import Tone  # noqa: F401 - for the example
from inkmuse.poetry.forms import FormSpec, LineSpec, get_form  # noqa: F401 - get_form for the example


def _core(tones: str) -> str:
    return tones[-5:]


def is_gu_ping(tones: str) -> bool:
    """孤平: a line rhyming in 平 whose core reads 仄平仄仄平, so that apart from the rhyme
    only one 平 stands alone between 仄 (仄平仄仄平, 仄仄仄平仄仄平)."""
    if not tones.endswith("平"):
        return False
    if _core(tones)[:4] != "仄平仄仄":
        return False
    return tones[:-1].count("平") == 1


def is_san_ping_wei(tones: str) -> bool:
    """三平尾 (三平调): the last three characters all 平."""
    return tones.endswith("平平平")


def is_san_ze_wei(tones: str) -> bool:
    """三仄尾: the last three characters all 仄 (tolerated, but heavy)."""
    return tones.endswith("仄仄仄")


def is_self_rescue(tones: str) -> bool:
    """本句自救 of 孤平: 平平仄仄平 written 仄平平仄平 (the 3rd core character pays back the 1st)."""
    return tones.endswith("平") and _core(tones) == "仄平平仄平"


def is_special_ao(tones: str) -> bool:
    """特拗 (the accepted 平平仄平仄 form of a 平平平仄仄 line; 故人具鸡黍 shows the first
    character may be 仄 too)."""
    return _core(tones)[1:] == "平仄平仄"


def rescues_previous(tones: str) -> bool:
    """对句相救: a 平平仄仄平 line whose 3rd core character turns 平 (平平平仄平 or 仄平平仄平)
    to pay back a 拗 in the 3rd or 4th core character of the line before it."""
    return tones.endswith("平") and _core(tones)[2:] == "平仄平"


def needs_rescue(tones: str) -> bool:
    """A 仄仄平平仄 line written with its 4th core character 仄 (大拗) or its 3rd 仄 (小拗)."""
    core = _core(tones)
    return core.endswith("仄") and core[1] == "仄" and core[2:4] in ("仄仄", "仄平", "平仄")


def line_faults(tones: str) -> list[str]:
    """The rule faults of a line, by name: 孤平, 三平尾, 三仄尾 (the decoders' quick test)."""
    faults = []
    if is_gu_ping(tones):
        faults.append("孤平")
    if is_san_ping_wei(tones):
        faults.append("三平尾")
    if is_san_ze_wei(tones):
        faults.append("三仄尾")
    return faults


# A judged item: (fault kind, 0-based position, the tone that would fix it).
Item = tuple[str, int, str]


class LineJudgement:
    """The faults of one line read with one set of readings, after accepted 拗救."""

    def __init__(self) -> None:
        self.errors: list[Item] = []
        self.warnings: list[Item] = []
        self.accepted: list[tuple[str, int]] = []  # (kind, position) of accepted 拗救
        self.excuses_prev: set[int] = set()  # positions of the line before that this rescues

    @property
    def score(self) -> tuple[int, int]:
        return (len(self.errors), len(self.warnings))


def judge_line(
    tones: str,
    pattern: str,
    strict: tuple[bool, ...],
    rhymes: bool,
    prev: tuple[str, str] | None = None,
) -> LineJudgement:
    """Judge a line's tones against its pattern: tone faults at strict positions, 孤平,
    三平尾, 三仄尾, with 本句自救, 对句相救 (prev = the line before: (tones, pattern))
    and the 特拗 form accepted. The last position of a rhyming line is left to the rhyme
    check. One source of truth for the checker and the decoders' final test.
    """
    n = len(tones)
    off = n - 5
    core = pattern[-5:]
    result = LineJudgement()
    excused: set[int] = set()
    if core == "平平仄仄平" and is_self_rescue(tones):
        excused.add(off + 2)
        result.accepted.append(("self_rescue", off + 2))
    if core == "平平平仄仄" and is_special_ao(tones):
        excused.update({off + 2, off + 3})
        result.accepted.append(("special_ao", off + 3))
    if (
        prev is not None
        and core == "平平仄仄平"
        and rescues_previous(tones)
        and prev[1][-5:] == "仄仄平平仄"
        and needs_rescue(prev[0])
    ):
        excused.add(off + 2)
        result.excuses_prev = {off + 2, off + 3}
        result.accepted.append(("pair_rescue", off + 2))
    named: set[int] = set()
    if is_san_ping_wei(tones):
        named.add(n - 3)
        result.errors.append(("san_ping_wei", n - 3, "仄"))
    elif is_gu_ping(tones) and off + 2 not in excused:
        named.add(off)
        result.errors.append(("gu_ping", off, "平"))
    if is_san_ze_wei(tones):
        result.warnings.append(("san_ze_wei", n - 3, "平"))
    for j in range(n):
        if j in named or j in excused or not strict[j] or tones[j] == pattern[j]:
            continue
        if j == n - 1 and rhymes:
            continue
        result.errors.append(("tone", j, pattern[j]))
    return result


def may_double(chars: Sequence[str], j: int) -> str | None:
    """The character that may be written again at position j as a 叠字, or None.

    `chars` is the poem so far (with punctuation), j the position in the current line. A
    reduplication fills one two-character foot (positions 1-2, 3-4 or 5-6, counting from
    1), so the line keeps its rhythm and never reads AAA; at most one a line; and only with
    a character the Tang poets doubled (悠悠, not 客客).

    >>> may_double(list("无边落木萧"), 5), may_double(list("无边落木萧"), 4)
    ('萧', None)
    >>> may_double(list("萧萧落木无"), 5)  # the line has its 叠字 already
    """
    if j % 2 == 0 or len(chars) < j:
        return None
    line = chars[len(chars) - j :]
    if any(a == b for a, b in pairwise(line)) or line[-1] not in reduplicated_chars():
        return None
    return line[-1]


# A 重字: (the character, (line, position) where it first stood, (line, position) where it
# came back), 0-based.
Repeat = tuple[str, tuple[int, int], tuple[int, int]]


def repeats(lines: Sequence[str]) -> list[Repeat]:
    """重字: each character written a second time, named once, at its first return.

    A 叠字 (the same character twice in a row inside a line, 萧萧) is one word, not a
    repeat. This is the one rule: the checker warns with it, and the poet keeps a
    person's own lines that have it (独在异乡为异客) instead of refusing them. The poet's own
    characters are held to the stricter `may_double`, so what it writes never repeats.

    >>> repeats(["独在异乡为异客", "每逢佳节倍思亲"])
    [('异', (0, 2), (0, 5))]
    >>> repeats(["萧萧梧叶送寒声"])
    []
    """
    first: dict[str, tuple[int, int]] = {}
    named: set[str] = set()
    found: list[Repeat] = []
    for i, line in enumerate(lines):
        for j, ch in enumerate(line):
            seen = first.get(ch)
            if seen is None:
                first[ch] = (i, j)
            elif ch not in named and not (j and line[j - 1] == ch):
                named.add(ch)
                found.append((ch, seen, (i, j)))
    return found


def choose_rhyme_group(
    ends: Sequence[Sequence[str]], prefer: Sequence[str] | None = None
) -> str | None:
    """The rhyme group of a poem from the 平 groups of its rhyme characters (one list per
    rhyming line, in reading order; a character's groups in its reading order).

    The group most rhymes can take wins; a tie goes to the first group of `prefer` (the
    second line's readings; by default the earliest rhyme's) that is tied, else the
    earliest. The checker and the poet (for a person's own rhymes) both choose with this.

    >>> choose_rhyme_group([["十一尤"], ["十一尤", "四支"], ["十一尤"]])
    '十一尤'
    """
    votes: dict[str, int] = {}  # in reading order: ties break the same way every run
    for groups in ends:
        for g in dict.fromkeys(groups):
            votes[g] = votes.get(g, 0) + 1
    if not votes:
        return None
    if len(votes) == 1:
        return next(iter(votes))
    best = max(votes.values())
    tied = [g for g, v in votes.items() if v == best]
    order = prefer if prefer is not None else ends[0]
    return next((g for g in order if g in tied), tied[0])


@cache
def legal_tones(line: LineSpec) -> tuple[str, ...]:
    """Every tone string a line of this pattern may take with no error and no warning.

    The standard pattern, each use of 一三五不论 that makes no 孤平, 三平尾 or 三仄尾, and the
    accepted 拗 forms `judge_line` excuses in a line of its own (本句自救, 特拗). The one
    answer for the checker (a line in it is never faulted), the embedded poet's decoder,
    the token masks of a local model and the GBNF grammar; a property test holds them equal.

    >>> from inkmuse.poetry.forms import get_form
    >>> legal_tones(get_form("五绝").patterns()[0].lines[0])
    ('平平仄仄平', '仄平平仄平', '平平平仄平')
    >>> "平平仄平仄" in legal_tones(get_form("五绝").patterns()[1].lines[0])  # 特拗
    True
    """
    pattern = line.pattern
    strict = tuple(s.strict for s in line.slots)
    options = []
    for tones in itertools.product("平仄", repeat=len(pattern)):
        text = "".join(tones)
        if line.rhymes and text[-1] != "平":
            continue
        judged = judge_line(text, pattern, strict, line.rhymes)
        if not judged.errors and not judged.warnings:
            options.append(text)
    # The standard pattern first: it is always legal and is the fallback ordering.
    options.sort(key=lambda t: (t != pattern, t))
    return tuple(options)


def position_rule(spec: FormSpec, i: int, j: int) -> str | None:
    """What a writer must respect at line i, position j beyond its tone (0-based), so the
    checker reads the poem as the pattern it was written in:

    - "rhyme": a rhyming line's last character, from the rhyme group for certain
      (`RhymeBook.sure_rhyme_group`);
    - "ze_only": the last character of a first line that does not rhyme has no 平 reading,
      or the checker would hear a rhyme there (首句入韵) and judge another pattern;
    - "one_tone": the key (2nd) character has one tone class, so 平起/仄起 and every 粘对
      read one way;
    - None: the tone alone.

    The embedded decoder, the token masks and the GBNF grammar all ask this.

    >>> spec = get_form("五绝").pattern(Tone.ZE, False)
    >>> position_rule(spec, 0, 4), position_rule(spec, 1, 4), position_rule(spec, 2, 1)
    ('ze_only', 'rhyme', 'one_tone')
    """
    line = spec.lines[i]
    if j == spec.line_length - 1:
        if line.rhymes:
            return "rhyme"
        if i == 0:
            return "ze_only"
    if j == 1:
        return "one_tone"
    return None
