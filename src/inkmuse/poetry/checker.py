"""The classical poem checker: names each fault of a regulated poem and suggests a fix.

>>> report = check_poem("白日依山尽，黄河入海流。欲穷千里目，更上一层楼。")
>>> report.ok, report.form.name, report.form.variant
(True, '五言绝句', '仄起首句不入韵')

The checker's parts live in `inkmuse.poetry.check`, one concern a file; this module is
the public face the rest of inkmuse imports.
"""

from __future__ import annotations

from inkmuse.poetry.check.model import CheckReport
from inkmuse.poetry.check.rule_sets import RULES, resolve_rules
from inkmuse.poetry.check.run import check_poem, passes_under_tang

__all__ = ["RULES", "CheckReport", "check_poem", "passes_under_tang", "resolve_rules"]
