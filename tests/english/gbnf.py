"""A tiny GBNF sampler for tests: draws random strings from the grammars inkmuse writes.

It reads the subset those grammars use (string literals, rule names, groups, alternation,
`?`, and character classes) so a test can check that *every* string a grammar allows keeps
the form, without a language model.
"""

from __future__ import annotations

import random
import re
from typing import Any

_TOKEN = re.compile(r'"(?:\\.|[^"\\])*"|\[[^\]]*\]|[A-Za-z0-9-]+|[()|?]')


def parse(grammar: str) -> dict[str, Any]:
    rules: dict[str, Any] = {}
    for line in grammar.splitlines():
        if "::=" in line:
            name, body = line.split("::=", 1)
            tokens = _TOKEN.findall(body)
            alt, rest = _alt(tokens, 0)
            assert rest == len(tokens), line
            rules[name.strip()] = alt
    return rules


def _alt(tokens: list[str], i: int) -> tuple[Any, int]:
    options = []
    seq, i = _seq(tokens, i)
    options.append(seq)
    while i < len(tokens) and tokens[i] == "|":
        seq, i = _seq(tokens, i + 1)
        options.append(seq)
    return ("alt", options), i


def _seq(tokens: list[str], i: int) -> tuple[Any, int]:
    items = []
    while i < len(tokens) and tokens[i] not in ("|", ")"):
        tok = tokens[i]
        if tok == "(":
            item, i = _alt(tokens, i + 1)
            assert tokens[i] == ")"
            i += 1
        elif tok.startswith('"'):
            item = ("lit", tok[1:-1].encode().decode("unicode_escape"))
            i += 1
        elif tok.startswith("["):
            item = ("class", tok[1:-1])
            i += 1
        else:
            item = ("ref", tok)
            i += 1
        if i < len(tokens) and tokens[i] == "?":
            item = ("opt", item)
            i += 1
        items.append(item)
    return ("seq", items), i


def sample(rules: dict[str, Any], rng: random.Random, node: Any = ("ref", "root")) -> str:
    kind, value = node
    if kind == "lit":
        return str(value)
    if kind == "ref":
        return sample(rules, rng, rules[value])
    if kind == "class":
        return rng.choice(value)
    if kind == "opt":
        return sample(rules, rng, value) if rng.random() < 0.5 else ""
    if kind == "seq":
        return "".join(sample(rules, rng, item) for item in value)
    return sample(rules, rng, rng.choice(value))
