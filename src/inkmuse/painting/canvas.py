"""The canvas: an RGB float image plus the mask of what was painted as subject.

Every element is laid on as (alpha, colour): the colour is mixed over what is below in
proportion to alpha, the way a wash of ink darkens paper. Elements that are subjects
(mountains, trees, boats, the moon) also mark `subject`, so the inscription can be placed
where nothing is drawn. Mist, water ripples, rain and snow are not subjects.

Small elements are drawn with Pillow at 2x on a patch and scaled down (anti-aliasing),
then laid only over their bounding box, which keeps a 1024x768 painting fast.

    >>> c = Canvas.blank(64, 48, (0.9, 0.9, 0.85))
    >>> patch = Patch.new(10, 10, 20, 12)
    >>> patch.draw.ellipse((0, 0, 39, 23), fill=255)
    >>> c.lay_patch(patch, (0.1, 0.1, 0.1), subject=True)
    >>> bool(c.subject[16, 20] > 0.9), bool(c.subject[0, 0] == 0)
    (True, True)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

from inkmuse.painting.noise import FloatArray
from inkmuse.painting.palettes import RGB

SUPERSAMPLE = 2  # patches are drawn at this scale and reduced: cheap anti-aliasing


@dataclass
class Patch:
    """A small drawing surface (8-bit alpha) for one element, at SUPERSAMPLE scale.

    x, y: the top-left corner on the canvas in canvas pixels; w, h: its size there.
    Draw with `draw` in supersampled coordinates (use `s(v)` to convert).
    """

    x: int
    y: int
    w: int
    h: int
    image: Image.Image
    draw: ImageDraw.ImageDraw

    @classmethod
    def new(cls, x: float, y: float, w: float, h: float) -> Patch:
        xi, yi, wi, hi = int(x), int(y), max(1, int(np.ceil(w))), max(1, int(np.ceil(h)))
        image = Image.new("L", (wi * SUPERSAMPLE, hi * SUPERSAMPLE), 0)
        return cls(xi, yi, wi, hi, image, ImageDraw.Draw(image))

    def s(self, value: float) -> float:
        """Canvas pixels -> patch drawing units."""
        return value * SUPERSAMPLE

    def local(self, x: float, y: float) -> tuple[float, float]:
        """A canvas point in patch drawing units."""
        return (x - self.x) * SUPERSAMPLE, (y - self.y) * SUPERSAMPLE

    def alpha(self) -> FloatArray:
        small = self.image.resize((self.w, self.h), Image.Resampling.BOX)
        return np.asarray(small, dtype=np.float32) / np.float32(255.0)


@dataclass
class Canvas:
    """rgb: (H, W, 3) floats in [0, 1]; subject: (H, W) in [0, 1], 1 where a subject is."""

    rgb: FloatArray
    subject: FloatArray

    @classmethod
    def blank(cls, width: int, height: int, paper: RGB) -> Canvas:
        rgb = np.empty((height, width, 3), dtype=np.float32)
        rgb[:] = np.asarray(paper, dtype=np.float32)
        return cls(rgb, np.zeros((height, width), dtype=np.float32))

    @property
    def height(self) -> int:
        return int(self.rgb.shape[0])

    @property
    def width(self) -> int:
        return int(self.rgb.shape[1])

    def lay(
        self,
        alpha: FloatArray,
        color: RGB | FloatArray,
        *,
        subject: bool = False,
        at: tuple[int, int] = (0, 0),
    ) -> None:
        """Mix `color` over the canvas with `alpha` (a full image, or a block at `at`=(y, x)).

        `color` is one RGB or an (h, w, 3) array matching alpha. Blocks are clipped to the
        canvas, so elements may hang over the edge.
        """
        y0, x0 = at
        h, w = alpha.shape
        cy0, cx0 = max(0, y0), max(0, x0)
        cy1, cx1 = min(self.height, y0 + h), min(self.width, x0 + w)
        if cy1 <= cy0 or cx1 <= cx0:
            return
        a = alpha[cy0 - y0 : cy1 - y0, cx0 - x0 : cx1 - x0]
        region = self.rgb[cy0:cy1, cx0:cx1]
        col = np.asarray(color, dtype=np.float32)
        if col.ndim == 3:
            col = col[cy0 - y0 : cy1 - y0, cx0 - x0 : cx1 - x0]
        region += (col - region) * a[..., None]
        if subject:
            sub = self.subject[cy0:cy1, cx0:cx1]
            np.maximum(sub, a, out=sub)

    def lay_patch(self, patch: Patch, color: RGB, *, subject: bool, opacity: float = 1.0) -> None:
        """Lay a drawn patch in one colour."""
        alpha = patch.alpha()
        if opacity != 1.0:
            alpha *= np.float32(opacity)
        self.lay(alpha, color, subject=subject, at=(patch.y, patch.x))

    def to_image(self) -> Image.Image:
        """The painting as an 8-bit RGB Pillow image (rounded, so output bytes are stable)."""
        data = np.clip(self.rgb * 255.0 + 0.5, 0, 255).astype(np.uint8)
        return Image.fromarray(data, mode="RGB")


__all__ = ["SUPERSAMPLE", "Canvas", "Patch"]
