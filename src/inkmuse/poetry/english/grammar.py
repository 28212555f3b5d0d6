"""Compile an English form into a GBNF grammar: syllables, stress and rhyme by construction.

    >>> g = english_grammar(get_english_form("haiku"), 3, "", seed=1)
    >>> g.splitlines()[0]
    'root ::= l0 "\\\\n" l1 "\\\\n" l2'

For a metered line the grammar walks the meter's positions (x weak, / strong) and, at each,
allows only words whose stress fits there: an unstressed function word on x, a stressed
monosyllable on /, a longer word only where its whole stress shape fits (WA-ter on /x).
No stress maximum can land on a weak position, so every line scans. For haiku and tanka it
counts syllables instead. The last word of a rhyming line comes from one rhyme sound per
scheme letter, each line of a group from its own share of the sound's words (so no rhyme
word repeats). What a context-free grammar cannot say (a refrain repeats an earlier line)
is done by the poet afterwards, and the checker reads every draft.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from inkmuse.core.seeds import make_rng
from inkmuse.poetry.english.forms import EnglishForm, LineRule, get_english_form, stanza_ends
from inkmuse.poetry.english.meter import Meter, S, W
from inkmuse.poetry.english.rhyme import rhyme_index
from inkmuse.poetry.english.words import (
    FUNCTION_WORDS,
    common_words,
    is_function_word,
    pronunciations,
)

PER_CLASS = 150  # words per stress shape: llama.cpp's grammar sampling slows with each
# Web-frequency words a poem should not be forced into (hell and damn stay: Shakespeare's).
_BLOCKED = frozenset(["fuck", "fucking", "shit", "sex", "porn", "dick", "ass", "bitch", "nigga"])


@cache
def _classes() -> dict[str, tuple[str, ...]]:
    """Stress shape -> common words of that shape. Monosyllables: 'x' function, '/' content."""
    out: dict[str, list[str]] = defaultdict(list)
    for word in common_words()[:12000]:
        if word in _BLOCKED or (len(word) < 2 and word not in ("a", "i")):
            continue
        pron = pronunciations(word)[0]
        if pron.syllables == 1:
            key = W if is_function_word(word) else S
        elif 2 <= pron.syllables <= 4 and not is_function_word(word):
            key = "".join(S if s == 1 else W for s in pron.stresses)
        else:
            continue
        if len(out[key]) < PER_CLASS:
            out[key].append("I" if word == "i" else word)
    plain = {w for w in FUNCTION_WORDS if "'" not in w and pronunciations(w)[0].syllables == 1}
    out[W] = sorted(set(out[W]) | {"I" if w == "i" else w for w in plain})
    return {k: tuple(v) for k, v in out.items()}


@cache
def _by_syllables() -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = defaultdict(list)
    for word in common_words()[:8000]:
        if word in _BLOCKED or (len(word) < 2 and word not in ("a", "i")):
            continue
        n = pronunciations(word)[0].syllables
        if 1 <= n <= 3 and len(out[n]) < 2 * PER_CLASS:
            out[n].append("I" if word == "i" else word)
    return {k: tuple(v) for k, v in out.items()}


def _alt(words: tuple[str, ...] | list[str]) -> str:
    return "(" + " | ".join(f'"{w}"' for w in words) + ")"


def rhyme_sounds(letters: int, seed: int, per_sound: int = 12) -> list[tuple[str, ...]]:
    """`letters` distinct rhyme sounds, each a list of stressed monosyllables (seeded)."""
    rich = []
    for key, words in rhyme_index().items():
        monos = [
            w for w in words[:400] if w not in _BLOCKED and pronunciations(w)[0].stresses == (1,)
        ]
        if len(monos) >= per_sound and key[0] != "~":
            rich.append(tuple(monos[: 3 * per_sound]))
    rich.sort(key=lambda ws: ws[0])
    rng = make_rng(seed)
    picks = rng.choice(len(rich), size=min(letters, len(rich)), replace=False)
    return [rich[int(i)] for i in picks]


def english_grammar(kind: EnglishForm, n_lines: int, scheme: str, seed: int) -> str:
    """A GBNF grammar for `n_lines` lines of `kind` under `scheme`, rhyme sounds by `seed`."""
    rules = kind.rules(n_lines, scheme)
    letters = list(dict.fromkeys(r.rhyme for r in rules if r.rhyme))
    sounds = dict(zip(letters, rhyme_sounds(len(letters), seed), strict=False))
    members: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rules):
        if r.rhyme:
            members[r.rhyme].append(i)
    out: dict[str, str] = {}
    parts = []
    for i, rule in enumerate(rules):
        end = None
        if rule.rhyme and rule.rhyme in sounds:
            share = members[rule.rhyme]
            words = sounds[rule.rhyme][share.index(i) :: len(share)]
            end = f"r{i}"
            out[end] = _alt(words)
        out[f"l{i}"] = _line(rule, end, out) + " [,.;!]?"
        parts.append(f"l{i}")
    stanza = stanza_ends(kind, n_lines)
    body = ""
    for i, name in enumerate(parts):
        body += name + (' "\\n\\n" ' if i in stanza else ' "\\n" ' if i < n_lines - 1 else "")
    lines = [f"root ::= {body.strip()}"] + [f"{k} ::= {v}" for k, v in out.items()]
    return "\n".join(lines) + "\n"


def _line(rule: LineRule, end: str | None, out: dict[str, str]) -> str:
    if rule.meter is not None:
        return _metered(rule.meter, end, out)
    if rule.syllables is not None:
        return _counted(rule.syllables, out)
    out.setdefault("w", _alt(_classes()[S] + _classes()[W]))
    body = 'w " " w " " w' + ' (" " w)?' * 6  # free verse: 3 to 9 words
    return f'{body} " " {end}' if end else body


def _cname(shape: str) -> str:
    return "c" + shape.replace(S, "S").replace(W, "X")


def _metered(meter: Meter, end: str | None, out: dict[str, str]) -> str:
    """Position rules: m<foot><feet><variant>_<i> holds the words that may start at i."""
    classes = _classes()
    patterns = [meter.plain]
    if meter.foot == "anapest":
        patterns.append(W + S + meter.plain[3:])  # the limerick's usual iamb opening
    out.setdefault(_cname(S), _alt(classes[S]))
    alts = []
    for p, pattern in enumerate(patterns):
        tag = f"m{meter.foot[0]}{meter.feet}{p}{end or ''}"
        last = len(pattern) - 1
        out[f"{tag}-{last}"] = end or _cname(S)
        for i in range(last):
            options = []
            for shape, words in classes.items():
                j = i + len(shape)
                if j <= last and pattern[i:j] == shape:
                    out.setdefault(_cname(shape), _alt(words))
                    options.append(f'{_cname(shape)} " " {tag}-{j}')
            out[f"{tag}-{i}"] = " | ".join(options)
        alts.append(f"{tag}-0")
    return "(" + " | ".join(alts) + ")"


def _counted(total: int, out: dict[str, str]) -> str:
    by = _by_syllables()
    for n in by:
        out.setdefault(f"y{n}", _alt(by[n]))
    for k in range(1, total + 1):
        if f"s{k}" in out:
            continue
        options = [f"y{n}" for n in by if n == k]
        options += [f'y{n} " " s{k - n}' for n in by if n < k]
        out[f"s{k}"] = " | ".join(options)
    return f"s{total}"


__all__ = ["english_grammar", "get_english_form", "rhyme_sounds"]
