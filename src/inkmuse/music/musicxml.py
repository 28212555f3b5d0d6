"""MusicXML 4.0 (partwise) writer: every part, lyrics under the melody notes, chord
symbols above it, key, time, tempo, and the provenance in <identification>. Opens in
MuseScore; music21 reads it back.

    >>> from inkmuse.music.compose import ComposeRequest, compose
    >>> "<lyric" in musicxml_text(compose(ComposeRequest(poem="灯塔", seed=1)))
    True
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from inkmuse import __version__
from inkmuse.core.provenance import provenance_json
from inkmuse.music.model import TICKS_PER_QUARTER, ChordSpan, Piece
from inkmuse.music.notation import VALUES, Event, bars_of, melisma_slurs, slur_mark, voice_events
from inkmuse.music.notation import beat_ticks as _beat
from inkmuse.music.theory import Key

_KIND = {"maj": "major", "min": "minor", "dim": "diminished", "sus2": "suspended-second",
         "sus4": "suspended-fourth"}  # fmt: skip


def _pitch(key: Key, midi: int) -> str:
    letter, alter = key.spell_parts(midi % 12)
    octave = (midi - alter) // 12 - 1
    alter_xml = f"<alter>{alter}</alter>" if alter else ""
    return f"<pitch><step>{letter}</step>{alter_xml}<octave>{octave}</octave></pitch>"


def _note(key: Key, ev: Event, slur: str = "") -> str:
    """One event's <note> elements. slur: 'start' / 'stop' of a melisma's slur; a
    melisma's syllable also gets a lyric extender line."""
    kind, dots = VALUES[ev.duration]
    out = []
    pitches = ev.pitches or (None,)
    for i, p in enumerate(pitches):
        xml = ["<note>"]
        if i:
            xml.append("<chord/>")
        xml.append("<rest/>" if p is None else _pitch(key, p))
        xml.append(f"<duration>{ev.duration}</duration>")
        if ev.tie_stop:
            xml.append('<tie type="stop"/>')
        if ev.tie_start:
            xml.append('<tie type="start"/>')
        xml.append("<voice>1</voice>")
        xml.append(f"<type>{kind}</type>" + "<dot/>" * dots)
        marks = ('<tied type="stop"/>' if ev.tie_stop else "") + (
            '<tied type="start"/>' if ev.tie_start else ""
        )
        if slur and i == 0:
            marks += f'<slur type="{slur}" number="1"/>'
        if marks:
            xml.append(f"<notations>{marks}</notations>")
        if ev.lyric and i == 0:
            extend = '<extend type="start"/>' if slur == "start" else ""
            xml.append(
                f'<lyric number="1"><syllabic>{ev.syllabic}</syllabic>'
                f"<text>{escape(ev.lyric)}</text>{extend}</lyric>"
            )
        xml.append("</note>")
        out.append("".join(xml))
    return "\n".join(out)


def _harmony(key: Key, span: ChordSpan, offset: int) -> str:
    letter, alter = key.spell_parts(span.chord.root)
    alter_xml = f"<root-alter>{alter}</root-alter>" if alter else ""
    off = f"<offset>{offset}</offset>" if offset else ""
    return (
        f"<harmony><root><root-step>{letter}</root-step>{alter_xml}</root>"
        f"<kind>{_KIND[span.chord.quality]}</kind>{off}</harmony>"
    )


def _attributes(piece: Piece, bass: bool) -> str:
    clef = "<sign>F</sign><line>4</line>" if bass else "<sign>G</sign><line>2</line>"
    return (
        f"<attributes><divisions>{TICKS_PER_QUARTER}</divisions>"
        f"<key><fifths>{piece.key.fifths}</fifths><mode>{piece.key.mode.xml_mode}</mode></key>"
        f"<time><beats>{piece.beats_per_bar}</beats><beat-type>{piece.beat_unit}</beat-type></time>"
        f"<clef>{clef}</clef></attributes>"
    )


def _part_xml(piece: Piece, index: int) -> str:
    part = piece.parts[index]
    total, bar = piece.length_ticks, piece.ticks_per_bar
    # The melody is cut (and tied) at each chord change so every chord symbol sits on a
    # note of its own: LilyPond's musicxml2ly ignores a <harmony>'s offset and gives it
    # the next note's length, so two chords over one note drifted out of the bar.
    cuts = frozenset(c.start for c in piece.chords) if part.role == "melody" else frozenset()
    bars = bars_of(voice_events(part, total), bar, cuts, _beat(piece))
    pitches = [n.pitch for n in part.notes]
    # Bass clef when the part lives mostly below middle C (the guzheng's arpeggios do).
    bass = bool(pitches) and sum(pitches) / len(pitches) < 60
    chords = list(piece.chords) if part.role == "melody" else []
    slurs = melisma_slurs(piece) if part.role == "melody" else (frozenset(), frozenset())
    out = [f'<part id="P{index + 1}">']
    for b, events in enumerate(bars):
        out.append(f'<measure number="{b + 1}">')
        if b == 0:
            out.append(_attributes(piece, bass))
        if b == 0 and index == 0:  # the tempo once, above the top part
            out.append(
                '<direction placement="above"><direction-type><metronome>'
                f"<beat-unit>quarter</beat-unit><per-minute>{piece.tempo_bpm}</per-minute>"
                f'</metronome></direction-type><sound tempo="{piece.tempo_bpm}"/></direction>'
            )
        for ev in events:
            while chords and chords[0].start < ev.start + ev.duration:
                out.append(_harmony(piece.key, chords[0], max(chords[0].start - ev.start, 0)))
                chords.pop(0)
            slur = slur_mark(ev, slurs)
            out.append(_note(piece.key, ev, slur))
        if b == len(bars) - 1:
            out.append('<barline location="right"><bar-style>light-heavy</bar-style></barline>')
        out.append("</measure>")
    out.append("</part>")
    return "\n".join(out)


def musicxml_text(piece: Piece) -> str:
    """The whole score as MusicXML text."""
    head = [
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
        '<!DOCTYPE score-partwise PUBLIC "-//Recordare//DTD MusicXML 4.0 Partwise//EN" '
        '"http://www.musicxml.org/dtds/partwise.dtd">',
        '<score-partwise version="4.0">',
        f"<work><work-title>{escape(piece.title)}</work-title></work>",
        '<identification><creator type="composer">inkmuse</creator>'
        f"<encoding><software>inkmuse {__version__}</software></encoding>"
        '<miscellaneous><miscellaneous-field name="inkmuse-provenance">'
        f"{escape(provenance_json(piece.provenance))}</miscellaneous-field></miscellaneous>"
        "</identification>",
        "<part-list>",
    ]
    for i, part in enumerate(piece.parts):
        pid = f"P{i + 1}"
        head.append(
            f'<score-part id="{pid}"><part-name>{escape(part.name)}</part-name>'
            f'<score-instrument id="{pid}-I1"><instrument-name>{escape(part.name)}'
            f"</instrument-name></score-instrument>"
            f'<midi-instrument id="{pid}-I1"><midi-channel>{part.channel + 1}</midi-channel>'
            f"<midi-program>{part.program + 1}</midi-program></midi-instrument></score-part>"
        )
    head.append("</part-list>")
    body = [_part_xml(piece, i) for i in range(len(piece.parts))]
    return "\n".join([*head, *body, "</score-partwise>", ""])
