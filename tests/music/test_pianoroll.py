from __future__ import annotations

import io

import numpy as np
from PIL import Image

from inkmuse.music import Piece
from inkmuse.music.pianoroll import COLOURS, piano_roll, piano_roll_png


def test_roll_draws_every_part_in_its_colour(song: Piece) -> None:
    img = np.asarray(piano_roll(song))
    for part in song.parts:
        colour = np.array(COLOURS[part.role])
        assert (np.abs(img - colour).sum(axis=2) == 0).sum() > 50, part.role


def test_roll_png_is_deterministic_and_carries_provenance(song: Piece) -> None:
    data = piano_roll_png(song)
    assert data == piano_roll_png(song)
    img = Image.open(io.BytesIO(data))
    assert img.width > 600 and img.height > 200
    assert '"seed":7' in img.text["inkmuse"]
