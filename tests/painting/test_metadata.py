"""PNG metadata: the A1111 `parameters` chunk and the inkmuse provenance survive a round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from inkmuse.core.errors import InputError
from inkmuse.core.provenance import provenance_json
from inkmuse.painting import PaintRequest, paint, read_metadata, save_png


def test_round_trip(tmp_path: Path) -> None:
    painting = paint(PaintRequest(text="枫桥夜泊 月落乌啼", size=(320, 240), seed=42, title="枫桥"))
    path = save_png(painting, tmp_path / "out" / "maple.png")
    parameters, record = read_metadata(path)
    assert parameters == painting.parameters
    prompt, negative, settings = parameters.split("\n")
    assert "ink wash" in prompt
    assert negative.startswith("Negative prompt: ")
    assert "Seed: 42" in settings and "Size: 320x240" in settings
    assert record == json.loads(provenance_json(painting.provenance))  # tuples come back as lists
    assert record["seed"] == 42 and record["kind"] == "paint"
    assert record["params"]["theme"]["time_of_day"] == "night"
    assert record["params"]["scene"]["width"] == 320
    assert record["inputs"]["text"] == "枫桥夜泊 月落乌啼"
    with Image.open(path) as img:
        assert img.size == (320, 240)
        assert img.text["parameters"] == parameters  # what other image tools read


def test_best_of_n_records_the_reproducing_seed(tmp_path: Path) -> None:
    best = paint(PaintRequest(text="秋山", size=(200, 150), seed=5, n=3, inscribe=False))
    assert f"Seed: {best.candidate_seed}" in best.parameters
    again = paint(
        PaintRequest(text="秋山", size=(200, 150), seed=best.candidate_seed, inscribe=False)
    )
    assert again.image.tobytes() == best.image.tobytes()
    scores = []
    for i in range(3):
        from inkmuse.core.seeds import derive_seed

        s = 5 if i == 0 else derive_seed(5, "candidate", str(i))
        scores.append(
            paint(PaintRequest(text="秋山", size=(200, 150), seed=s, inscribe=False)).metrics
        )
    assert best.metrics.score() == pytest.approx(max(m.score() for m in scores), abs=1e-9)


def test_png_without_provenance_is_refused(tmp_path: Path) -> None:
    plain = tmp_path / "plain.png"
    Image.new("RGB", (8, 8)).save(plain)
    with pytest.raises(InputError, match="no inkmuse provenance"):
        read_metadata(plain)
    junk = tmp_path / "junk.png"
    junk.write_text("not a png")
    with pytest.raises(InputError, match="cannot read"):
        read_metadata(junk)


def test_parameters_is_a_plain_text_chunk_and_provenance_is_utf8(tmp_path: Path) -> None:
    painting = paint(PaintRequest(text="静夜思 床前明月光", size=(200, 150), seed=1))
    path = save_png(painting, tmp_path / "m.png")
    data = path.read_bytes()
    assert b"tEXtparameters\x00" in data  # what A1111 writes and every reader shows
    assert b"iTXtinkmuse\x00" in data  # UTF-8: the poem is kept as written
    assert "床前明月光" in read_metadata(path)[1]["inputs"]["text"]
