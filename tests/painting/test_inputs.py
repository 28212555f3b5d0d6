"""Bad inputs get a clear InputError naming what was wrong and what is accepted."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from inkmuse.core.errors import InputError
from inkmuse.core.theme import Theme
from inkmuse.painting import PaintRequest, images, paint
from inkmuse.painting.images import load_image, parse_size
from inkmuse.painting.theme_json import propose_theme, theme_from_json


@pytest.mark.parametrize("text", ["big", "1024", "0x768", "10x10", "5000x400", "-3x4", "axb"])
def test_bad_sizes(text: str) -> None:
    with pytest.raises(InputError, match="WIDTHxHEIGHT"):
        parse_size(text)


def test_good_sizes() -> None:
    assert parse_size(" 640 x 480 ") == (640, 480)
    assert parse_size("64×4096") == (64, 4096)


def test_unreadable_image(tmp_path: Path) -> None:
    fake = tmp_path / "fake.png"
    fake.write_text("this is not a picture")
    with pytest.raises(InputError, match=r"cannot read image .*accepted: PNG, JPEG"):
        paint(PaintRequest(text="x", style="painterly", image=fake, seed=1))
    with pytest.raises(InputError, match="does not exist"):
        load_image(tmp_path / "missing.jpg")
    with pytest.raises(InputError, match="not a file"):
        load_image(tmp_path)


def test_truncated_image(tmp_path: Path, photo: Path) -> None:
    cut = tmp_path / "cut.png"
    cut.write_bytes(photo.read_bytes()[:300])
    with pytest.raises(InputError, match="cannot read image"):
        load_image(cut)


def test_huge_image_is_refused_before_decoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.png"
    Image.new("RGB", (300, 200)).save(big)
    monkeypatch.setattr(images, "MAX_INPUT_PIXELS", 50_000)
    with pytest.raises(InputError, match=r"300x200, too large"):
        load_image(big)


def test_tiny_and_transparent_images(tmp_path: Path) -> None:
    tiny = tmp_path / "tiny.png"
    Image.new("RGB", (8, 8)).save(tiny)
    with pytest.raises(InputError, match="at least 16"):
        load_image(tiny)
    clear = tmp_path / "clear.png"
    Image.new("RGBA", (32, 32), (0, 0, 0, 0)).save(clear)
    assert load_image(clear).getpixel((0, 0)) == (255, 255, 255)  # flattened onto white


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (PaintRequest(text="x", style="cubist"), "unknown style 'cubist'"),
        (PaintRequest(text="x", size=(10, 768)), "out of range"),
        (PaintRequest(text="x", n=0), "candidates"),
        (PaintRequest(text="x", n=99), "candidates"),
        (PaintRequest(text="x", seed=-1), "seed -1"),
        (PaintRequest(text="  "), "nothing to paint"),
        (PaintRequest(text="x", style="painterly", preset="cubist"), "painterly preset"),
        (PaintRequest(text="x", image=Path("a.png")), "painterly or neural"),
        (PaintRequest(text="x", theme=Theme(palette="neon")), "unknown palette 'neon'"),
        (PaintRequest(text="x", date="soon", size=(200, 150)), "YYYY"),
        (PaintRequest(text="明月", seal="五个字的印", size=(200, 150)), "1 to 4"),
    ],
)
def test_bad_requests(request_: PaintRequest, message: str) -> None:
    with pytest.raises(InputError, match=message):
        paint(request_)


def test_theme_json_is_checked_against_the_vocabularies() -> None:
    theme = theme_from_json('{"imagery": ["moon", "pine"], "season": null, "palette": "qinglv"}')
    assert theme.imagery == ("moon", "pine") and theme.palette == "qinglv"
    for bad, message in [("{", "not valid JSON"), ("[1]", "must be an object"),
                         ('{"colour": "red"}', "unknown theme keys"),
                         ('{"mood": "angry"}', "mood 'angry'"), ('{"imagery": "moon"}', "list")]:  # fmt: skip
        with pytest.raises(InputError, match=message):
            theme_from_json(bad)


def test_a_model_can_only_improve_the_theme() -> None:
    good = propose_theme(lambda prompt: 'Sure! {"imagery": ["crane"], "mood": "serene"}', "秋江")
    assert good.imagery == ("crane",) and good.season == "autumn"  # the lexicon fills the rest
    assert propose_theme(lambda prompt: "no idea", "秋江").imagery == ("river",)
    assert propose_theme(lambda prompt: '{"mood": "furious"}', "秋江").mood == "serene"


def test_a_bomb_header_is_refused_without_decoding(tmp_path: Path) -> None:
    """A tiny file whose header claims 30000x30000 pixels (a decompression bomb)."""
    import io
    import struct
    import zlib

    buffer = io.BytesIO()
    Image.new("RGB", (1, 1)).save(buffer, format="PNG")
    data = bytearray(buffer.getvalue())
    ihdr = data.index(b"IHDR")
    data[ihdr + 4 : ihdr + 12] = struct.pack(">II", 30000, 30000)
    crc = zlib.crc32(bytes(data[ihdr : ihdr + 17])) & 0xFFFFFFFF
    data[ihdr + 17 : ihdr + 21] = struct.pack(">I", crc)
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(bytes(data))
    assert bomb.stat().st_size < 200
    with pytest.raises(InputError, match=r"too large.*up to 50 megapixels"):
        load_image(bomb)
