"""Seeds: every generation takes one, and the same seed gives the same bytes.

>>> int(make_rng(7).integers(0, 100)) == int(make_rng(7).integers(0, 100))
True
"""

from __future__ import annotations

import hashlib
import secrets
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy loads only when a generator is made: `inkmuse check` never needs it
    import numpy as np

MAX_SEED = 2**32 - 1


def resolve_seed(seed: int | None) -> int:
    """Return the seed to use: the given one (validated), or a fresh random one to record."""
    if seed is None:
        return secrets.randbelow(MAX_SEED + 1)
    if not 0 <= seed <= MAX_SEED:
        from inkmuse.core.errors import InputError

        raise InputError(f"seed {seed} is out of range", accepted=f"integers 0..{MAX_SEED}")
    return seed


def derive_seed(seed: int, *labels: str) -> int:
    """A stable child seed for one part of a job (e.g. the painting of a creation).

    Hash-based so that adding a new part never shifts the seeds of the others.
    """
    digest = hashlib.sha256(("|".join([str(seed), *labels])).encode()).digest()
    return int.from_bytes(digest[:4], "big")


def make_rng(seed: int) -> np.random.Generator:
    """A numpy generator for one seed (PCG64, stable across numpy versions)."""
    import numpy as np

    return np.random.Generator(np.random.PCG64(seed))
