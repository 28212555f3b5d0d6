"""The 词 checker: holds a ci to the variant of its tune that fits it best.

Every variant (正体 and each 又一体) of the tune is tried, and the one with the fewest
faults wins (ties go to the variant more Song poets used), so a canonical ci written in
a 又一体 is not flagged for missing the 正体; a line one character longer than the pattern
of a named tune may be read with a 衬字 (李之仪's 定不负相思意), named as a warning. Tones are read in 平水韵 and judged only at
the positions the Song poets held (平/仄); rhymes are read in 词林正韵, each rhyme (韵) of
the variant on its own, so 换韵 (菩萨蛮) and 平仄通叶 in one 部 (西江月) hold.

    >>> r = check_ci("一曲新词酒一杯，去年天气旧亭台。夕阳西下几时回？"
    ...              "无可奈何花落去，似曾相识燕归来。小园香径独徘徊。", "浣溪沙")
    >>> r.ok, r.variant.name, r.rhymes
    (True, '正体', {0: '第三部'})
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from inkmuse.core.errors import InputError
from inkmuse.core.prosody import TONE_MARKS, get_rhymebook, position_frequencies
from inkmuse.core.tones import Tone
from inkmuse.poetry.ci import kinds as _kinds  # noqa: F401  (registers the fault kinds)
from inkmuse.poetry.ci.cipu import STRICT, Tune, Variant, find_tune, get_cipu, get_tune
from inkmuse.poetry.ci.rhyme import NAME as RHYMEBOOK
from inkmuse.poetry.ci.rhyme import get_cilin
from inkmuse.poetry.faults import ERROR, WARNING, Fault
from inkmuse.poetry.suggest import suggest_chars
from inkmuse.poetry.text import PoemText, split_poem

# A character's 平水韵 mark (平 仄 * ? p z s) -> the tones it may take, read off the table
# the rhyme book marks with.
_MARK_TONES = {mark: tones for (tones, _estimated), mark in TONE_MARKS.items()}
_TITLE_SEPARATORS = "·・（(　 "
# More breaks than this off the pattern and the equal length is a coincidence: a line
# longer here and another shorter there shift every character after them.
_MISPLACED = 2
# Only a pattern line this long takes a 衬字 (Song 衬字 stand in lines of four or more, as
# 吴文英's 不雨也飕飕); the line's last character, its rhyme or end, is never one.
_CHENZI_MIN = 4


@dataclass
class CiReport:
    poem: PoemText
    tune: Tune
    variant: Variant
    detected: bool  # the tune was read from the shape (not named)
    marks: str  # 平水韵 tone mark of each character (prosody.TONE_MARKS)
    aligned: bool  # the poem's characters line up with the variant's positions
    rhymes: dict[int, str] = field(default_factory=dict)  # rhyme number -> the 部 it uses
    faults: list[Fault] = field(default_factory=list)
    why: tuple[str, str] = ("", "")  # (zh, en): why this variant
    chenzi: int | None = None  # the body index of a 衬字, read outside the pattern

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
        """Per line of the poem: its text, tone marks, the pattern over it and whether it
        ends on a rhyme (pattern and rhyme only when the characters line up): the 词 grid
        a front end draws."""
        v = self.variant
        pattern, ends = v.pattern, list(v.ends)
        if self.chenzi is not None:  # the 衬字 stands outside the pattern: 衬 over it
            k = self.chenzi
            pattern = pattern[:k] + "衬" + pattern[k:]
            ends = [e + 1 if e >= k else e for e in ends]
        rhyme_ends = {e for e, r in zip(ends, v.rhyme, strict=True) if r is not None}
        out, at = [], 0
        for line in self.poem.lines:
            end = at + len(line)
            out.append(
                {
                    "text": line,
                    "tones": self.marks[at:end],
                    "pattern": pattern[at:end] if self.aligned else None,
                    "rhyme": self.aligned and end - 1 in rhyme_ends,
                }
            )
            at = end
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "form": self.tune.name,
            "variant": self.variant.name,
            "detected": self.detected,
            "why": self.why[0],
            "why_en": self.why[1],
            "text": self.poem.text,
            "rhymebook": RHYMEBOOK,
            "rhymes": {str(k): v for k, v in self.rhymes.items()},
            "pattern": self.variant.pattern,
            "lengths": list(self.variant.lengths),
            "lines": self.grid(),
            "faults": [f.to_dict() for f in self.faults],
            "counts": {"errors": len(self.errors), "warnings": len(self.warnings)},
            "chenzi": self.chenzi,
        }


def check_ci(text: str, tune: str | None = None) -> CiReport:
    """Check a ci against its tune (named, given as a first title line, or read from the
    shape). Raises InputError for text that is not a ci of a tune in the 词谱."""
    title, body = _title(text)
    poem = split_poem(body)
    chosen = get_tune(tune) if tune else title
    tunes = [chosen] if chosen else list(get_cipu().values())
    fits = [_fit(poem, t, v) for t in tunes for v in t.variants]
    if chosen is not None:
        fits += [f for v in chosen.variants if (f := _chenzi_fit(poem, chosen, v))]
    else:
        fits = [f for f in fits if f.aligned]
        if not fits:  # read from the shape, a 衬字 is taken only where nothing else is wrong
            read = (_chenzi_fit(poem, t, v) for t in tunes for v in t.variants)
            fits = [f for f in read if f is not None and f.cost[1] == 0]
        if not fits:
            raise InputError(
                f"no 词牌 in the 词谱 has this shape ({len(poem.lines)} lines: "
                f"{'/'.join(str(len(x)) for x in poem.lines)})",
                accepted="a ci of a covered tune; name the tune with --form (浣溪沙, 菩萨蛮 ...)",
            )
    fits.sort(key=lambda f: (f.cost, -f.variant.count))
    best = fits[0]
    report = best.report(chosen is None)
    report.why = _why(best, fits[1:5])
    return report


def _title(text: str) -> tuple[Tune | None, str]:
    """A first line that names a tune (浣溪沙, 浣溪沙·春恨) is a title, not verse."""
    head, newline, rest = text.strip().partition("\n")
    if not newline:
        return None, text
    name = head.strip()
    for sep in _TITLE_SEPARATORS:
        name = name.split(sep, 1)[0]
    tune = find_tune(name) if name else None
    return (tune, rest) if tune else (None, text)


@dataclass
class _Fit:
    poem: PoemText
    tune: Tune
    variant: Variant
    marks: str
    aligned: bool
    faults: list[Fault]
    rhymes: dict[int, str]
    chenzi: int | None = None

    @property
    def cost(self) -> tuple[int, int, int]:
        """(lines do not line up, errors, warnings): a variant that reads the poem's own
        line breaks beats one that only fits its characters."""
        errors = sum(f.severity == ERROR for f in self.faults)
        warnings = sum(f.severity == WARNING for f in self.faults)
        return (0 if self.aligned else 1, errors, warnings)

    def report(self, detected: bool) -> CiReport:
        return CiReport(
            self.poem,
            self.tune,
            self.variant,
            detected,
            self.marks,
            self.aligned,
            self.rhymes,
            self.faults,
            chenzi=self.chenzi,
        )


def _fit(poem: PoemText, tune: Tune, variant: Variant) -> _Fit:
    body = "".join(poem.lines)
    marks = get_rhymebook("平水韵").tone_marks(body)
    starts, at = [], 0
    for line in poem.lines:
        starts.append(at)
        at += len(line)
    # Where each character of the poem sits: (line, position), both 1-based.
    place = [(i + 1, j + 1) for i, line in enumerate(poem.lines) for j in range(len(line))]
    breaks = frozenset(starts[1:])
    faults: list[Fault] = []
    misplaced = breaks - variant.breaks
    if len(body) == variant.total and len(misplaced) <= _MISPLACED:
        # The characters line up with the pattern, so tones and rhymes are judged
        # wherever the lines break: 句读 are an editor's (one edition's 4+6 is another's
        # 6+4), and a break the pattern lacks is only named.
        checked = range(len(body))
        aligned = True
        _breaks(poem, variant, starts, misplaced, faults)
    else:
        aligned = False
        checked = _structure(poem, variant, starts, faults)
    rhymes: dict[int, str] = {}
    if checked:
        _tones(body, marks, variant, place, checked, poem, faults)
    if aligned:
        rhymes = _rhymes(body, variant, place, poem, faults)
        _repeats(poem, body, variant, faults)
    faults.sort(key=lambda f: (f.line or 0, f.pos or 0))
    return _Fit(poem, tune, variant, marks, aligned, faults, rhymes)


def _chenzi_fit(poem: PoemText, tune: Tune, variant: Variant) -> _Fit | None:
    """The variant's fit reading one character of the one line that is a character too
    long as a 衬字 (the reading with the fewest faults), or None when no line is."""
    have, want = [len(x) for x in poem.lines], variant.lengths
    if len(have) != len(want) or sum(have) != variant.total + 1:
        return None
    longer = [i for i, (h, w) in enumerate(zip(have, want, strict=True)) if h != w]
    if len(longer) != 1 or want[longer[0]] < _CHENZI_MIN:
        return None
    i = longer[0]
    line = poem.lines[i]
    best: tuple[int, _Fit] | None = None
    for j in range(len(line) - 1):
        lines = (*poem.lines[:i], line[:j] + line[j + 1 :], *poem.lines[i + 1 :])
        sub = _fit(PoemText(lines, poem.puncts, poem.notes), tune, variant)
        if best is None or sub.cost < best[1].cost:
            best = (j, sub)
    assert best is not None  # a line of _CHENZI_MIN + 1 characters has candidates
    j, sub = best
    # The reduced line's faults after the 衬字 sit one character further on in the poem.
    faults = [
        replace(f, pos=f.pos + 1) if f.line == i + 1 and f.pos is not None and f.pos > j else f
        for f in sub.faults
    ]
    faults.append(Fault("chenzi", i + 1, j + 1, (line[j], want[i])))
    faults.sort(key=lambda f: (f.line or 0, f.pos or 0))
    marks = get_rhymebook("平水韵").tone_marks("".join(poem.lines))
    at = sum(have[:i]) + j
    return _Fit(poem, tune, variant, marks, sub.aligned, faults, sub.rhymes, chenzi=at)


def _breaks(
    poem: PoemText, variant: Variant, starts: list[int], extra: frozenset[int], faults: list[Fault]
) -> None:
    for at in sorted(extra):
        line = starts.index(at)  # the line that ends at this break
        want = "/".join(str(n) for n in variant.lengths)
        faults.append(
            Fault(
                "ju_dou",
                line,
                None,
                (
                    f"第{line}句在第{at}字后断句，{variant.tune}{variant.name}此处不断（谱作{want}）",
                    f"line {line} ends after character {at}, where {variant.tune} "
                    f"({variant.name_en}) runs on (lines of {want})",
                ),
            )
        )


def _structure(poem: PoemText, variant: Variant, starts: list[int], faults: list[Fault]) -> range:
    """Line-count and line-length faults; the positions still comparable (whole lines of
    the right length at the right place) as a range when there are any."""
    have = [len(x) for x in poem.lines]
    want = list(variant.lengths)
    name = f"{variant.tune}{variant.name}"
    if len(have) != len(want):
        faults.append(
            Fault(
                "line_count",
                None,
                None,
                (
                    f"{name}应为{len(want)}句{variant.total}字，现为{len(have)}句{sum(have)}字",
                    f"{variant.tune} ({variant.name_en}) has {len(want)} lines of "
                    f"{variant.total} characters; this has {len(have)} lines of {sum(have)}",
                ),
            )
        )
        return range(0)
    good_until = 0
    for i, (h, w) in enumerate(zip(have, want, strict=True)):
        if h != w:
            faults.append(
                Fault(
                    "line_length",
                    i + 1,
                    None,
                    (
                        f"第{i + 1}句应为{w}字，现为{h}字",
                        f"line {i + 1} should have {w} characters, has {h}",
                    ),
                )
            )
        elif good_until == starts[i]:
            good_until += h
    return range(good_until)  # tones are judged up to the first misplaced line


def _tones(
    body: str,
    marks: str,
    variant: Variant,
    place: list[tuple[int, int]],
    checked: range,
    poem: PoemText,
    faults: list[Fault],
) -> None:
    for i in checked:
        want = STRICT.get(variant.pattern[i])
        tones = _MARK_TONES[marks[i]]
        line, pos = place[i]
        if not tones:
            faults.append(Fault("unknown_char", line, pos, (body[i], "平水韵")))
            continue
        if want is None or want in tones:
            continue
        length = len(poem.lines[line - 1])
        faults.append(
            Fault(
                "tone",
                line,
                pos,
                (body[i], want.value, want.opposite.value),
                fix=partial(
                    suggest_chars, "平水韵", length, pos - 1, want, exclude=frozenset(body)
                ),
            )
        )


def _rhymes(
    body: str,
    variant: Variant,
    place: list[tuple[int, int]],
    poem: PoemText,
    faults: list[Fault],
) -> dict[int, str]:
    """Each rhyme takes the 部 most of its required line ends share; the others are 出韵."""
    book = get_cilin()
    groups: dict[int, list[int]] = {}
    for line, r in enumerate(variant.rhyme):
        # 叠句 repeat a rhyme already counted; optional rhymes may rhyme or not.
        if r is not None and line not in variant.optional_rhyme and line not in variant.repeat:
            groups.setdefault(r, []).append(variant.ends[line])
    chosen: dict[int, str] = {}
    for r, ends in groups.items():
        options = [book.bu(body[e]) for e in ends]
        votes = Counter(b for bus in options for b in bus)
        if not votes:
            continue
        top = max(votes.values())
        # Ties go to the 部 of the earliest rhyme, the one a poet sets first.
        bu = next(b for bus in options for b in sorted(bus) if votes[b] == top)
        chosen[r] = bu
        for e, bus in zip(ends, options, strict=True):
            if not bus or bu in bus:
                continue
            line, pos = place[e]
            want = variant.rhyme_tone(variant.ends.index(e))
            shared = book.shared_group(body[e], bu)
            near = bool(shared) or bool(bus & book.neighbours(bu))
            own = "、".join(sorted(bus)) + (
                f"（平水韵{shared}）" if shared else "（宋人通押）" if near else ""
            )
            faults.append(
                Fault(
                    "lin_yun" if near else "chu_yun",
                    line,
                    pos,
                    (body[e], own, bu),
                    fix=partial(_rhyme_fix, bu, want, len(poem.lines[line - 1]), pos - 1, body),
                )
            )
    return chosen


def _rhyme_fix(bu: str, tone: Tone, length: int, pos: int, body: str) -> list[str]:
    """Characters of the 部 and tone, most used at this position first, none of the poem's."""
    members = get_cilin().chars(bu, tone)
    single = get_rhymebook("平水韵")
    ranked = [c for c in position_frequencies(length)[pos] if c in members]
    out = [c for c in ranked if single.tones(c) == frozenset({tone}) and c not in body]
    return out[:8]


def _repeats(poem: PoemText, body: str, variant: Variant, faults: list[Fault]) -> None:
    """A 叠句 line should repeat the tail of the line before it."""
    for line in sorted(variant.repeat):
        start = variant.ends[line] - variant.lengths[line] + 1
        have = body[start : variant.ends[line] + 1]
        want = body[start - variant.lengths[line] : start]
        if have != want:
            where = next(i for i, x in enumerate(_starts(poem)) if x >= start)
            faults.append(Fault("die_ju", where + 1, None, (want, have)))


def _starts(poem: PoemText) -> list[int]:
    out, at = [], 0
    for line in poem.lines:
        out.append(at)
        at += len(line)
    return [*out, at]


def _why(best: _Fit, others: list[_Fit]) -> tuple[str, str]:
    """Which variant, how common it is, and how the nearest others fared."""
    v = best.variant
    zh, en = v.describe()
    _, errors, warnings = best.cost
    zh_fit = "字数句式相合" if best.aligned else "字数句式不合，取最近之体"
    en_fit = "the lines match" if best.aligned else "the lines do not match; nearest variant"
    if best.chenzi is not None:
        zh_fit, en_fit = "读一衬字，字数句式相合", "the lines match with one added character"
    others = [o for o in others if o.variant is not v][:3]  # not the same one without it
    zh = f"按{v.tune}{v.name}（{zh}）：{zh_fit}，{errors}处错误，{warnings}处提示"
    en = f"held to {v.tune}, {v.name_en} ({en}): {en_fit}, {errors} error(s), {warnings} warning(s)"
    if others:
        zh += "；其余：" + "，".join(
            f"{o.tune.name}{o.variant.name}（{'' if o.aligned else '句式不合，'}"
            f"{o.cost[1]}处错误，{o.cost[2]}处提示）"
            for o in others
        )
        en += "; others: " + ", ".join(
            f"{o.tune.name} {o.variant.name_en} ({'' if o.aligned else 'shape differs, '}"
            f"{o.cost[1]} error(s), {o.cost[2]} warning(s))"
            for o in others
        )
    return zh, en
