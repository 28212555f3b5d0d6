"""Compile a form constraint into a GBNF grammar (llama.cpp server, llama-cpp-python, vLLM).

The grammar fixes what a grammar can: line lengths, punctuation and line breaks; the tone
class at every position, allowing only the tone sequences that keep the rules (一三五不论
where it makes no 孤平 or 三平尾, and no 三仄尾); and the rhyme group at every rhyme
position. What a context-free grammar cannot say (no character twice, 重字) is left to the
checker, which runs on every draft afterwards.

    >>> from inkmuse.poetry.forms import get_form
    >>> g = form_grammar(get_form("五绝"), "下平声七阳")
    >>> g.splitlines()[0]
    'root ::= p0 | p1 | p2 | p3'
"""

from __future__ import annotations

from functools import cache

from inkmuse.core.prosody import RhymeBook, get_rhymebook, position_frequencies
from inkmuse.core.tones import Tone
from inkmuse.poetry.forms import FormKind, FormSpec
from inkmuse.poetry.rules import legal_tones, position_rule

COMMON_PER_POSITION = 1500  # Tang usage: the common characters keep drafts readable


@cache
def _classes(book_name: str, line_length: int) -> tuple[str, str]:
    """(平 characters, 仄 characters) in common use, polyphones in both."""
    book = get_rhymebook(book_name)
    common: set[str] = set()
    for chars in position_frequencies(line_length):
        common.update(chars[:COMMON_PER_POSITION])
    ping = sorted(c for c in common if Tone.PING in book.tones(c))
    ze = sorted(c for c in common if Tone.ZE in book.tones(c))
    return "".join(ping), "".join(ze)


def _charset(chars: str) -> str:
    escaped = "".join("\\" + c if c in "]\\^-" else c for c in chars)
    return f"[{escaped}]"


def form_grammar(
    kind: FormKind,
    group: str,
    book: RhymeBook | None = None,
    *,
    line_count: int | None = None,
    newline: bool = True,
) -> str:
    """A GBNF grammar for `kind` rhyming in `group` (a 平 group of the book)."""
    book = book or get_rhymebook("平水韵")
    n = kind.line_length
    ping, ze = _classes(book.name, n)
    rhyme_chars = "".join(c for c in ping if book.sure_rhyme_group(c) == group)
    if len(rhyme_chars) < 20:  # a small group: allow all of it
        whole = book.group_chars(group, Tone.PING)
        rhyme_chars = "".join(sorted(c for c in whole if book.sure_rhyme_group(c) == group))
    # Each rhyme position draws from its own share of the group, so no rhyme repeats (重韵),
    # which a context-free grammar could not otherwise forbid.
    slots = max(len(spec.rhyme_positions()) for spec in kind.patterns(line_count))
    both = set(ping) & set(ze)  # polyphones
    rules: dict[str, str] = {
        "P": _charset(ping),
        "Z": _charset(ze),
        "P1": _charset("".join(c for c in ping if c not in both)),  # one tone class only
        "Z1": _charset("".join(c for c in ze if c not in both)),
    }
    for r in range(slots):
        rules[f"R{r}"] = _charset(rhyme_chars[r::slots])
    line_rules: dict[tuple[str, int | None, tuple[str | None, ...]], str] = {}

    def line_rule(spec: FormSpec, i: int, rhyme_slot: int | None) -> str:
        line = spec.lines[i]
        rules_here = tuple(position_rule(spec, i, j) for j in range(n))
        key = (line.pattern, rhyme_slot, rules_here)
        if key not in line_rules:
            name = f"l{len(line_rules)}"
            alternatives = []
            for tones in legal_tones(line):
                symbols = []
                for t, rule in zip(tones, rules_here, strict=True):
                    sym = "P" if t == "平" else "Z"
                    if rule == "one_tone" or (rule == "ze_only" and sym == "Z"):
                        sym += "1"
                    symbols.append(sym)
                if rhyme_slot is not None:
                    symbols[-1] = f"R{rhyme_slot}"
                alternatives.append(" ".join(symbols))
            rules[name] = " | ".join(alternatives)
            line_rules[key] = name
        return line_rules[key]

    patterns = []
    for i, spec in enumerate(kind.patterns(line_count)):
        parts = []
        rhyme_lines = spec.rhyme_positions()
        for j, line in enumerate(spec.lines):
            slot = rhyme_lines.index(j) if j in rhyme_lines else None
            parts.append(line_rule(spec, j, slot))
            end = line.punct + ("\\n" if newline and line.punct == "。" else "")
            if j == len(spec.lines) - 1:
                end = line.punct
            parts.append(f'"{end}"')
        rules[f"p{i}"] = " ".join(parts)
        patterns.append(f"p{i}")
    head = "root ::= " + " | ".join(patterns)
    body = [f"{name} ::= {rule}" for name, rule in rules.items()]
    return "\n".join([head, *body]) + "\n"


def rhyme_groups_by_use(book: RhymeBook, line_length: int = 7, top: int = 12) -> list[str]:
    """The 平 rhyme groups richest in common characters (choices for a grammar's rhyme)."""
    ping, _ = _classes(book.name, line_length)
    counts: dict[str, int] = {}
    for c in ping:
        for g in book.rhyme_groups(c):
            counts[g] = counts.get(g, 0) + 1
    return sorted(counts, key=lambda g: -counts[g])[:top]
