"""The rule sets a check can apply.

Textbook rules are what a poet writing today is held to; Tang practice is what the Tang
poets themselves allowed, for reading the classics: the 折腰体 (a broken 粘, as in 王维's
渭城曲) and the 古绝 (a quatrain rhyming in 仄, 春晓).

>>> resolve_rules("唐人")
'tang'
"""

from __future__ import annotations

from inkmuse.core.errors import InputError

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
