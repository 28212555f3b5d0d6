"""The inscription (题画诗): a poem written onto the painting where nothing is painted.

Chinese is written in vertical columns read right to left, without punctuation, one
poem line to a column, then a shorter signature column (title, date as a 干支 year and a
season) and the red seal under it. English is set in horizontal lines. The block goes
where the subject mask is empty (sky, mist, water) with a margin around it; among such
places the quietest, highest one near the open side wins. If no empty place fits even at
the smallest size, the painting keeps no inscription and says so; text never covers a
subject.

    >>> ganzhi_year(2025), season_word("2025-10-01")
    ('乙巳', '秋')
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFont

from inkmuse.core.errors import InputError
from inkmuse.core.fonts import cjk_font_path, latin_font_path, load_font
from inkmuse.core.hanzi import has_han
from inkmuse.core.seeds import derive_seed
from inkmuse.painting.calligraphy import write_char
from inkmuse.painting.canvas import Canvas
from inkmuse.painting.hanzi_strokes import medians
from inkmuse.painting.noise import FloatArray
from inkmuse.painting.palettes import Palette
from inkmuse.painting.seal import seal_alpha

_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_BREAKS = re.compile(r"[，。！？；：、,.!?;:\s\n\"'“”‘’《》「」()（）—…·-]+")
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
SUBJECT_THRESHOLD = 0.1  # subject coverage above this counts as painted
MAX_CHARS = 400
PALE_INK = (0.95, 0.93, 0.87)
ENGLISH_WRAP = 34  # characters per English line: a block, not a banner


@dataclass(frozen=True)
class Inscription:
    """Where the inscription went: box (x, y, width, height) in pixels, font size, lines."""

    box: tuple[int, int, int, int]
    font_size: int
    lines: tuple[str, ...]
    vertical: bool
    hand: str = "font"  # "brush" when at least one character was written along its strokes


def ganzhi_year(year: int) -> str:
    """The sexagenary (干支) name of a Gregorian year, as painters date their work."""
    return _STEMS[(year - 4) % 10] + _BRANCHES[(year - 4) % 12]


def season_word(date: str) -> str:
    """春/夏/秋/冬 for a YYYY-MM[-DD] date (an empty string for a bare year)."""
    match = _DATE.match(date)
    if match is None or match.group(2) is None:
        return ""
    month = int(match.group(2))
    return "冬冬春春春夏夏夏秋秋秋冬"[month - 1] if 1 <= month <= 12 else ""


def signature(title: str | None, date: str | None, chinese: bool) -> str:
    """The signature line: title and date, e.g. '寒江独钓 乙巳秋'."""
    parts: list[str] = []
    if title:
        parts.append(title.strip())
    if date:
        match = _DATE.match(date.strip())
        if match is None:
            raise InputError(
                f"date '{date}' is not understood", accepted="YYYY, YYYY-MM or YYYY-MM-DD"
            )
        year = int(match.group(1))
        parts.append(ganzhi_year(year) + season_word(date) if chinese else date.strip())
    return (" " if chinese else ", ").join(parts)


def poem_lines(text: str) -> tuple[list[str], bool]:
    """Split a poem into inscription lines; True when it is written vertically (Chinese)."""
    text = text.strip()
    if len(text) > MAX_CHARS:
        raise InputError(f"the inscription text has {len(text)} characters",
                         accepted=f"at most {MAX_CHARS}; inscribe a shorter poem")  # fmt: skip
    if has_han(text):
        return [p for p in _BREAKS.split(text) if p], True
    # lines with no letter or digit (stray punctuation) are not worth writing
    lines = [ln.strip() for ln in re.split(r"\n|\s/\s", text) if any(c.isalnum() for c in ln)]
    return [part for ln in lines for part in textwrap.wrap(ln, ENGLISH_WRAP)], False


def inscribe(canvas: Canvas, text: str, palette: Palette, *, sign: str, seal: str,
             seed: int, prefer_right: bool) -> Inscription | None:  # fmt: skip
    """Write `text` (and signature and seal) into the emptiest place; None if none fits."""
    lines, vertical = poem_lines(text)
    if not lines and not sign:
        return None
    occupied = canvas.subject > SUBJECT_THRESHOLD
    table = np.pad(occupied.astype(np.int32).cumsum(0).cumsum(1), ((1, 0), (1, 0)))
    darkness = 1.0 - canvas.rgb.mean(axis=2)
    dark_table = np.pad(darkness.astype(np.float64).cumsum(0).cumsum(1), ((1, 0), (1, 0)))
    h = canvas.height
    start = max(12, int(h * (0.042 if vertical else 0.036)))
    size = start
    while size >= max(10, int(h * 0.018)):
        block = _layout(lines, sign, size, vertical, seed)
        spot = _find_spot(table, dark_table, block.size, int(size * 0.6), prefer_right)
        if spot is not None:
            x, y = spot
            _draw(canvas, block, x, y, palette, seal, seed)
            hand = "brush" if block.brushed else "font"
            return Inscription((x, y, *block.size), size, tuple(lines), vertical, hand)
        size = int(size * 0.88)
    return None


@dataclass
class _Block:
    size: tuple[int, int]
    text: Image.Image  # 'L' coverage of all writing
    seal_at: tuple[int, int, int]  # x, y, side
    brushed: bool = False  # some characters were written with the brush


def _layout(lines: list[str], sign: str, size: int, vertical: bool, seed: int = 0) -> _Block:
    small = max(8, int(size * 0.72))
    # big enough that its characters read at 1024 px (each a cell of about 30x60 px)
    seal_side = max(14, int(size * 1.9))
    if vertical:
        font = load_font(cjk_font_path(), size)
        sfont = load_font(cjk_font_path(), small)
        step, sstep = size * 1.08, small * 1.08
        col_w = int(size * 1.35)
        sign_chars = [c for c in sign if not c.isspace()]
        longest = max([len(ln) for ln in lines] + [0])
        sign_h = int(size * 1.5 + len(sign_chars) * sstep + seal_side * 1.2)
        height = int(max(longest * step, sign_h)) + 4
        # the signature column is wide enough for the seal under it
        sign_w = max(col_w, int(seal_side + size * 0.3)) if sign_chars else 0
        width = max(len(lines) * col_w + sign_w, 1) + (0 if sign_chars else seal_side + 4)
        img = Image.new("L", (width, height), 0)
        draw = ImageDraw.Draw(img)
        brushed = False
        for i, line in enumerate(lines):  # right to left
            cx = width - (i + 0.5) * col_w
            for j, ch in enumerate(line):
                centre = (cx, j * step + step / 2)
                wrote = _write(img, ch, centre, size, derive_seed(seed, "brush", str(i), str(j)))
                brushed |= wrote
                if not wrote:  # no stroke data for this character: the font writes it
                    draw.text(centre, ch, font=font, fill=255, anchor="mm")
        # the seal goes under the signature, or alone in its own column left of the poem
        sx = width - len(lines) * col_w - sign_w / 2 if sign_chars else seal_side / 2 + 2
        y = size * 1.5 if sign_chars else height - seal_side * 1.2
        for k, ch in enumerate(sign_chars):
            centre = (sx, y + sstep / 2)
            if not _write(img, ch, centre, small, derive_seed(seed, "brush", "sign", str(k))):
                draw.text(centre, ch, font=sfont, fill=255, anchor="mm")
            y += sstep
        seal_at = (int(sx - seal_side / 2), int(y + seal_side * 0.15), seal_side)
        return _Block((width, height), img, seal_at, brushed)
    font = load_font(latin_font_path(), size)
    sfont = load_font(latin_font_path(), small)
    lead = int(size * 1.35)
    widths = [_text_width(font, ln) for ln in lines] + [
        _text_width(sfont, "— " + sign) if sign else 0
    ]
    width = int(max([*widths, seal_side]) + size)
    height = lead * len(lines) + (lead if sign else 0) + int(seal_side * 1.3)
    img = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((size // 2, i * lead), line, font=font, fill=255)
    y = lead * len(lines)
    if sign:
        draw.text((width - size // 2, y), "— " + sign, font=sfont, fill=255, anchor="ra")
        y += lead
    return _Block(
        (width, height), img, (width - size // 2 - seal_side, y + int(seal_side * 0.2), seal_side)
    )


def _write(img: Image.Image, ch: str, centre: tuple[float, float], size: int, seed: int) -> bool:
    """Write `ch` with the brush along its stroke medians, centred on `centre`, when the
    stroke data is installed; False (nothing drawn) otherwise, and the font writes it."""
    strokes = medians(ch)
    if strokes is None:
        return False
    ss = 2  # written at 2x and reduced, like every small stroke
    tile = Image.new("L", (size * ss, size * ss), 0)
    write_char(ImageDraw.Draw(tile), strokes, (0.0, 0.0), size * ss, seed)
    tile = tile.resize((size, size), Image.Resampling.BOX)
    x, y = int(centre[0] - size / 2), int(centre[1] - size / 2)
    region = img.crop((x, y, x + size, y + size))
    img.paste(ImageChops.lighter(region, tile), (x, y))
    return True


def _text_width(font: ImageFont.FreeTypeFont, text: str) -> float:
    return float(font.getlength(text))


def _find_spot(table: np.ndarray, dark: np.ndarray, size: tuple[int, int], margin: int,
               prefer_right: bool) -> tuple[int, int] | None:  # fmt: skip
    """Top-left corner of the best empty place for a block of `size` (plus margin)."""
    bw, bh = size[0] + 2 * margin, size[1] + 2 * margin
    H, W = table.shape[0] - 1, table.shape[1] - 1
    if bw > W or bh > H:
        return None
    step = max(2, min(bw, bh) // 24)
    ys = np.arange(0, H - bh + 1, step)
    xs = np.arange(0, W - bw + 1, step)
    y0, x0 = ys[:, None], xs[None, :]

    def box_sum(t: np.ndarray) -> np.ndarray:
        return t[y0 + bh, x0 + bw] - t[y0, x0 + bw] - t[y0 + bh, x0] + t[y0, x0]  # type: ignore[no-any-return]

    free = box_sum(table) == 0
    if not free.any():
        return None
    quiet = box_sum(dark) / (bw * bh)
    # prefer high places, and the open side's edge (text hangs from the top of a scroll)
    edge = (W - bw - x0) / max(1, W - bw) if prefer_right else x0 / max(1, W - bw)
    # high in the sky first: a poem hangs from the top of the picture, not from its middle
    score = quiet * 3.0 + (y0 / max(1, H - bh)) * 1.5 + edge * 0.35
    score = np.where(free, score, np.inf)
    iy, ix = np.unravel_index(int(np.argmin(score)), score.shape)
    return int(xs[ix]) + margin, int(ys[iy]) + margin


def _draw(
    canvas: Canvas, block: _Block, x: int, y: int, palette: Palette, seal: str, seed: int
) -> None:
    alpha: FloatArray = np.asarray(block.text, np.float32) / 255.0
    # ink on light ground; on a dark ground (a restyled night sky) write in pale paint
    ground = float(canvas.rgb[y : y + block.size[1], x : x + block.size[0]].mean())
    # whichever of dark ink and pale paint stands out more from the ground under the block
    dark, pale = float(np.mean(palette.ink)), float(np.mean(PALE_INK))
    colour = palette.ink if ground - dark >= pale - ground else PALE_INK
    canvas.lay(alpha * np.float32(0.92), colour, at=(y, x))
    sx, sy, side = block.seal_at
    if seal:
        canvas.lay(
            seal_alpha(seal, side, seed) * np.float32(0.9), palette.seal, at=(y + sy, x + sx)
        )
    # the writing now occupies its place, so later checks see it as painted
    region = canvas.subject[y : y + block.size[1], x : x + block.size[0]]
    np.maximum(region, alpha[: region.shape[0], : region.shape[1]], out=region)


__all__ = ["Inscription", "ganzhi_year", "inscribe", "poem_lines", "season_word", "signature"]
