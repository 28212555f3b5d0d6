"""Piano-roll PNG: every part's notes on a pitch/time grid, with bar lines, chord names,
the lyrics under the melody and the provenance in a PNG text chunk.

Lyrics need a CJK font (found the way the painting inscriptions find theirs); without
one the roll is drawn without text rather than failing.

    >>> from inkmuse.music.compose import ComposeRequest, compose
    >>> piano_roll(compose(ComposeRequest(poem="灯塔", seed=1))).mode
    'RGB'
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

from inkmuse.core.errors import MissingDependencyError
from inkmuse.core.provenance import provenance_json
from inkmuse.music.model import Piece

PAPER = (247, 243, 232)
INK = (40, 36, 32)
GRID = (222, 214, 196)
# role → fill colour (vermilion melody, ink-blue bass, pine-green texture, ochre harmony)
COLOURS = {
    "melody": (196, 58, 42),
    "texture": (58, 120, 98),
    "harmony": (196, 150, 60),
    "bass": (48, 72, 128),
}
MAX_WIDTH = 2400


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        from inkmuse.core.fonts import cjk_font_path, load_font

        return load_font(cjk_font_path(), size)
    except (ImportError, MissingDependencyError):
        return ImageFont.load_default()


def piano_roll(piece: Piece) -> Image.Image:
    """The roll as a Pillow image (about 6 px per sixteenth, 7 px per semitone)."""
    total = piece.length_ticks
    px_tick = max(2, min(8, (MAX_WIDTH - 120) // max(total, 1)))
    px_semi = 7
    pitches = [n.pitch for p in piece.parts for n in p.notes]
    low, high = min(pitches) - 2, max(pitches) + 2
    left, top, bottom = 60, 70, 60
    width = left + total * px_tick + 20
    height = top + (high - low + 1) * px_semi + bottom
    img = Image.new("RGB", (width, height), PAPER)
    draw = ImageDraw.Draw(img)
    small, big = _font(13), _font(20)

    def y_of(pitch: int) -> int:
        return top + (high - pitch) * px_semi

    for p in range(low, high + 1):
        if p % 12 == 0:
            draw.line([(left, y_of(p) + px_semi), (width - 20, y_of(p) + px_semi)], fill=GRID)
            draw.text((8, y_of(p) - 3), f"C{p // 12 - 1}", fill=INK, font=small)
    for t in range(0, total + 1, 4):
        x = left + t * px_tick
        strong = t % piece.ticks_per_bar == 0
        draw.line([(x, top), (x, height - bottom)], fill=INK if strong else GRID, width=1)
        if strong and t < total:
            draw.text((x + 3, height - bottom + 4), str(t // piece.ticks_per_bar + 1),
                      fill=INK, font=small)  # fmt: skip
    for span in piece.chords:
        x = left + span.start * px_tick
        draw.text((x + 3, top - 22), span.chord.name(piece.key), fill=INK, font=small)
    order = sorted(piece.parts, key=lambda p: p.role == "melody")  # melody drawn last
    label_end = [0, 0]  # right edge of the last lyric on each of two label rows
    for part in order:
        colour = COLOURS.get(part.role, INK)
        for n in part.notes:
            x0 = left + n.start * px_tick
            x1 = left + n.end * px_tick - 1
            y0 = y_of(n.pitch)
            draw.rounded_rectangle([x0, y0, x1, y0 + px_semi - 1], radius=2, fill=colour)
            if n.lyric and part.role == "melody":
                # Short notes: drop a lyric to the second row rather than overlap its neighbour.
                row = 0 if x0 >= label_end[0] else 1
                draw.text((x0, y0 + px_semi + 1 + 14 * row), n.lyric, fill=colour, font=small)
                label_end[row] = x0 + int(draw.textlength(n.lyric, font=small)) + 2
    title = f"{piece.title}   {piece.key.name}   {piece.tempo_bpm} bpm   {piece.style}"
    draw.text((left, 12), title, fill=INK, font=big)
    legend_x = width - 20
    for part in reversed(piece.parts):
        label = f"{part.name}"
        w = int(draw.textlength(label, font=small)) + 22
        legend_x -= w
        draw.rectangle([legend_x, 44, legend_x + 12, 54], fill=COLOURS.get(part.role, INK))
        draw.text((legend_x + 16, 40), label, fill=INK, font=small)
    return img


def piano_roll_png(piece: Piece) -> bytes:
    """PNG bytes with the provenance in a tEXt chunk ('inkmuse')."""
    info = PngInfo()
    info.add_text("inkmuse", provenance_json(piece.provenance))
    buf = io.BytesIO()
    piano_roll(piece).save(buf, format="PNG", pnginfo=info, optimize=False)
    return buf.getvalue()
