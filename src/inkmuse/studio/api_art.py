"""Painting and music routes: uploads, paintings and songs as jobs, and their files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, UploadFile
from fastapi.responses import FileResponse

from inkmuse.core.errors import InputError
from inkmuse.studio.jobs import Report
from inkmuse.studio.mediatypes import media_type
from inkmuse.studio.memory import estimate_bytes
from inkmuse.studio.schemas import MusicIn, PaintIn
from inkmuse.studio.state import State, StudioState
from inkmuse.studio.uploads import check_image

router = APIRouter(prefix="/api", tags=["painting and music"])

_CHUNK = 64 * 1024
SONG_FORMATS = ("wav", "mid", "musicxml", "png", "json")


def file_url(folder_id: str, name: str) -> str:
    return f"/api/files/{folder_id}/{name}"


@router.post("/uploads")
async def upload(
    file: Annotated[UploadFile, File(description="a photo: PNG, JPEG, WebP, BMP or GIF")],
    state: State,
) -> dict[str, Any]:
    """Keep a photo for the painterly or neural styles, or for a creation's palette."""
    limit = state.config.max_upload_bytes
    data = bytearray()
    while chunk := await file.read(_CHUNK):
        data += chunk
        if len(data) > limit:  # stop reading: the size is all the error needs
            break
    ext, width, height = check_image(bytes(data), limit)
    folder_id, folder = state.workspace.new_folder("upload")
    (folder / f"image.{ext}").write_bytes(data)
    return {
        "id": folder_id,
        "width": width,
        "height": height,
        "url": file_url(folder_id, f"image.{ext}"),
    }


def upload_path(state: StudioState, upload_id: str) -> Path:
    folder = state.workspace.folder(upload_id)
    return next(iter(sorted(folder.glob("image.*"))))


@router.post("/paintings", status_code=202)
def paintings(body: PaintIn, state: State) -> dict[str, Any]:
    """Start a painting; follow `/api/jobs/{id}/events`. The result names its PNG."""
    from inkmuse.core.seeds import resolve_seed
    from inkmuse.painting import PaintRequest
    from inkmuse.painting.painterly import PRESETS

    if body.preset not in PRESETS:  # refused for every style: a typo should not pass silently
        raise InputError(f"unknown painterly preset {body.preset!r}", accepted=", ".join(PRESETS))
    image = upload_path(state, body.upload) if body.upload else None
    request = PaintRequest(
        text=body.text, style=body.style, size=(body.width, body.height),
        seed=resolve_seed(body.seed), image=image, preset=body.preset,
        neural_style=body.neural_style, inscribe=body.inscribe, poem=body.poem or None,
    ).validated()  # fmt: skip

    def work(report: Report) -> dict[str, Any]:
        from inkmuse.painting import paint, save_png

        report("painting", {"style": request.style})
        painting = paint(request)
        folder_id, folder = state.workspace.new_folder("painting")
        save_png(painting, folder / "painting.png")
        return {
            "id": folder_id,
            "seed": painting.seed,
            "style": request.style,
            "url": file_url(folder_id, "painting.png"),
            "metrics": painting.metrics.to_dict(),
            "width": painting.image.width,
            "height": painting.image.height,
        }

    need = estimate_bytes("painting", body.width, body.height, body.style)
    job = state.runner.submit("painting", work, memory=need, neural=body.style == "neural")
    return job.to_dict()


@router.post("/songs", status_code=202)
def songs(body: MusicIn, state: State) -> dict[str, Any]:
    """Start a song from a poem or a mood; the result names its WAV, MIDI, MusicXML, piano
    roll (PNG) and record (JSON)."""
    from inkmuse.core.seeds import resolve_seed
    from inkmuse.music import ComposeRequest

    if not (body.poem or body.mood):
        raise InputError("nothing to set to music", accepted="a poem or a mood (惆怅, calm)")
    request = ComposeRequest(
        poem=body.poem or None, mood=body.mood or None, key=body.key or None,
        tempo=body.tempo, style=body.style, seed=resolve_seed(body.seed),
    )  # fmt: skip

    def work(report: Report) -> dict[str, Any]:
        from inkmuse.music import compose, export
        from inkmuse.music.export import piece_record

        report("composing", {})
        piece = compose(request)
        report("rendering", {"seconds_of_music": round(piece.duration_seconds, 2)})
        folder_id, folder = state.workspace.new_folder("song")
        paths = export(piece, folder, formats=SONG_FORMATS, stem="song")
        record = piece_record(piece)
        return {
            "id": folder_id,
            "seed": request.seed,
            "key": record["key"],
            "tempo": record["tempo_bpm"],
            "seconds": record["seconds"],
            "progression": record["progression"],
            "files": {fmt: file_url(folder_id, path.name) for fmt, path in paths.items()},
        }

    return state.runner.submit("song", work, memory=estimate_bytes("song")).to_dict()


@router.get("/files/{folder_id}/{name}")
def files(folder_id: str, name: str, state: State) -> FileResponse:
    """A painting, song file or upload made in this session."""
    return FileResponse(state.workspace.file(folder_id, name), media_type=media_type(name))
