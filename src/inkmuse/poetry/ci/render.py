"""Terminal reports for a 词 and a 对联 check, laid out like the 诗 report (report.py):
each character over its tone, the pattern beside it, marks under faulted characters,
then one line per fault with its explanation and replacement characters."""

from __future__ import annotations

from inkmuse.poetry.ci.checker import CiReport
from inkmuse.poetry.ci.couplet import CoupletReport
from inkmuse.poetry.ci.rhyme import NAME as RHYMEBOOK
from inkmuse.poetry.faults import ERROR, INFO, WARNING, Fault

_MARK = {ERROR: "✗", WARNING: "!", INFO: "·"}
_COLOUR = {ERROR: "red", WARNING: "yellow", INFO: "cyan"}
_SHOWN = {"平": "平", "p": "平", "仄": "仄", "z": "仄", "*": "*", "s": "*", "?": "？"}


def render_ci(report: CiReport, lang: str = "zh", colour: bool = False) -> str:
    """A readable 词 report. `colour` adds ANSI colours (for a terminal)."""
    zh = lang == "zh"
    v = report.variant
    rhymes = " ".join(report.rhymes[k] for k in sorted(report.rhymes))
    head = f"{v.tune} · {v.name if zh else v.name_en} · {RHYMEBOOK} {rhymes}".rstrip()
    out = [
        head + ((" （按句式推定词牌）" if zh else " (tune read from the shape)") * report.detected)
    ]
    out.append(report.why[0] if zh else report.why[1])
    out.extend(("注：" if zh else "note: ") + n for n in report.poem.notes)
    worst = _worst(report.faults)
    for i, row in enumerate(report.grid(), 1):
        pattern = (row["pattern"] or "") + ("（韵）" if row["rhyme"] else "")
        punct = report.poem.puncts[i - 1]
        out.extend(_rows(i, row["text"], punct, row["tones"], pattern, worst, colour, zh))
    out.extend(_fault_lines(report.faults, lang, colour))
    errors, warnings = len(report.errors), len(report.warnings)
    if report.ok and not warnings:
        verdict = "合谱。" if zh else "Valid: keeps the pattern of its tune."
    elif report.ok:
        verdict = f"合谱，有{warnings}处提示。" if zh else f"Valid, with {warnings} warning(s)."
    else:
        verdict = (
            f"不合谱：{errors}处错误，{warnings}处提示。"
            if zh
            else f"Not valid: {errors} error(s), {warnings} warning(s)."
        )
    out.append(_paint(verdict, ERROR if errors else WARNING if warnings else INFO, colour))
    return "\n".join(out)


def render_couplet(report: CoupletReport, lang: str = "zh", colour: bool = False) -> str:
    """A readable 对联 report: both lines with their tones, stressed positions marked ^."""
    zh = lang == "zh"
    out = ["对联 · 平水韵" if zh else "couplet (对联) · 平水韵"]
    worst = _worst(report.faults)
    stressed = set(report.stressed)
    for n, (side, marks) in enumerate(
        zip((report.upper, report.lower), report.marks, strict=True), 1
    ):
        text = "".join(side.lines)
        label = ("上联", "下联")[n - 1] if zh else ("upper", "lower")[n - 1]
        out.extend(_rows(n, text, "", marks, "", worst, colour, zh, label=label))
    out.append(
        ("      " + "".join("^  " if i in stressed else "   " for i in range(len(text)))).rstrip()
    )
    if not report.duizhang_judged:
        out.append("对仗：未判（词性对仗另行判断）" if zh else "对仗 (word classes): not judged")
    out.extend(_fault_lines(report.faults, lang, colour))
    errors = len(report.errors)
    verdict = (
        ("合格。" if zh else "Valid.")
        if report.ok
        else (f"不合：{errors}处错误。" if zh else f"Not valid: {errors} error(s).")
    )
    out.append(_paint(verdict, ERROR if errors else INFO, colour))
    return "\n".join(out)


def _worst(faults: list[Fault]) -> dict[tuple[int, int], str]:
    rank = {ERROR: 3, WARNING: 2, INFO: 1}
    worst: dict[tuple[int, int], str] = {}
    for f in faults:
        if f.line is not None and f.pos is not None:
            key = (f.line, f.pos)
            if rank[f.severity] > rank.get(worst.get(key, ""), 0):
                worst[key] = f.severity
    return worst


def _rows(
    i: int,
    line: str,
    punct: str,
    marks: str,
    pattern: str,
    worst: dict[tuple[int, int], str],
    colour: bool,
    zh: bool,
    label: str | None = None,
) -> list[str]:
    chars = " ".join(_paint(c, worst.get((i, j)), colour) for j, c in enumerate(line, 1))
    tones = " ".join(_paint(_SHOWN[m], worst.get((i, j)), colour) for j, m in enumerate(marks, 1))
    flags = "".join(
        (_MARK[worst[(i, j)]] if (i, j) in worst else " ") + "  " for j in range(1, len(line) + 1)
    )
    # Six columns before the first character either way (a Chinese label is two wide).
    tag = f" {label} " if label else f"{i:>3}   "
    rows = [f"{tag}{chars}{punct}"]
    rows.append(f"      {tones}" + (f"   {'谱' if zh else 'pattern'} {pattern}" if pattern else ""))
    if flags.strip():
        rows.append(f"      {flags.rstrip()}")
    return rows


def _fault_lines(faults: list[Fault], lang: str, colour: bool) -> list[str]:
    zh = lang == "zh"
    out = [""] if faults else []
    for f in faults:
        name = f.name_zh if zh else f.name_en
        entry = f"  {_paint(_MARK[f.severity], f.severity, colour)} {name}{'：' if zh else ': '}"
        entry += f.message(lang)
        if f.suggestions:
            entry += ("  可改：" if zh else "  try: ") + " ".join(f.suggestions)
        out.append(entry)
    out.append("")
    return out


def _paint(text: str, severity: str | None, colour: bool) -> str:
    if not colour or not severity:
        return text
    from click import style

    return style(text, fg=_COLOUR[severity])
