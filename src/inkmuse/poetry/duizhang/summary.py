"""The 对仗 of a checked poem, as `inkmuse check` and the studio show it beside the report.

For a 律诗 (and every inner couplet of a 排律) the couplets the form wants parallel are
judged and named with the verdict and its reasons; a 绝句's couplets are judged as
information. Kept beside the checker's report rather than inside it: the judgement reads
classes from corpus statistics, so it informs, and the checker's own verdict (合律) stays
what the rules say.

    >>> from inkmuse.poetry.checker import check_poem
    >>> r = check_poem("国破山河在，城春草木深。感时花溅泪，恨别鸟惊心。烽火连三月，家书抵万金。白头搔更短，浑欲不胜簪。")
    >>> print(render_duizhang(r, "zh").splitlines()[1])
      颔联 宽对：「感时」对「恨别」：动作·时（时令）/别（动作）不对 ✗；「花溅泪」对「鸟惊心」：同为名词·动作·形体 ✓
"""

from __future__ import annotations

from typing import Any

from inkmuse.poetry.check.model import CheckReport
from inkmuse.poetry.duizhang.poem import PoemDuizhang, judge_poem_duizhang


def poem_duizhang(report: CheckReport) -> PoemDuizhang | None:
    """The judgement of a report's couplets (None when its shape has no couplets)."""
    lines = report.poem.lines
    if report.form is None or len(lines) % 2 or len(set(map(len, lines))) != 1:
        return None
    return judge_poem_duizhang(lines)


def duizhang_dict(report: CheckReport) -> dict[str, Any] | None:
    judged = poem_duizhang(report)
    if judged is None:
        return None
    return {
        "ok": judged.ok,
        "couplets": [
            {
                "name": c.name,
                "required": c.required,
                "verdict": c.judgement.verdict,
                "parallel": c.judgement.parallel,
                "zh": c.judgement.zh,
                "en": c.judgement.en,
            }
            for c in judged.couplets
        ],
    }


def render_duizhang(report: CheckReport, lang: str = "zh") -> str:
    """The couplets' verdicts, the required ones first; '' for a poem without couplets."""
    judged = poem_duizhang(report)
    if judged is None:
        return ""
    zh = lang == "zh"
    head = (
        "对仗（颔联、颈联须对）：" if zh else "Parallelism (the middle couplets must be parallel):"
    )
    if len(judged.couplets) < 4:
        head = (
            "对仗（绝句不拘，仅供参考）："
            if zh
            else "Parallelism (free in a quatrain; for information):"
        )
    rows = [head]
    for c in sorted(judged.couplets, key=lambda c: (not c.required, c.index)):
        if zh:
            mark = "" if c.required else "（不拘）"
            rows.append(f"  {c.name}{mark} {c.judgement.zh}")
        else:
            free = "" if c.required else ", free"
            rows.append(f"  couplet {c.index} ({c.name}{free}): {c.judgement.en}")
    return "\n".join(rows)
