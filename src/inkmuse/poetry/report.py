"""Terminal rendering of a check report: each character marked 平/仄, then the faults."""

from __future__ import annotations

from inkmuse.poetry.checker import CheckReport
from inkmuse.poetry.faults import ERROR, INFO, WARNING

_MARK = {ERROR: "✗", WARNING: "!", INFO: "·"}
_COLOUR = {ERROR: "red", WARNING: "yellow", INFO: "cyan"}


def render_report(report: CheckReport, lang: str = "zh", colour: bool = False) -> str:
    """A readable report. `colour` adds ANSI colours (for a terminal)."""
    from click import style

    def paint(text: str, severity: str | None) -> str:
        return style(text, fg=_COLOUR[severity]) if colour and severity else text

    zh = lang == "zh"
    out: list[str] = []
    form = report.form
    if form is not None:
        rhyme = (
            f"{report.rhymebook} {report.rhyme_short}" if report.rhyme_short else report.rhymebook
        )
        if report.ancient:
            out.append(
                f"{form.name} · {'古绝（仄韵）' if zh else '古绝 (ancient style)'} · {rhyme}"
            )
        else:
            out.append(f"{form.name} · {form.variant} · {rhyme}")
        if report.rules != "strict":
            out.append(
                "按唐人宽律（折腰体、古绝可容）"
                if zh
                else "Tang practice (折腰体 and 古绝 allowed)"
            )
    else:
        out.append(f"{report.kind.name} · {report.rhymebook}")
    for note in report.poem.notes:
        out.append(("注：" if zh else "note: ") + note)
    worst: dict[tuple[int, int], str] = {}
    rank = {ERROR: 3, WARNING: 2, INFO: 1}
    for f in report.faults:
        if f.line is not None and f.pos is not None and f.kind != "polyphone":
            key = (f.line, f.pos)
            if rank[f.severity] > rank.get(worst.get(key, ""), 0):
                worst[key] = f.severity
    for i, line in enumerate(report.lines, 1):
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
        pattern = "" if report.ancient else f"   {'格' if zh else 'pattern'} {line.spec.pattern}"
        out.append(f"     {tones}{pattern}")
        if marks.strip():
            out.append(f"     {marks.rstrip()}")
    if not report.lines:
        for i, text in enumerate(report.poem.lines, 1):
            out.append(f"{i:>3}  {' '.join(text)}")
    shown = [f for f in report.faults if f.kind != "polyphone"]
    poly = [f for f in report.faults if f.kind == "polyphone"]
    if shown:
        out.append("")
    for f in shown:
        name = f.name_zh if zh else f.name_en
        sep = "：" if zh else ": "
        entry = f"  {paint(_MARK[f.severity], f.severity)} {name}{sep}{f.message(lang)}"
        if f.suggestions:
            entry += ("  可改：" if zh else "  try: ") + " ".join(f.suggestions)
        out.append(entry)
    if poly:
        chars = "、".join(
            f"「{report.poem.lines[f.line - 1][f.pos - 1]}」" for f in poly if f.line and f.pos
        )
        out.append(
            (
                "  * 多音字按合律读音判："
                if zh
                else "  * polyphones judged by the reading that fits: "
            )
            + chars
        )
    out.append("")
    errors, warnings = len(report.errors), len(report.warnings)
    if report.ancient:
        verdict = (
            (
                "古绝：押韵可；不按律绝平仄评。"
                if zh
                else "An ancient-style quatrain: its rhymes hold."
            )
            if report.ok
            else (
                f"古绝：{errors}处错误。"
                if zh
                else f"An ancient-style quatrain with {errors} error(s)."
            )
        )
        out.append(paint(verdict, WARNING if report.ok else ERROR))
    elif report.ok and not warnings:
        out.append(paint("合律。" if zh else "Valid: keeps every rule of its form.", INFO))
    elif report.ok:
        out.append(
            paint(
                f"合律，有{warnings}处提示。" if zh else f"Valid, with {warnings} warning(s).",
                WARNING,
            )
        )
    else:
        out.append(
            paint(
                f"不合律：{errors}处错误，{warnings}处提示。"
                if zh
                else f"Not valid: {errors} error(s), {warnings} warning(s).",
                ERROR,
            )
        )
    return "\n".join(out)
