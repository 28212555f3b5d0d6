"""A form's rules live once: what the decoders allow is what the checker accepts.

Property: for every form and pattern, a poem whose lines take any tone strings from
`rules.legal_tones` (written with single-reading characters, rhymes from one group) passes
the whole checker with no error and no warning; and a poem whose lines take any other tone
string at all gets a tone fault. The embedded decoder, the token masks and the GBNF
grammar read the same `legal_tones` (asserted below), so all four agree.
"""

from __future__ import annotations

import itertools
import random

import pytest

from inkmuse.core.prosody import get_rhymebook
from inkmuse.core.tones import Tone
from inkmuse.models.tokens import TokenTable
from inkmuse.poetry.checker import check_poem
from inkmuse.poetry.forms import FORMS, FormSpec, LineSpec, get_form
from inkmuse.poetry.grammar import _classes, form_grammar
from inkmuse.poetry.rules import legal_tones
from inkmuse.poetry.token_masks import FormMasks

BOOK = get_rhymebook("平水韵")
GROUP = BOOK.resolve_group("七阳")


def _pools() -> tuple[list[str], list[str], list[str]]:
    """Characters with one tone class and one reading group, for unambiguous poems."""
    ping, ze = _classes(BOOK.name, 7)
    only_ping = [c for c in ping if BOOK.tones(c) == {Tone.PING}]
    only_ze = [c for c in ze if BOOK.tones(c) == {Tone.ZE}]
    rhymes = [c for c in only_ping if BOOK.sure_rhyme_group(c) == GROUP]
    non_rhyme = set(rhymes)
    return [c for c in only_ping if c not in non_rhyme], only_ze, rhymes


PING, ZE, RHYMES = _pools()


def write(spec: FormSpec, tones: list[str], rng: random.Random) -> str:
    """A poem of `spec` whose lines read exactly `tones`, no character twice."""
    ping, ze, rhymes = rng.sample(PING, 60), rng.sample(ZE, 60), rng.sample(RHYMES, 10)
    out = []
    for line, want in zip(spec.lines, tones, strict=True):
        chars = []
        for j, t in enumerate(want):
            if j == len(want) - 1 and line.rhymes:
                chars.append(rhymes.pop())
            else:
                chars.append((ping if t == "平" else ze).pop())
        out.append("".join(chars) + line.punct)
    return "".join(out)


def specs() -> list[FormSpec]:
    found = []
    for kind in FORMS:
        found.extend(kind.patterns(12 if kind.line_count is None else None))
    return found


@pytest.mark.parametrize("spec", specs(), ids=lambda s: f"{s.short}{s.variant}")
def test_every_legal_tone_string_passes_the_checker(spec: FormSpec) -> None:
    rng = random.Random(spec.short + spec.variant)
    for _ in range(25):
        tones = [rng.choice(legal_tones(line)) for line in spec.lines]
        report = check_poem(write(spec, tones, rng), spec.short)
        bad = [f.zh for f in report.faults if f.severity in ("error", "warning")]
        assert not bad, (tones, bad)
        assert report.form is not None and report.form.variant == spec.variant


def _illegal(line: LineSpec) -> list[str]:
    legal = set(legal_tones(line))
    every = ("".join(t) for t in itertools.product("平仄", repeat=len(line.slots)))
    # The rhyme position is the rhyme check's; a rhyming line ends in 平 here.
    return [t for t in every if t not in legal and (not line.rhymes or t.endswith("平"))]


@pytest.mark.parametrize("kind", ["五绝", "七绝", "五律", "七律"])
def test_any_other_tone_string_is_a_fault(kind: str) -> None:
    rng = random.Random(kind)
    for spec in get_form(kind).patterns():
        for i, line in enumerate(spec.lines):
            for wrong in rng.sample(_illegal(line), 6):
                tones = [legal_tones(other)[0] for other in spec.lines]
                tones[i] = wrong
                report = check_poem(write(spec, tones, rng), kind)
                flagged = [f for f in report.faults if f.severity in ("error", "warning")]
                assert flagged, (spec.variant, i, wrong)


def _grammar_lines(grammar: str, pattern: int) -> list[set[str]]:
    """The tone strings each line's rule of pattern p{pattern} allows (P/P1/R read 平)."""
    rules = dict(line.split(" ::= ", 1) for line in grammar.splitlines())
    names = [t for t in rules[f"p{pattern}"].split() if t.startswith("l")]
    tone = {"P": "平", "P1": "平", "Z": "仄", "Z1": "仄"}
    return [
        {"".join(tone.get(sym, "平") for sym in alt.split()) for alt in rules[n].split(" | ")}
        for n in names
    ]


@pytest.mark.parametrize("kind", ["五绝", "七律"])
def test_the_decoders_read_the_same_legal_strings(kind: str) -> None:
    form = get_form(kind)
    table = TokenTable({c: k for k, c in enumerate(PING[:50] + ZE[:50] + RHYMES)}, {}, eos=0)
    grammar = form_grammar(form, GROUP, BOOK)
    for p, spec in enumerate(form.patterns()):
        masks = FormMasks(table, spec, GROUP, BOOK)
        assert masks.variants == [legal_tones(line) for line in spec.lines]
        assert _grammar_lines(grammar, p) == [set(legal_tones(line)) for line in spec.lines]
