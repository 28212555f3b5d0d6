"""ABC notation: a lead sheet (melody, chord symbols, lyrics) and a reader that checks it.

The unit length is a sixteenth (L:1/16), so a note's number is its length in ticks. Each
lyric line is one music line with its own w: line; notes after the first of a syllable
(melisma, tie continuations) hold it with '_'. Chinese modes are written with the mode
ABC knows that has the same signature and final (羽 → m, 商 → dor, 角 → phr, 徵 → mix).
Provenance travels in % comments.

`read_abc_melody` parses what `abc_text` wrote (pitches with key-signature and in-bar
accidentals, lengths, ties, bar lines); `export` uses it to check every file it writes.

    >>> from inkmuse.music.compose import ComposeRequest, compose
    >>> piece = compose(ComposeRequest(poem="灯塔", seed=1))
    >>> len(read_abc_melody(abc_text(piece))) == len(piece.melody.notes)
    True
"""

from __future__ import annotations

import re

from inkmuse.core.errors import DataError
from inkmuse.core.provenance import provenance_json
from inkmuse.music.model import Piece
from inkmuse.music.notation import Event, bars_of, melisma_slurs, slur_mark, voice_events
from inkmuse.music.notation import beat_ticks as _beat
from inkmuse.music.theory import LETTER_PC, Key, signature_alters

_ACC = {2: "^^", 1: "^", 0: "=", -1: "_", -2: "__"}


def _abc_pitch(key: Key, midi: int, state: dict[tuple[str, int], int]) -> str:
    letter, alter = key.spell_parts(midi % 12)
    octave = (midi - alter) // 12 - 1
    current = state.get((letter, octave), signature_alters(key.fifths)[letter])
    acc = ""
    if alter != current:
        acc = _ACC[alter]
        state[(letter, octave)] = alter
    name = letter.lower() + "'" * (octave - 5) if octave >= 5 else letter + "," * (4 - octave)
    return acc + name


def _key_field(key: Key) -> str:
    return key.tonic_name + key.mode.abc_mode


def abc_text(piece: Piece) -> str:
    """The melody, chords and lyrics as an ABC tune."""
    key, bar = piece.key, piece.ticks_per_bar
    melody = piece.melody
    lines = [
        "X:1",
        f"T:{piece.title}",
        "C:inkmuse",
        f"% inkmuse provenance: {provenance_json(piece.provenance)}",
        f"% key: {key.name}; chords: {' '.join(c.chord.name(key) for c in piece.chords)}",
        f"M:{piece.beats_per_bar}/{piece.beat_unit}",
        "L:1/16",
        f"Q:1/4={piece.tempo_bpm}",
        f"%%MIDI program {melody.program}",
        f"K:{_key_field(key)}",
    ]
    cuts = frozenset(c.start for c in piece.chords)
    bars = bars_of(voice_events(melody, piece.length_ticks), bar, cuts, _beat(piece))
    # One music line per lyric line (or per four bars without lyrics).
    breaks = _line_breaks(piece, len(bars))
    chords = list(piece.chords)
    slurs = melisma_slurs(piece)
    for first, last in breaks:
        music, words = [], []
        for b in range(first, last):
            state: dict[tuple[str, int], int] = {}
            tokens = []
            for ev in bars[b]:
                symbol = ""
                while chords and chords[0].start < ev.start + ev.duration:
                    symbol = f'"{chords[0].chord.name(key)}"'
                    chords.pop(0)
                slur = slur_mark(ev, slurs)
                note = _event(key, ev, state)
                if slur == "start":
                    note = "(" + note
                elif slur == "stop":
                    note = note.rstrip() + ") "
                tokens.append(symbol + note)
                if ev.pitches:
                    words.append(_word(ev))
            music.append("".join(tokens))
        lines.append(" | ".join(music) + (" |]" if last == len(bars) else " |"))
        if piece.sung and any(w != "_" for w in words):
            lines.append("w: " + " ".join(words).replace("- ", "-"))
    return "\n".join(lines) + "\n"


def _event(key: Key, ev: Event, state: dict[tuple[str, int], int]) -> str:
    length = str(ev.duration) if ev.duration != 1 else ""
    if not ev.pitches:
        return "z" + length
    note = _abc_pitch(key, ev.pitches[0], state) + length
    return note + ("-" if ev.tie_start else "") + " "


def _word(ev: Event) -> str:
    if not ev.lyric:
        return "_"
    text = ev.lyric.replace(" ", "~").replace("-", "")
    return text + "-" if ev.syllabic in ("begin", "middle") else text


def _line_breaks(piece: Piece, n_bars: int) -> list[tuple[int, int]]:
    bar = piece.ticks_per_bar
    starts = {0}
    if piece.sung:
        melody = piece.melody.notes
        lines = sorted({s.line for s in piece.sung})
        for line in lines:  # the first too: an intro gets its own music line
            first = next(s for s in piece.sung if s.line == line)
            starts.add(melody[first.first_note].start // bar)
    else:
        starts |= set(range(0, n_bars, 4))
    ordered = sorted(s for s in starts if s < n_bars)
    return list(zip(ordered, [*ordered[1:], n_bars], strict=True))


_TOKEN = re.compile(r'"[^"]*"|(\^\^|\^|__|_|=)?([A-Ga-gz])([,\']*)(\d*)(-?)|(\|\]?)|\s+')


def read_abc_melody(text: str) -> list[tuple[int, int]]:
    """(MIDI pitch, ticks) of each sounding note in an ABC tune written by `abc_text`,
    ties merged. Raises DataError on anything it cannot read or a bar of the wrong length."""
    from inkmuse.music.theory import parse_key

    header = dict(re.findall(r"^([A-Z]):(.*)$", text, flags=re.M))
    try:
        beats, unit = (int(x) for x in header["M"].split("/"))
        key = parse_key(header["K"].strip())
    except (KeyError, ValueError) as err:
        raise DataError(f"ABC header unreadable: {err}") from err
    alters = signature_alters(key.fifths)
    bar_len = beats * 16 // unit
    notes: list[tuple[int, int]] = []
    tied = False
    body = [ln for ln in text.splitlines() if ln and not re.match(r"^([A-Za-z]:|%)", ln)]
    for line in body:
        for bar_text in re.split(r"\|\]?", line):
            if not bar_text.strip():
                continue
            state: dict[tuple[str, int], int] = {}
            length = 0
            for m in _TOKEN.finditer(bar_text):
                if not m.group(2):
                    continue
                acc, letter, marks, digits, tie = m.groups()[:5]
                dur = int(digits) if digits else 1
                length += dur
                if letter == "z":
                    tied = False
                    continue
                octave = 5 + marks.count("'") if letter.islower() else 4 - marks.count(",")
                up = letter.upper()
                if acc:
                    state[(up, octave)] = {"^^": 2, "^": 1, "=": 0, "_": -1, "__": -2}[acc]
                alter = state.get((up, octave), alters[up])
                pitch = (octave + 1) * 12 + LETTER_PC[up] + alter
                if tied and notes and notes[-1][0] == pitch:
                    notes[-1] = (pitch, notes[-1][1] + dur)
                else:
                    notes.append((pitch, dur))
                tied = bool(tie)
            if length != bar_len:
                raise DataError(f"ABC bar {bar_text.strip()!r} lasts {length}, not {bar_len}")
    return notes


def read_abc_lyrics(text: str) -> list[str]:
    """The syllables of the w: lines in order ('_' holds and '-' joins dropped)."""
    out: list[str] = []
    for line in text.splitlines():
        if not line.startswith("w:"):
            continue
        for word in line[2:].split():
            out += [s.replace("~", " ") for s in word.split("-") if s and s != "_"]
    return out
