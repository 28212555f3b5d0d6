"""compose(): a poem (or a mood) and a seed in, a `Piece` out.

With a poem: lines → tones or stress → rhythm per line → tone-aware melody per line
(couplets: the opening line ends away from home, the closing line on the tonic) → chords
fitted under the melody → accompaniment. Without a poem: a progression for the mood,
then a melody over it in 4-bar phrases.

    >>> piece = compose(ComposeRequest(poem="床前明月光，疑是地上霜。", mood="宁静", seed=7))
    >>> piece.key.name, len(piece.sung)
    ('C宫', 10)
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from inkmuse.core.errors import InputError
from inkmuse.core.provenance import provenance_record
from inkmuse.core.seeds import derive_seed, make_rng, resolve_seed
from inkmuse.core.theme import Theme
from inkmuse.music.accompaniment import accompany, instruments
from inkmuse.music.folkstats import passing_share, phrase_end_weights
from inkmuse.music.form import Arrangement, arrange
from inkmuse.music.harmony import chord_at, harmonize, progression
from inkmuse.music.lyrics import Line, read_lyrics, rhyming_lines
from inkmuse.music.melody import Slot, arch_contour, melody_pitches, solve_phrase
from inkmuse.music.meter import COMMON, Meter, choose_meter, parse_meter
from inkmuse.music.model import ChordSpan, Note, Part, Piece, SungSyllable
from inkmuse.music.plan import MusicPlan, mood_from_word, music_plan_from_theme, normalize_style
from inkmuse.music.rhythm import BAR, HALF, LineRhythm, chinese_rhythm, half_bar_cells, line_rhythm
from inkmuse.music.theory import Key

MAX_BARS = 256
MAX_LINES = 64


@dataclass(frozen=True)
class ComposeRequest:
    """What to compose. poem: Chinese or English lyrics (None: music from the mood alone).
    mood: a Theme mood or a word for one (惆怅, sad); theme: a whole Theme (wins over mood).
    key: e.g. 'D羽', 'A minor' (None: from the Theme). tempo: quarter notes per minute.
    bars: length without a poem. style: 'chinese' (中国风), 'piano', 'strings' (None: chinese
    for Chinese lyrics or a Chinese mode, else piano). seed: None draws one (recorded).
    meter: '4/4', '2/4', '3/4' or '6/8' for Chinese lyrics (None: drawn for the mood);
    English lyrics and music without words are in 4/4. intro: the instruments state the
    motif before the voice (and, in a poem of 8 lines or more, between its halves);
    refrain: sing the last couplet again (see `form`)."""

    poem: str | None = None
    mood: str | None = None
    theme: Theme | None = None
    key: str | None = None
    tempo: int | None = None
    bars: int = 16
    style: str | None = None
    seed: int | None = None
    title: str | None = None
    meter: str | None = None
    intro: bool = True
    refrain: bool = False


def _theme(request: ComposeRequest) -> Theme:
    if request.theme is not None:
        return request.theme
    if request.mood:
        return Theme(mood=mood_from_word(request.mood))
    if request.poem:
        try:  # the shared lexicon reads mood and season from the words, when present
            from inkmuse.core.theme_lexicon import theme_from_text
        except ImportError:
            return Theme()
        theme = theme_from_text(request.poem)
        assert isinstance(theme, Theme)
        return theme
    return Theme()


def _style(request: ComposeRequest, lines: list[Line] | None) -> str:
    if request.style:
        return normalize_style(request.style)
    if lines and lines[0].language == "zh":
        return "chinese"
    if request.key:
        from inkmuse.music.theory import parse_key

        return "chinese" if parse_key(request.key).mode.chinese else "piano"
    return "chinese" if lines is None else "piano"


def _register(key: Key) -> tuple[int, int]:
    """Melody range: a fourth below to a ninth above the tonic in the fourth octave (C4-B4),
    above the accompaniment and inside erhu, dizi, violin and a singing voice."""
    tonic = 60 + key.tonic
    return tonic - 5, tonic + 14


def _profile(key: Key) -> str:
    return "chinese" if len(key.mode.scale) == 5 else "western"


def _open_cadence(key: Key, rng: np.random.Generator) -> frozenset[int]:
    """Where an opening phrase ends: a degree above the final, weighted as in folk songs."""
    weights = phrase_end_weights(_profile(key))
    degrees = [d for d in sorted(weights) if d != 0 and d < len(key.mode.scale)]
    p = np.array([weights[d] for d in degrees])
    d = degrees[int(rng.choice(len(degrees), p=p / p.sum()))]
    return frozenset({key.scale_pcs()[d]})


def _passing_tones(notes: list[Note], key: Key, rng: np.random.Generator) -> list[Note]:
    """Fill some minor thirds inside a held syllable with 清角 or 变宫, as folk singers do."""
    passing = {(key.tonic + p) % 12 for p in key.mode.passing}
    if not passing:
        return notes
    chance = min(1.0, passing_share("chinese") * 10)
    out: list[Note] = []
    for a, b in zip(notes, [*notes[1:], None], strict=True):
        if b is not None and b.lyric is None and abs(b.pitch - a.pitch) == 3 and a.duration >= 4:
            lo = min(a.pitch, b.pitch)
            mid = next((p for p in (lo + 1, lo + 2) if p % 12 in passing), None)
            if mid is not None and rng.random() < chance:
                out.append(Note(a.pitch, a.start, a.duration - 2, a.velocity, a.lyric, a.syllabic))
                out.append(Note(mid, a.end - 2, 2, a.velocity - 10))
                continue
        out.append(a)
    return out


def _song(
    lines: list[Line], plan: MusicPlan, seed: int, meter: Meter, request: ComposeRequest
) -> tuple[list[Note], list[SungSyllable], list[ChordSpan], Arrangement]:
    key = plan.key
    profile = _profile(key)
    low, high = _register(key)
    pitches = melody_pitches(key, low, high)
    rhymes = rhyming_lines(lines)
    notes: list[Note] = []
    sung: list[SungSyllable] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    prev: int | None = None
    shapes: dict[int, list[int]] = {}  # couplet position → scale steps of its last line
    rhythms: list[LineRhythm] = []
    index_of = {p: k for k, p in enumerate(pitches)}
    motif: list[int] = []  # the song's opening steps, syllable to syllable (scale steps)
    for i, line in enumerate(lines):
        # Parallel lines of successive couplets share contour, cadence and noise: the song
        # is strophic (A B A' B'), varied only where the words ask for other tones.
        rng = make_rng(derive_seed(seed, "line", str(i % 2)))
        last = i == len(lines) - 1
        closing = last or i % 2 == 1
        # After an intro the voice may come in on an upbeat (an eighth: the intro's held
        # final gives it up, see `form.arrange`).
        lead_room = 2 if request.intro else 0
        rhythm = _line_rhythm(
            line, i, rhythms, notes, meter, rhymes[i], last, seed, profile, lead_room
        )
        if rhythm.pickup and notes:
            notes = _make_room(notes, pos - rhythm.pickup - 2)
        rhythms.append(rhythm)
        slots: list[Slot] = []
        t = pos + rhythm.lead_rest - rhythm.pickup
        for s_no, (syll, durs) in enumerate(zip(line.syllables, rhythm.notes, strict=True)):
            for k, d in enumerate(durs):
                slots.append(Slot(t, d, s_no, k == 0, syll.tone, syll.stress))
                t += d
        contour = arch_contour(len(slots), low=low, high=high, opening=not closing, rng=rng)
        cadence = frozenset({key.tonic}) if closing else _open_cadence(key, rng)
        line_pitches = solve_phrase(
            slots, pitches, profile=profile, contour=contour, cadence_pcs=cadence,
            prev_pitch=prev, rng=rng, echo=_echo(shapes.get(i % 2), len(slots)),
            motifs=motif_forms(motif, slots, answer=closing),
        )  # fmt: skip
        if i == 0:
            motif = opening_motif(slots, [index_of[p] for p in line_pitches])
        shapes[i % 2] = [index_of[b] - index_of[a] for a, b in itertools.pairwise(line_pitches)]
        first_index = len(notes)
        for k, (slot, pitch) in enumerate(zip(slots, line_pitches, strict=True)):
            syll = line.syllables[slot.syllable or 0]
            lyric = syll.text if slot.first else None
            vel = _velocity(pitch, low, high, k == len(slots) - 1)
            notes.append(Note(pitch, slot.start, slot.duration, vel, lyric, syll.word_pos))
        idx = first_index
        for s_no, durs in enumerate(rhythm.notes):
            syll = line.syllables[s_no]
            sung.append(SungSyllable(i, syll.tone, syll.stress, idx, idx + len(durs) - 1))
            idx += len(durs)
        prev = line_pitches[-1]
        spans.append((pos, pos + rhythm.length))
        pos += rhythm.length
    song = arrange(notes, sung, spans, intro=request.intro, refrain=request.refrain)
    notes, sung = song.notes, song.sung
    if key.mode.chinese:
        notes, sung = _with_passing(notes, sung, key, make_rng(derive_seed(seed, "passing")))
    cadences: dict[int, str] = {}
    group = meter.group
    for start, end, closing in song.phrase_ends:
        for s in range(start // group, (end - 1) // group + 1):
            cadences[s] = "close" if closing else "open"
    chords = harmonize(
        key, notes, total=song.total, slot=group, mood=plan.mood, cadences=cadences,
        rng=make_rng(derive_seed(seed, "harmony")),
    )  # fmt: skip
    return notes, sung, chords, song


def _line_rhythm(
    line: Line, i: int, before: list[LineRhythm], notes: list[Note], meter: Meter,
    rhyme: bool, last: bool, seed: int, profile: str, lead_room: int,
) -> LineRhythm:  # fmt: skip
    """Line i's rhythm, knowing the lines before it (variety, parallels, pickup room);
    lead_room: ticks free before the first line (after an intro)."""
    rng = make_rng(derive_seed(seed, "rhythm", str(i)))
    if line.language == "en":
        return line_rhythm(line, rhyme=rhyme, last=last, rng=rng, profile=profile)
    room = lead_room
    if before and notes:
        # A pickup may use the previous line's rest and shorten its held final, keeping
        # a half note of the final and an eighth's breath before the upbeat.
        room = before[-1].rest + max(notes[-1].duration - 8, 0) - 2
    return chinese_rhythm(
        line, meter=meter, rhyme=rhyme, last=last, rng=rng, profile=profile,
        previous=before[-1] if before else None,
        parallel=before[-2] if len(before) >= 2 else None, pickup_room=room,
        motif=before[0] if before else None,
    )  # fmt: skip


MOTIF_SYLLABLES = 4  # the motif: the steps between the song's first four syllables


def opening_motif(slots: list[Slot], indices: list[int]) -> list[int]:
    """The motif: scale steps between the first notes of the first syllables of a line
    (床前明月: three steps), from its slots and their pitches' indices in the scale."""
    firsts = [indices[k] for k, s in enumerate(slots) if s.first][:MOTIF_SYLLABLES]
    return [b - a for a, b in itertools.pairwise(firsts)]


def motif_forms(motif: list[int], slots: list[Slot], *, answer: bool) -> tuple[dict[int, int], ...]:
    """The forms of the motif a line may open with, as {slot index: scale step from the
    slot before}: moved to wherever the line starts (a tonal sequence); for an answering
    (closing) line also upside down, the search keeping whichever the words sing better.
    A step is asked for only where the syllable before is a single note, so the step
    between the syllables' first notes is the step between two slots."""
    if not motif:
        return ()
    firsts = [k for k, s in enumerate(slots) if s.first]
    want: dict[int, int] = {}
    for step, j in zip(motif, firsts[1:MOTIF_SYLLABLES], strict=False):
        if slots[j - 1].first:
            want[j] = step
    if not want:
        return ()
    forms = [want]
    if answer and any(want.values()):
        forms.append({j: -step for j, step in want.items()})
    return tuple(forms)


def _make_room(notes: list[Note], until: int) -> list[Note]:
    """Shorten the last note so it ends by `until` (a pickup starts after it)."""
    last = notes[-1]
    if last.end <= until:
        return notes
    cut = Note(last.pitch, last.start, until - last.start, last.velocity, last.lyric,
               last.syllabic)  # fmt: skip
    return [*notes[:-1], cut]


def _velocity(pitch: int, low: int, high: int, phrase_end: bool) -> int:
    """Louder as the line climbs, softer on its last note: the swell a singer gives."""
    return 78 + round(14 * (pitch - low) / max(high - low, 1)) - (6 if phrase_end else 0)


def _echo(shape: list[int] | None, n_slots: int) -> list[int] | None:
    """The parallel line's steps, when it has the same number of notes."""
    return shape if shape is not None and len(shape) == n_slots - 1 else None


def _with_passing(
    notes: list[Note], sung: list[SungSyllable], key: Key, rng: np.random.Generator
) -> tuple[list[Note], list[SungSyllable]]:
    """Insert passing tones and renumber the syllables' note indices."""
    new = _passing_tones(notes, key, rng)
    if len(new) == len(notes):
        return notes, sung
    by_start = {n.start: i for i, n in enumerate(new)}
    renumbered = []
    for s in sung:
        first = by_start[notes[s.first_note].start]
        nxt = notes[s.last_note].end
        last = next((i for i in range(first, len(new)) if new[i].end >= nxt), len(new) - 1)
        renumbered.append(SungSyllable(s.line, s.tone, s.stress, first, last))
    return new, renumbered


def _free_melody(chords: list[ChordSpan], plan: MusicPlan, bars: int, seed: int) -> list[Note]:
    """A melody over a progression, phrase by phrase (4 bars), no lyrics."""
    key = plan.key
    profile = _profile(key)
    low, high = _register(key)
    pitches = melody_pitches(key, low, high)
    fast = plan.tempo_bpm >= 90
    counts, weights = (
        ([1, 2, 3, 4], [0.15, 0.45, 0.25, 0.15]) if fast else ([1, 2, 3], [0.3, 0.5, 0.2])
    )
    notes: list[Note] = []
    prev: int | None = None
    shapes: dict[int, list[int]] = {}
    index_of = {p: k for k, p in enumerate(pitches)}
    for p_no, first_bar in enumerate(range(0, bars, 4)):
        # As with lyrics: phrases 1 and 3 (2 and 4) share rhythm and contour, and the
        # melody echoes the earlier phrase's steps over the new chords (A B A' B').
        rng = make_rng(derive_seed(seed, "phrase", str(p_no % 2)))
        end_bar = min(first_bar + 4, bars)
        end = end_bar * BAR
        slots: list[Slot] = []
        t = first_bar * BAR
        while t < end - BAR // 2 * (1 if end_bar - first_bar == 1 else 2):
            k = int(rng.choice(counts, p=weights))
            for d in half_bar_cells(k, rng, profile):
                chord = frozenset(chord_at(chords, t).pcs())
                slots.append(Slot(t, d, chord=chord, strong=t % HALF == 0))
                t += d
        last = end_bar == bars
        final_len = end - t if last else end - t - 4
        chord = frozenset(chord_at(chords, t).pcs())
        slots.append(Slot(t, final_len, chord=chord, strong=True))
        closing = last or p_no % 2 == 1
        scale = set(key.scale_pcs())
        cadence = (
            frozenset({key.tonic})
            if closing
            else frozenset(chord & scale) or frozenset({key.scale_pcs()[2]})
        )
        contour = arch_contour(len(slots), low=low, high=high, opening=not closing, rng=rng)
        got = solve_phrase(
            slots, pitches, profile=profile, contour=contour, cadence_pcs=cadence,
            prev_pitch=prev, rng=rng, echo=_echo(shapes.get(p_no % 2), len(slots)),
        )  # fmt: skip
        shapes[p_no % 2] = [index_of[b] - index_of[a] for a, b in itertools.pairwise(got)]
        notes += [
            Note(p, s.start, s.duration, _velocity(p, low, high, k == len(slots) - 1))
            for k, (s, p) in enumerate(zip(slots, got, strict=True))
        ]
        prev = got[-1]
    return notes


def compose(request: ComposeRequest) -> Piece:
    """Compose one piece; the same request and seed always give the same piece."""
    seed = resolve_seed(request.seed)
    theme = _theme(request)
    lines = read_lyrics(request.poem) if request.poem is not None else None
    if lines is not None and len(lines) > MAX_LINES:
        raise InputError(f"the poem has {len(lines)} lines", accepted=f"1..{MAX_LINES} lines")
    style = _style(request, lines)
    plan = music_plan_from_theme(theme, style=style, key=request.key, tempo=request.tempo)
    meter = _meter(request, lines, plan, seed)
    form: tuple[tuple[str, int, int], ...] = ()
    if lines is not None:
        melody, sung, chords, song = _song(lines, plan, seed, meter, request)
        total, form = song.total, tuple(song.sections)
        lines = [lines[i] for i in song.lines]
    else:
        if not 1 <= request.bars <= MAX_BARS:
            raise InputError(f"bars {request.bars} is out of range", accepted=f"1..{MAX_BARS}")
        chords = progression(
            plan.key, bars=request.bars, bar_ticks=BAR, mood=plan.mood,
            rng=make_rng(derive_seed(seed, "progression")),
        )  # fmt: skip
        melody, sung, total = _free_melody(chords, plan, request.bars, seed), [], request.bars * BAR
    total = -(-total // meter.bar) * meter.bar
    roles = instruments(style, plan.mood)
    parts = [Part(*roles["melody"], "melody", melody, channel=0)]
    parts += accompany(chords, total=total, meter=meter, style=style, mood=plan.mood, melody=melody)
    title = request.title or (lines[0].text if lines else f"{plan.key.name} · {plan.mood}")
    record = provenance_record(
        "compose",
        inputs={
            "poem": request.poem, "mood": request.mood, "key": request.key,
            "tempo": request.tempo, "bars": request.bars if lines is None else None,
            "style": request.style, "meter": request.meter, "intro": request.intro,
            "refrain": request.refrain, "theme": {"mood": theme.mood, "season": theme.season,
                                              "time_of_day": theme.time_of_day},
        },
        seed=seed,
        params={"key": plan.key.name, "tempo_bpm": plan.tempo_bpm, "style": style,
                "meter": meter.name},
    )  # fmt: skip
    return Piece(
        title=title, key=plan.key, tempo_bpm=plan.tempo_bpm, beats_per_bar=meter.beats,
        parts=parts, chords=chords, lines=lines or [], sung=sung, style=style,
        provenance=record, beat_unit=meter.unit, form=form,
    )  # fmt: skip


def _meter(request: ComposeRequest, lines: list[Line] | None, plan: MusicPlan, seed: int) -> Meter:
    """The request's meter, else one drawn for the mood; 4/4 without Chinese lyrics (the
    English feet and the free melody are written for it)."""
    chinese = bool(lines) and lines is not None and lines[0].language == "zh"
    if request.meter is not None:
        meter = parse_meter(request.meter)
        if not chinese and meter != COMMON:
            raise InputError(
                f"meter {request.meter} needs Chinese lyrics", accepted="4/4 for this piece"
            )
        return meter
    if not chinese:
        return COMMON
    return choose_meter(plan.mood, make_rng(derive_seed(seed, "meter")))
