"""Measures printed with every piece.

- pitch-class entropy (bits) of the melody's notes: 2.32 is a pentatonic tune using its
  five notes evenly, 0 a single repeated note;
- scale consistency: share of melody notes in the key's scale (pentatonic for the
  Chinese modes, so 清角/变宫 passing tones count against it);
- tone-melody agreement: share of adjacent syllable pairs (within a line, neutral tones
  left out) whose pitch step follows their tones (see `tonerules`);
- stress alignment (English): share of stressed syllables sung on beat 1 or 3;
- range: lowest and highest melody note, and the span in semitones.

    >>> pitch_class_entropy([60, 62, 64, 67, 69])
    2.322
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from dataclasses import asdict, dataclass

from inkmuse.music.model import TICKS_PER_QUARTER, Piece
from inkmuse.music.tonerules import tone_agreement as _line_agreement


@dataclass(frozen=True)
class Metrics:
    """The measures of one piece (agreement and alignment are None when not applicable)."""

    pitch_class_entropy: float
    scale_consistency: float
    tone_agreement: float | None
    tone_pairs: int
    stress_alignment: float | None
    lowest: str
    highest: str
    range_semitones: int

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    def lines(self) -> list[str]:
        """Human-readable lines for the CLI."""
        out = [
            f"pitch-class entropy  {self.pitch_class_entropy:.2f} bits",
            f"scale consistency    {self.scale_consistency:.3f}",
        ]
        if self.tone_agreement is not None:
            out.append(f"tone-melody agreement {self.tone_agreement:.3f} ({self.tone_pairs} pairs)")
        if self.stress_alignment is not None:
            out.append(f"stress on strong beats {self.stress_alignment:.3f}")
        out.append(f"range                {self.lowest}–{self.highest} ({self.range_semitones} st)")
        return out


def pitch_class_entropy(pitches: list[int]) -> float:
    """Shannon entropy in bits of the pitch-class distribution (rounded to 3 places)."""
    counts = Counter(p % 12 for p in pitches)
    n = sum(counts.values())
    if not n:
        return 0.0
    h = -sum(c / n * math.log2(c / n) for c in counts.values())
    return round(h + 0.0, 3)


def measure(piece: Piece) -> Metrics:
    """All measures for a piece."""
    notes = piece.melody.notes
    pitches = [n.pitch for n in notes]
    scale = set(piece.key.scale_pcs())
    consistency = sum(p % 12 in scale for p in pitches) / max(len(pitches), 1)
    agreement: float | None = None
    pairs = 0
    stress: float | None = None
    if piece.sung and piece.lines and piece.lines[0].language == "zh":
        good = 0
        for line_no in range(len(piece.lines)):
            sylls = [s for s in piece.sung if s.line == line_no]
            tones = [s.tone for s in sylls]
            steps = [
                notes[b.first_note].pitch - notes[a.last_note].pitch
                for a, b in itertools.pairwise(sylls)
            ]
            g, s = _line_agreement(tones, steps)
            good, pairs = good + g, pairs + s
        agreement = round(good / pairs, 4) if pairs else None
    elif piece.sung:
        strong_ticks = 2 * TICKS_PER_QUARTER
        stressed = [s for s in piece.sung if s.stress > 0]
        on_beat = sum(notes[s.first_note].start % strong_ticks == 0 for s in stressed)
        stress = round(on_beat / len(stressed), 4) if stressed else None
    low, high = min(pitches), max(pitches)
    return Metrics(
        pitch_class_entropy=pitch_class_entropy(pitches),
        scale_consistency=round(consistency, 4),
        tone_agreement=agreement,
        tone_pairs=pairs,
        stress_alignment=stress,
        lowest=piece.key.pitch_name(low),
        highest=piece.key.pitch_name(high),
        range_semitones=high - low,
    )
