"""The Essen-derived statistics stay out of the wheel, and music works on the prior."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from inkmuse.music import folkstats

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def on_the_prior(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    folkstats._loaded.cache_clear()
    folkstats.step_cost.cache_clear()
    monkeypatch.setattr(folkstats, "_loaded", lambda: (folkstats.prior(), folkstats.PRIOR))
    yield
    folkstats.step_cost.cache_clear()


def test_the_prior_has_every_field_the_music_reads() -> None:
    built = folkstats.prior()
    try:
        real = folkstats._loaded()[0]
    except Exception:  # pragma: no cover - only where the file is gone and the env is bad
        pytest.skip("no folk statistics file here to compare shapes with")
    for name in ("chinese", "western"):
        json_profile = real[name]
        for key in ("step", "step_after", "duration_ratio", "phrase_end_degree_from_final"):
            assert set(built[name][key]) <= set(json_profile[key]) | {"4:1", "1:4", "other"}
        assert abs(sum(built[name]["step"].values()) - 1) < 1e-3
        # proximity: a step is likelier than a leap, in every context
        for table in (built[name]["step"], *built[name]["step_after"].values()):
            assert table["1"] > table["3"] > table["5"] and table["-1"] > table["-4"]


def test_a_song_is_composed_on_the_prior_the_same_way_twice(on_the_prior: None) -> None:
    from inkmuse.music import ComposeRequest, compose

    assert folkstats.stats_source() == folkstats.PRIOR
    poem = "床前明月光，疑是地上霜。举头望明月，低头思故乡。"
    one = compose(ComposeRequest(poem=poem, seed=3)).melody.notes
    two = compose(ComposeRequest(poem=poem, seed=3)).melody.notes
    assert len(one) >= 20 and [n.pitch for n in one] == [n.pitch for n in two]


@pytest.mark.slow
def test_the_wheel_leaves_the_essen_statistics_out(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    (wheel,) = tmp_path.glob("inkmuse-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "inkmuse/music/folkstats.py" in names
    assert not any(n.endswith("folk_stats.json") for n in names)
    assert any(n.endswith("WORDS-LICENSE") for n in names)  # the CC BY-SA notice ships
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names), names[-8:]
