"""Evaluate poem-to-song: tones, rhythm, shape and range over famous regulated poems.

    .venv/bin/python benchmarks/eval_music.py                    # 28 poems × 3 seeds, ~10 s
    .venv/bin/python benchmarks/eval_music.py --corpus --limit 60  # 唐诗三百首 (needs the corpus)
    .venv/bin/python benchmarks/eval_music.py --ablation           # also without the tone costs

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
  repeat, exactly or shifted by one scale step, an earlier line's);
- scale consistency (share of notes in the mode's pentatonic scale).

The corpus (`--corpus`, `bash scripts/fetch_corpus.sh`) is in traditional characters and
is converted with OpenCC (t2s) before reading tones.
"""

from __future__ import annotations

import argparse
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
    from inkmuse.music.tonerules import plain_agreement

    return plain_agreement(tones, steps, by="height")


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


def _motif_recurrence(piece: Any) -> float:
    """Share of lines after the first whose first three syllable-to-syllable steps (in
    scale steps) equal an earlier line's, or are that shape moved by one step."""
    scale = sorted({p for p in range(0, 128) if p % 12 in set(piece.key.scale_pcs())})
    index = {p: k for k, p in enumerate(scale)}
    notes = piece.melody.notes
    heads = []
    for line_no in range(len(piece.lines)):
        sylls = [s for s in piece.sung if s.line == line_no][:4]
        pitches = [notes[s.first_note].pitch for s in sylls]
        heads.append(tuple(index.get(b, 0) - index.get(a, 0)
                           for a, b in itertools.pairwise(pitches)))  # fmt: skip
    hits = 0
    for i, h in enumerate(heads[1:], start=1):
        for e in heads[:i]:
            diff = sum(x != y for x, y in zip(h, e, strict=False))
            if diff <= 1 and len(h) == len(e):
                hits += 1
                break
    return hits / max(len(heads) - 1, 1)


def measure_poem(piece: Any, seed: int) -> dict[str, Any]:
    from inkmuse.music import measure
    from inkmuse.music.tonerules import pair_tier, plain_agreement, tone_agreement

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
        "pingze_ratio": m.pingze_length_ratio or 1.0,
        "rhythm_variety": m.rhythm_variety or 0.0,
        "pickups": m.pickup_share or 0.0,
        "against_speech": sum(t == 3 for t in tiers) / max(len(tiers), 1),
        "repeats": sum(s == 0 for s in steps) / max(len(steps), 1),
        "leaps": sum(i >= 5 for i in intervals) / max(len(intervals), 1),
        "mean_interval": statistics.mean(intervals) if intervals else 0.0,
        "range": m.range_semitones,
        "motif": _motif_recurrence(piece),
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
    parser.add_argument("--limit", type=int, default=None, help="only the first N poems")
    parser.add_argument("--seeds", type=int, default=3, help="seeds per poem")
    parser.add_argument("--ablation", action="store_true", help="also without the tone costs")
    args = parser.parse_args()
    if args.corpus:
        poems = load_corpus()
    else:
        from music_sample import SAMPLE

        poems = list(SAMPLE)
    poems = poems[: args.limit]
    print(f"poems: {len(poems)} × {args.seeds} seeds")
    result = {"with_tone_cost": evaluate(poems, args.seeds, tone_cost=True)}
    if args.ablation:
        result["without_tone_cost"] = evaluate(poems, args.seeds, tone_cost=False)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
