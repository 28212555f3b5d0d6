"""What a person asks the poet for, validated into decoding inputs with clear errors.

>>> plan = plan_request(PoemRequest(keywords=("秋夜", "思乡"), form="七绝"))
>>> plan.kind.short, plan.keywords, len(plan.specs)
('七绝', ('秋夜', '思乡'), 4)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from inkmuse.core.errors import InputError
from inkmuse.core.hanzi import is_han
from inkmuse.core.prosody import RhymeBook, resolve_rhymebook_name
from inkmuse.core.tones import Tone
from inkmuse.models.embedded import EmbeddedPoet, load_poet
from inkmuse.models.embedded.vocab import ERAS, FORMS, era_token, muse_token
from inkmuse.poetry.forms import FormKind, FormSpec, get_form
from inkmuse.poetry.generate.decode import Position
from inkmuse.poetry.generate.tables import get_tables
from inkmuse.poetry.request import PoemRequest
from inkmuse.poetry.rules import choose_rhyme_group, legal_tones, repeats
from inkmuse.poetry.text import split_poem, to_simplified

MAX_KEYWORDS = 4  # the poet was trained with up to four
MAX_KEYWORD_CHARS = 4
MAX_CANDIDATES = 64
# Prompt positions kept free: the form, an era, a muse and four keywords with separators.
PROMPT_ROOM = 14
_SEPARATORS = re.compile(r"[\s,，、;；/|]+")


@dataclass(frozen=True)
class Plan:
    """A validated request: the patterns that fit and the characters fixed in advance."""

    poet: EmbeddedPoet
    kind: FormKind
    specs: tuple[FormSpec, ...]
    keywords: tuple[str, ...]
    rhymebook: str
    rhyme_group: str | None
    forced: dict[Position, str] = field(default_factory=dict)
    opening_lines: int = 0  # whole lines the person wrote
    notes: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()  # prompt tokens: <宋>, <@王维>
    season: str | None = None  # the theme the keywords name (autumn), for the imagery
    time: str | None = None  # night, dusk, dawn, day
    given_plan: tuple[str, ...] | None = None  # the person's line plan, validated


def parse_keywords(words: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Split and clean the person's words ('秋夜 思乡', '秋夜,思乡'), simplified."""
    out: list[str] = []
    for word in words:
        out.extend(w for w in _SEPARATORS.split(to_simplified(word)) if w)
    return tuple(out)


def plan_request(request: PoemRequest, poet: EmbeddedPoet | None = None) -> Plan:
    poet = poet or load_poet()
    kind = get_form(request.form)
    if kind.short not in FORMS and kind.line_count is not None:
        raise InputError(
            f"the embedded poet does not write {kind.name}",
            accepted="五绝, 七绝, 五律, 七律, 五排, 七排",
        )
    count = _line_count(kind, request.lines, poet)
    if not 1 <= request.n <= MAX_CANDIDATES:
        raise InputError(f"n={request.n} candidates", accepted=f"1..{MAX_CANDIDATES}")
    if not 0 <= request.temperature <= 2:
        raise InputError(f"temperature {request.temperature}", accepted="0 (greedy) to 2")
    book_name = resolve_rhymebook_name(request.rhymebook)
    tables = get_tables(poet.vocab, book_name)
    notes: list[str] = []
    keywords = _keywords(request, poet, notes)
    forced: dict[Position, str] = {}
    opening_lines = 0
    if request.opening:
        opening_lines = _opening(request.opening, kind, count, forced)
    if request.acrostic is not None:
        _acrostic(request.acrostic, kind, count, forced, tables.book)
    notes.extend(_repeat_notes(kind, count, forced))
    group = None
    if request.rhyme:
        group = tables.book.resolve_group(request.rhyme)
        if not tables.group_mask(group).any():
            raise InputError(
                f"{request.rhyme} is not a level-tone rhyme group the poet can rhyme in",
                accepted="a 平声 group of " + book_name + ", e.g. 七阳, 一东, 十一尤",
            )
    if group is None:
        group = _forced_group(kind, count, forced, tables.book)
    specs = tuple(s for s in kind.patterns(count) if _fits(s, forced, tables.book, group))
    if not specs:
        raise InputError(
            "the given characters fit none of the four patterns of " + kind.name,
            accepted="lines whose tones and rhyme keep the form; run `inkmuse check` on them",
        )
    if not (keywords or forced):
        raise InputError(
            "no keywords given", accepted="one or more words, e.g. inkmuse poem '秋夜 思乡'"
        )
    from inkmuse.core.theme_lexicon import theme_from_text

    theme = theme_from_text(" ".join(keywords))
    given = _given_plan(request, count, poet)
    return Plan(
        poet, kind, specs, keywords, book_name, group, forced, opening_lines, tuple(notes),
        _conditions(request, poet), theme.season, theme.time_of_day, given,
    )  # fmt: skip


# Ways people name the eras: 唐朝, 宋代 ...
ERA_NAMES = {"唐": "唐", "唐代": "唐", "唐朝": "唐", "五代": "五代", "五代十国": "五代",
             "宋": "宋", "宋代": "宋", "宋朝": "宋", "北宋": "宋", "南宋": "宋"}  # fmt: skip
FAMOUS_MUSES = ("王维", "李白", "杜甫", "白居易", "李商隐", "苏轼", "陆游", "杨万里")


def _conditions(request: PoemRequest, poet: EmbeddedPoet) -> tuple[str, ...]:
    """The era and muse tokens, checked against what this model learned."""
    out: list[str] = []
    if not (request.era or request.muse):
        return ()
    if not poet.vocab.muses():
        raise InputError(
            f"{poet.name} was not trained with eras or muses",
            accepted="no --era or --muse with this model (poet-v2 and later take them)",
        )
    if request.era:
        era = ERA_NAMES.get(to_simplified(request.era.strip()))
        if era is None or era not in ERAS:
            raise InputError(f"era {request.era!r}", accepted="唐, 五代 or 宋 (唐朝, 宋代 ...)")
        out.append(era_token(era))
    if request.muse:
        name = to_simplified(request.muse.strip())
        if not poet.vocab.has_token(muse_token(name)):
            muses = poet.vocab.muses()
            near = [m for m in muses if set(m) & set(name)][:8]
            known = [m for m in FAMOUS_MUSES if m in muses]
            raise InputError(
                f"{request.muse!r} is not one of the poet's {len(muses)} muses "
                "(the poets with 50 or more poems in its corpus)",
                accepted="a name such as "
                + "、".join(near or known)
                + "; `inkmuse poem --muses` lists them all",
            )
        out.append(muse_token(name))
    return tuple(out)


def _given_plan(request: PoemRequest, count: int, poet: EmbeddedPoet) -> tuple[str, ...] | None:
    """The person's line plan, one word a line, or None (the poet plans) / () (no plan)."""
    from inkmuse.poetry.generate.lineplan import parse_plan

    if request.plan is None or request.plan == ():
        return request.plan
    words = parse_plan(",".join(request.plan), count)
    unknown = sorted({ch for w in words for ch in w if ch not in poet.vocab})
    if unknown:
        raise InputError(
            f"the poet has never seen {'、'.join(unknown)} in the plan",
            accepted="plan words of characters the poet knows (try another word)",
        )
    return words


def _keywords(request: PoemRequest, poet: EmbeddedPoet, notes: list[str]) -> tuple[str, ...]:
    words = parse_keywords(request.keywords)
    if len(words) > MAX_KEYWORDS:
        raise InputError(f"{len(words)} keywords", accepted=f"up to {MAX_KEYWORDS} words")
    for word in words:
        if not all(is_han(ch) for ch in word) or len(word) > MAX_KEYWORD_CHARS:
            raise InputError(
                f"keyword {word!r}",
                accepted=f"Chinese words of 1 to {MAX_KEYWORD_CHARS} characters, e.g. 秋夜 思乡",
            )
    unknown = sorted({ch for w in words for ch in w if ch not in poet.vocab})
    if unknown:
        notes.append(f"the poet has not seen {'、'.join(unknown)}; left out of its prompt")
        words = tuple(w for w in ("".join(c for c in w if c in poet.vocab) for w in words) if w)
    return words


def _opening(text: str, kind: FormKind, count: int, forced: dict[Position, str]) -> int:
    poem = split_poem(to_simplified(text))
    if len(poem.lines) >= count:
        raise InputError(
            f"the opening has {len(poem.lines)} lines; nothing is left to write",
            accepted=f"fewer than {count} lines of a {kind.short}",
        )
    for i, line in enumerate(poem.lines):
        partial = i == len(poem.lines) - 1 and len(line) < kind.line_length
        if len(line) != kind.line_length and not partial:
            raise InputError(
                f"opening line {i + 1} 「{line}」 has {len(line)} characters",
                accepted=f"lines of {kind.line_length} characters for a {kind.short}",
            )
        for j, ch in enumerate(line):
            forced[(i, j)] = ch
    whole = [line for line in poem.lines if len(line) == kind.line_length]
    return len(whole)


def _acrostic(
    text: str, kind: FormKind, count: int, forced: dict[Position, str], book: RhymeBook
) -> None:
    heads = to_simplified("".join(ch for ch in text if not ch.isspace()))
    if len(heads) != count or not all(is_han(ch) for ch in heads):
        raise InputError(
            f"impossible acrostic {text!r}: {len(heads)} characters for {count} lines",
            accepted=f"{count} Chinese characters, one to start each line of a {kind.short}",
        )
    for i, ch in enumerate(heads):
        if forced.get((i, 0), ch) != ch:
            raise InputError(
                f"impossible acrostic: line {i + 1} of the opening starts with "
                f"「{forced[(i, 0)]}」, not 「{ch}」",
                accepted="an acrostic that agrees with the opening lines",
            )
        if not book.readings(ch):
            raise InputError(
                f"impossible acrostic: 「{ch}」 is not in the rhyme book, so its tone is unknown",
                accepted="characters the rhyme book lists",
            )
        forced[(i, 0)] = ch


def _repeat_notes(kind: FormKind, count: int, forced: dict[Position, str]) -> list[str]:
    """The person's own 重字, named as the checker names them: kept, since the checker only
    warns (独在异乡为异客), and never a reason to refuse; a 叠字 (萧萧) is no repeat."""
    n = kind.line_length
    rows = ["".join(forced.get((i, j), "\0") for j in range(n)) for i in range(count)]
    return [
        f"重字 in your own characters: 「{ch}」 (line {i0 + 1}, then line {i + 1}); "
        "kept as you wrote it, the checker will warn"
        for ch, (i0, _), (i, _) in repeats(rows)
        if ch != "\0"
    ]


def _forced_group(
    kind: FormKind, count: int, forced: dict[Position, str], book: RhymeBook
) -> str | None:
    """The rhyme group the person's own even-line rhymes fix, chosen as the checker would:
    the shared group listed first for the earliest of them."""
    ends = [ch for ch in (forced.get((i, kind.line_length - 1)) for i in range(1, count, 2)) if ch]
    if not ends:
        return None
    per_char = [[r.group for r in book.readings(ch) if r.tone is Tone.PING] for ch in ends]
    group = choose_rhyme_group(per_char)
    # The poet needs one group every fixed rhyme takes; the checker would call the rest 出韵.
    return group if group is not None and all(group in g for g in per_char) else None


def _line_count(kind: FormKind, lines: int | None, poet: EmbeddedPoet) -> int:
    """The poem's lines: the form's own, or for a 排律 the person's (12 by default), as many
    as the model's context holds (prompt, lines with their punctuation, <eos>)."""
    if kind.line_count is not None:
        if lines not in (None, kind.line_count):
            raise InputError(
                f"a {kind.short} has {kind.line_count} lines, not {lines}",
                accepted="no --lines, or a 排律 (五排, 七排) for 10 or more",
            )
        return kind.line_count
    count = len(kind.patterns(lines)[0].lines)  # checks: even, 10 or more
    most = (poet.runtime.config.block_size - 2 - PROMPT_ROOM) // (kind.line_length + 1)
    most -= most % 2
    if count > most:
        raise InputError(
            f"a {kind.short} of {count} lines is longer than the poet can hold",
            accepted=f"{kind.short} of 10 lines"
            if most == 10
            else f"{kind.short} of 10 to {most} lines",
        )
    return count


def _fits(spec: FormSpec, forced: dict[Position, str], book: RhymeBook, group: str | None) -> bool:
    """Whether the fixed characters leave every line of this pattern a legal tone string
    and the rhyme positions one shared 平 group (the requested one, if any)."""
    groups: set[str] | None = {group} if group else None
    for i, line in enumerate(spec.lines):
        options = list(legal_tones(line))
        for j in range(spec.line_length):
            ch = forced.get((i, j))
            if ch is None:
                continue
            rs = book.readings(ch)
            tones = {r.tone.value for r in rs}
            options = [t for t in options if t[j] in tones]
            last = j == spec.line_length - 1
            if last and line.rhymes:
                mine = {r.group for r in rs if r.tone is Tone.PING}
                groups = mine if groups is None else groups & mine
                if not groups:
                    return False
            elif last and i == 0 and "平" in tones:
                return False
        if not options:
            return False
    return True
