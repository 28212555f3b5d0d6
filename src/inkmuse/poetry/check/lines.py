"""Each line's key tone and reading: the pattern a line is judged against, and the readings
of its polyphones that leave the fewest faults.

The key tone (2nd character) of every line is chosen together, by a small Viterbi over
tone faults and 粘对 breaks; then each line's polyphones are read the way that keeps the
rules best. Both are cached on a line's tone classes: the corpus repeats the same few
thousand shapes.

>>> from inkmuse.core.tones import Tone
>>> line_ends(4, True) == (Tone.PING, Tone.PING, Tone.ZE, Tone.PING)
True
"""

from __future__ import annotations

from functools import cache, lru_cache

from inkmuse.core.tones import Tone
from inkmuse.poetry.check.model import LineReport
from inkmuse.poetry.check.reading import PoemReading
from inkmuse.poetry.forms import LineSpec, _slots, is_answering_line, line_punct, line_rhymes
from inkmuse.poetry.forms import line_template as _template
from inkmuse.poetry.rules import Item, LineJudgement, judge_line, needs_rescue

P, Z = Tone.PING, Tone.ZE
_BREAK_COST = 1.5  # a 失粘/失对 is chosen over tone faults only when it explains 2+ of them
_TANG_NIAN_COST = 0.5  # under Tang practice a 失粘 is only a warning

# A line's judgement, and the errors left after 对句相救 excused some of them.
Judged = tuple[LineJudgement, list[Item]]


@cache
def strictness(pattern: str) -> tuple[bool, ...]:
    """Whether each position of a line pattern is strict (must keep its tone)."""
    return tuple(s.strict for s in _slots(pattern))


@cache
def _line_spec(pattern: str, punct: str) -> LineSpec:
    return LineSpec(_slots(pattern), pattern.endswith("平"), punct)


@cache
def _default_tones(fixed: str, pattern: str) -> str:
    """A line's tones with each polyphone or unknown character read as the pattern wants."""
    return "".join(p if f in "*?" else f for p, f in zip(pattern, fixed, strict=True))


@cache
def _fit_cost(fixed: str, pattern: str) -> int:
    """Tone faults of a line (as per-character tone classes) against a template."""
    strict = strictness(pattern)
    n = len(pattern)
    if not any(strict[j] and fixed[j] not in "*?" and fixed[j] != pattern[j] for j in range(n - 1)):
        return 0
    judgement = judge_line(_default_tones(fixed, pattern), pattern, strict, pattern[-1] == "平")
    return sum(1 for kind, _, _ in judgement.errors if kind == "tone")


@cache
def _key_costs(fixed: str, level_end: bool, n: int) -> tuple[int, int]:
    """(faults if the line's key is 平, faults if 仄) for a line of these tone classes."""
    end = P if level_end else Z
    return _fit_cost(fixed, _template(P, end, n)), _fit_cost(fixed, _template(Z, end, n))


# judge_line looks at the line before only to see whether it is a 拗 line wanting 对句相救;
# any such line stands for all of them, so the cache is keyed on that one fact.
_LINE_WANTING_RESCUE = ("仄仄平仄仄", "仄仄平平仄")


def _wants_rescue(tones: str, pattern: str) -> bool:
    return pattern.endswith("仄仄平平仄") and needs_rescue(tones)


@cache
def _best_line(fixed: str, pattern: str, rescue_wanted: bool) -> tuple[str, LineJudgement, bool]:
    """The readings of a line's polyphones (* in `fixed`) that leave the fewest faults:
    (tones, their judgement, whether the line as read wants 对句相救 from the next).

    Cached: a line is known by its tone classes, so the corpus repeats the same few
    thousand shapes. The judgement returned is shared and must not be changed.
    """
    strict = strictness(pattern)
    rhymes = pattern[-1] == "平"
    prev = _LINE_WANTING_RESCUE if rescue_wanted else None
    best_tones = _default_tones(fixed, pattern)
    best = judge_line(best_tones, pattern, strict, rhymes, prev)
    choices = [j for j, f in enumerate(fixed) if f == "*"]
    if (best.score == (0, 0) and not rescue_wanted) or not choices or len(choices) > 8:
        return best_tones, best, _wants_rescue(best_tones, pattern)
    for bits in range(1, 2 ** len(choices)):
        tones = list(best_tones)
        for b, j in enumerate(choices):
            if bits >> b & 1:
                tones[j] = "仄" if tones[j] == "平" else "平"
        candidate = "".join(tones)
        judgement = judge_line(candidate, pattern, strict, rhymes, prev)
        if (*judgement.score, -len(judgement.excuses_prev)) < (
            *best.score,
            -len(best.excuses_prev),
        ):
            best, best_tones = judgement, candidate
    return best_tones, best, _wants_rescue(best_tones, pattern)


@cache
def line_ends(count: int, first_rhymes: bool) -> tuple[Tone, ...]:
    """Each line's last tone: 平 on the rhyming lines (every 对句, and the first if it rhymes)."""
    return tuple(P if line_rhymes(i, first_rhymes) else Z for i in range(count))


@lru_cache(maxsize=1 << 16)
def _viterbi(costs: tuple[tuple[int, int], ...], nian_cost: float) -> tuple[Tone, ...]:
    """Each line's key tone (2nd character) from its (cost if 平, cost if 仄) in tone faults,
    plus _BREAK_COST for each 失对 and `nian_cost` for each 失粘: states are 0 (平) and 1 (仄);
    ties keep 粘对, then prefer 平, so the result is stable. Cached: poems share their cost
    shapes.
    """
    t0: float = costs[0][0]  # the best total so far ending in key 平 (0) or 仄 (1)
    t1: float = costs[0][1]
    back: list[tuple[int, int]] = [(0, 0)]  # per line: the previous key each state came from
    for i in range(1, len(costs)):
        c0, c1 = costs[i]
        if is_answering_line(i):  # 对句: wants the opposite key of the line before
            from0, s0 = (1, t1) if t1 <= t0 + _BREAK_COST else (0, t0 + _BREAK_COST)
            from1, s1 = (0, t0) if t0 <= t1 + _BREAK_COST else (1, t1 + _BREAK_COST)
        else:  # 出句: wants the same key (粘)
            from0, s0 = (0, t0) if t0 <= t1 + nian_cost else (1, t1 + nian_cost)
            from1, s1 = (1, t1) if t1 <= t0 + nian_cost else (0, t0 + nian_cost)
        t0, t1 = s0 + c0, s1 + c1
        back.append((from0, from1))
    k = 0 if t0 <= t1 else 1
    keys = [k]
    for i in range(len(costs) - 1, 0, -1):
        k = back[i][k]
        keys.append(k)
    return tuple((P, Z)[k] for k in reversed(keys))


def choose_keys(reading: PoemReading, ends: tuple[Tone, ...]) -> list[Tone]:
    """Each line's key tone (2nd character): a small Viterbi over tone faults + 粘对 breaks."""
    n = reading.n
    costs = tuple([_key_costs(f, e is P, n) for f, e in zip(reading.fixed, ends, strict=True)])
    # Tang practice tolerates a broken 粘: it costs less than any tone fault it explains.
    return list(_viterbi(costs, _TANG_NIAN_COST if reading.tang else _BREAK_COST))


def judge_lines(reading: PoemReading, patterns: list[str]) -> tuple[list[LineReport], list[Judged]]:
    """Judge every line, reading each polyphone the way that keeps the rules best:
    the line reports, and each line's judgement with the errors left after 对句相救."""
    lines, puncts, fixed = reading.poem.lines, reading.poem.puncts, reading.fixed
    reports = []
    judged: list[Judged] = []
    wanted = False  # the line before wants 对句相救 from this one
    for i, pattern in enumerate(patterns):
        tones, best, next_wanted = _best_line(fixed[i], pattern, wanted)
        line_spec = _line_spec(pattern, line_punct(i))
        reports.append(LineReport(lines[i], puncts[i], line_spec, fixed[i], tones))
        if best.excuses_prev and judged:
            before, errors = judged[-1]
            judged[-1] = (
                before,
                [e for e in errors if e[0] != "tone" or e[1] not in best.excuses_prev],
            )
        judged.append((best, best.errors))  # shared and cached: never changed in place
        wanted = next_wanted
    return reports, judged
