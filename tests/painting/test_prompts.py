"""Prompts for other image generators come from the same Theme."""

from __future__ import annotations

import pytest

from inkmuse.core.errors import InputError
from inkmuse.core.theme_lexicon import theme_from_text
from inkmuse.painting.prompts import PRESETS, build_prompts


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_presets_keep_the_subject_and_change_the_style(preset: str) -> None:
    prompts = build_prompts(theme_from_text("枯藤老树昏鸦，小桥流水人家"), preset, (768, 1024), 9)
    assert "a stone bridge" in prompts.positive and "at dusk" in prompts.positive
    assert PRESETS[preset][0] in prompts.positive
    assert "watermark" in prompts.negative
    assert prompts.midjourney.endswith("--ar 3:4 --seed 9")


def test_unknown_preset() -> None:
    with pytest.raises(InputError, match="shanshui"):
        build_prompts(theme_from_text("x"), "cyberpunk", (512, 512), 1)
