"""The public API and the docstring examples."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import inkmuse.music
from inkmuse.music.folkstats import folk_stats, step_cost


def test_public_api_is_exactly_all() -> None:
    public = {n for n in dir(inkmuse.music) if not n.startswith("_")}
    modules = {m.name for m in pkgutil.iter_modules(inkmuse.music.__path__)}
    # compose and export are functions named like their modules; other modules stay private
    assert set(inkmuse.music.__all__) == public - (modules - set(inkmuse.music.__all__))
    for name in inkmuse.music.__all__:
        assert getattr(inkmuse.music, name) is not None


MODULES = sorted(m.name for m in pkgutil.iter_modules(inkmuse.music.__path__))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(f"inkmuse.music.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_folk_statistics_are_real_distributions() -> None:
    stats = folk_stats()
    for name, size in (("chinese", 5), ("western", 7)):
        prof = stats[name]
        assert prof["scale_size"] == size and prof["tunes"] > 500
        assert sum(prof["step"].values()) == pytest.approx(1.0, abs=1e-3)
        # Folk melodies move mostly by step: steps of one beat leaps of four.
        assert step_cost(name, "start", 1) < step_cost(name, "start", 4)
    # Chinese songs end most often on 徵 (degree 3 above 宫) as the Essen Han songs do.
    finals = stats["chinese"]["final_degree"]
    assert max(finals, key=finals.get) == "3"
