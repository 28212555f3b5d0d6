"""Cross-cutting pieces every art form uses: errors, the user folder, seeds."""

from inkmuse.core.errors import (
    BackendError,
    DataError,
    InkmuseError,
    InputError,
    MissingDependencyError,
)
from inkmuse.core.paths import user_home
from inkmuse.core.seeds import derive_seed, make_rng, resolve_seed

__all__ = [
    "BackendError",
    "DataError",
    "InkmuseError",
    "InputError",
    "MissingDependencyError",
    "derive_seed",
    "make_rng",
    "resolve_seed",
    "user_home",
]
