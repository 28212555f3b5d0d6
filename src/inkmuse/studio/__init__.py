"""The studio: inkmuse's local web app (FastAPI JSON API + a no-build HTML/JS front end).

    >>> from inkmuse.studio import StudioConfig, create_app
    >>> app = create_app(StudioConfig())  # doctest: +SKIP

Needs the `studio` extra (`pip install 'inkmuse[studio]'`).
"""

from inkmuse.studio.app import create_app
from inkmuse.studio.config import StudioConfig

__all__ = ["StudioConfig", "create_app"]
