"""The couplet (对联) checker: equal length, 平仄 opposed, 仄起平收, no 重字 across the pair.

Tones are read in 平水韵 as for 诗. Within each clause (分句, split at ，；、) the stressed
positions are the even characters and the clause's last, the 节奏点 of the 2+2+3 reading
(一三五不论); there the two lines must differ, a polyphone fitting either way. The upper
line ends 仄 and the lower 平. A character in both lines is a fault unless it stands at the
same places in each (之 in 大肚能容，容天下难容之事 / 开口便笑，笑世间可笑之人); a character
repeated on its own side (容, 笑; 增 in 天增岁月人增寿) is no fault.

对仗 (matching word classes, no 合掌) is a separate judgement: pass any callable taking
(upper, lower) and returning Faults as `duizhang`; without one the report says it was
not judged.

    >>> r = check_couplet("海内存知己", "天涯若比邻")
    >>> r.ok, r.duizhang_judged
    (True, False)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from inkmuse.core.errors import InputError
from inkmuse.core.prosody import TONE_MARKS, get_rhymebook
from inkmuse.core.tones import Tone
from inkmuse.poetry.ci import kinds as _kinds  # noqa: F401  (registers the fault kinds)
from inkmuse.poetry.faults import ERROR, WARNING, Fault
from inkmuse.poetry.suggest import suggest_chars
from inkmuse.poetry.text import PoemText, split_poem

# The seam for the 对仗 judgement (word classes, 合掌): (upper, lower) -> faults.
DuizhangJudge = Callable[[str, str], Sequence[Fault]]
_SIDES = (("上联", "upper"), ("下联", "lower"))
# The marks of characters with one tone class (prosody.TONE_MARKS) -> that tone.
_SINGLE = {mark: next(iter(tones)) for (tones, _), mark in TONE_MARKS.items() if len(tones) == 1}


@dataclass
class CoupletReport:
    upper: PoemText  # the upper line (上联) split into clauses
    lower: PoemText
    marks: tuple[str, str]  # 平水韵 tone marks of each line's characters
    stressed: tuple[int, ...]  # 0-based positions where the two lines must oppose
    faults: list[Fault] = field(default_factory=list)
    duizhang_judged: bool = False

    @property
    def errors(self) -> list[Fault]:
        return [f for f in self.faults if f.severity == ERROR]

    @property
    def warnings(self) -> list[Fault]:
        return [f for f in self.faults if f.severity == WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def grid(self) -> list[dict[str, Any]]:
        """Per side: its text, tone marks and the pattern it must keep against the other
        side (the couplet's 词谱-like grid a front end draws; no rhyme in a couplet)."""
        texts = ["".join(self.upper.lines), "".join(self.lower.lines)]
        return [
            {
                "text": texts[side],
                "tones": self.marks[side],
                "pattern": self._pattern(texts, side),
                "rhyme": False,
            }
            for side in (0, 1)
        ]

    def _pattern(self, texts: list[str], side: int) -> str | None:
        """Per character of one side: its own tone at the end (上联 仄, 下联 平), the tone
        opposite to the other side's at a stressed position, 中 where either will do; None
        when the two sides differ in shape (the length fault says so). The rules are
        check_couplet's, read forwards."""
        line, other, marks = texts[side], texts[1 - side], self.marks[1 - side]
        if len(line) != len(other) or not self.stressed:
            return None
        end = UPPER_END if side == 0 else LOWER_END
        out = []
        for i in range(len(line)):
            tone = single_tone(marks[i]) if i in self.stressed else None
            if i == len(line) - 1:
                out.append(end.value)
            elif tone is not None and other[i] != line[i]:  # a mirrored character is free
                out.append(tone.opposite.value)
            else:
                out.append("中")
        return "".join(out)

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "form": "对联",
            "upper": self.upper.text,
            "lower": self.lower.text,
            "tones": list(self.marks),
            "stressed": [p + 1 for p in self.stressed],
            "duizhang_judged": self.duizhang_judged,
            "faults": [f.to_dict() for f in self.faults],
            "counts": {"errors": len(self.errors), "warnings": len(self.warnings)},
        }


def check_couplet(
    upper: str, lower: str, *, duizhang: DuizhangJudge | None = None
) -> CoupletReport:
    """Check a couplet: the upper line (上联) and the lower (下联)."""
    sides = [split_poem(upper), split_poem(lower)]
    texts = ["".join(s.lines) for s in sides]
    book = get_rhymebook("平水韵")
    marks = (book.tone_marks(texts[0]), book.tone_marks(texts[1]))
    faults: list[Fault] = []
    shape = [tuple(len(x) for x in s.lines) for s in sides]
    if len(texts[0]) != len(texts[1]) or shape[0] != shape[1]:
        faults.append(
            Fault(
                "line_length",
                2,
                None,
                (
                    f"上下联字数句式应相同：上联{'/'.join(map(str, shape[0]))}，"
                    f"下联{'/'.join(map(str, shape[1]))}",
                    f"the two lines must match in length and clauses: upper "
                    f"{'/'.join(map(str, shape[0]))}, lower {'/'.join(map(str, shape[1]))}",
                ),
            )
        )
    stressed = stressed_positions(shape[0]) if shape[0] == shape[1] else ()
    for i in stressed:
        up, down = single_tone(marks[0][i]), single_tone(marks[1][i])
        # A mirrored character (之 against 之 in 难容之事 / 可笑之人) is repetition by
        # design; its tone cannot differ, so the pair is not held to opposition there.
        if up is not None and up is down and texts[0][i] != texts[1][i]:
            faults.append(
                Fault(
                    "couplet_tone",
                    2,
                    i + 1,
                    (i + 1, texts[0][i], texts[1][i], up.value),
                    fix=partial(_fix, texts, i, up.opposite),
                )
            )
    for side, (text, mark) in enumerate(zip(texts, marks, strict=True)):
        want = UPPER_END if side == 0 else LOWER_END
        have = single_tone(mark[-1])
        if have is not None and have is not want:
            zh, en = _SIDES[side]
            faults.append(
                Fault(
                    "couplet_end",
                    side + 1,
                    len(text),
                    (zh, en, text[-1], want.value, have.value),
                )
            )
    faults.extend(_repeats(texts))
    # 对仗 pairs the lines word by word, so it is judged only once their lengths match
    # (the length fault above names the mismatch).
    judged = False
    if duizhang is not None and len(texts[0]) == len(texts[1]):
        faults.extend(duizhang(texts[0], texts[1]))
        judged = True
    return CoupletReport(sides[0], sides[1], marks, stressed, faults, judged)


def stressed_positions(clauses: tuple[int, ...]) -> tuple[int, ...]:
    """The even characters of each clause and its last (0-based, over the whole line)."""
    out: list[int] = []
    at = 0
    for n in clauses:
        out.extend(at + j for j in range(n) if j % 2 == 1 or j == n - 1)
        at += n
    return tuple(out)


def single_tone(mark: str) -> Tone | None:
    """The tone a tone mark (prosody.TONE_MARKS) fixes, None for a polyphone or unknown."""
    return _SINGLE.get(mark)


# The rules the couplet writer keeps, as the checker above reads them.
UPPER_END, LOWER_END = Tone.ZE, Tone.PING


def _repeats(texts: list[str]) -> list[Fault]:
    upper, lower = texts
    faults = []
    for ch in sorted(set(upper) & set(lower), key=upper.index):
        up = [i + 1 for i, c in enumerate(upper) if c == ch]
        down = [i + 1 for i, c in enumerate(lower) if c == ch]
        if up != down:
            faults.append(
                Fault("couplet_chong", 2, down[0], (ch, "、".join(map(str, up)), down[0]))
            )
    return faults


def _fix(texts: list[str], i: int, tone: Tone) -> list[str]:
    """Characters of the wanted tone for the lower line, none already in the couplet."""
    used = frozenset(texts[0] + texts[1])
    length = 7 if len(texts[1]) > 5 else 5
    return suggest_chars("平水韵", length, min(i, length - 1), tone, exclude=used)


def split_pair(text: str) -> tuple[str, str]:
    """One text holding both lines: split at a line break, else ；or 。, else at the one ，.

    >>> split_pair("海内存知己，天涯若比邻。")
    ('海内存知己', '天涯若比邻')
    """
    body = text.strip()
    for sep in ("\n", "；", ";", "。"):
        parts = [p.strip(" ，,。；;\n") for p in body.split(sep)]
        parts = [p for p in parts if p]
        if len(parts) == 2:
            return parts[0], parts[1]
    parts = [p for p in body.replace(",", "，").strip("。").split("，") if p.strip()]
    if len(parts) == 2:
        return parts[0].strip(), parts[1].strip()
    raise InputError(
        "cannot tell the upper line from the lower",
        accepted="two arguments (上联 下联), or one text with the lines on two lines "
        "or separated by ；",
    )
