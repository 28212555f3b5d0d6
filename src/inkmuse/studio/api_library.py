"""Library routes: the gallery of saved works and their versions; open, compare, export,
delete."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Query
from fastapi.responses import FileResponse

from inkmuse.core.errors import InputError
from inkmuse.library import Version
from inkmuse.studio.mediatypes import media_type
from inkmuse.studio.state import State

router = APIRouter(prefix="/api/works", tags=["library"])


def version_dict(version: Version) -> dict[str, Any]:
    base = f"/api/works/{version.work_id}/versions/{version.number}/files"
    return {
        "work": version.work_id,
        "number": version.number,
        "parent": version.parent,
        "action": version.action,
        "poem": version.poem,
        "seeds": version.seeds,
        "authorship": version.authorship,
        "created_at": version.created_at,
        "key": version.theme.get("key"),
        "files": {name: f"{base}/{name}" for name in version.files},
    }


@router.get("")
def works(
    state: State,
    search: Annotated[str | None, Query(max_length=100)] = None,
) -> list[dict[str, Any]]:
    """Saved works, newest first, each with its latest version (for the gallery)."""
    with state.library() as lib:
        out = []
        for work in lib.list_works(search or None):
            latest = lib.version(work.id) if work.versions else None
            out.append({**work.__dict__, "latest": version_dict(latest) if latest else None})
        return out


@router.get("/{work_id}")
def work(work_id: str, state: State) -> dict[str, Any]:
    with state.library() as lib:
        return {
            **lib.work(work_id).__dict__,
            "versions": [version_dict(v) for v in lib.versions(work_id)],
        }


@router.get("/{work_id}/versions/{number}/files/{name}")
def version_file(work_id: str, number: int, name: str, state: State) -> FileResponse:
    with state.library() as lib:
        version = lib.version(work_id, number)
    if name not in version.files:  # also refuses any path: only listed names are served
        raise InputError(
            f"version {number} has no file {name!r}", accepted=", ".join(version.files)
        )
    return FileResponse(version.folder / name, media_type=media_type(name))


@router.get("/{work_id}/export")
def export(
    work_id: str,
    background: BackgroundTasks,
    state: State,
    version: Annotated[int | None, Query(ge=1)] = None,
) -> FileResponse:
    """A zip of one version's files and its record."""
    # Inside the session's workspace, so a studio that dies mid-export leaves nothing
    # behind that the next start-up does not clear; removed at once if the export fails.
    tmp = Path(tempfile.mkdtemp(prefix="export-", dir=state.workspace.root))
    try:
        with state.library() as lib:
            number = lib.version(work_id, version).number
            path = lib.export(work_id, tmp / f"inkmuse-{work_id}-v{number}.zip", number)
    except BaseException:
        _remove(tmp)
        raise
    background.add_task(_remove, tmp)
    return FileResponse(path, media_type=media_type(path), filename=path.name)


@router.get("/{work_id}/archive")
def archive(work_id: str, background: BackgroundTasks, state: State) -> FileResponse:
    """A zip of the whole work: every version's files and record, one folder each."""
    from inkmuse.studio.archive import work_zip

    tmp = Path(tempfile.mkdtemp(prefix="export-", dir=state.workspace.root))
    try:
        with state.library() as lib:
            path = work_zip(lib, work_id, tmp / f"inkmuse-{work_id}.zip")
    except BaseException:
        _remove(tmp)
        raise
    background.add_task(_remove, tmp)
    return FileResponse(path, media_type=media_type(path), filename=path.name)


def _remove(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


@router.delete("/{work_id}")
def delete(work_id: str, state: State) -> dict[str, Any]:
    with state.library() as lib:
        lib.delete(work_id)
    return {"deleted": work_id}


@router.get("/{work_id}/compare")
def compare(
    work_id: str,
    a: Annotated[int, Query(ge=1)],
    b: Annotated[int, Query(ge=1)],
    state: State,
) -> dict[str, Any]:
    """Two versions side by side: the poem line by line, and which parts changed (a part
    whose seed is the same and whose poem is the same came out byte-identical)."""
    from inkmuse.poetry.text import split_poem

    with state.library() as lib:
        va, vb = lib.version(work_id, a), lib.version(work_id, b)
    la, lb = split_poem(va.poem).lines, split_poem(vb.poem).lines
    lines = [
        {
            "line": i + 1,
            "a": la[i] if i < len(la) else None,
            "b": lb[i] if i < len(lb) else None,
            "same": i < len(la) and i < len(lb) and la[i] == lb[i],
        }
        for i in range(max(len(la), len(lb)))
    ]
    changed = [
        part
        for part in sorted(set(va.seeds) | set(vb.seeds))
        if va.seeds.get(part) != vb.seeds.get(part)
    ]
    if va.poem != vb.poem and "poem" not in changed:
        changed.insert(0, "poem")
    return {"a": version_dict(va), "b": version_dict(vb), "lines": lines, "changed": changed}
