"""The fault kinds 词 and 对联 add to the checker's: registered into `poetry.faults.KINDS`
and `poetry.messages.TEMPLATES`, so a `Fault` of these kinds renders, serialises and
ranks exactly like the 诗 checker's. Kinds the 诗 checker already has (tone, 出韵, line
length and count, unknown characters) are reused as they are.

    >>> from inkmuse.poetry.faults import Fault
    >>> Fault("couplet_end", 1, 7, ("上联", "upper", "天", "仄", "平")).zh
    '上联末字「天」应为仄声（仄起平收：上联收仄，下联收平），现为平'
"""

from __future__ import annotations

from inkmuse.poetry.faults import ERROR, KINDS, WARNING
from inkmuse.poetry.messages import TEMPLATES

# kind -> (Chinese name, English name, severity, fact names, Chinese template, English)
_NEW: dict[str, tuple[str, str, str, tuple[str, ...], str, str]] = {
    "die_ju": (
        "叠句不合",
        "repeated line missing (die ju)",
        WARNING,
        ("want", "have"),
        "{line_at}此调例用叠句，应重「{want}」，现为「{have}」",
        "{line_at_en}: this tune repeats the line before here (「{want}」), not 「{have}」",
    ),
    "ju_dou": (
        "句读不同",
        "line breaks differ from the pattern",
        WARNING,
        ("zh", "en"),
        "{zh}",
        "{en}",
    ),
    "chenzi": (
        "衬字",
        "added character (chen zi)",
        WARNING,
        ("ch", "want"),
        "{line_at}多一字，「{ch}」作衬字读，余字合谱（谱作{want}字；若非衬字，可删）",
        "{line_at_en}: one character more than the pattern's {want}; read as an added word "
        "(chen zi), 「{ch}」 leaves the rest in pattern (if it is not meant so, drop it)",
    ),
    "couplet_tone": (
        "平仄不对",
        "tones not opposed",
        ERROR,
        ("pos", "up", "down", "tone"),
        "上下联第{pos}字「{up}」「{down}」同为{tone}声，节奏点上平仄应相对",
        "character {pos}: 「{up}」 and 「{down}」 are both {tone_en}; at a stressed "
        "position the two lines must oppose",
    ),
    "couplet_end": (
        "收尾不合",
        "wrong closing tone",
        ERROR,
        ("side", "side_en", "ch", "want", "have"),
        "{side}末字「{ch}」应为{want}声（仄起平收：上联收仄，下联收平），现为{have}",
        "the {side_en} line ends in 「{ch}」 ({have}): the upper line must end oblique and "
        "the lower level",
    ),
    "couplet_chong": (
        "重字",
        "repeated character across the pair",
        ERROR,
        ("ch", "up", "down"),
        "「{ch}」上下联重出（上联第{up}字、下联第{down}字）；对联忌不同位重字",
        "「{ch}」 stands in both lines (upper {up}, lower {down}) at different places",
    ),
}


def _register() -> None:
    for kind, (zh_name, en_name, severity, facts, zh, en) in _NEW.items():
        if kind in KINDS and KINDS[kind] != (zh_name, en_name, severity):
            raise RuntimeError(f"fault kind {kind!r} is already defined differently")
        KINDS[kind] = (zh_name, en_name, severity)
        TEMPLATES[kind] = (facts, zh, en)


_register()
