"""Regulated-verse forms as constraint objects.

A `FormSpec` is one concrete pattern of a form (七言绝句, 平起首句入韵): per line, per
position, the tone class required and whether 一三五不论 frees it, which lines rhyme, and the
punctuation. The checker explains violations of it and the decoders generate inside it.

    >>> spec = get_form("七绝").pattern(start=Tone.PING, first_line_rhymes=True)
    >>> [line.pattern for line in spec.lines]
    ['平平仄仄仄平平', '仄仄平平仄仄平', '仄仄平平平仄仄', '平平仄仄仄平平']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import TypeVar

from inkmuse.core.errors import InputError
from inkmuse.core.tones import Tone

P, Z = Tone.PING, Tone.ZE
T = TypeVar("T")


@dataclass(frozen=True)
class Slot:
    """One character position: the tone it wants, and whether that tone is required.

    strict=False marks the positions 一三五不论 frees; changing one is still a fault when it
    makes 孤平 or 三平尾 (see `inkmuse.poetry.rules`).
    """

    tone: Tone
    strict: bool


@dataclass(frozen=True)
class LineSpec:
    slots: tuple[Slot, ...]
    rhymes: bool  # the last character must rhyme
    punct: str  # the mark that ends the line in the canonical text

    @cached_property
    def pattern(self) -> str:
        return "".join(s.tone.value for s in self.slots)

    @property
    def key(self) -> Tone:
        """The tone of the second character: it decides 粘 and 对."""
        return self.slots[1].tone


@dataclass(frozen=True)
class FormSpec:
    """One concrete pattern of a form: the constraint the checker and decoders share."""

    name: str  # 七言绝句
    short: str  # 七绝
    variant: str  # 平起首句入韵
    lines: tuple[LineSpec, ...]
    rhyme_tone: Tone = P

    @property
    def line_length(self) -> int:
        return len(self.lines[0].slots)

    @property
    def line_count(self) -> int:
        return len(self.lines)

    @property
    def first_line_rhymes(self) -> bool:
        return self.lines[0].rhymes

    @property
    def start(self) -> Tone:
        return self.lines[0].key

    def rhyme_positions(self) -> list[int]:
        """0-based indices of the lines whose last character rhymes."""
        return [i for i, line in enumerate(self.lines) if line.rhymes]


# -- the couplet structure every regulated form shares --------------------------------
# A poem is couplets (联): a 出句 then a 对句. The 对句 answers the line before it (对: the
# opposite key tone) and rhymes; the next 出句 sticks to the line before it (粘: the same
# key). These three functions are that rule: the patterns below, the checker's 粘对 and
# rhyme reading, and the writers all use them.


def is_answering_line(i: int) -> bool:
    """Whether line i (0-based) is a 对句 (the 2nd, 4th ... line), which answers a 出句."""
    return i % 2 == 1


def answering(items: Sequence[T]) -> list[T]:
    """The items that belong to the 对句 (every second line), in order."""
    return [x for i, x in enumerate(items) if is_answering_line(i)]


def line_rhymes(i: int, first_line_rhymes: bool) -> bool:
    """Whether line i ends in the rhyme: every 对句, and the first line if it rhymes."""
    return is_answering_line(i) or (i == 0 and first_line_rhymes)


def wanted_key(i: int, previous: Tone) -> Tone:
    """The key tone (2nd character) line i wants after a line whose key is `previous`:
    the opposite for a 对句 (对), the same for a 出句 (粘)."""
    return previous.opposite if is_answering_line(i) else previous


def line_punct(i: int) -> str:
    """The mark that ends line i in the canonical text: 。 after a 对句, ， after a 出句."""
    return "。" if is_answering_line(i) else "，"


@cache
def line_template(key: Tone, end: Tone, length: int) -> str:
    """The standard tone pattern of a line from its 2nd character's tone and its last tone.

    The four five-character types (仄仄平平仄, 平平仄仄平, 平平平仄仄, 仄仄仄平平) make the
    core; a seven-character line puts two characters of the opposite tone in front.
    """
    if length == 5:
        core = {
            (Z, Z): "仄仄平平仄",
            (P, P): "平平仄仄平",
            (P, Z): "平平平仄仄",
            (Z, P): "仄仄仄平平",
        }
        return core[(key, end)]
    if length == 7:
        return key.value * 2 + line_template(key.opposite, end, 5)
    raise InputError(f"lines of {length} characters", accepted="5 or 7 characters a line")


@cache
def _slots(pattern: str) -> tuple[Slot, ...]:
    n = len(pattern)
    free = {0, 2} if n == 5 else {0, 2, 4}
    slots = []
    for i, ch in enumerate(pattern):
        strict = i not in free
        # A free slot whose change alone always makes 三平尾 (仄仄仄平平 -> 仄仄平平平) is not free.
        if not strict and i == n - 3 and pattern.endswith("仄平平"):
            strict = True
        slots.append(Slot(Tone(ch), strict))
    return tuple(slots)


@dataclass(frozen=True)
class FormKind:
    """A form family (七言绝句) with its four patterns (平起/仄起 × 首句入韵 or not)."""

    name: str
    short: str
    line_length: int
    line_count: int | None  # None: 排律, any even number of lines from 10

    @cache  # noqa: B019 - a handful of forms live for the whole process
    def pattern(
        self, start: Tone, first_line_rhymes: bool, line_count: int | None = None
    ) -> FormSpec:
        """The pattern whose first line has 2nd character `start` (平起/仄起)."""
        count = self._count(line_count)
        keys: list[Tone] = [start]
        lines = [
            LineSpec(
                _slots(line_template(start, P if first_line_rhymes else Z, self.line_length)),
                first_line_rhymes,
                "，",
            )
        ]
        for i in range(1, count):
            key = wanted_key(i, keys[-1])
            rhymes = line_rhymes(i, first_line_rhymes)
            keys.append(key)
            end = P if rhymes else Z
            line = _slots(line_template(key, end, self.line_length))
            lines.append(LineSpec(line, rhymes, line_punct(i)))
        variant = f"{start.value}起首句{'入韵' if first_line_rhymes else '不入韵'}"
        return FormSpec(self.name, self.short, variant, tuple(lines))

    def patterns(self, line_count: int | None = None) -> list[FormSpec]:
        return [
            self.pattern(start, rhymes, line_count) for start in (P, Z) for rhymes in (True, False)
        ]

    def _count(self, line_count: int | None) -> int:
        if self.line_count is not None:
            return self.line_count
        if line_count is None:
            return 12
        if line_count < 10 or line_count % 2:
            raise InputError(
                f"a {self.name} of {line_count} lines", accepted="排律 of 10, 12, 14 ... lines"
            )
        return line_count


FORMS = (
    FormKind("五言绝句", "五绝", 5, 4),
    FormKind("七言绝句", "七绝", 7, 4),
    FormKind("五言律诗", "五律", 5, 8),
    FormKind("七言律诗", "七律", 7, 8),
    FormKind("五言排律", "五排", 5, None),
    FormKind("七言排律", "七排", 7, None),
)
_ENGLISH = {
    "wujue": "五绝",
    "qijue": "七绝",
    "wulv": "五律",
    "qilv": "七律",
    "wupai": "五排",
    "qipai": "七排",
}


def form_names() -> str:
    return ", ".join(f"{f.short} ({f.name})" for f in FORMS)


def get_form(name: str) -> FormKind:
    """A form by its name (七言绝句), short name (七绝) or pinyin (qijue)."""
    from inkmuse.poetry.text import to_simplified

    key = to_simplified(name.strip())
    key = _ENGLISH.get(key.lower(), key)
    for form in FORMS:
        if key in (form.name, form.short):
            return form
    raise InputError(f"unknown form {name!r}", accepted=form_names())


def detect_form(lengths: list[int]) -> FormKind:
    """The form a poem's shape implies: line count and characters per line."""
    same = len(set(lengths)) == 1
    n = len(lengths)
    if same and lengths[0] in (5, 7):
        size = lengths[0]
        for form in FORMS:
            if form.line_length == size and (
                form.line_count == n or (form.line_count is None and n >= 10 and n % 2 == 0)
            ):
                return form
    shape = "、".join(str(x) for x in lengths)
    raise InputError(
        f"cannot tell the form from the shape: {n} lines of {shape} characters",
        accepted="4 lines (绝句), 8 lines (律诗) or 10+ even lines (排律), all of 5 or all of 7 "
        "characters; name the form with --form to check the shape against it",
    )
