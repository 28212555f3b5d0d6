"""The 对仗 judgement as checker faults: the 对联 checker's seam, and any report of Faults.

Registers three kinds into `poetry.faults.KINDS` and `poetry.messages.TEMPLATES` (as the
词 and 对联 kinds do), so they render and serialise like every other fault. 不对 and 合掌
are warnings, not errors: the judgement reads classes from corpus statistics and calls
about one real Tang middle couplet in eight 不对 (benchmarks/eval_duizhang.py).

    >>> from inkmuse.poetry.ci.couplet import check_couplet
    >>> r = check_couplet("海内存知己", "天涯若比邻", duizhang=duizhang_faults)
    >>> r.duizhang_judged, [f.kind for f in r.faults]
    (True, ['duizhang'])
"""

from __future__ import annotations

from inkmuse.poetry.duizhang.judge import BU, HEZHANG, judge_couplet
from inkmuse.poetry.faults import INFO, KINDS, WARNING, Fault
from inkmuse.poetry.messages import TEMPLATES

_NEW = {
    "duizhang": ("对仗", "parallelism (dui zhang)", INFO),
    "duizhang_bu": ("对仗不工", "couplet not parallel", WARNING),
    "duizhang_hezhang": ("合掌", "couplet restates itself (he zhang)", WARNING),
}
_BY_VERDICT = {BU: "duizhang_bu", HEZHANG: "duizhang_hezhang"}


def _register() -> None:
    for kind, names in _NEW.items():
        if kind in KINDS and KINDS[kind] != names:
            raise RuntimeError(f"fault kind {kind!r} is already defined differently")
        KINDS[kind] = names
        TEMPLATES[kind] = (("zh", "en"), "{zh}", "{en}")


_register()


def duizhang_faults(upper: str, lower: str, line: int = 2) -> list[Fault]:
    """One fault for the couplet: its verdict with the explanation, a warning when 不对 or
    合掌 and information otherwise. `line` is the lower line's number in the poem."""
    j = judge_couplet(upper, lower)
    return [Fault(_BY_VERDICT.get(j.verdict, "duizhang"), line, None, (j.zh, j.en))]
