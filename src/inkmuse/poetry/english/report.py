"""Terminal rendering of an English check report: each line, its syllables and scansion,
then the faults with their fixes.

    >>> from inkmuse.poetry.english.checker import check_english
    >>> print(render_english(check_english("The ancient still pond\\na frog leaps in, and the sound\\nof water rises")).splitlines()[0])
    haiku (found from the shape) · syllables 5-7-5
"""

from __future__ import annotations

from inkmuse.poetry.english.checker import EnglishReport
from inkmuse.poetry.english.faults import ERROR, INFO, WARNING

_MARK = {ERROR: "✗", WARNING: "!", INFO: "·"}
_COLOUR = {ERROR: "red", WARNING: "yellow", INFO: "cyan"}


def render_english(report: EnglishReport, colour: bool = False) -> str:
    """A readable report; `colour` adds ANSI colours (for a terminal)."""
    from click import style

    def paint(text: str, severity: str) -> str:
        return style(text, fg=_COLOUR[severity]) if colour else text

    head = [report.form.name + (" (found from the shape)" if report.detected else "")]
    if report.scheme:
        head.append("rhyme " + " ".join(report.scheme.split()))
    if report.form.syllables:
        head.append("syllables " + "-".join(map(str, report.form.syllables)))
    if report.form.line_meters:
        head.append(" / ".join(dict.fromkeys(report.form.line_meters)))
    elif report.meter:
        head.append(report.meter)
    out = [" · ".join(head)]
    worst: dict[int, str] = {}
    rank = {ERROR: 3, WARNING: 2, INFO: 1}
    for f in report.faults:
        if f.line is not None and rank[f.severity] > rank.get(worst.get(f.line, ""), 0):
            worst[f.line] = f.severity
    for i, line in enumerate(report.lines, 1):
        mark = _MARK[worst[i]] if i in worst and worst[i] != INFO else " "
        rhyme = (line.rule.rhyme or "-")[:1] if report.scheme else " "
        out.append(
            f"{i:>3} {paint(mark, worst.get(i, INFO))} {rhyme} {line.syllables:>2}  {line.text}"
        )
        if line.scansion is not None:
            out.append(" " * 12 + _marks_under(line.text, line.scansion.words, line.scansion.marks))
    shown = [f for f in report.faults if f.kind != "guessed"]
    guessed = [f for f in report.faults if f.kind == "guessed"]
    if shown:
        out.append("")
    for f in shown:
        out.append(f"  {paint(_MARK[f.severity], f.severity)} {f.name}: {f.message}")
        if f.detail:
            out.extend(f"        {row}" for row in f.detail.splitlines())
        if f.suggestions:
            out.append("      try: " + ", ".join(f.suggestions))
    if guessed:
        out.append("  · not in CMUdict (syllables estimated): "
                   + ", ".join(f.message.split("'")[1] for f in guessed))  # fmt: skip
    out.append("")
    errors, warnings = len(report.errors), len(report.warnings)
    if report.ok and not warnings:
        out.append(paint("Valid: keeps every rule of its form.", INFO))
    elif report.ok:
        out.append(paint(f"Valid, with {warnings} warning(s).", WARNING))
    else:
        out.append(paint(f"Not valid: {errors} error(s), {warnings} warning(s).", ERROR))
    return "\n".join(out)


def _marks_under(text: str, words: tuple[str, ...], marks: tuple[str, ...]) -> str:
    """The scansion marks placed under each word of the line as printed."""
    row: list[str] = []
    at = 0
    for word, mark in zip(words, marks, strict=True):
        found = text.find(word, at)
        col = found if found >= 0 else at
        spaced = " ".join(mark) if 2 * len(mark) - 1 <= len(word) else mark
        row.extend(" " * max(0, col - len(row)))
        row.extend(spaced)
        at = col + len(word)
    return "".join(row).rstrip()
