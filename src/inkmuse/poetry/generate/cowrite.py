"""Co-writing: ranked alternatives for one character or one line that keep the form.

Everything but the chosen slot is held fixed; the poet samples the slot many times under
the same masks as `write_poem` (the poem's own pattern and rhyme group), and the distinct
results are ranked by the model's score of the whole poem, so a choice that reads well with
the lines after it wins.

    >>> alts = suggest("白日依山尽，黄河入海流。欲穷千里目，更上一层楼。", line=3, pos=5, seed=1)
    >>> all(len(a.text) == 24 for a in alts)
    True
"""

from __future__ import annotations

from dataclasses import dataclass

from inkmuse.core.errors import InputError
from inkmuse.core.seeds import resolve_seed
from inkmuse.models.embedded import EmbeddedPoet, load_poet
from inkmuse.models.embedded.vocab import FORMS
from inkmuse.poetry.checker import check_poem
from inkmuse.poetry.generate.decode import Position, decode_batch
from inkmuse.poetry.generate.rank import rank
from inkmuse.poetry.generate.request import parse_keywords
from inkmuse.poetry.text import to_simplified

ROUNDS = 3  # draws at most, each avoiding the characters whose lines copied the corpus
SAMPLES = 48  # draws of the slot; about 15-30 distinct alternatives come back


@dataclass(frozen=True)
class Alternative:
    text: str  # the whole poem with the slot replaced
    replacement: str  # the new character or line
    score: float  # mean log-probability per token of the whole poem (nats)


def suggest(
    poem: str,
    line: int,
    pos: int | None = None,
    *,
    keywords: tuple[str, ...] = (),
    form: str | None = None,
    rhymebook: str = "平水韵",
    seed: int | None = None,
    k: int = 8,
    poet: EmbeddedPoet | None = None,
) -> list[Alternative]:
    """Up to k alternatives for line `line` (1-based), or its character `pos` (1-based)."""
    poet = poet or load_poet()
    report = check_poem(to_simplified(poem), form, rhymebook)
    spec = report.form
    if spec is None or spec.short not in FORMS:
        raise InputError(
            "the poem's shape is not a 五绝, 七绝, 五律 or 七律",
            accepted="a complete regulated poem; run `inkmuse check` on it",
        )
    lines = report.poem.lines
    if not 1 <= line <= len(lines):
        raise InputError(f"line {line}", accepted=f"1..{len(lines)}")
    if pos is not None and not 1 <= pos <= spec.line_length:
        raise InputError(f"position {pos}", accepted=f"1..{spec.line_length}")
    open_slots = {(line - 1, j) for j in range(spec.line_length)}
    if pos is not None:
        open_slots = {(line - 1, pos - 1)}
    forced: dict[Position, str] = {
        (i, j): ch
        for i, text in enumerate(lines)
        for j, ch in enumerate(text)
        if (i, j) not in open_slots
    }
    # The slot's own line is held to its pattern as the checker read it. A suggestion is
    # never the character it replaces; when every sample copies the corpus (更上一层楼: a
    # well-trained model puts all its weight on the famous line), the copying characters
    # are avoided and the batch drawn again.
    specs = [spec]
    avoid = {slot: frozenset(lines[slot[0]][slot[1]]) for slot in open_slots}
    original = report.poem.text
    for _round in range(ROUNDS):
        candidates = decode_batch(
            poet,
            specs,
            parse_keywords(keywords),
            n=SAMPLES,
            seed=resolve_seed(seed),
            temperature=1.0,
            rhymebook=rhymebook,
            rhyme_group=report.rhyme_group,
            forced=forced,
            avoid=avoid if pos is not None else None,
        )
        kept, copies = rank(candidates, (), [line - 1])
        if kept or not copies or pos is None:
            break
        for item in copies:
            slot = (line - 1, pos - 1)
            avoid[slot] = avoid[slot] | {
                item.text.replace("。", "，").split("，")[line - 1][pos - 1]
            }
    if not candidates:
        problems = "; ".join(f.message("en") for f in report.errors) if report.errors else ""
        raise InputError(
            "no alternative keeps the form here"
            + (f": the rest of the poem has faults ({problems})" if problems else ""),
            accepted="a poem that passes `inkmuse check` apart from the chosen slot",
        )
    out: list[Alternative] = []
    for item in kept:
        text = item.text
        if text == original or text.replace("。", "，") == original.replace("。", "，"):
            continue
        new_line = text.replace("。", "，").split("，")[line - 1]
        replacement = new_line if pos is None else new_line[pos - 1]
        out.append(Alternative(text, replacement, item.candidate.mean_logprob))
    out.sort(key=lambda a: (-a.score, a.text))
    return out[:k]
