"""The content type of every kind of file the studio serves, from one table rather than the
host's `mimetypes` database, which differs between machines and knows no MusicXML. With
`nosniff` on every response, a browser uses exactly this type.

    >>> media_type("song.musicxml")
    'application/vnd.recordare.musicxml+xml'
"""

from __future__ import annotations

from pathlib import PurePath

TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".bmp": "image/bmp",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
    ".wav": "audio/wav",
    ".mid": "audio/midi",
    ".midi": "audio/midi",
    ".musicxml": "application/vnd.recordare.musicxml+xml",
    ".mxl": "application/vnd.recordare.musicxml",
    ".abc": "text/vnd.abc; charset=utf-8",
    ".json": "application/json",
    ".txt": "text/plain; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".zip": "application/zip",
}
UNKNOWN = "application/octet-stream"  # anything else downloads; nothing is guessed


def media_type(name: str | PurePath) -> str:
    return TYPES.get(PurePath(name).suffix.lower(), UNKNOWN)
