"""The cheap critics behave as their definitions say."""

from __future__ import annotations

import numpy as np
from PIL import Image

from inkmuse.painting.metrics import colourfulness, hue_harmony, measure


def _image(array: np.ndarray) -> Image.Image:
    return Image.fromarray(np.clip(array, 0, 255).astype(np.uint8), "RGB")


def test_grey_has_no_colour_and_saturated_noise_has_a_lot() -> None:
    grey = measure(Image.new("RGB", (64, 64), (90, 90, 90)))
    assert grey.colourfulness == 0.0 and grey.harmony_template == "grey"
    noise = np.random.default_rng(1).integers(0, 256, (64, 64, 3)).astype(np.float64)
    assert colourfulness(noise) > 59  # "highly colourful" on Hasler–Süsstrunk's scale


def test_one_hue_fits_the_narrow_template_and_a_rainbow_fits_none_well() -> None:
    red = np.zeros((32, 64, 3))
    red[..., 0] = 220
    red[..., 1] = np.linspace(20, 60, 64)[None, :]
    template, fit = hue_harmony(_image(red))
    assert template == "i" and fit > 0.99
    hues = np.linspace(0, 255, 256, dtype=np.uint8)
    hsv = np.stack([np.tile(hues, (32, 1)), np.full((32, 256), 255), np.full((32, 256), 255)], -1)
    rainbow = Image.fromarray(hsv.astype(np.uint8), "HSV").convert("RGB")
    assert hue_harmony(rainbow)[1] < 0.5


def test_complementary_pair_fits_the_I_template() -> None:
    pair = np.zeros((32, 64, 3))
    pair[:, :32] = (200, 40, 40)
    pair[:, 32:] = (40, 200, 200)
    assert hue_harmony(_image(pair))[0] == "I"


def test_balance_and_thirds() -> None:
    left = np.full((60, 90, 3), 255.0)
    left[:, :15] = 0
    centred = np.full((60, 90, 3), 255.0)
    centred[:, 40:50] = 0
    assert measure(_image(left)).balance < 0.4 < 0.95 < measure(_image(centred)).balance
    on_third = np.full((60, 90, 3), 255.0)
    on_third[:, 28:32] = 0
    off_third = np.full((60, 90, 3), 255.0)
    off_third[:, 43:47] = 0
    assert measure(_image(on_third)).thirds > 1.5 > measure(_image(off_third)).thirds
