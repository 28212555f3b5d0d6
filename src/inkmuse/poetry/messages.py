"""The one-line explanation of each fault kind, in Chinese and English.

A fault carries only its facts (the character, the tone it wants, the rhyme groups); the
sentence is written from them when someone reads it. A corpus run checks thousands of
poems whose messages nobody reads, so building them eagerly was a third of the check.

    >>> from inkmuse.poetry.faults import Fault
    >>> Fault("tone", 2, 4, ("羹", "仄", "平")).zh
    '第二句第四字「羹」应仄，「羹」为平'
    >>> Fault("polyphone", 1, 3, ("看", "仄")).en
    'line 1, character 3: 「看」 reads both level and oblique; judged as oblique (ze)'
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inkmuse.poetry.faults import Fault

_NUM = "一二三四五六七八九十"


def zh_number(n: int) -> str:
    """1 -> 一, 12 -> 十二, 20 -> 二十, 105 -> 一百零五 (line and position numbers)."""
    if n <= 10:
        return _NUM[n - 1]
    if n < 100:
        tens, ones = divmod(n, 10)
        head = "" if tens == 1 else _NUM[tens - 1]
        return head + "十" + (_NUM[ones - 1] if ones else "")
    hundreds, rest = divmod(n, 100)
    tail = (
        ""
        if rest == 0
        else ("零" if rest < 10 else "")
        + (_NUM[rest - 1] if rest < 10 else ("一" if rest < 20 else "") + zh_number(rest))
    )
    return _NUM[hundreds - 1] + "百" + tail


@cache
def where_zh(line: int | None, pos: int | None) -> str:
    if line is None:
        return ""
    text = f"第{zh_number(line)}句"
    return text + (f"第{zh_number(pos)}字" if pos is not None else "")


@cache
def where_en(line: int | None, pos: int | None) -> str:
    if line is None:
        return ""
    return f"line {line}" + (f", character {pos}" if pos is not None else "")


ENGLISH_TONE = {"平": "level (ping)", "仄": "oblique (ze)"}

# Accepted 拗救: (Chinese, English) after the line.
_ACCEPTED = {
    "self_rescue": (
        "第三字平声救第一字仄声（本句自救），合律",
        "the 3rd level tone pays back the 1st oblique one",
    ),
    "special_ao": ("「平平仄平仄」特定格式，合律", "the accepted 平平仄平仄 form"),
    "pair_rescue": (
        "出句拗，本句第三字用平声相救（对句相救），合律",
        "this line's level tone pays back the oblique tones of the line before",
    ),
}
# Line rules: (Chinese, English) after the character.
_RULES = {
    "san_ping_wei": ("末三字皆平，犯三平尾", "the last three characters are all level"),
    "gu_ping": (
        "除韵脚外只有一个平声字，犯孤平（可改此字为平，或第三字用平自救）",
        "only one level tone besides the rhyme: make this character level, or the 3rd level to rescue it",
    ),
    "san_ze_wei": (
        "末三字皆仄，犯三仄尾（可容，但声调沉重）",
        "the last three characters are all oblique (tolerated, but heavy)",
    ),
}


def _where(f: Fault) -> tuple[str, str]:
    return where_zh(f.line, f.pos), where_en(f.line, f.pos)


def _text(f: Fault) -> tuple[str, str]:
    """facts: (Chinese, English), written when the fault was found (rare kinds)."""
    return f.facts[0], f.facts[1]


def _accepted(f: Fault) -> tuple[str, str]:
    zh, en = _ACCEPTED[f.kind]
    return f"{where_zh(f.line, None)}：{zh}", f"{where_en(f.line, None)}: {en}"


def _tone(f: Fault) -> tuple[str, str]:
    """facts: (character, the tone wanted, the tones it has)."""
    ch, want, have = f.facts
    wzh, wen = _where(f)
    if f.kind in _RULES:
        zh, en = _RULES[f.kind]
    else:
        zh = f"应{want}，「{ch}」为{have}"
        en = f"should be {ENGLISH_TONE[want]}; 「{ch}」 is {have}"
    return f"{wzh}「{ch}」{zh}", f"{wen} 「{ch}」: {en}"


def _relation(f: Fault) -> tuple[str, str]:
    """facts: (character, the tone wanted)."""
    ch, want = f.facts
    wzh, wen = _where(f)
    if f.kind == "shi_dui":
        rel_zh, rel_en, name = "对：与上句第二字平仄应相反", "oppose the line before", "失对"
    else:
        rel_zh, rel_en, name = "粘：与上句第二字平仄应相同", "match the line before", "失粘"
    return (
        f"{wzh}「{ch}」{name}（{rel_zh}，应{want}）",
        f"{wen} 「{ch}」 should {rel_en} in its 2nd character ({ENGLISH_TONE[want]})",
    )


def _ze_rhyme(f: Fault) -> tuple[str, str]:
    """facts: (the rhyme characters, each in 「」)."""
    ends = f.facts[0]
    return (
        f"韵脚{ends}皆为仄声：近体诗押平声韵，此诗押仄韵，当属古绝或古体",
        f"the rhymes {ends} are all oblique: regulated verse rhymes in level tones, "
        "so this reads as a 古绝 (ancient-style quatrain) or 古体",
    )


def _chong_yun(f: Fault) -> tuple[str, str]:
    """facts: (character, the line it first rhymed in)."""
    ch, first = f.facts
    wzh, wen = _where(f)
    return (
        f"{wzh}韵脚「{ch}」与{where_zh(first, None)}重复",
        f"{wen}: rhyme 「{ch}」 already used in line {first}",
    )


def _borrowed(f: Fault) -> tuple[str, str]:
    """facts: (character, its group, the poem's group) — short names."""
    ch, own, group = f.facts
    return (
        f"{where_zh(f.line, None)}：首句韵脚「{ch}」属{own}，借{group}之邻韵，可",
        f"{where_en(f.line, None)}: the first rhyme 「{ch}」 ({own}) borrows a neighbour of {group}",
    )


def _lin_yun(f: Fault) -> tuple[str, str]:
    """facts: (character, its neighbouring group, the poem's group)."""
    ch, near, group = f.facts
    wzh, wen = _where(f)
    return (
        f"{wzh}韵脚「{ch}」属邻韵{near}，非{group}",
        f"{wen}: 「{ch}」 is in the neighbouring group {near}, not {group}",
    )


def _chu_yun(f: Fault) -> tuple[str, str]:
    """facts: (character, its groups or 仄声, the poem's group)."""
    ch, own, group = f.facts
    wzh, wen = _where(f)
    return (
        f"{wzh}韵脚「{ch}」属{own}，不押{group}，出韵",
        f"{wen}: 「{ch}」 ({own}) does not rhyme in {group}",
    )


def _chong_zi(f: Fault) -> tuple[str, str]:
    """facts: (character, line and position of its first use); the fault is at the second."""
    ch, line0, pos0 = f.facts
    return (
        f"「{ch}」重出（{where_zh(line0, pos0)}、{where_zh(f.line, f.pos)}）；叠字不算",
        f"「{ch}」 appears twice ({where_en(line0, pos0)}; {where_en(f.line, f.pos)}); "
        "reduplication is allowed",
    )


def _acrostic(f: Fault) -> tuple[str, str]:
    """facts: (the acrostic character wanted, the one there)."""
    want, have = f.facts
    wzh, wen = _where(f)
    return (
        f"{wzh}应为藏头字「{want}」，现为「{have}」",
        f"{wen} should be the acrostic 「{want}」, is 「{have}」",
    )


def _unknown(f: Fault) -> tuple[str, str]:
    """facts: (character, rhyme book)."""
    ch, book = f.facts
    wzh, wen = _where(f)
    return (
        f"{wzh}「{ch}」不在{book}中，未判平仄",
        f"{wen}: 「{ch}」 is not in {book}; its tone was not judged",
    )


def _estimated(f: Fault) -> tuple[str, str]:
    """facts: (character, rhyme book, the tone it was read as)."""
    ch, book, tone = f.facts
    wzh, wen = _where(f)
    return (
        f"{wzh}「{ch}」不在{book}原表，按同音字推定为{tone}",
        f"{wen}: 「{ch}」 is not in the {book} table; read as {ENGLISH_TONE[tone]} like its homophones",
    )


def _polyphone(f: Fault) -> tuple[str, str]:
    """facts: (character, the tone it was judged as)."""
    ch, tone = f.facts
    wzh, wen = _where(f)
    return (
        f"{wzh}「{ch}」为多音字（平/仄），按{tone}声判",
        f"{wen}: 「{ch}」 reads both level and oblique; judged as {ENGLISH_TONE[tone]}",
    )


RENDER: dict[str, Callable[[Fault], tuple[str, str]]] = {
    "line_count": _text,
    "line_length": _text,
    "tone": _tone,
    "gu_ping": _tone,
    "san_ping_wei": _tone,
    "san_ze_wei": _tone,
    "shi_nian": _relation,
    "shi_dui": _relation,
    "chu_yun": _chu_yun,
    "ze_rhyme": _ze_rhyme,
    "lin_yun": _lin_yun,
    "chong_yun": _chong_yun,
    "chong_zi": _chong_zi,
    "acrostic": _acrostic,
    "unknown_char": _unknown,
    "self_rescue": _accepted,
    "pair_rescue": _accepted,
    "special_ao": _accepted,
    "borrowed_rhyme": _borrowed,
    "polyphone": _polyphone,
    "estimated": _estimated,
}
