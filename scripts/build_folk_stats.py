"""Derive melody statistics from real folk songs in the music21 corpus (Essen collection).

    .venv/bin/python scripts/build_folk_stats.py

Writes src/inkmuse/music/data/folk_stats.json, which the melody and rhythm generators read
(users never need music21). Two profiles:

- "chinese": the Han Chinese folk songs (essenFolksong/han1.abc, han2.abc; about 1,200
  tunes), measured in pentatonic steps: each tune is mapped onto the rotation of the
  pentatonic set (宫商角徵羽) that covers most of its duration; other notes count as
  passing tones.
- "western": German and other European folk songs from the same collection, measured in
  diatonic steps of the best-fitting major collection.

Each Essen ABC line is one phrase; phrase boundaries come from counting the notes on each
line of the raw ABC text and matching that to music21's parse. Parsing a large Essen file
takes 20-45 s, so each file's parse is cached under data/cache/folk/.
"""

from __future__ import annotations

import itertools
import json
import re
import statistics
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "data" / "cache" / "folk"
OUT = ROOT / "src" / "inkmuse" / "music" / "data" / "folk_stats.json"

PROFILES = {
    "chinese": {
        "files": ["han1.abc", "han2.abc"],
        "collection": [0, 2, 4, 7, 9],
    },
    "western": {
        "files": ["kinder0.abc", "ballad10.abc", "ballad20.abc", "erk5.abc", "boehme20.abc"],
        "collection": [0, 2, 4, 5, 7, 9, 11],
    },
}
MAX_STEP = 7
# A note at least this many scale steps away from the previous one is a leap.
_NOTE_RE = re.compile(r"[_^=]*[A-Ga-gz][,']*")


def _line_note_counts(tune_text: str) -> list[int]:
    """Notes (and rests) per music line of one raw ABC tune: one Essen line = one phrase."""
    counts = []
    for line in tune_text.splitlines():
        line = line.strip()
        if not line or re.match(r"^[A-Za-z]:", line) or line.startswith("%"):
            continue
        line = re.sub(r'"[^"]*"', "", line)  # chord symbols / annotations
        line = re.sub(r"![^!]*!", "", line)  # decorations
        n = len(_NOTE_RE.findall(line))
        if n:
            counts.append(n)
    return counts


def _parse_file(name: str) -> list[dict[str, Any]]:
    """[{notes: [[midi|None, quarterLength], ...], lines: [n, ...]}] for one Essen file."""
    cached = CACHE / (name + ".json")
    if cached.exists():
        data: list[dict[str, Any]] = json.loads(cached.read_text())
        return data
    import music21

    path = music21.corpus.getWork(f"essenFolksong/{name}")
    raw = Path(str(path)).read_text(encoding="latin-1")
    raw_tunes = re.split(r"\n(?=X:)", raw)
    raw_by_x = {}
    for chunk in raw_tunes:
        m = re.match(r"X:\s*(\d+)", chunk.strip())
        if m:
            raw_by_x[int(m.group(1))] = chunk
    opus = music21.converter.parse(path)
    tunes = []
    for score in opus.scores:
        number = score.metadata.number if score.metadata else None
        notes = []
        for el in score.flatten().notesAndRests:
            if el.isChord:
                continue
            midi = None if el.isRest else int(el.pitch.midi)
            notes.append([midi, float(el.quarterLength)])
        text = raw_by_x.get(int(number)) if number is not None else None
        lines = _line_note_counts(text) if text else []
        tunes.append({"notes": notes, "lines": lines})
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(tunes))
    return tunes


def _best_rotation(notes: list[list[Any]], collection: list[int]) -> int:
    weight = Counter()
    for midi, ql in notes:
        if midi is not None:
            weight[midi % 12] += ql
    final = next((m for m, _ in reversed(notes) if m is not None), 0)

    def score(r: int) -> tuple[float, int]:
        covered = sum(w for pc, w in weight.items() if (pc - r) % 12 in collection)
        return covered, int((final - r) % 12 in collection)

    return max(range(12), key=score)


def _phrases(tune: dict[str, Any]) -> list[list[list[Any]]]:
    notes, lines = tune["notes"], tune["lines"]
    if lines and sum(lines) == len(notes):
        out, i = [], 0
        for n in lines:
            out.append(notes[i : i + n])
            i += n
        return out
    return [notes]


def _ratio_class(a: float, b: float) -> str:
    r = b / a
    for name, value in (("1:4", 4.0), ("1:3", 3.0), ("1:2", 2.0), ("1:1", 1.0)):
        if abs(r - value) < 1e-6:
            return name
    for name, value in (("4:1", 0.25), ("3:1", 1 / 3), ("2:1", 0.5)):
        if abs(r - value) < 1e-6:
            return name
    return "other"


def build_profile(files: list[str], collection: list[int]) -> dict[str, Any]:
    size = len(collection)
    steps: Counter[int] = Counter()
    after: dict[str, Counter[int]] = {"down": Counter(), "same": Counter(), "up": Counter()}
    finals: Counter[int] = Counter()
    phrase_ends: Counter[int] = Counter()
    ratios: Counter[str] = Counter()
    lengthening: list[float] = []
    ranges: Counter[int] = Counter()
    passing = total = tunes_used = phrases_used = 0
    for name in files:
        for tune in _parse_file(name):
            pitched = [n for n in tune["notes"] if n[0] is not None]
            if len(pitched) < 8:
                continue
            tunes_used += 1
            rot = _best_rotation(tune["notes"], collection)

            def index(midi: int, rot: int = rot) -> int | None:
                rel = midi - rot
                pc = rel % 12
                if pc not in collection:
                    return None
                return (rel // 12) * size + collection.index(pc)

            final_idx = index(pitched[-1][0])
            if final_idx is not None:
                finals[final_idx % size] += 1
            phrases = _phrases(tune)
            for p_no, phrase in enumerate(phrases):
                idxs = []
                for midi, _ql in phrase:
                    if midi is None:
                        continue
                    total += 1
                    idx = index(midi)
                    if idx is None:
                        passing += 1
                    else:
                        idxs.append(idx)
                if len(idxs) < 2:
                    continue
                phrases_used += 1
                prev = None
                for a, b in itertools.pairwise(idxs):
                    step = max(-MAX_STEP, min(MAX_STEP, b - a))
                    steps[step] += 1
                    if prev is not None:
                        key = "down" if prev < 0 else "up" if prev > 0 else "same"
                        after[key][step] += 1
                    prev = step
                ranges[max(idxs) - min(idxs)] += 1
                if final_idx is not None and p_no < len(phrases) - 1:
                    phrase_ends[(idxs[-1] - final_idx) % size] += 1
                durs = [ql for midi, ql in phrase if midi is not None and ql > 0]
                for a, b in itertools.pairwise(durs):
                    ratios[_ratio_class(a, b)] += 1
                if len(durs) >= 3:
                    lengthening.append(durs[-1] / statistics.median(durs[:-1]))

    def norm(c: Counter[Any]) -> dict[str, float]:
        n = sum(c.values()) or 1
        return {str(k): round(v / n, 5) for k, v in sorted(c.items())}

    return {
        "tunes": tunes_used,
        "phrases": phrases_used,
        "scale_size": size,
        "step": norm(steps),
        "step_after": {k: norm(v) for k, v in after.items()},
        "final_degree": norm(finals),
        "phrase_end_degree_from_final": norm(phrase_ends),
        "duration_ratio": norm(ratios),
        "phrase_final_lengthening_median": round(statistics.median(lengthening), 3),
        "phrase_range": norm(ranges),
        "passing_tone_share": round(passing / max(total, 1), 5),
    }


def main() -> int:
    import music21

    stats: dict[str, Any] = {
        "source": "music21 corpus, essenFolksong (Essen Folksong Collection, ABC by Seymour "
        "Schlien; distributed with music21 for non-commercial use)",
        "music21_version": music21.__version__,
        "script": "scripts/build_folk_stats.py",
    }
    for name, spec in PROFILES.items():
        print(f"profile {name}: parsing {', '.join(spec['files'])}", flush=True)
        stats[name] = build_profile(spec["files"], spec["collection"])
        p = stats[name]
        print(f"  {p['tunes']} tunes, {p['phrases']} phrases, passing {p['passing_tone_share']}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(stats, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
