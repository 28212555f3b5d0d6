"""Backend types register through the `inkmuse.backends` entry-point group: the built-in
ones exactly as a third-party plugin would (see pyproject.toml).

    # a plugin's pyproject.toml
    [project.entry-points."inkmuse.backends"]
    mymodel = "inkmuse_mymodel:make_backend"    # make_backend(config: BackendConfig) -> TextModel
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib.metadata import entry_points

from inkmuse.core.errors import InputError
from inkmuse.models.config import BackendConfig, Config, load_config
from inkmuse.models.protocol import TextModel

Factory = Callable[[BackendConfig], TextModel]
GROUP = "inkmuse.backends"


@cache
def backend_types() -> dict[str, Factory]:
    """Every backend type installed: type name -> factory."""
    found: dict[str, Factory] = {}
    for ep in entry_points(group=GROUP):
        found[ep.name] = ep.load()
    return found


def make_backend(config: BackendConfig) -> TextModel:
    types = backend_types()
    factory = types.get(config.type)
    if factory is None:
        raise InputError(
            f"backend {config.name!r} has type {config.type!r}, which is not installed",
            accepted=", ".join(sorted(types)),
        )
    return factory(config)


def get_backend(name: str | None = None, config: Config | None = None) -> TextModel:
    """The backend called `name` (the configured default when None)."""
    config = config or load_config()
    return make_backend(config.get(name))
