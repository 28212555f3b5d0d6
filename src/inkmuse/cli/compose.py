"""`inkmuse compose`: set a poem to a song, or write music from a mood.

inkmuse compose "床前明月光，疑是地上霜。举头望明月，低头思故乡。" --seed 7
inkmuse compose --mood 惆怅 --key D羽 --bars 16 --seed 3
"""

from __future__ import annotations

from pathlib import Path

import click

from inkmuse.cli.text_input import read_argument, read_file
from inkmuse.core.errors import InputError
from inkmuse.core.theme import SEASONS, TIMES_OF_DAY

_FORMATS = "mid,musicxml,abc,wav,png,json"


def _read_poem(poem: str | None, poem_file: Path | None) -> str | None:
    if poem is not None and poem_file is not None:
        raise InputError("give the poem as an argument or with --poem-file, not both")
    if poem_file is not None:
        return read_file(poem_file, what="the poem")
    return read_argument(poem, what="the poem")


@click.command(name="compose")
@click.argument("poem", required=False)
@click.option("--poem-file", type=click.Path(path_type=Path), default=None,
              help="Read the poem from a UTF-8 text file ('-' for standard input).")  # fmt: skip
@click.option("--mood", default=None, help="惆怅, 思乡, 欢快, sad, serene ... or a Theme mood.")
@click.option("--season", type=click.Choice(SEASONS), default=None, help="Shifts key and tempo.")
@click.option("--time-of-day", type=click.Choice(TIMES_OF_DAY), default=None,
              help="Night slows the tempo, dawn and day quicken it.")  # fmt: skip
@click.option("--key", default=None, help="D羽, C宫, G徵, E角, D商, A minor, F# dorian ...")
@click.option("--tempo", type=int, default=None, help="Quarter notes per minute (30-240).")
@click.option("--bars", type=int, default=16, show_default=True,
              help="Length when there is no poem.")  # fmt: skip
@click.option("--style", default=None,
              help="chinese (中国风: erhu/dizi, guzheng, pipa), piano or strings.")  # fmt: skip
@click.option("--seed", type=int, default=None, help="Same seed, same bytes.")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Output folder (default ./inkmuse-compose-SEED).")  # fmt: skip
@click.option("--formats", default=_FORMATS, show_default=True,
              help="Comma-separated: mid, musicxml, abc, wav, png, json.")  # fmt: skip
@click.option("--synth", type=click.Choice(["auto", "numpy", "fluidsynth"]), default="auto",
              show_default=True,
              help="WAV renderer: auto is fluidsynth + a GM SoundFont where installed, "
                   "else the built-in numpy synth.")  # fmt: skip
@click.option("--meter", type=click.Choice(["4/4", "2/4", "3/4", "6/8"]), default=None,
              help="Time signature for Chinese lyrics (default: drawn for the mood).")  # fmt: skip
@click.option("--refrain", is_flag=True, default=False,
              help="Sing the last couplet again at the end.")  # fmt: skip
@click.option("--title", default=None, help="Title (default: the first line).")
def command(poem: str | None, poem_file: Path | None, mood: str | None, season: str | None,
            time_of_day: str | None, key: str | None, tempo: int | None, bars: int,
            style: str | None, seed: int | None, out: Path | None, formats: str, synth: str,
            meter: str | None, refrain: bool, title: str | None) -> None:  # fmt: skip
    """Set a poem to music (Chinese by its tones, English by its stress), or compose from a
    mood. POEM may be '-' to read standard input."""
    from dataclasses import replace

    from inkmuse.music import ComposeRequest, compose, export, measure
    from inkmuse.music.audio import resolve_synth
    from inkmuse.music.compose import _theme

    text = _read_poem(poem, poem_file)
    if text is not None and not text.strip():
        raise InputError("the poem is empty", accepted="a Chinese poem or English lines")
    request = ComposeRequest(poem=text, mood=mood, key=key, tempo=tempo, bars=bars,
                             style=style, seed=seed, title=title, meter=meter,
                             refrain=refrain)  # fmt: skip
    if season or time_of_day:
        theme = _theme(request)
        theme = replace(theme, season=season or theme.season,
                        time_of_day=time_of_day or theme.time_of_day)  # fmt: skip
        request = replace(request, theme=theme)
    piece = compose(request)
    folder = out or Path(f"inkmuse-compose-{piece.provenance['seed']}")
    wanted = [f.strip() for f in formats.split(",") if f.strip()]
    paths = export(piece, folder, formats=wanted, synth=synth)

    k = piece.key
    meter_name = f"{piece.beats_per_bar}/{piece.beat_unit}"
    click.echo(f"{piece.title}   {k.name}   {piece.tempo_bpm} bpm   {meter_name}   "
               f"{piece.bars} bars   seed {piece.provenance['seed']}")  # fmt: skip
    click.echo("instruments: " + ", ".join(f"{p.name} (GM {p.program})" for p in piece.parts))
    click.echo("progression:")
    bar = piece.ticks_per_bar
    beat = bar // piece.beats_per_bar
    for span in piece.chords:
        where = f"bar {span.start / bar + 1:g}"
        click.echo(f"  {where:9} {span.chord.roman(k):8} {span.chord.name(k):7} "
                   f"{span.duration // beat} beats")  # fmt: skip
    if piece.sung:
        notes = piece.melody.notes
        click.echo("melody:")
        for line_no, line in enumerate(piece.lines):
            sylls = [s for s in piece.sung if s.line == line_no]
            cells = []
            for syl, s in zip(line.syllables, sylls, strict=True):
                sung = "~".join(
                    k.pitch_name(notes[i].pitch) for i in range(s.first_note, s.last_note + 1)
                )
                cells.append(f"{syl.text}{'' if syl.tone == 0 else syl.tone}:{sung}")
            click.echo("  " + "  ".join(cells))
    for row in measure(piece).lines():
        click.echo(row)
    if "wav" in paths:
        used = resolve_synth(synth)
        how = "a General MIDI SoundFont" if used == "fluidsynth" else "the built-in synthesizer"
        click.echo(f"synth: {used} ({how})")
    for _fmt, path in paths.items():
        click.echo(f"wrote {path}")
