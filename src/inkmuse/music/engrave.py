"""Engrave a score with LilyPond: MusicXML → musicxml2ly → lilypond → PNG pages.

An optional check and a picture, not an export format: it needs Debian `lilypond` (which
ships `musicxml2ly`). Three things musicxml2ly 2.24 writes badly are put right in the
`.ly` before it is engraved:

- a minor chord symbol comes out as `g:m5` and a major one as `f:5`, which LilyPond
  prints as power chords ("G5", "F5"); they are written `g:m` and `f`;
- every lyric line gets a stanza number "1." printed before the first syllable, under
  the intro's bars; it is dropped (a song has one verse);
- long instrument names ("Guzheng (left hand)") ran off the page's left edge; the first
  system is indented enough for them.

    >>> lilypond_available() in (True, False)
    True
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from inkmuse.core.errors import InputError

_TIMEOUT = 120  # seconds per tool run; a song takes about a second


@dataclass(frozen=True)
class Engraving:
    """pages: the PNG files, in order; warnings: every warning or error line the two tools
    printed (empty when the score engraved cleanly)."""

    pages: list[Path]
    warnings: list[str]


def lilypond_available() -> bool:
    """Whether both `musicxml2ly` and `lilypond` are on the PATH."""
    return shutil.which("musicxml2ly") is not None and shutil.which("lilypond") is not None


def fix_ly(text: str) -> str:
    """The `.ly` from musicxml2ly with its known misprints put right (module docstring)."""
    text = re.sub(r"(\b[a-g](?:is|es)*\d*\.*):m5\b", r"\1:m", text)
    text = re.sub(r"(\b[a-g](?:is|es)*\d*\.*):5\b", r"\1", text)
    text = text.replace('\\set stanza = "1." ', "")
    return text + "\n\\paper {\n  indent = 32\\mm\n  short-indent = 12\\mm\n}\n"


def _warnings(output: str) -> list[str]:
    return [ln.strip() for ln in output.splitlines() if re.search(r"warning|error", ln, re.I)]


def engrave(musicxml: Path, folder: Path, *, resolution: int = 90) -> Engraving:
    """Engrave one MusicXML file into PNG pages under `folder` (created), named after it.

    resolution: dots per inch of the PNGs."""
    if not lilypond_available():
        raise InputError(
            "engraving needs LilyPond (lilypond and musicxml2ly)",
            hint="install it with `apt-get install --no-install-recommends lilypond`",
        )
    folder, musicxml = folder.resolve(), musicxml.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    ly = folder / f"{musicxml.stem}.ly"
    convert = subprocess.run(
        # --no-beaming: inkmuse's MusicXML carries no <beam> elements (MuseScore beams by
        # the meter on import); LilyPond should beam by the meter too, not flag every eighth
        ["musicxml2ly", "--no-beaming", "--output", str(ly), str(musicxml)],
        capture_output=True, text=True, timeout=_TIMEOUT, check=False,
    )  # fmt: skip
    found = _warnings(convert.stdout + convert.stderr)
    if convert.returncode != 0 or not ly.exists():
        return Engraving([], found or [f"musicxml2ly exited with {convert.returncode}"])
    ly.write_text(fix_ly(ly.read_text(encoding="utf-8")), encoding="utf-8")
    stem = folder / musicxml.stem
    for old in folder.glob(f"{musicxml.stem}*.png"):
        old.unlink()
    run = subprocess.run(
        ["lilypond", "--png", f"-dresolution={resolution}", "-o", str(stem), str(ly)],
        capture_output=True, text=True, timeout=_TIMEOUT, check=False, cwd=folder,
    )  # fmt: skip
    found += _warnings(run.stdout + run.stderr)
    if run.returncode != 0:
        found.append(f"lilypond exited with {run.returncode}")
    pages = sorted(folder.glob(f"{musicxml.stem}-page*.png")) or sorted(
        folder.glob(f"{musicxml.stem}.png")
    )
    return Engraving(pages, found)
