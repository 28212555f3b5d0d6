"""Evaluate poem-to-song: tones, rhythm, shape and range over famous regulated poems.

    .venv/bin/python benchmarks/eval_music.py                    # 28 poems × 3 seeds, ~10 s
    .venv/bin/python benchmarks/eval_music.py --corpus           # 200 poems of 唐诗三百首 × 3
    .venv/bin/python benchmarks/eval_music.py --ablation           # also without the tone costs

An older checkout is measured with this script and the same rules: run it with that
checkout's package first on the path, e.g.
`PYTHONPATH=/tmp/music-before/src .venv/bin/python benchmarks/eval_music.py --corpus`;
the measuring rules (`tonerules`, `pingze`) are loaded from this script's own checkout.

For every poem and seed: compose (key and mood from the Theme lexicon), then measure

- tone agreement under inkmuse's rule table, the share of steps against both the table and
  speech (tier 3 of `tonerules.pair_tier`), and under two plain rules (a step is wrong only
  when it moves opposite to the speech motion between two syllables: from where one tone
  ends to where the next begins, or between the tones' mean heights), and the same for a
  control: the melody's syllable pitches shuffled within each line;
- rhythm: 平/仄 length ratio (line ends left out), share of lines with a rhythm no earlier
  line has, share of lines (after the first) that start with a pickup, the meters used;
- shape: repeated notes between syllables, leaps (≥ a fourth) between notes, mean
  interval, range, and motif recurrence (lines whose first three steps between syllables
  repeat an earlier line's with at most one step changed); the song's motif (lines after
  the first opening with the first line's three steps, or their inversion, at most one
  changed; and exactly);
- scale consistency (share of notes in the mode's pentatonic scale).

The corpus (`--corpus`, `bash scripts/fetch_corpus.sh`) is in traditional characters and
is converted with OpenCC (t2s) before reading tones; `--corpus` takes 200 of its 213
regulated poems, evenly spread over the book (`--limit` for another number).
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
CORPUS = ROOT / "data/cache/chinese-poetry-2.0.1/package/dist/mengxue/tangshisanbaishou.json"
FORMS = ("五言絕句", "七言絕句", "五言律詩", "七言律詩")
CORPUS_POEMS = 200


def _rules(name: str) -> Any:
    """A measuring module (tonerules, pingze) from this checkout's source, whatever
    inkmuse is imported: older checkouts lack the plain rules."""
    path = ROOT / "src/inkmuse/music" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"eval_music_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


TONERULES = _rules("tonerules")
PINGZE = _rules("pingze")


def spread(poems: list[Any], n: int) -> list[Any]:
    """n items evenly spread over the list (all forms of the book represented)."""
    if n >= len(poems):
        return list(poems)
    return [poems[round(k * (len(poems) - 1) / (n - 1))] for k in range(n)] if n > 1 else poems[:1]


def load_corpus() -> list[tuple[str, str, str]]:
    """(form, title, simplified text) of each regulated poem of 唐诗三百首."""
    if not CORPUS.exists():
        sys.exit(f"corpus missing: {CORPUS}\nrun: bash scripts/fetch_corpus.sh")
    import opencc

    t2s = opencc.OpenCC("t2s")
    data = json.loads(CORPUS.read_text(encoding="utf-8"))
    poems = []
    for group in data["content"]:
        if group["type"] not in FORMS:
            continue
        for poem in group["content"]:
            text = t2s.convert("".join(poem["paragraphs"]))
            poems.append((t2s.convert(group["type"]), t2s.convert(poem["chapter"]), text))
    return poems


def _boundaries(piece: Any) -> list[tuple[list[int], list[int]]]:
    """Per line: the syllables' tones and the melody steps between adjacent syllables."""
    notes = piece.melody.notes
    out = []
    for line_no in range(len(piece.lines)):
        sylls = [s for s in piece.sung if s.line == line_no]
        steps = [notes[b.first_note].pitch - notes[a.last_note].pitch
                 for a, b in itertools.pairwise(sylls)]  # fmt: skip
        out.append(([s.tone for s in sylls], steps))
    return out


def _agreement(lines: list[tuple[list[int], list[int]]], rule: Any) -> float:
    good = total = 0
    for tones, steps in lines:
        g, t = rule(tones, steps)
        good, total = good + g, total + t
    return good / total if total else 1.0


def _by_height(tones: list[int], steps: list[int]) -> tuple[int, int]:
    result: tuple[int, int] = TONERULES.plain_agreement(tones, steps, by="height")
    return result


def _shuffled(piece: Any, rng: np.random.Generator) -> list[tuple[list[int], list[int]]]:
    """The control: each line's syllable pitches in a random order."""
    notes = piece.melody.notes
    out = []
    for line_no in range(len(piece.lines)):
        sylls = [s for s in piece.sung if s.line == line_no]
        pitches = [notes[s.first_note].pitch for s in sylls]
        order = rng.permutation(len(pitches))
        mixed = [pitches[k] for k in order]
        out.append(([s.tone for s in sylls], [b - a for a, b in itertools.pairwise(mixed)]))
    return out


def _heads(piece: Any) -> list[tuple[int, ...]]:
    """Per sung line: the scale steps between the first notes of its first 4 syllables."""
    scale = sorted({p for p in range(0, 128) if p % 12 in set(piece.key.scale_pcs())})
    index = {p: k for k, p in enumerate(scale)}
    notes = piece.melody.notes
    heads = []
    for line_no in range(len(piece.lines)):
        sylls = [s for s in piece.sung if s.line == line_no][:4]
        pitches = [notes[s.first_note].pitch for s in sylls]
        heads.append(tuple(index.get(b, 0) - index.get(a, 0)
                           for a, b in itertools.pairwise(pitches)))  # fmt: skip
    return heads


def _near(h: tuple[int, ...], e: tuple[int, ...], allowed: int) -> bool:
    return len(h) == len(e) and sum(x != y for x, y in zip(h, e, strict=True)) <= allowed


def _motif_recurrence(piece: Any) -> float:
    """Share of lines after the first whose first three syllable-to-syllable steps (in
    scale steps) equal an earlier line's with at most one step changed."""
    heads = _heads(piece)
    hits = sum(any(_near(h, e, 1) for e in heads[:i]) for i, h in enumerate(heads) if i)
    return hits / max(len(heads) - 1, 1)


def _motif(piece: Any, allowed: int) -> float:
    """Share of lines after the first that open with the song's motif (the first line's
    three steps) moved to any pitch or upside down, with at most `allowed` steps changed."""
    heads = _heads(piece)
    motif = heads[0] if heads else ()
    forms = (motif, tuple(-x for x in motif))
    hits = sum(any(_near(h, f, allowed) for f in forms) for h in heads[1:])
    return hits / max(len(heads) - 1, 1)


def _rhythm(piece: Any) -> dict[str, float]:
    """The rhythm measures of `metrics.rhythm_measures`, computed here from the piece so
    older checkouts (no 平/仄 reading, no form) are measured the same way."""
    notes = piece.melody.notes
    lengths: list[list[int]] = [[] for _ in piece.lines]
    for s in piece.sung:
        lengths[s.line].append(notes[s.last_note].end - notes[s.first_note].start)
    ping: list[int] = []
    ze: list[int] = []
    for line, ticks in zip(piece.lines, lengths, strict=True):
        for cls, t in list(zip(PINGZE.pingze(line), ticks, strict=True))[:-1]:
            (ping if cls == PINGZE.PING else ze if cls == PINGZE.ZE else []).append(t)
    ratio = (sum(ping) / len(ping)) / (sum(ze) / len(ze)) if ping and ze else 1.0
    form = getattr(piece, "form", ())
    verses = sum(name == "verse" for name, _a, _b in form) or len(lengths)
    patterns = [tuple(t[:-1]) for t in lengths[:verses]]
    variety = sum(p not in patterns[:i] for i, p in enumerate(patterns)) / len(patterns)
    firsts = [notes[s.first_note].start for k, s in enumerate(piece.sung)
              if k and s.line != piece.sung[k - 1].line]  # fmt: skip
    pickups = sum(t % piece.ticks_per_bar != 0 for t in firsts) / max(len(firsts), 1)
    return {"pingze_ratio": ratio, "rhythm_variety": variety, "pickups": pickups}


def measure_poem(piece: Any, seed: int) -> dict[str, Any]:
    from inkmuse.music import measure

    pair_tier, plain_agreement = TONERULES.pair_tier, TONERULES.plain_agreement
    tone_agreement = TONERULES.tone_agreement
    m = measure(piece)
    lines = _boundaries(piece)
    control = _shuffled(piece, np.random.default_rng(seed))
    steps = [s for _t, ss in lines for s in ss]
    tiers = [pair_tier(a, b, s) for tones, ss in lines
             for (a, b), s in zip(itertools.pairwise(tones), ss, strict=True)]  # fmt: skip
    pitches = [n.pitch for n in piece.melody.notes]
    intervals = [abs(b - a) for a, b in itertools.pairwise(pitches)]
    meter = f"{piece.beats_per_bar}/{getattr(piece, 'beat_unit', 4)}"
    return {
        "own": _agreement(lines, tone_agreement),
        "plain": _agreement(lines, plain_agreement),
        "height": _agreement(lines, _by_height),
        "own_shuffled": _agreement(control, tone_agreement),
        "plain_shuffled": _agreement(control, plain_agreement),
        "height_shuffled": _agreement(control, _by_height),
        **_rhythm(piece),
        "against_speech": sum(t == 3 for t in tiers) / max(len(tiers), 1),
        "repeats": sum(s == 0 for s in steps) / max(len(steps), 1),
        "leaps": sum(i >= 5 for i in intervals) / max(len(intervals), 1),
        "mean_interval": statistics.mean(intervals) if intervals else 0.0,
        "range": m.range_semitones,
        "motif": _motif_recurrence(piece),
        "song_motif": _motif(piece, 1),
        "song_motif_exact": _motif(piece, 0),
        "consistency": m.scale_consistency,
        "meter": meter,
        "tempo": piece.tempo_bpm,
        "key": piece.key.name,
    }


def evaluate(poems: list[tuple[str, str, str]], seeds: int, tone_cost: bool) -> dict[str, Any]:
    from inkmuse.music import ComposeRequest, compose
    from inkmuse.music import melody as melody_module

    # getattr: the same script measures older checkouts, whose search had no TONE_WEIGHT
    saved = getattr(melody_module, "TONE_WEIGHT", 1.0), melody_module.TONE_PENALTY
    if not tone_cost:
        melody_module.TONE_WEIGHT, melody_module.TONE_PENALTY = 0.0, 0.0
    rows: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    try:
        for i, (form, title, text) in enumerate(poems):
            for s in range(seeds):
                piece = compose(ComposeRequest(poem=text, seed=i * 100 + s))
                row = measure_poem(piece, i * 100 + s)
                rows.append({"form": form, "title": title, **row})
    finally:
        melody_module.TONE_WEIGHT, melody_module.TONE_PENALTY = saved
    seconds = (time.perf_counter() - t0) / max(len(rows), 1)
    numeric = [k for k, v in rows[0].items() if isinstance(v, float | int) and k != "tempo"]
    summary: dict[str, Any] = {"pieces": len(rows), "compose_seconds_mean": round(seconds, 4)}
    for k in numeric:
        summary[k] = round(statistics.mean(float(r[k]) for r in rows), 3)
    summary["own_min"] = round(min(r["own"] for r in rows), 3)
    summary["meters"] = dict(Counter(r["meter"] for r in rows).most_common())
    named = ("登高", "江雪", "静夜思", "渭城曲", "送别", "春望")
    summary["examples"] = {
        r["title"]: f"{r['key']} {r['tempo']} bpm {r['meter']}" for r in rows if r["title"] in named
    }
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="store_true", help="唐诗三百首 instead of the sample")
    parser.add_argument("--limit", type=int, default=None,
                        help=f"N poems (corpus: evenly spread, default {CORPUS_POEMS})")  # fmt: skip
    parser.add_argument("--json", type=Path, default=None, help="also write the result here")
    parser.add_argument("--seeds", type=int, default=3, help="seeds per poem")
    parser.add_argument("--ablation", action="store_true", help="also without the tone costs")
    args = parser.parse_args()
    if args.corpus:
        poems = spread(load_corpus(), args.limit or CORPUS_POEMS)
    else:
        from music_sample import SAMPLE

        poems = list(SAMPLE)[: args.limit]
    print(f"poems: {len(poems)} × {args.seeds} seeds")
    result = {"with_tone_cost": evaluate(poems, args.seeds, tone_cost=True)}
    if args.ablation:
        result["without_tone_cost"] = evaluate(poems, args.seeds, tone_cost=False)
    text = json.dumps(result, ensure_ascii=False, indent=1)
    print(text)
    if args.json is not None:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
