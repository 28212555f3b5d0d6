"""The classical poem checker: names each fault of a regulated poem and suggests a fix.

>>> report = check_poem("白日依山尽，黄河入海流。欲穷千里目，更上一层楼。")
>>> report.ok, report.form.name, report.form.variant
(True, '五言绝句', '仄起首句不入韵')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache, partial
from typing import Any

from inkmuse.core.errors import InputError
from inkmuse.poetry.faults import ERROR, INFO, WARNING, Fault
from inkmuse.poetry.forms import (
    FormKind,
    FormSpec,
    LineSpec,
    _slots,
    answering,
    detect_form,
    get_form,
    is_answering_line,
    line_punct,
    line_rhymes,
    wanted_key,
)
from inkmuse.poetry.forms import line_template as _template
from inkmuse.poetry.messages import where_en, where_zh
from inkmuse.poetry.prosody import TONE_MARKS, RhymeBook, get_rhymebook
from inkmuse.poetry.rules import (
    Item,
    LineJudgement,
    choose_rhyme_group,
    judge_line,
    needs_rescue,
    repeats,
)
from inkmuse.poetry.suggest import suggest_chars
from inkmuse.poetry.text import PoemText, split_poem, to_simplified
from inkmuse.poetry.tones import Tone

P, Z = Tone.PING, Tone.ZE
_TONE = {t.value: t for t in Tone}
_BREAK_COST = 1.5  # a 失粘/失对 is chosen over tone faults only when it explains 2+ of them
_TANG_NIAN_COST = 0.5  # under Tang practice a 失粘 is only a warning


_ESTIMATED = re.compile("[pzs]")
_ESTIMATED_AS_CLASS = str.maketrans("pzs", "平仄*")
# Each tone-class mark (平, 仄, * for both, ? for none) back to its tone classes.
_CLASS_TONES = {mark: tones for (tones, estimated), mark in TONE_MARKS.items() if not estimated}


@dataclass
class CharInfo:
    char: str
    tones: frozenset[Tone]  # every tone class its readings allow (after pins)
    expected: Tone
    resolved: Tone  # the reading the judgement uses: the expected one when allowed
    strict: bool

    @property
    def known(self) -> bool:
        return bool(self.tones)

    @property
    def polyphone(self) -> bool:
        return len(self.tones) > 1


@dataclass
class LineReport:
    """One line as judged. `classes` holds each character's tone class (平, 仄, * for a
    polyphone that reads both, ? for a character the rhyme book lacks); `tones` the
    reading the judgement used."""

    text: str
    punct: str
    spec: LineSpec  # the pattern this line is judged against
    classes: str
    tones: str

    @cached_property
    def chars(self) -> list[CharInfo]:
        return [
            CharInfo(ch, _CLASS_TONES[c], slot.tone, _TONE[t], slot.strict)
            for ch, c, t, slot in zip(
                self.text, self.classes, self.tones, self.spec.slots, strict=True
            )
        ]


@dataclass
class CheckReport:
    poem: PoemText
    kind: FormKind
    form: FormSpec | None  # None when the shape is wrong for the form
    rhymebook: str
    rhyme_group: str | None
    rhyme_short: str | None
    lines: list[LineReport] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    rules: str = "strict"  # strict (textbook) or tang (Tang practice); see RULES
    ancient: bool = False  # read as a 古绝 (Tang practice): rhymes judged, tones not

    @property
    def errors(self) -> list[Fault]:
        return [f for f in self.faults if f.severity == ERROR]

    @property
    def warnings(self) -> list[Fault]:
        return [f for f in self.faults if f.severity == WARNING]

    @property
    def accepted(self) -> list[Fault]:
        return [f for f in self.faults if f.severity == INFO]

    @property
    def ok(self) -> bool:
        """No errors (warnings and accepted exceptions allowed)."""
        return not self.errors

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "text": self.poem.text,
            "form": self.form.name if self.form else self.kind.name,
            "variant": self.form.variant if self.form else None,
            "rhymebook": self.rhymebook,
            "rhyme_group": self.rhyme_group,
            "rules": self.rules,
            "ancient_style": self.ancient,
            "lines": [
                {
                    "text": line.text,
                    "pattern": line.spec.pattern,
                    "tones": line.tones,
                    "polyphones": [i + 1 for i, c in enumerate(line.chars) if c.polyphone],
                }
                for line in self.lines
            ],
            "faults": [f.to_dict() for f in self.faults],
            "notes": list(self.poem.notes),
            "counts": {
                "errors": len(self.errors),
                "warnings": len(self.warnings),
                "accepted": len(self.accepted),
            },
        }


def check_poem(
    text: str,
    form: str | None = None,
    rhymebook: str = "平水韵",
    *,
    acrostic: str | None = None,
    pins: Mapping[str, str] | None = None,
    rules: str = "strict",
) -> CheckReport:
    """Check a regulated poem (绝句, 律诗, 排律) and name every fault.

    form: 五绝/七绝/五律/七律/五排/七排 (or the full name); detected from the shape if None.
    acrostic: the characters the lines must start with (藏头).
    pins: fix a reading, by character ("看": "平") or by position ("2:3": "仄" or a group).
    rules: "strict" (the textbook rules) or "tang" (Tang practice: 失粘 tolerated as 折腰体,
        a quatrain rhyming in 仄 read as a 古绝); see RULES.
    """
    rules = resolve_rules(rules)
    poem = split_poem(text)
    kind = get_form(form) if form else detect_form([len(x) for x in poem.lines])
    book = get_rhymebook(rhymebook)
    shape = _shape_faults(poem, kind)
    if shape:
        return CheckReport(poem, kind, None, book.name, None, None, [], shape, rules)
    return _Checker(poem, kind, book, pins or {}, acrostic, rules).run()


def passes_under_tang(
    report: CheckReport,
    *,
    acrostic: str | None = None,
    pins: Mapping[str, str] | None = None,
) -> bool:
    """Whether the poem of a report passes under Tang practice: a classic the textbook
    rejects may be a 折腰体 or a 古绝, which a report can then say (CLI and studio)."""
    if report.ok or report.rules == "tang" or report.form is None:
        return report.ok
    text, form = report.poem.text, report.kind.short
    tang = check_poem(text, form, report.rhymebook, acrostic=acrostic, pins=pins, rules="tang")
    return tang.ok


# The rule sets a check can apply. Textbook rules are what a poet writing today is held to;
# Tang practice is what the Tang poets themselves allowed, for reading the classics: the
# 折腰体 (a broken 粘, as in 王维's 渭城曲) and the 古绝 (a quatrain rhyming in 仄, 春晓).
RULES = {
    "strict": "textbook rules (王力): every 粘, 对 and strict tone",
    "tang": "Tang practice: 失粘 (折腰体) a warning; a quatrain rhyming in 仄 is a 古绝",
}
_RULE_ALIASES = {"严": "strict", "textbook": "strict", "唐": "tang", "唐人": "tang"}


def resolve_rules(name: str) -> str:
    key = name.strip().lower()
    key = _RULE_ALIASES.get(key, key)
    if key not in RULES:
        raise InputError(
            f"unknown rules {name!r}",
            accepted="; ".join(f"{k}: {v}" for k, v in RULES.items()),
        )
    return key


def _shape_faults(poem: PoemText, kind: FormKind) -> list[Fault]:
    faults = []
    n = len(poem.lines)
    if kind.line_count is not None and n != kind.line_count:
        faults.append(
            Fault(
                "line_count",
                None,
                None,
                (
                    f"{kind.name}应有{kind.line_count}句，现有{n}句",
                    f"a {kind.short} has {kind.line_count} lines; this poem has {n}",
                ),
            )
        )
    elif kind.line_count is None and (n < 10 or n % 2):
        faults.append(
            Fault(
                "line_count",
                None,
                None,
                (
                    f"排律应为十句以上的偶数句，现有{n}句",
                    f"a pailü has an even number of lines, 10 or more; this poem has {n}",
                ),
            )
        )
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


@cache
def _strictness(pattern: str) -> tuple[bool, ...]:
    return tuple(s.strict for s in _slots(pattern))


@cache
def _line_spec(pattern: str, punct: str) -> LineSpec:
    return LineSpec(_slots(pattern), pattern.endswith("平"), punct)


@cache
def _default_tones(fixed: str, pattern: str) -> str:
    """A line's tones with each polyphone or unknown character read as the pattern wants."""
    return "".join(p if f in "*?" else f for p, f in zip(pattern, fixed, strict=True))


@cache
def _fit_cost(fixed: str, pattern: str) -> int:
    """Tone faults of a line (as per-character tone classes) against a template."""
    strict = _strictness(pattern)
    n = len(pattern)
    if not any(strict[j] and fixed[j] not in "*?" and fixed[j] != pattern[j] for j in range(n - 1)):
        return 0
    judgement = judge_line(_default_tones(fixed, pattern), pattern, strict, pattern[-1] == "平")
    return sum(1 for kind, _, _ in judgement.errors if kind == "tone")


@cache
def _key_costs(fixed: str, level_end: bool, n: int) -> tuple[int, int]:
    """(faults if the line's key is 平, faults if 仄) for a line of these tone classes."""
    end = P if level_end else Z
    return _fit_cost(fixed, _template(P, end, n)), _fit_cost(fixed, _template(Z, end, n))


# judge_line looks at the line before only to see whether it is a 拗 line wanting 对句相救;
# any such line stands for all of them, so the cache is keyed on that one fact.
_LINE_WANTING_RESCUE = ("仄仄平仄仄", "仄仄平平仄")


def _wants_rescue(tones: str, pattern: str) -> bool:
    return pattern.endswith("仄仄平平仄") and needs_rescue(tones)


@cache
def _best_line(fixed: str, pattern: str, rescue_wanted: bool) -> tuple[str, LineJudgement, bool]:
    """The readings of a line's polyphones (* in `fixed`) that leave the fewest faults:
    (tones, their judgement, whether the line as read wants 对句相救 from the next).

    Cached: a line is known by its tone classes, so the corpus repeats the same few
    thousand shapes. The judgement returned is shared and must not be changed.
    """
    strict = _strictness(pattern)
    rhymes = pattern[-1] == "平"
    prev = _LINE_WANTING_RESCUE if rescue_wanted else None
    best_tones = _default_tones(fixed, pattern)
    best = judge_line(best_tones, pattern, strict, rhymes, prev)
    choices = [j for j, f in enumerate(fixed) if f == "*"]
    if (best.score == (0, 0) and not rescue_wanted) or not choices or len(choices) > 8:
        return best_tones, best, _wants_rescue(best_tones, pattern)
    for bits in range(1, 2 ** len(choices)):
        tones = list(best_tones)
        for b, j in enumerate(choices):
            if bits >> b & 1:
                tones[j] = "仄" if tones[j] == "平" else "平"
        candidate = "".join(tones)
        judgement = judge_line(candidate, pattern, strict, rhymes, prev)
        if (*judgement.score, -len(judgement.excuses_prev)) < (
            *best.score,
            -len(best.excuses_prev),
        ):
            best, best_tones = judgement, candidate
    return best_tones, best, _wants_rescue(best_tones, pattern)


@cache
def _line_ends(count: int, first_rhymes: bool) -> tuple[Tone, ...]:
    """Each line's last tone: 平 on the rhyming lines (every 对句, and the first if it rhymes)."""
    return tuple(P if line_rhymes(i, first_rhymes) else Z for i in range(count))


@lru_cache(maxsize=1 << 16)
def _viterbi(costs: tuple[tuple[int, int], ...], nian_cost: float) -> tuple[Tone, ...]:
    """Each line's key tone (2nd character) from its (cost if 平, cost if 仄) in tone faults,
    plus _BREAK_COST for each 失对 and `nian_cost` for each 失粘: states are 0 (平) and 1 (仄);
    ties keep 粘对, then prefer 平, so the result is stable. Cached: poems share their cost
    shapes.
    """
    t0: float = costs[0][0]  # the best total so far ending in key 平 (0) or 仄 (1)
    t1: float = costs[0][1]
    back: list[tuple[int, int]] = [(0, 0)]  # per line: the previous key each state came from
    for i in range(1, len(costs)):
        c0, c1 = costs[i]
        if is_answering_line(i):  # 对句: wants the opposite key of the line before
            from0, s0 = (1, t1) if t1 <= t0 + _BREAK_COST else (0, t0 + _BREAK_COST)
            from1, s1 = (0, t0) if t0 <= t1 + _BREAK_COST else (1, t1 + _BREAK_COST)
        else:  # 出句: wants the same key (粘)
            from0, s0 = (0, t0) if t0 <= t1 + nian_cost else (1, t1 + nian_cost)
            from1, s1 = (1, t1) if t1 <= t0 + nian_cost else (0, t0 + nian_cost)
        t0, t1 = s0 + c0, s1 + c1
        back.append((from0, from1))
    k = 0 if t0 <= t1 else 1
    keys = [k]
    for i in range(len(costs) - 1, 0, -1):
        k = back[i][k]
        keys.append(k)
    return tuple((P, Z)[k] for k in reversed(keys))


class _Checker:
    """One check run; holds the poem's readings while the rules are applied."""

    def __init__(
        self,
        poem: PoemText,
        kind: FormKind,
        book: RhymeBook,
        pins: Mapping[str, str],
        acrostic: str | None,
        rules: str = "strict",
    ) -> None:
        self.poem = poem
        self.rules = rules
        self.tang = rules == "tang"
        self.kind = kind
        self.book = book
        self.acrostic = acrostic
        self.n = kind.line_length
        self.faults: list[Fault] = []
        self.used = set("".join(poem.lines))
        # Per character: its one tone class, or * when it has both, ? when none (polyphones
        # and unknown characters fit any template). Read in one str.translate per poem;
        # the full readings are looked up only where a rule needs them (_profile). Pinned
        # readings are worked out once, here.
        self.pinned: list[list[tuple[frozenset[Tone], tuple[str, ...], bool]]] | None = None
        if pins:
            self.pinned = [
                [self._pinned(ch, i, j, pins) for j, ch in enumerate(line)]
                for i, line in enumerate(poem.lines)
            ]
            marks = ["".join([TONE_MARKS[r[0], r[2]] for r in row]) for row in self.pinned]
            self.ends = [row[-1] for row in self.pinned]
        else:
            n = self.n  # the shape is checked: every line has n characters
            joined = book.tone_marks("".join(poem.lines))
            marks = [joined[k : k + n] for k in range(0, len(joined), n)]
            profile = book.profile
            self.ends = [profile(line[-1]) for line in poem.lines]
        # The rhyme rules read the last character of each line (self.ends).
        self.estimated: list[set[int]] = [set() for _ in marks]
        for i, m in enumerate(marks):
            if _ESTIMATED.search(m):
                self.estimated[i] = {j for j, c in enumerate(m) if c in "pzs"}
                marks[i] = m.translate(_ESTIMATED_AS_CLASS)
        self.fixed = marks

    def _profile(self, i: int, j: int) -> tuple[frozenset[Tone], tuple[str, ...], bool]:
        """(tone classes, 平 rhyme groups, estimated) of line i's character j, after pins."""
        if self.pinned is not None:
            return self.pinned[i][j]
        return self.book.profile(self.poem.lines[i][j])

    # -- readings ---------------------------------------------------------------------
    def _pinned(
        self, ch: str, i: int, j: int, pins: Mapping[str, str]
    ) -> tuple[frozenset[Tone], tuple[str, ...], bool]:
        """(tone classes, 平 rhyme groups, estimated) of a character after any pin."""
        readings = self.book.readings(ch)
        pin = pins.get(f"{i + 1}:{j + 1}") or pins.get(ch) or pins.get(to_simplified(ch))
        if pin:
            if pin.strip() in ("平", "仄", "ping", "ze"):
                tone = Tone.parse(pin)
                readings = tuple(r for r in readings if r.tone is tone) or ()
                if not readings:
                    return frozenset({tone}), (), False
            else:
                group = self.book.resolve_group(pin)
                readings = tuple(r for r in readings if r.group == group)
                if not readings:
                    raise InputError(
                        f"the pin {pin!r} for 「{ch}」 names a group it has no reading in",
                        accepted="、".join(self.book.short(r.group) for r in self.book.readings(ch))
                        or "平 or 仄",
                    )
        tones = frozenset(r.tone for r in readings)
        groups = tuple(r.group for r in readings if r.tone is P)
        return tones, groups, bool(readings) and all(r.estimated for r in readings)

    # -- the run ----------------------------------------------------------------------
    def run(self) -> CheckReport:
        lines = self.poem.lines
        group = self._rhyme_group()
        first_rhymes = self._first_line_rhymes(group)
        ends = _line_ends(len(lines), first_rhymes)
        keys = self._choose_keys(ends)
        spec = self.kind.pattern(keys[0], first_rhymes, len(lines))
        patterns = [_template(k, e, self.n) for k, e in zip(keys, ends, strict=True)]
        reports, judged = self._judge_lines(patterns)
        ancient = (
            self.tang
            and len(lines) == 4
            and group is None
            and all(Z in tones and P not in tones for tones, _, _ in answering(self.ends))
        )
        if ancient:  # a 古绝 keeps no tone pattern: only its rhymes are judged
            self._ancient_rhymes(reports)
        else:
            self._relations(keys)
            self._tone_faults(judged)
            self._rhymes(reports, group, first_rhymes)
        self._repeats()
        self._acrostic()
        self._unknown_and_polyphones(reports, polyphones=not ancient)
        self.faults.sort(key=lambda f: (f.line or 0, f.pos or 0))
        short = self.book.short(group) if group else None
        return CheckReport(
            self.poem,
            self.kind,
            spec,
            self.book.name,
            group,
            short,
            reports,
            self.faults,
            self.rules,
            ancient,
        )

    def _rhyme_group(self) -> str | None:
        # An inferred reading does not vote for the poem's rhyme; the second line's readings
        # break a tie (it is the first rhyme even when it was only estimated).
        voting = [groups for _tones, groups, estimated in answering(self.ends) if not estimated]
        second_line = self.ends[1][1] if len(self.ends) > 1 else ()
        return choose_rhyme_group(voting, prefer=second_line)

    def _first_line_rhymes(self, group: str | None) -> bool:
        tones, groups, _ = self.ends[0]
        if P not in tones:
            return False
        if Z not in tones:
            return True
        near = {group} | set(self.book.neighbours(group)) if group else set()
        return any(g in near for g in groups)  # a polyphone rhymes only if a reading does

    def _choose_keys(self, ends: tuple[Tone, ...]) -> list[Tone]:
        """Each line's key tone (2nd character): a small Viterbi over tone faults + 粘对 breaks."""
        n = self.n
        costs = tuple([_key_costs(f, e is P, n) for f, e in zip(self.fixed, ends, strict=True)])
        # Tang practice tolerates a broken 粘: it costs less than any tone fault it explains.
        return list(_viterbi(costs, _TANG_NIAN_COST if self.tang else _BREAK_COST))

    def _relations(self, keys: list[Tone]) -> None:
        for i in range(1, len(keys)):
            pair = is_answering_line(i)
            wanted = wanted_key(i, keys[i - 1])
            if keys[i] is wanted:
                continue
            self.faults.append(
                Fault(
                    "shi_dui" if pair else ("zhe_yao" if self.tang else "shi_nian"),
                    i + 1,
                    2,
                    (self.poem.lines[i][1], str(wanted)),
                    partial(suggest_chars, self.book.name, self.n, 1, wanted, exclude=self.used),
                )
            )

    def _judge_lines(
        self, patterns: list[str]
    ) -> tuple[list[LineReport], list[tuple[LineJudgement, list[Item]]]]:
        """Judge every line, reading each polyphone the way that keeps the rules best:
        the line reports, and each line's judgement with the errors left after 对句相救."""
        lines, puncts, fixed = self.poem.lines, self.poem.puncts, self.fixed
        reports = []
        judged: list[tuple[LineJudgement, list[Item]]] = []
        wanted = False  # the line before wants 对句相救 from this one
        for i, pattern in enumerate(patterns):
            tones, best, next_wanted = _best_line(fixed[i], pattern, wanted)
            line_spec = _line_spec(pattern, line_punct(i))
            reports.append(LineReport(lines[i], puncts[i], line_spec, fixed[i], tones))
            if best.excuses_prev and judged:
                before, errors = judged[-1]
                judged[-1] = (
                    before,
                    [e for e in errors if e[0] != "tone" or e[1] not in best.excuses_prev],
                )
            judged.append((best, best.errors))  # shared and cached: never changed in place
            wanted = next_wanted
        return reports, judged

    def _tone_faults(self, judged: list[tuple[LineJudgement, list[Item]]]) -> None:
        for i, (judgement, errors) in enumerate(judged):
            if not (errors or judgement.warnings or judgement.accepted):
                continue
            for kind, pos in judgement.accepted:
                self.faults.append(Fault(kind, i + 1, pos + 1))
            for kind, pos, want in errors + judgement.warnings:
                self._tone_fault(kind, i, pos, want)

    def _tone_fault(self, kind: str, i: int, j: int, want: str) -> None:
        """A tone fault or line rule at line i, character j; `want` is the tone that fixes it."""
        ch = self.poem.lines[i][j]
        tones = self._profile(i, j)[0]
        have = "/".join(sorted(tones)) or "?"
        self.faults.append(
            Fault(
                kind,
                i + 1,
                j + 1,
                (ch, want, have),
                partial(suggest_chars, self.book.name, self.n, j, _TONE[want], exclude=self.used),
                polyphone=len(tones) > 1,
            )
        )

    def _rhymes(self, reports: list[LineReport], group: str | None, first_rhymes: bool) -> None:
        short = self.book.short(group) if group else "?"
        seen: dict[str, int] = {}
        if group is None and all(P not in tones for tones, _, _ in answering(self.ends)):
            # Regulated verse rhymes in 平: say so once instead of an 出韵 on every rhyme.
            ends = "、".join(f"「{rep.text[-1]}」" for rep in answering(reports))
            self.faults.append(Fault("ze_rhyme", 2, self.n, (ends,)))
            return
        for i, rep in enumerate(reports):
            if not rep.spec.rhymes:
                continue
            ch = rep.text[-1]
            tones, groups, _ = self.ends[i]
            if ch in seen:
                self.faults.append(
                    Fault(
                        "chong_yun",
                        i + 1,
                        self.n,
                        (ch, seen[ch] + 1),
                        partial(
                            suggest_chars,
                            self.book.name,
                            self.n,
                            self.n - 1,
                            P,
                            group=group,
                            exclude=self.used,
                        ),
                    )
                )
            seen.setdefault(ch, i)
            if group is None or not tones or group in groups:
                continue
            if self.book.profile(ch)[2]:
                continue  # an inferred reading is too weak to call 出韵; noted as estimated
            near = [g for g in groups if g in self.book.neighbours(group)]
            if near and i == 0:
                self.faults.append(
                    Fault("borrowed_rhyme", 1, self.n, (ch, self.book.short(near[0]), short))
                )
                continue
            fix = partial(
                suggest_chars, self.book.name, self.n, self.n - 1, P, group=group, exclude=self.used
            )
            if near:
                self.faults.append(
                    Fault(
                        "lin_yun",
                        i + 1,
                        self.n,
                        (ch, self.book.short(near[0]), short),
                        fix,
                    )
                )
                continue
            own = "、".join(self.book.short(g) for g in groups) or "仄声"
            self.faults.append(
                Fault(
                    "chu_yun",
                    i + 1,
                    self.n,
                    (ch, own, short),
                    fix,
                    polyphone=len(tones) > 1,
                )
            )

    def _repeats(self) -> None:
        for ch, (i0, j0), (i, j) in repeats(self.poem.lines):
            self.faults.append(Fault("chong_zi", i + 1, j + 1, (ch, i0 + 1, j0 + 1)))

    def _acrostic(self) -> None:
        if not self.acrostic:
            return
        heads = to_simplified("".join(ch for ch in self.acrostic if not ch.isspace()))
        if len(heads) != len(self.poem.lines):
            raise InputError(
                f"the acrostic {self.acrostic!r} has {len(heads)} characters for "
                f"{len(self.poem.lines)} lines",
                accepted=f"{len(self.poem.lines)} characters, one per line",
            )
        for i, (want, line) in enumerate(zip(heads, self.poem.lines, strict=True)):
            if to_simplified(line[0]) != want:
                self.faults.append(
                    Fault(
                        "acrostic",
                        i + 1,
                        1,
                        (want, line[0]),
                    )
                )

    def _ancient_rhymes(self, reports: list[LineReport]) -> None:
        """A 古绝's rhymes: 仄 throughout; one group, or neighbouring 上/去 groups (通押);
        an 入声 rhyme does not rhyme with 上声 or 去声 ones."""
        book = self.book
        ends = []
        for i in (1, 3):
            ch = reports[i].text[-1]
            ends.append((i, ch, [r.group for r in book.readings(ch) if r.tone is Z]))
        shown = "、".join(f"「{ch}」({'/'.join(book.short(g) for g in gs)})" for _, ch, gs in ends)
        self.faults.append(Fault("gu_jue", 2, self.n, (shown,)))
        (_, _, first), (i, ch, second) = ends
        if not first or not second or set(first) & set(second):
            return  # one group (or a pinned tone with no group to compare)
        entering = [any(g.startswith("入") for g in gs) for _, _, gs in ends]
        facts = (ch, "/".join(book.short(g) for g in second), book.short(first[0]))
        kind = "tong_ya" if entering[0] == entering[1] else "chu_yun"
        self.faults.append(Fault(kind, i + 1, self.n, facts))

    def _unknown_and_polyphones(self, reports: list[LineReport], polyphones: bool = True) -> None:
        """Notes on characters the book lacks, estimated readings, and (where tones are
        judged) the polyphones a judgement rests on."""
        for i, rep in enumerate(reports):
            estimated = self.estimated[i]
            noted = _noted_positions(rep.classes, rep.spec.pattern)
            if not polyphones:
                noted = tuple(j for j in noted if rep.classes[j] == "?")
            if estimated:
                noted = tuple(sorted(set(noted) | estimated))
            line, classes, tones = rep.text, rep.classes, rep.tones
            for j in noted:
                c = classes[j]
                if c == "?":
                    self.faults.append(
                        Fault("unknown_char", i + 1, j + 1, (line[j], self.book.name))
                    )
                elif j in estimated:
                    self.faults.append(
                        Fault("estimated", i + 1, j + 1, (line[j], self.book.name, tones[j]))
                    )
                else:
                    self.faults.append(
                        Fault("polyphone", i + 1, j + 1, (line[j], tones[j]), polyphone=True)
                    )


@cache
def _noted_positions(classes: str, pattern: str) -> tuple[int, ...]:
    """Positions a report notes: characters the book lacks (?), and polyphones (*) where
    the judgement rests on them (a strict position, or a rhyme)."""
    strict = _strictness(pattern)
    last = len(pattern) - 1
    return tuple(
        j
        for j, c in enumerate(classes)
        if c == "?" or (c == "*" and (strict[j] or (j == last and pattern[-1] == "平")))
    )
