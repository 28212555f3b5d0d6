"""`paint`: from a request to a finished, inscribed, measured and documented picture.

>>> painting = paint(PaintRequest(text="孤舟蓑笠翁，独钓寒江雪", size=(320, 240), seed=3))
>>> painting.image.size, painting.provenance["seed"]
((320, 240), 3)
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageFilter

from inkmuse import __version__
from inkmuse.core.fonts import cjk_font_path, latin_font_path
from inkmuse.core.provenance import provenance_record
from inkmuse.core.seeds import derive_seed
from inkmuse.core.theme import Theme
from inkmuse.core.theme_lexicon import theme_from_text
from inkmuse.painting.canvas import Canvas
from inkmuse.painting.colour import transfer_colour
from inkmuse.painting.images import fit_within, load_image
from inkmuse.painting.inscription import inscribe, poem_lines, signature
from inkmuse.painting.metadata import a1111_parameters, png_bytes
from inkmuse.painting.metrics import measure
from inkmuse.painting.neural import keep_ink, neural_style
from inkmuse.painting.noise import FloatArray
from inkmuse.painting.painterly import get_preset, painterly
from inkmuse.painting.palettes import get_palette
from inkmuse.painting.prompts import build_prompts
from inkmuse.painting.reader import read_scene
from inkmuse.painting.request import Painting, PaintRequest
from inkmuse.painting.scene import Scene, compose_scene
from inkmuse.painting.shanshui import render_shanshui


def paint(request: PaintRequest) -> Painting:
    """Paint `request`; the same request and seed always give the same picture and bytes."""
    req = request.validated()
    assert req.seed is not None
    theme = req.theme or theme_from_text(req.text)
    get_palette(theme.palette)  # an unknown palette in a given Theme fails before any work
    source = load_image(req.image) if req.image is not None else None
    style_ref = load_image(req.style_image, "style image") if req.style_image is not None else None
    palette_ref = (
        load_image(req.palette_from, "palette image") if req.palette_from is not None else None
    )

    best: tuple[float, int, Canvas, Scene | None] | None = None
    for i in range(req.n):
        cseed = req.seed if i == 0 else derive_seed(req.seed, "candidate", str(i))
        canvas, scene = _render(req, theme, cseed, source, style_ref)
        score = measure(canvas.to_image()).score() if req.n > 1 else 0.0
        if best is None or score > best[0]:
            best = (score, cseed, canvas, scene)
    assert best is not None
    _, cseed, canvas, scene = best
    if palette_ref is not None:
        recoloured = transfer_colour(canvas.to_image(), palette_ref)
        canvas.rgb = np.asarray(recoloured, dtype=np.float32) / np.float32(255.0)
    subject = canvas.subject.copy()
    warnings: list[str] = []
    inscription = None
    poem = req.poem if req.poem is not None else req.text
    lines, vertical = poem_lines(poem)
    chinese = vertical or bool(req.title and not req.title.isascii())
    sign = signature(req.title, req.date, chinese)
    if req.inscribe and (lines or sign):
        prefer_right = scene is None or scene.side == "left"
        inscription = inscribe(canvas, poem, get_palette(theme.palette), sign=sign,
                               seal=req.seal, seed=cseed, prefer_right=prefer_right)  # fmt: skip
        if inscription is None:
            warnings.append("inscription left out: no empty area was large enough for it")
    image = canvas.to_image()
    metrics = measure(image)
    prompts = build_prompts(theme, _prompt_preset(req, theme), req.size, cseed)
    settings = {"Steps": 1, "Sampler": f"inkmuse {req.style}", "Seed": cseed,
                "Size": f"{image.width}x{image.height}", "Model": f"inkmuse-{req.style}",
                "Palette": theme.palette, "Version": f"inkmuse {__version__}"}  # fmt: skip
    if scene is not None:
        settings["Layout"] = scene.layout
    parameters = a1111_parameters(prompts.positive, prompts.negative, settings)
    params: dict[str, Any] = {**req.to_dict(), "theme": _theme_dict(theme), "candidate_seed": cseed,
                              "metrics": metrics.to_dict()}  # fmt: skip
    if scene is not None:
        params["scene"] = scene.to_dict()
    if inscription is not None:
        params["inscription"] = {"box": list(inscription.box), "font_size": inscription.font_size,
                                 "hand": inscription.hand,
                                 "font": (cjk_font_path() if inscription.vertical else latin_font_path()).name}  # fmt: skip
    inputs: dict[str, Any] = {"text": req.text, "poem": poem}
    for key, path in (
        ("image", req.image),
        ("style_image", req.style_image),
        ("palette_from", req.palette_from),
    ):
        if path is not None:
            inputs[key] = {"name": Path(path).name, "sha256": _sha256(Path(path))}
    record = provenance_record("paint", inputs=inputs, seed=req.seed, params=params)
    return Painting(image, req.seed, cseed, theme, metrics, record, parameters, subject,
                    inscription, tuple(warnings))  # fmt: skip


def save_png(painting: Painting, path: str | Path) -> Path:
    """Write the painting as PNG with its `parameters` and `inkmuse` chunks."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(painting_png_bytes(painting))
    return out


def painting_png_bytes(painting: Painting) -> bytes:
    return png_bytes(painting.image, painting.parameters, painting.provenance)


def _render(req: PaintRequest, theme: Theme, seed: int, source: Image.Image | None,
            style_ref: Image.Image | None) -> tuple[Canvas, Scene | None]:  # fmt: skip
    w, h = req.size
    scene: Scene | None = None
    if source is None:
        scene = compose_scene(read_scene(req.text, theme), w, h, seed)
        canvas = render_shanshui(scene, theme.palette, seed)
        if req.style == "shanshui":
            return canvas, scene
        base, subject = canvas.to_image(), canvas.subject
    else:
        base = fit_within(source, w, h)
        subject = detail_mask(base)
    if req.style == "painterly":
        out = painterly(base, get_preset(req.preset), derive_seed(seed, "painterly"))
    else:
        out = neural_style(base, style_ref if style_ref is not None else req.neural_style,
                           max_size=max(base.size))  # fmt: skip
        if out.size != base.size:
            out = out.resize(base.size, Image.Resampling.LANCZOS)
        if source is None:  # an ink landscape keeps its ink: only the style's strokes are taken
            out = keep_ink(out, base)
    rgb = np.asarray(out, dtype=np.float32) / np.float32(255.0)
    return Canvas(rgb.copy(), subject.copy()), scene


def detail_mask(image: Image.Image) -> FloatArray:
    """What a photo's inscription must not cover: detail (edges and texture) and anything
    whose colour stands out from the photo's border, the usual stand-in for background.

    A smooth but salient thing (a red saucer on a wooden table) is subject although it has
    no edges inside; the plain table around it is not.
    """
    grey = image.convert("L")
    radius = max(2, round(max(image.size) * 0.012))
    edges = grey.filter(ImageFilter.FIND_EDGES).filter(ImageFilter.BoxBlur(radius))
    e = np.asarray(edges, dtype=np.float32)
    detail = e > max(6.0, float(np.percentile(e, 35)))
    rgb = np.asarray(image.convert("RGB").filter(ImageFilter.BoxBlur(radius)), dtype=np.float32)
    band = max(2, min(rgb.shape[:2]) // 20)
    border = np.concatenate([rgb[:band].reshape(-1, 3), rgb[-band:].reshape(-1, 3),
                             rgb[:, :band].reshape(-1, 3), rgb[:, -band:].reshape(-1, 3)])  # fmt: skip
    background = np.median(border, axis=0)
    distance = np.sqrt(((rgb - background) ** 2).sum(axis=2))
    salient = distance > max(40.0, float(np.percentile(distance, 50)))
    mask: FloatArray = (detail | salient).astype(np.float32)
    return mask


def _prompt_preset(req: PaintRequest, theme: Theme) -> str:
    if req.style == "painterly":
        return "watercolour" if req.preset == "watercolour" else "impressionist"
    return "qinglv" if theme.palette == "qinglv" else "shanshui"


def _theme_dict(theme: Theme) -> dict[str, Any]:
    data = asdict(theme)
    data["imagery"], data["keywords"] = list(theme.imagery), list(theme.keywords)
    return data


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


__all__ = ["detail_mask", "paint", "painting_png_bytes", "save_png"]
