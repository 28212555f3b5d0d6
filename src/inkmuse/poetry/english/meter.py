"""Scansion: fit a line's syllables to a meter and say where the stress goes against it.

    >>> s = scan("Shall I compare thee to a summer's day?", get_meter("iambic pentameter"))
    >>> s.fits, " ".join(s.marks)
    (True, 'x / x/ x / x /x /')

A meter is a set of weak (x) and strong (/) position patterns: the plain line plus the
variations poets take for granted (an inverted first foot, a trochee after a pause, a
feminine ending; in anapestic verse iambs among the anapests and a headless first foot;
in trochaic verse a dropped last syllable, the usual ending, and a weak upbeat before the
first foot; in dactylic verse trochees among the dactyls and a shortened last foot).
Each variation costs a little, so the plainest reading wins.

Stress is judged the way prosodists do (after Halle and Keyser): a monosyllable may go on
either kind of position (function words lean weak, content words strong), and so may a
syllable with secondary stress. The one fault is a *stress maximum*, the primary-stressed
syllable of a longer word whose neighbours in the word are unstressed (the PARE of
compare), put on a weak position. Syllable counts come from the readings of each word,
elisions included (flow'r, heav'n), at a small cost.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import product

from inkmuse.core.errors import InputError
from inkmuse.poetry.english.words import (
    VOWELS,
    Pron,
    is_function_word,
    pronunciations,
    tokenize,
)

W, S = "x", "/"
VIOLATION = 3.0
_ELISION_COST = 0.15
_SLUR_COST = 0.4


@dataclass(frozen=True)
class Meter:
    """foot: iamb, anapest, trochee or dactyl; feet: how many per line."""

    foot: str
    feet: int

    @property
    def name(self) -> str:
        size = {2: "dimeter", 3: "trimeter", 4: "tetrameter", 5: "pentameter", 6: "hexameter"}
        return f"{_ADJECTIVE[self.foot]} {size[self.feet]}"

    @property
    def plain(self) -> str:
        return _FOOT[self.foot] * self.feet

    @cache  # noqa: B019 - meters are few and immortal
    def patterns(self) -> tuple[tuple[str, float, int | None], ...]:
        """(pattern, cost, position a mid-line inversion starts at or None), cheapest first."""
        out: list[tuple[str, float, int | None]] = []
        if self.foot == "iamb":
            firsts = [(W + S, 0.0), (S + W, 0.3)] + ([(S, 0.6)] if self.feet <= 4 else [])
            for (first, c0), (end, c1) in product(firsts, [("", 0.0), (W, 0.3)]):
                rest = (W + S) * (self.feet - 1)
                out.append((first + rest + end, c0 + c1, None))
                if first != S + W:
                    for k in range(1, self.feet - 1):  # a trochee after a pause
                        body = first + (W + S) * (k - 1) + S + W + (W + S) * (self.feet - k - 1)
                        out.append((body + end, c0 + c1 + 0.6, len(first) + 2 * (k - 1)))
        elif self.foot == "trochee":
            # Tyger Tyger, burning bright: the last weak syllable is usually dropped, and an
            # upbeat may come first (Could frame thy fearful symmetry).
            for (head, c0), (end, c1) in product([("", 0.0), (W, 0.3)], [(W, 0.0), ("", 0.0)]):
                out.append((head + (S + W) * (self.feet - 1) + S + end, c0 + c1, None))
        else:
            choices: list[list[tuple[str, float]]]
            if self.foot == "dactyl":
                # This is the forest primeval: trochees may stand for dactyls, and the last
                # foot is short (a trochee, or one strong syllable); an upbeat may come first.
                dactyls = [(S + W + W, 0.0), (S + W, 0.2)]
                last = [(S + W, 0.0), (S, 0.1), (S + W + W, 0.1)]
                choices = [[("", 0.0), (W, 0.3)], *[dactyls] * (self.feet - 1), last]
            else:
                feet = [(W + W + S, 0.0), (W + S, 0.2)]
                heads = [*feet, (S, 0.5)]
                tails = [("", 0.0), (W, 0.2)]
                choices = [heads, *[feet] * (self.feet - 1), tails]
            for combo in product(*choices):
                text = "".join(part for part, _ in combo)
                out.append((text, sum(cost for _, cost in combo), None))
        return tuple(sorted(set(out), key=lambda p: (p[1], p[0])))

    def counts(self) -> list[int]:
        return sorted({len(p) for p, _, _ in self.patterns()})


_FOOT = {"iamb": W + S, "anapest": W + W + S, "trochee": S + W, "dactyl": S + W + W}
_ADJECTIVE = {"iamb": "iambic", "anapest": "anapestic", "trochee": "trochaic", "dactyl": "dactylic"}
METERS = {
    m.name: m
    for m in [Meter("iamb", n) for n in (3, 4, 5, 6)]
    + [Meter("anapest", n) for n in (2, 3, 4)]
    + [Meter("trochee", n) for n in (3, 4, 5)]
    + [Meter("dactyl", n) for n in (2, 3, 4, 6)]
}


def get_meter(name: str) -> Meter:
    key = name.strip().lower().replace("-", " ").replace("_", " ")
    if key not in METERS:
        raise InputError(f"unknown meter {name!r}", accepted=", ".join(METERS))
    return METERS[key]


@dataclass(frozen=True)
class Scansion:
    """How one line reads against a meter. marks: per word, x/ for each syllable (the
    positions it took); faults: (word index, the marks that word needed)."""

    meter: Meter
    words: tuple[str, ...]
    marks: tuple[str, ...]
    cost: float
    faults: tuple[tuple[int, str], ...]
    syllables: int
    possible: tuple[int, int]  # the fewest and most syllables the line can be read with

    @property
    def fits(self) -> bool:
        return bool(self.marks) and not self.faults

    @property
    def counted(self) -> bool:
        """False when no reading of the line has a syllable count the meter allows."""
        return bool(self.marks)

    def render(self) -> str:
        """The line with its scansion under each word, for reports."""
        if not self.marks:
            return " ".join(self.words)
        widths = [max(len(w), 2 * len(m) - 1) for w, m in zip(self.words, self.marks, strict=True)]
        top = " ".join(w.ljust(n) for w, n in zip(self.words, widths, strict=True))
        bottom = " ".join(" ".join(m).ljust(n) for m, n in zip(self.marks, widths, strict=True))
        return f"{top.rstrip()}\n{bottom.rstrip()}"


def _syllable_cost(pron: Pron, i: int, pos: str) -> tuple[float, bool]:
    stress = pron.stresses[i]
    if stress is None:
        return 0.0, False
    if pron.syllables == 1:
        if is_function_word(pron.word) or stress == 0:
            return (0.25, False) if pos == S else (0.0, False)
        return (0.35, False) if pos == W else (0.0, False)
    if stress == 2:
        return 0.1, False
    if stress == 0:
        return (0.4, False) if pos == S else (0.0, False)
    if pos == S:
        return 0.0, False
    neighbours = [pron.stresses[j] for j in (i - 1, i + 1) if 0 <= j < pron.syllables]
    maximum = all(s == 0 for s in neighbours)
    return (VIOLATION, True) if maximum else (0.5, False)


def _word_cost(pron: Pron, marks: str) -> tuple[float, bool]:
    total, bad = (_ELISION_COST if pron.elided else 0.0), False
    if not pron.stresses:
        return _SLUR_COST, False
    for i, pos in enumerate(marks):
        cost, violation = _syllable_cost(pron, i, pos)
        total += cost
        bad = bad or violation
    return total, bad


def _align(
    prons: list[tuple[Pron, ...]], pattern: str, pauses: list[bool], inverted: int | None
) -> tuple[float, list[Pron]] | None:
    """The cheapest choice of readings that fills `pattern` exactly (dynamic programming)."""
    n = len(pattern)
    best: dict[int, tuple[float, list[Pron]]] = {0: (0.0, [])}
    for i, options in enumerate(prons):
        nxt: dict[int, tuple[float, list[Pron]]] = {}
        for start, (cost, chosen) in best.items():
            if inverted is not None and start == inverted and i and not pauses[i]:
                continue  # a mid-line trochee needs a pause before it
            for pron in options:
                end = start + pron.syllables
                if end > n or (inverted is not None and start < inverted < end):
                    continue
                c, _ = _word_cost(pron, pattern[start:end])
                total = cost + c
                if end not in nxt or total < nxt[end][0]:
                    nxt[end] = (total, [*chosen, pron])
        best = nxt
    return best.get(n)


def scan(line: str, meter: Meter) -> Scansion:
    """The best reading of `line` in `meter` (see the module docstring)."""
    words = tokenize(line)
    pauses = _pauses(line, words)
    prons = [pronunciations(w) for w in words]
    prons = [ps + _slurred(words, i) for i, ps in enumerate(prons)]
    lo = sum(min(p.syllables for p in ps) for ps in prons)
    hi = sum(max(p.syllables for p in ps) for ps in prons)
    found: tuple[float, str, list[Pron]] | None = None
    for pattern, extra, inverted in meter.patterns():
        if not lo <= len(pattern) <= hi or (found and extra >= found[0]):
            continue
        aligned = _align(prons, pattern, pauses, inverted)
        if aligned and pattern.endswith(W) and not _feminine(aligned[1][-1]):
            continue  # an extra weak syllable at the end must be a word's unstressed last
        if aligned and (found is None or aligned[0] + extra < found[0]):
            found = (aligned[0] + extra, pattern, aligned[1])
    if found is None:
        return Scansion(meter, tuple(words), (), 0.0, (), lo, (lo, hi))
    cost, pattern, chosen = found
    marks, faults, at = [], [], 0
    for i, pron in enumerate(chosen):
        part = pattern[at : at + pron.syllables]
        marks.append(part)
        if _word_cost(pron, part)[1]:
            faults.append((i, _needed(pron, part)))
        at += pron.syllables
    return Scansion(meter, tuple(words), tuple(marks), cost, tuple(faults), len(pattern), (lo, hi))


# Clitics that contract onto a pronoun (we have -> we've, we are -> we're), and the words
# that elide before a vowel (the eternal -> th'eternal): verse counts them either way.
_CLITICS = {"have", "are", "will", "is", "am", "would", "had", "has"}
_PRONOUNS = {"i", "you", "we", "they", "he", "she", "it", "who", "there", "that"}
_ELIDE_BEFORE_VOWEL = {"the", "to"}


def _slurred(words: list[str], i: int) -> tuple[Pron, ...]:
    """A silent reading of word i when it contracts or elides into a neighbour."""
    word = words[i].lower()
    silent = (Pron(words[i], (), (), elided=True),)
    if i and word in _CLITICS and words[i - 1].lower() in _PRONOUNS:
        return silent
    if i + 1 < len(words) and word in _ELIDE_BEFORE_VOWEL:
        nxt = pronunciations(words[i + 1])[0]
        if nxt.phones and nxt.phones[0][:-1] in VOWELS and nxt.stresses[0] == 0:
            return silent
    return ()


def _feminine(pron: Pron) -> bool:
    """A word whose last syllable is weaker than one before it: an unstressed ending, or a
    secondary stress after the primary (MEAD-ows, WIN-dow in CMUdict's 1-2)."""
    if pron.syllables < 2:
        return False
    last = pron.stresses[-1]
    return last in (0, None) or (last == 2 and 1 in pron.stresses[:-1])


def _needed(pron: Pron, part: str) -> str:
    """The marks the word's own stress would need (its stress maximum on a strong position)."""
    return "".join(S if s == 1 else W for s in pron.stresses)


def _pauses(line: str, words: list[str]) -> list[bool]:
    """pauses[i]: punctuation stands between word i-1 and word i."""
    out, at = [], 0
    for word in words:
        found = line.find(word, at) if word else at
        gap = line[at:found] if found >= 0 else ""
        out.append(any(ch in ",;:.!?—–-()" for ch in gap))
        at = found + len(word) if found >= 0 else at
    return out


def best_meter(line: str, meters: tuple[Meter, ...] = tuple(METERS.values())) -> Scansion | None:
    """The meter `line` fits most plainly, or None when it fits none (free verse)."""
    fitting = [s for s in (scan(line, m) for m in meters) if s.fits]
    return min(fitting, key=lambda s: s.cost / max(s.syllables, 1), default=None)
