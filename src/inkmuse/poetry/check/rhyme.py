"""The rhyme: the poem's group, whether the first line rhymes, and each rhyme's faults
(出韵, 邻韵, 重韵, a borrowed first rhyme); a 古绝's 仄 rhymes under Tang practice."""

from __future__ import annotations

from functools import partial

from inkmuse.core.tones import Tone
from inkmuse.poetry.check.model import LineReport
from inkmuse.poetry.check.reading import PoemReading
from inkmuse.poetry.faults import Fault
from inkmuse.poetry.forms import answering
from inkmuse.poetry.rules import choose_rhyme_group
from inkmuse.poetry.suggest import suggest_chars

P, Z = Tone.PING, Tone.ZE


def rhyme_group(reading: PoemReading) -> str | None:
    """The 平 group the poem rhymes in, or None when its rhymes agree on none."""
    # An inferred reading does not vote for the poem's rhyme; the second line's readings
    # break a tie (it is the first rhyme even when it was only estimated).
    ends = reading.ends
    voting = [groups for _tones, groups, estimated in answering(ends) if not estimated]
    second_line = ends[1][1] if len(ends) > 1 else ()
    # A tie goes first to a group the first line shares, so that every rhyme of a poem
    # whose first line rhymes agrees (曹豳 春暮: 涯 and 蛙 take 九佳 and 六麻, 花 only 六麻).
    first_line = ends[0][1] if ends and not ends[0][2] else ()
    prefer = [g for g in second_line if g in first_line] + list(second_line)
    return choose_rhyme_group(voting, prefer=prefer)


def first_line_rhymes(reading: PoemReading, group: str | None) -> bool:
    """Whether the first line ends in the rhyme (首句入韵)."""
    tones, groups, _ = reading.ends[0]
    if P not in tones:
        return False
    if Z not in tones:
        return True
    near = {group} | set(reading.book.neighbours(group)) if group else set()
    return any(g in near for g in groups)  # a polyphone rhymes only if a reading does


def is_ancient(reading: PoemReading, group: str | None) -> bool:
    """Whether to read the poem as a 古绝: under Tang practice, a quatrain rhyming in 仄."""
    return (
        reading.tang
        and len(reading.poem.lines) == 4
        and group is None
        and all(Z in tones and P not in tones for tones, _, _ in answering(reading.ends))
    )


def rhyme_faults(reading: PoemReading, reports: list[LineReport], group: str | None) -> list[Fault]:
    """The faults of each rhyming line's last character against the poem's group."""
    if group is None and all(P not in tones for tones, _, _ in answering(reading.ends)):
        # Regulated verse rhymes in 平: say so once instead of an 出韵 on every rhyme.
        ends = "、".join(f"「{rep.text[-1]}」" for rep in answering(reports))
        return [Fault("ze_rhyme", 2, reading.n, (ends,))]
    faults = []
    seen: dict[str, int] = {}
    for i, rep in enumerate(reports):
        if not rep.spec.rhymes:
            continue
        ch = rep.text[-1]
        if ch in seen:
            facts = (ch, seen[ch] + 1)
            faults.append(Fault("chong_yun", i + 1, reading.n, facts, _fix(reading, group)))
        seen.setdefault(ch, i)
        fault = _off_group(reading, i, ch, group)
        if fault is not None:
            faults.append(fault)
    return faults


def _fix(reading: PoemReading, group: str | None) -> partial[list[str]]:
    """Suggested characters for a rhyme: 平, in the group, not yet in the poem."""
    n = reading.n
    return partial(suggest_chars, reading.book.name, n, n - 1, P, group=group, exclude=reading.used)


def _off_group(reading: PoemReading, i: int, ch: str, group: str | None) -> Fault | None:
    """The fault of line i's rhyme `ch` outside the group: 邻韵, 出韵, or a first line's
    borrowed rhyme (孤雁出群); None when it rhymes or the reading is too weak to judge."""
    tones, groups, _ = reading.ends[i]
    book, n = reading.book, reading.n
    if group is None or not tones or group in groups:
        return None
    if book.profile(ch)[2]:
        return None  # an inferred reading is too weak to call 出韵; noted as estimated
    short = book.short(group)
    near = [g for g in groups if g in book.neighbours(group)]
    if near and i == 0:
        return Fault("borrowed_rhyme", 1, n, (ch, book.short(near[0]), short))
    if near:
        return Fault("lin_yun", i + 1, n, (ch, book.short(near[0]), short), _fix(reading, group))
    own = "、".join(book.short(g) for g in groups) or "仄声"
    facts = (ch, own, short)
    return Fault("chu_yun", i + 1, n, facts, _fix(reading, group), polyphone=len(tones) > 1)


def ancient_rhyme_faults(reading: PoemReading, reports: list[LineReport]) -> list[Fault]:
    """A 古绝's rhymes: 仄 throughout; one group, or neighbouring 上/去 groups (通押);
    an 入声 rhyme does not rhyme with 上声 or 去声 ones."""
    book, n = reading.book, reading.n
    ends = []
    for i in (1, 3):
        ch = reports[i].text[-1]
        ends.append((i, ch, [r.group for r in book.readings(ch) if r.tone is Z]))
    shown = "、".join(f"「{ch}」({'/'.join(book.short(g) for g in gs)})" for _, ch, gs in ends)
    faults = [Fault("gu_jue", 2, n, (shown,))]
    (_, _, first), (i, ch, second) = ends
    if not first or not second or set(first) & set(second):
        return faults  # one group (or a pinned tone with no group to compare)
    entering = [any(g.startswith("入") for g in gs) for _, _, gs in ends]
    facts = (ch, "/".join(book.short(g) for g in second), book.short(first[0]))
    kind = "tong_ya" if entering[0] == entering[1] else "chu_yun"
    faults.append(Fault(kind, i + 1, n, facts))
    return faults
