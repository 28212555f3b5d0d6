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
from string import Formatter
from typing import TYPE_CHECKING, Any

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

# kind -> (the names of Fault.facts in order, Chinese template, English template).
# Besides the facts, a template may use {at}/{at_en} (the fault's line and character),
# {line_at}/{line_at_en} (its line), {want_en}/{tone_en} (a tone fact in English),
# {first_at}/{first_at_en} (the place in facts line0, pos0) and {first_line_at} (facts first).
TEMPLATES: dict[str, tuple[tuple[str, ...], str, str]] = {
    "line_count": (("zh", "en"), "{zh}", "{en}"),
    "line_length": (("zh", "en"), "{zh}", "{en}"),
    "tone": (
        ("ch", "want", "have"),
        "{at}「{ch}」应{want}，「{ch}」为{have}",
        "{at_en} 「{ch}」: should be {want_en}; 「{ch}」 is {have}",
    ),
    "gu_ping": (
        ("ch", "want", "have"),
        "{at}「{ch}」除韵脚外只有一个平声字，犯孤平（可改此字为平，或第三字用平自救）",
        "{at_en} 「{ch}」: only one level tone besides the rhyme: make this character level, "
        "or the 3rd level to rescue it",
    ),
    "san_ping_wei": (
        ("ch", "want", "have"),
        "{at}「{ch}」末三字皆平，犯三平尾",
        "{at_en} 「{ch}」: the last three characters are all level",
    ),
    "san_ze_wei": (
        ("ch", "want", "have"),
        "{at}「{ch}」末三字皆仄，犯三仄尾（可容，但声调沉重）",
        "{at_en} 「{ch}」: the last three characters are all oblique (tolerated, but heavy)",
    ),
    "shi_nian": (
        ("ch", "want"),
        "{at}「{ch}」失粘（粘：与上句第二字平仄应相同，应{want}）",
        "{at_en} 「{ch}」 should match the line before in its 2nd character ({want_en})",
    ),
    "shi_dui": (
        ("ch", "want"),
        "{at}「{ch}」失对（对：与上句第二字平仄应相反，应{want}）",
        "{at_en} 「{ch}」 should oppose the line before in its 2nd character ({want_en})",
    ),
    "zhe_yao": (
        ("ch", "want"),
        "{at}「{ch}」失粘（粘：与上句第二字平仄应相同，应{want}）；唐人多有此格（折腰体），按唐人宽律可容",
        "{at_en} 「{ch}」 breaks the 'stick' to the line before ({want_en} wanted); "
        "Tang poets often did (zheyao ti), so Tang practice tolerates it",
    ),
    "self_rescue": (
        (),
        "{line_at}：第三字平声救第一字仄声（本句自救），合律",
        "{line_at_en}: the 3rd level tone pays back the 1st oblique one",
    ),
    "special_ao": (
        (),
        "{line_at}：「平平仄平仄」特定格式，合律",
        "{line_at_en}: the accepted 平平仄平仄 form",
    ),
    "pair_rescue": (
        (),
        "{line_at}：出句拗，本句第三字用平声相救（对句相救），合律",
        "{line_at_en}: this line's level tone pays back the oblique tones of the line before",
    ),
    "ze_rhyme": (
        ("ends",),
        "韵脚{ends}皆为仄声：近体诗押平声韵，此诗押仄韵，当属古绝或古体",
        "the rhymes {ends} are all oblique: regulated verse rhymes in level tones, "
        "so this reads as a 古绝 (ancient-style quatrain) or 古体",
    ),
    "gu_jue": (
        ("ends",),
        "韵脚{ends}皆为仄声：此诗为古绝（仄韵绝句），不按律绝平仄评，只看押韵",
        "the rhymes {ends} are oblique: this is an ancient-style quatrain (古绝), judged by "
        "its rhymes, not by the tone patterns of regulated verse",
    ),
    "tong_ya": (
        ("ch", "own", "group"),
        "{at}韵脚「{ch}」属{own}，与{group}不同部；古绝用韵较宽，上去声邻部可通押",
        "{at_en}: 「{ch}」 ({own}) is not in {group}; ancient-style rhyme is looser and "
        "rising and departing groups may rhyme together",
    ),
    "chong_yun": (
        ("ch", "first"),
        "{at}韵脚「{ch}」与{first_line_at}重复",
        "{at_en}: rhyme 「{ch}」 already used in line {first}",
    ),
    "borrowed_rhyme": (
        ("ch", "own", "group"),
        "{line_at}：首句韵脚「{ch}」属{own}，借{group}之邻韵，可",
        "{line_at_en}: the first rhyme 「{ch}」 ({own}) borrows a neighbour of {group}",
    ),
    "lin_yun": (
        ("ch", "own", "group"),
        "{at}韵脚「{ch}」属邻韵{own}，非{group}",
        "{at_en}: 「{ch}」 is in the neighbouring group {own}, not {group}",
    ),
    "chu_yun": (
        ("ch", "own", "group"),
        "{at}韵脚「{ch}」属{own}，不押{group}，出韵",
        "{at_en}: 「{ch}」 ({own}) does not rhyme in {group}",
    ),
    "chong_zi": (
        ("ch", "line0", "pos0"),
        "「{ch}」重出（{first_at}、{at}）；叠字不算",
        "「{ch}」 appears twice ({first_at_en}; {at_en}); reduplication is allowed",
    ),
    "acrostic": (
        ("want", "have"),
        "{at}应为藏头字「{want}」，现为「{have}」",
        "{at_en} should be the acrostic 「{want}」, is 「{have}」",
    ),
    "unknown_char": (
        ("ch", "book"),
        "{at}「{ch}」不在{book}中，未判平仄",
        "{at_en}: 「{ch}」 is not in {book}; its tone was not judged",
    ),
    "estimated": (
        ("ch", "book", "tone"),
        "{at}「{ch}」不在{book}原表，按同音字推定为{tone}",
        "{at_en}: 「{ch}」 is not in the {book} table; read as {tone_en} like its homophones",
    ),
    "polyphone": (
        ("ch", "tone"),
        "{at}「{ch}」为多音字（平/仄），按{tone}声判",
        "{at_en}: 「{ch}」 reads both level and oblique; judged as {tone_en}",
    ),
    "word_reading": (
        ("ch", "word", "tone"),
        "{at}「{ch}」为多音字，在「{word}」中读{tone}声，按{tone}声判",
        "{at_en}: 「{ch}」 reads both ways; in 「{word}」 it reads {tone_en}, and is judged so",
    ),
    "against_word": (
        ("ch", "tone", "word", "word_tone"),
        "{at}「{ch}」须读{tone}声才合格律，但在「{word}」中读{word_tone}声：按词义此处平仄不合",
        "{at_en}: 「{ch}」 fits the pattern only as {tone_en}, but in 「{word}」 it reads "
        "{word_tone_en}: by its sense the tone is wrong here",
    ),
}


# The place and tone words a template may use, each computed from the fault.
_DERIVED: dict[str, Callable[[Fault, dict[str, Any]], str]] = {
    "at": lambda f, v: where_zh(f.line, f.pos),
    "at_en": lambda f, v: where_en(f.line, f.pos),
    "line_at": lambda f, v: where_zh(f.line, None),
    "line_at_en": lambda f, v: where_en(f.line, None),
    "want_en": lambda f, v: ENGLISH_TONE.get(v["want"], v["want"]),
    "tone_en": lambda f, v: ENGLISH_TONE.get(v["tone"], v["tone"]),
    "word_tone_en": lambda f, v: ENGLISH_TONE.get(v["word_tone"], v["word_tone"]),
    "first_at": lambda f, v: where_zh(v["line0"], v["pos0"]),
    "first_at_en": lambda f, v: where_en(v["line0"], v["pos0"]),
    "first_line_at": lambda f, v: where_zh(v["first"], None),
}


@cache
def _needs(kind: str) -> tuple[str, ...]:
    """The derived words a kind's two templates use (read once from the templates)."""
    _, zh, en = TEMPLATES[kind]
    used = {name for text in (zh, en) for _, name, _, _ in Formatter().parse(text) if name}
    return tuple(name for name in _DERIVED if name in used)


def render(fault: Fault) -> tuple[str, str]:
    """(Chinese, English) explanation of a fault, written from its facts."""
    names, zh, en = TEMPLATES[fault.kind]
    values: dict[str, Any] = dict(zip(names, fault.facts, strict=True))
    for name in _needs(fault.kind):
        values[name] = _DERIVED[name](fault, values)
    return zh.format_map(values), en.format_map(values)
