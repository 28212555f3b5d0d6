"""Measures printed with every piece.

- pitch-class entropy (bits) of the melody's notes: 2.32 is a pentatonic tune using its
  five notes evenly, 0 a single repeated note;
- scale consistency: share of melody notes in the key's scale (pentatonic for the
  Chinese modes, so 清角/变宫 passing tones count against it);
- tone-melody agreement: share of adjacent syllable pairs (within a line, neutral tones
  left out) whose pitch step follows their tones (see `tonerules`);
- plain-rule agreement: the same pairs under the looser rule "no step opposite to the
  speech motion" (`tonerules.plain_agreement`), a check that does not share the search's
  table;
- stress alignment (English): share of stressed syllables sung on beat 1 or 3;
- range: lowest and highest melody note, and the span in semitones;
- the rhythm (`rhythm_measures`): how much longer 平 syllables are sung than 仄 ones,
  how many lines have a rhythm of their own, how many start off the bar line.

    >>> pitch_class_entropy([60, 62, 64, 67, 69])
    2.322
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from dataclasses import asdict, dataclass

from inkmuse.music.model import TICKS_PER_QUARTER, Piece
from inkmuse.music.pingze import PING, ZE, pingze
from inkmuse.music.tonerules import plain_agreement
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
    plain_tone_agreement: float | None = None
    pingze_length_ratio: float | None = None
    rhythm_variety: float | None = None
    pickup_share: float | None = None

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
        if self.plain_tone_agreement is not None:
            out.append(f"  under the plain rule {self.plain_tone_agreement:.3f}")
        if self.pingze_length_ratio is not None and self.rhythm_variety is not None:
            out.append(
                f"rhythm               平/仄 length {self.pingze_length_ratio:.2f}, "
                f"{self.rhythm_variety:.0%} of lines with their own rhythm"
            )
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
    plain: float | None = None
    pairs = 0
    stress: float | None = None
    rhythm: dict[str, float | None] = {}
    if piece.sung and piece.lines and piece.lines[0].language == "zh":
        good = plain_good = plain_pairs = 0
        for line_no in range(len(piece.lines)):
            sylls = [s for s in piece.sung if s.line == line_no]
            tones = [s.tone for s in sylls]
            steps = [
                notes[b.first_note].pitch - notes[a.last_note].pitch
                for a, b in itertools.pairwise(sylls)
            ]
            g, s = _line_agreement(tones, steps)
            good, pairs = good + g, pairs + s
            g, s = plain_agreement(tones, steps)
            plain_good, plain_pairs = plain_good + g, plain_pairs + s
        agreement = round(good / pairs, 4) if pairs else None
        plain = round(plain_good / plain_pairs, 4) if plain_pairs else None
        rhythm = rhythm_measures(piece)
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
        plain_tone_agreement=plain,
        pingze_length_ratio=rhythm.get("pingze_length_ratio"),
        rhythm_variety=rhythm.get("rhythm_variety"),
        pickup_share=rhythm.get("pickup_share"),
    )


def _syllable_ticks(piece: Piece) -> list[list[int]]:
    """Per line, how long each syllable is sung (its notes, first onset to last end)."""
    notes = piece.melody.notes
    out: list[list[int]] = [[] for _ in piece.lines]
    for s in piece.sung:
        out[s.line].append(notes[s.last_note].end - notes[s.first_note].start)
    return out


def rhythm_measures(piece: Piece) -> dict[str, float | None]:
    """pingze_length_ratio: mean length of 平 syllables over 仄 ones, each line's last
    syllable left out (it is held whatever its tone); rhythm_variety: share of lines whose
    syllable lengths (last left out) no earlier line of the verse has; pickup_share: share of lines
    after the first whose first syllable starts before a bar line."""
    lengths = _syllable_ticks(piece)
    ping: list[int] = []
    ze: list[int] = []
    for line, ticks in zip(piece.lines, lengths, strict=True):
        for cls, t in list(zip(pingze(line), ticks, strict=True))[:-1]:
            (ping if cls == PING else ze if cls == ZE else []).append(t)
    ratio = round((sum(ping) / len(ping)) / (sum(ze) / len(ze)), 3) if ping and ze else None
    verses = sum(name == "verse" for name, _a, _b in piece.form) or len(lengths)
    patterns = [tuple(t[:-1]) for t in lengths[:verses]]  # a refrain repeats on purpose
    variety = sum(p not in patterns[:i] for i, p in enumerate(patterns)) / len(patterns)
    notes = piece.melody.notes
    firsts = [notes[s.first_note].start for k, s in enumerate(piece.sung)
              if k and s.line != piece.sung[k - 1].line]  # fmt: skip
    pickups = sum(t % piece.ticks_per_bar != 0 for t in firsts)
    return {
        "pingze_length_ratio": ratio,
        "rhythm_variety": round(variety, 3),
        "pickup_share": round(pickups / len(firsts), 3) if firsts else None,
    }
