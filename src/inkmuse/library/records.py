"""A version's record, kept in its own folder (version.json), so the files are the truth and
the database only their index: any version folder can be indexed again from itself.

Folders saved before records existed are read from the creation's provenance.json and
poem.txt instead (action and parent are then unknown and guessed from the number).

>>> record = new_record(work={"id": "0123456789ab", "title": "秋夜", "idea": "秋夜",
...     "created_at": "2026-01-01T00:00:00+00:00"}, number=1, parent=None, action="create",
...     poem="月落", theme={}, seeds={}, authorship={}, provenance={},
...     files=["poem.txt"], hashes={"poem.txt": "ab"}, created_at="2026-01-01T00:00:00+00:00")
>>> record["files"], valid_record(record, "0123456789ab", 1)
(['poem.txt'], True)
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RECORD = "version.json"
PROVENANCE = "provenance.json"
FORMAT = 1
# Names a version's files may have: no path separators, no dot files (so no `..`).
FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$")
_KEYS = {
    "work": dict,
    "number": int,
    "action": str,
    "poem": str,
    "theme": dict,
    "seeds": dict,
    "authorship": dict,
    "provenance": dict,
    "files": list,
    "hashes": dict,
    "created_at": str,
}


def new_record(
    *,
    work: dict[str, str],
    number: int,
    parent: int | None,
    action: str,
    poem: str,
    theme: dict[str, Any],
    seeds: dict[str, int],
    authorship: dict[str, str],
    provenance: dict[str, Any],
    files: list[str],
    hashes: dict[str, str],
    created_at: str,
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "work": work,
        "number": number,
        "parent": parent,
        "action": action,
        "poem": poem,
        "theme": theme,
        "seeds": seeds,
        "authorship": authorship,
        "provenance": provenance,
        "files": sorted(files),
        "hashes": hashes,
        "created_at": created_at,
    }


def valid_record(record: object, work_id: str, number: int) -> bool:
    """Whether `record` is whole and belongs to the folder works/<work_id>/v<number>."""
    if not isinstance(record, dict):
        return False
    if any(not isinstance(record.get(k), t) for k, t in _KEYS.items()):
        return False
    work = record["work"]
    names = record["files"]
    return (
        record["number"] == number
        and all(isinstance(n, str) and FILE_NAME.match(n) and n != RECORD for n in names)
        and work.get("id") == work_id
        and all(isinstance(work.get(k), str) for k in ("title", "idea", "created_at"))
        and (record.get("parent") is None or isinstance(record.get("parent"), int))
    )


def write_record(folder: Path, record: dict[str, Any]) -> None:
    # Through a rename, so a reader never sees half a record (and a kill leaves none).
    part = folder / f".{RECORD}.part"
    write_durably(part, json.dumps(record, ensure_ascii=False, indent=2).encode())
    os.replace(part, folder / RECORD)


def read_record(folder: Path, work_id: str, number: int) -> dict[str, Any] | None:
    """The record of the version in `folder`, or None when it has none that can be trusted."""
    try:
        record = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except FileNotFoundError:
        record = _legacy_record(folder, work_id, number)
    except (OSError, ValueError):
        return None
    return record if valid_record(record, work_id, number) else None


def _legacy_record(folder: Path, work_id: str, number: int) -> dict[str, Any] | None:
    try:
        prov = json.loads((folder / PROVENANCE).read_text(encoding="utf-8"))
        poem = (folder / "poem.txt").read_text(encoding="utf-8").strip()
        at = datetime.fromtimestamp((folder / PROVENANCE).stat().st_mtime, UTC)
    except (OSError, ValueError):
        return None
    if not isinstance(prov, dict) or not isinstance(prov.get("inputs"), dict):
        return None
    idea = prov["inputs"].get("idea")
    if not isinstance(idea, str):
        return None
    created = at.isoformat(timespec="microseconds")
    names = [p.name for p in sorted(folder.iterdir()) if p.is_file() and FILE_NAME.match(p.name)]
    hashes = {name: file_hash(folder / name) for name in names}
    return new_record(
        work={"id": work_id, "title": idea, "idea": idea, "created_at": created},
        number=number,
        parent=None,
        action="create" if number == 1 else "remix",
        poem=poem,
        theme=_dict(prov.get("theme")),
        seeds=_dict(prov.get("seeds")),
        authorship=_dict(prov.get("authorship")),
        provenance=prov,
        files=names,
        hashes=hashes,
        created_at=created,
    )


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_durably(path: Path, data: bytes) -> None:
    """Write and fsync, so a rename that follows never exposes a half-written file."""
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
