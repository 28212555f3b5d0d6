"""One idea becomes a poem, an inscribed painting and a song that share one Theme.

>>> from inkmuse.create import CreateRequest, create
>>> creation = create(CreateRequest("秋夜 思乡", seed=7), Path("out"))  # doctest: +SKIP
"""

from inkmuse.create.pipeline import PARTS, CreateRequest, Creation, create
from inkmuse.create.theme import CreationTheme, creation_theme, read_image

__all__ = [
    "PARTS",
    "CreateRequest",
    "Creation",
    "CreationTheme",
    "create",
    "creation_theme",
    "read_image",
]
