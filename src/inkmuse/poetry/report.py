"""Terminal rendering of a check report: each character marked 平/仄, then the faults.

A report is rendered as a table of parts (the header, the notes, the line rows, the faults,
the polyphones, the verdict), each a short function from the report to its lines of text.

>>> from inkmuse.poetry.checker import check_poem
>>> text = render_report(check_poem("白日依山尽，黄河入海流。欲穷千里目，更上一层楼。"), "en")
>>> print(text.splitlines()[0])
五言绝句 · 仄起首句不入韵 · 平水韵 十一尤
>>> print(text.splitlines()[-1])
Valid: keeps every rule of its form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from inkmuse.poetry.checker import CheckReport
from inkmuse.poetry.faults import ERROR, INFO, WARNING, Fault

_MARK = {ERROR: "✗", WARNING: "!", INFO: "·"}
_COLOUR = {ERROR: "red", WARNING: "yellow", INFO: "cyan"}
_RANK = {ERROR: 3, WARNING: 2, INFO: 1}


@dataclass(frozen=True)
class _View:
    """A report as one rendering sees it: the language, the colours, and the worst fault
    at each (line, position), which marks that character."""

    report: CheckReport
    lang: str
    style: Callable[..., str] | None  # click.style when colouring, else None
    worst: dict[tuple[int, int], str]

    @property
    def zh(self) -> bool:
        return self.lang == "zh"

    def say(self, zh: str, en: str) -> str:
        return zh if self.zh else en

    def paint(self, text: str, severity: str | None) -> str:
        return self.style(text, fg=_COLOUR[severity]) if self.style and severity else text


def render_report(report: CheckReport, lang: str = "zh", colour: bool = False) -> str:
    """A readable report. `colour` adds ANSI colours (for a terminal)."""
    style: Callable[..., str] | None = None
    if colour:
        import click  # late: only a terminal report is coloured, and click is slow to import

        style = click.style
    view = _View(report, lang, style, _worst_faults(report.faults))
    return "\n".join(line for part in _PARTS for line in part(view))


def _worst_faults(faults: list[Fault]) -> dict[tuple[int, int], str]:
    """The most severe fault's severity at each (line, position); polyphone notes aside."""
    worst: dict[tuple[int, int], str] = {}
    for f in faults:
        if f.line is not None and f.pos is not None and f.kind != "polyphone":
            key = (f.line, f.pos)
            if _RANK[f.severity] > _RANK.get(worst.get(key, ""), 0):
                worst[key] = f.severity
    return worst


def _header(view: _View) -> list[str]:
    """The form, its variant and the rhyme; the rule set when it is not the textbook's."""
    report, form = view.report, view.report.form
    if form is None:
        return [f"{report.kind.name} · {report.rhymebook}"]
    rhyme = f"{report.rhymebook} {report.rhyme_short}" if report.rhyme_short else report.rhymebook
    variant = view.say("古绝（仄韵）", "古绝 (ancient style)") if report.ancient else form.variant
    out = [f"{form.name} · {variant} · {rhyme}"]
    if report.rules != "strict":
        out.append(
            view.say("按唐人宽律（折腰体、古绝可容）", "Tang practice (折腰体 and 古绝 allowed)")
        )
    return out


def _notes(view: _View) -> list[str]:
    return [view.say("注：", "note: ") + note for note in view.report.poem.notes]


def _line_rows(view: _View) -> list[str]:
    """Each judged line: its characters, their tones (and the pattern), the fault marks."""
    out = []
    worst, paint = view.worst, view.paint
    for i, line in enumerate(view.report.lines, 1):
        chars = " ".join(paint(c.char, worst.get((i, j))) for j, c in enumerate(line.chars, 1))
        tones = " ".join(
            paint(c.resolved.value if c.known else "？", worst.get((i, j)))
            for j, c in enumerate(line.chars, 1)
        )
        marks = "".join(
            (_MARK[worst[(i, j)]] if (i, j) in worst else ("*" if c.polyphone else " ")) + "  "
            for j, c in enumerate(line.chars, 1)
        )
        out.append(f"{i:>3}  {chars}{line.punct}")
        pattern = (
            "" if view.report.ancient else f"   {view.say('格', 'pattern')} {line.spec.pattern}"
        )
        out.append(f"     {tones}{pattern}")
        if marks.strip():
            out.append(f"     {marks.rstrip()}")
    return out


def _unjudged_lines(view: _View) -> list[str]:
    """A poem of the wrong shape has no judged lines: show its text as it is."""
    if view.report.lines:
        return []
    return [f"{i:>3}  {' '.join(text)}" for i, text in enumerate(view.report.poem.lines, 1)]


def _fault_list(view: _View) -> list[str]:
    """Every fault but the polyphone notes, after a blank line: name, message, fixes."""
    shown = [f for f in view.report.faults if f.kind != "polyphone"]
    out = [""] if shown else []
    sep = view.say("：", ": ")
    for f in shown:
        name = f.name_zh if view.zh else f.name_en
        entry = f"  {view.paint(_MARK[f.severity], f.severity)} {name}{sep}{f.message(view.lang)}"
        if f.suggestions:
            entry += view.say("  可改：", "  try: ") + " ".join(f.suggestions)
        out.append(entry)
    return out


def _polyphones(view: _View) -> list[str]:
    """One line naming the polyphones the judgement read the way that fits."""
    poly = [f for f in view.report.faults if f.kind == "polyphone"]
    if not poly:
        return []
    lines = view.report.poem.lines
    chars = "、".join(f"「{lines[f.line - 1][f.pos - 1]}」" for f in poly if f.line and f.pos)
    lead = view.say("  * 多音字按合律读音判：", "  * polyphones judged by the reading that fits: ")
    return [lead + chars]


def _summary(view: _View) -> list[str]:
    """A blank line, then the verdict, coloured by how bad it is."""
    text, severity = _verdict(view)
    return ["", view.paint(text, severity)]


def _verdict(view: _View) -> tuple[str, str]:
    report, say = view.report, view.say
    errors, warnings = len(report.errors), len(report.warnings)
    if report.ancient and report.ok:
        return say(
            "古绝：押韵可；不按律绝平仄评。", "An ancient-style quatrain: its rhymes hold."
        ), WARNING
    if report.ancient:
        return say(
            f"古绝：{errors}处错误。", f"An ancient-style quatrain with {errors} error(s)."
        ), ERROR
    if report.ok and not warnings:
        return say("合律。", "Valid: keeps every rule of its form."), INFO
    if report.ok:
        return say(f"合律，有{warnings}处提示。", f"Valid, with {warnings} warning(s)."), WARNING
    return say(
        f"不合律：{errors}处错误，{warnings}处提示。",
        f"Not valid: {errors} error(s), {warnings} warning(s).",
    ), ERROR


# The parts of a report, top to bottom.
_PARTS: tuple[Callable[[_View], list[str]], ...] = (
    _header,
    _notes,
    _line_rows,
    _unjudged_lines,
    _fault_list,
    _polyphones,
    _summary,
)
