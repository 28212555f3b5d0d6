"""Painterly rendering with curved brush strokes of several sizes (Hertzmann 1998,
"Painterly Rendering with Curved Brush Strokes of Multiple Sizes").

Layers go from the largest brush to the smallest. For each, the source is blurred in
proportion to the brush, and wherever the canvas still differs from it by more than the
threshold a stroke starts at the worst pixel of a grid cell and bends along the normal of
the colour gradient until the colour it lays stops helping. Stroke paths are traced for
all strokes of a layer at once with numpy; Pillow then draws them in random order.

    >>> from PIL import Image
    >>> img = Image.new("RGB", (64, 48), (200, 120, 40))
    >>> painterly(img, get_preset("impressionist"), seed=1).size
    (64, 48)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from inkmuse.core.errors import InputError
from inkmuse.core.seeds import make_rng


@dataclass(frozen=True)
class Preset:
    """Hertzmann's style parameters. Radii are pixels at 512 px and scale with the image.

    threshold: colour error (0..255 RGB distance, averaged over a grid cell) that calls
    for a stroke. curvature: f_c, 1 follows the gradient freely, lower keeps strokes
    straighter. blur: f_sigma, source blur per radius. opacity: alpha of each stroke.
    grid: f_g, grid spacing per radius. jitter_hue/jitter_value: random colour shifts.
    """

    name: str
    threshold: float
    radii: tuple[float, ...]
    curvature: float
    blur: float
    opacity: float
    grid: float
    min_length: int
    max_length: int
    jitter_hue: float = 0.0
    jitter_value: float = 0.0
    jitter_rgb: float = 0.0


PRESETS = {
    p.name: p
    for p in (
        Preset("impressionist", 100, (8, 4, 2), 1.0, 0.5, 1.0, 1.0, 4, 16),
        Preset("expressionist", 50, (8, 4, 2), 0.25, 0.5, 0.7, 1.0, 10, 16, jitter_value=0.5),
        Preset(
            "pointillist", 100, (4, 2), 1.0, 0.5, 1.0, 0.5, 0, 0, jitter_hue=0.3, jitter_value=1.0
        ),
        # Hertzmann's "colorist wash": large translucent strokes with colour jitter
        Preset("watercolour", 200, (8, 4, 2), 1.0, 0.5, 0.5, 1.0, 4, 16, jitter_rgb=0.3),
    )
}


def get_preset(name: str) -> Preset:
    try:
        return PRESETS[name]
    except KeyError:
        raise InputError(
            f"unknown painterly preset '{name}'", accepted=", ".join(PRESETS)
        ) from None


def painterly(source: Image.Image, preset: Preset, seed: int) -> Image.Image:
    """Paint `source` in brush strokes; the same source, preset and seed give the same pixels."""
    rng = make_rng(seed)
    src = source.convert("RGB")
    scale = max(src.width, src.height) / 512.0
    # a blank canvas in the source's mean colour; the first layer covers it everywhere
    mean = tuple(int(v) for v in np.asarray(src, dtype=np.float64).reshape(-1, 3).mean(axis=0))
    canvas = Image.new("RGB", src.size, mean)
    first = True
    for radius in preset.radii:
        r = max(1.0, radius * scale)
        ref_img = src.filter(ImageFilter.GaussianBlur(preset.blur * r)) if preset.blur > 0 else src
        _paint_layer(canvas, np.asarray(ref_img, dtype=np.float32), r, preset, rng, first)
        first = False
    return canvas


def _paint_layer(canvas: Image.Image, ref: np.ndarray, r: float, preset: Preset,
                 rng: np.random.Generator, first: bool) -> None:  # fmt: skip
    h, w = ref.shape[:2]
    current = np.asarray(canvas, dtype=np.float32)
    diff = np.sqrt(((current - ref) ** 2).sum(axis=2))
    g = max(1, round(preset.grid * r))
    ny, nx = h // g, w // g
    if ny == 0 or nx == 0:
        return
    cells = (
        diff[: ny * g, : nx * g].reshape(ny, g, nx, g).transpose(0, 2, 1, 3).reshape(ny, nx, g * g)
    )
    err = cells.mean(axis=2)
    worst = cells.argmax(axis=2)
    chosen = np.ones_like(err, dtype=bool) if first else err > preset.threshold
    cy, cx = np.nonzero(chosen)
    if cy.size == 0:
        return
    sy = (cy * g + worst[cy, cx] // g).astype(np.float32)
    sx = (cx * g + worst[cy, cx] % g).astype(np.float32)
    order = rng.permutation(cy.size)
    sy, sx = sy[order], sx[order]
    paths, colours = _trace(ref, current, sx, sy, r, preset)
    colours = _jitter(colours, preset, rng)
    alpha = round(preset.opacity * 255)
    draw = ImageDraw.Draw(canvas, "RGBA")
    width = max(1, round(2 * r))
    for path, colour in zip(paths, colours, strict=True):
        fill = (int(colour[0]), int(colour[1]), int(colour[2]), alpha)
        if len(path) > 1:
            # no joint="curve": Pillow rounds joints in Python (half the layer's time),
            # and at brush widths of a few pixels the plain joins do not show
            draw.line(path, fill=fill, width=width)
        x, y = path[0]
        draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)
        if len(path) > 1:
            x, y = path[-1]
            draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)


def _trace(ref: np.ndarray, current: np.ndarray, sx: np.ndarray, sy: np.ndarray, r: float,
           preset: Preset) -> tuple[list[list[tuple[float, float]]], np.ndarray]:  # fmt: skip
    """Curved stroke paths for all start points at once (Hertzmann's makeSplineStroke)."""
    h, w = ref.shape[:2]
    lum: np.ndarray = ref[..., 0] * 0.299 + ref[..., 1] * 0.587 + ref[..., 2] * 0.114
    gy, gx = np.gradient(lum)
    n = sx.size
    iy, ix = sy.astype(np.int64), sx.astype(np.int64)
    colour = ref[iy, ix]
    xs, ys = [sx.copy()], [sy.copy()]
    length = np.ones(n, dtype=np.int64)
    alive = np.ones(n, dtype=bool)
    last_dx, last_dy = np.zeros(n, np.float32), np.zeros(n, np.float32)
    x, y = sx.copy(), sy.copy()
    for i in range(1, preset.max_length + 1):
        ix, iy = np.clip(x.astype(np.int64), 0, w - 1), np.clip(y.astype(np.int64), 0, h - 1)
        here_ref, here_canvas = ref[iy, ix], current[iy, ix]
        if i > preset.min_length:
            stop = np.abs(here_ref - here_canvas).sum(axis=1) < np.abs(here_ref - colour).sum(
                axis=1
            )
            alive &= ~stop
        gxx, gyy = gx[iy, ix], gy[iy, ix]
        mag = np.hypot(gxx, gyy)
        alive &= mag > 1e-3
        if not alive.any():
            break
        dx, dy = -gyy / np.maximum(mag, 1e-6), gxx / np.maximum(mag, 1e-6)
        flip = (last_dx * dx + last_dy * dy) < 0
        dx, dy = np.where(flip, -dx, dx), np.where(flip, -dy, dy)
        c = preset.curvature
        dx, dy = c * dx + (1 - c) * last_dx, c * dy + (1 - c) * last_dy
        norm = np.maximum(np.hypot(dx, dy), 1e-6)
        dx, dy = dx / norm, dy / norm
        nx_, ny_ = x + r * dx, y + r * dy
        alive &= (nx_ >= 0) & (nx_ < w) & (ny_ >= 0) & (ny_ < h)
        x, y = np.where(alive, nx_, x), np.where(alive, ny_, y)
        last_dx, last_dy = np.where(alive, dx, last_dx), np.where(alive, dy, last_dy)
        length += alive
        xs.append(x.copy())
        ys.append(y.copy())
    px, py = np.stack(xs, axis=1), np.stack(ys, axis=1)
    paths = [
        list(zip(px[k, : length[k]].tolist(), py[k, : length[k]].tolist(), strict=True))
        for k in range(n)
    ]
    return paths, colour


def _jitter(colours: np.ndarray, preset: Preset, rng: np.random.Generator) -> np.ndarray:
    out = colours.astype(np.float32).copy()
    n = out.shape[0]
    if preset.jitter_rgb:
        out += rng.uniform(-1, 1, (n, 3)).astype(np.float32) * preset.jitter_rgb * 255 * 0.25
    if preset.jitter_hue or preset.jitter_value:
        # HSV through Pillow: one vectorised conversion for all strokes of the layer
        pixels = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8).reshape(n, 1, 3), "RGB")
        hsv = np.asarray(pixels.convert("HSV"), dtype=np.float32).reshape(n, 3).copy()
        hsv[:, 0] = (hsv[:, 0] + rng.uniform(-1, 1, n) * preset.jitter_hue * 0.1 * 256) % 256
        hsv[:, 2] += rng.uniform(-1, 1, n) * preset.jitter_value * 0.15 * 255
        back = Image.fromarray(np.clip(hsv, 0, 255).astype(np.uint8).reshape(n, 1, 3), "HSV")
        out = np.asarray(back.convert("RGB"), dtype=np.float32).reshape(n, 3)
    return np.clip(out, 0, 255)


__all__ = ["PRESETS", "Preset", "get_preset", "painterly"]
