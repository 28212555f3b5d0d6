"""Shared fixtures: a small photo-like test image made in code (no files to ship)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INKMUSE_HOME", str(tmp_path / "home"))
    # installed stroke data changes the inscription; tests that want it set it themselves
    monkeypatch.delenv("INKMUSE_HANZI_DATA", raising=False)


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    """A 160x120 'photo': a sky gradient, a dark hill and a bright disc, with a little noise."""
    h, w = 120, 160
    yy, xx = np.mgrid[0:h, 0:w]
    img = np.zeros((h, w, 3), dtype=np.float64)
    img[..., 0] = 120 + 80 * yy / h
    img[..., 1] = 160 + 40 * yy / h
    img[..., 2] = 230 - 30 * yy / h
    hill = yy > 70 + 25 * np.sin(xx / 25.0)
    img[hill] = (60, 90, 50)
    disc = (yy - 30) ** 2 + (xx - 120) ** 2 < 12**2
    img[disc] = (250, 220, 120)
    img += np.random.default_rng(0).normal(0, 4, img.shape)
    path = tmp_path / "photo.png"
    Image.fromarray(np.clip(img, 0, 255).astype(np.uint8)).save(path)
    return path
