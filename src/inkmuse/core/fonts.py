"""Finding the fonts for inscriptions: a brush-style CJK face, and a face for English.

Shared by the arts (the painting's inscription and seal, the music's piano roll), so it
lives in core rather than in one art that the others would have to import.

Searched in order: the INKMUSE_FONT environment variable (a font file), the Debian paths
of AR PL UKai (楷书, `fonts-arphic-ukai`) and LXGW WenKai (霞鹜文楷, `fonts-lxgw-wenkai`),
Noto CJK and WenQuanYi, then whatever `fc-list :lang=zh` knows. With none, the inscription
fails with a MissingDependencyError naming the package to install; a painting without an
inscription (`--no-inscription`) needs no font.

    >>> cjk_font_path().suffix in {".ttc", ".ttf", ".otf"}
    True
"""

from __future__ import annotations

import os
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

from inkmuse.core.errors import MissingDependencyError

ENV_VAR = "INKMUSE_FONT"
_CJK_PATHS = (
    "/usr/share/fonts/truetype/arphic/ukai.ttc",
    "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/System/Library/Fonts/Supplemental/Songti.ttc",
    "C:/Windows/Fonts/simkai.ttf",
)
# LXGW WenKai's Latin letters are a handwritten italic that sits well on an ink painting.
_LATIN_PATHS = (
    "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
)
_HINT = (
    "install the Debian package fonts-arphic-ukai or fonts-lxgw-wenkai (apt-get install "
    f"fonts-arphic-ukai), set {ENV_VAR}=/path/to/font.ttf, or paint with --no-inscription"
)


def cjk_font_path() -> Path:
    """The font file for Chinese inscriptions and seals."""
    found = _find(_CJK_PATHS, fc_lang="zh")
    if found is None:
        raise MissingDependencyError("no Chinese font found for the inscription", hint=_HINT)
    return found


def latin_font_path() -> Path:
    """The font file for English inscriptions (any CJK font also has Latin letters)."""
    found = _find(_LATIN_PATHS, fc_lang="en") or _find(_CJK_PATHS, fc_lang="zh")
    if found is None:
        raise MissingDependencyError("no font found for the inscription", hint=_HINT)
    return found


@lru_cache(maxsize=64)
def load_font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    """A FreeType font at `size` pixels (cached: inscriptions try several sizes)."""
    try:
        return ImageFont.truetype(str(path), size=size)
    except OSError as err:
        raise MissingDependencyError(f"cannot load font {path}: {err}", hint=_HINT) from None


def _find(paths: tuple[str, ...], fc_lang: str) -> Path | None:
    override = os.environ.get(ENV_VAR)
    if override:
        path = Path(override).expanduser()
        if not path.is_file():
            raise MissingDependencyError(f"{ENV_VAR} points to {path}, which is not a file")
        return path
    for raw in paths:
        if Path(raw).is_file():
            return Path(raw)
    return _fc_list(fc_lang)


@lru_cache(maxsize=4)
def _fc_list(lang: str) -> Path | None:
    exe = shutil.which("fc-list")
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, f":lang={lang}", "file"], capture_output=True, text=True,
                             timeout=10, check=False).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    files = sorted(line.split(":")[0].strip() for line in out.splitlines() if line.strip())
    return Path(files[0]) if files else None


__all__ = ["ENV_VAR", "cjk_font_path", "latin_font_path", "load_font"]
