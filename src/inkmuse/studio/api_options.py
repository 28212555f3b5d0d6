"""The choices the front end offers (forms, rhyme books, styles), read from the library so
the page never lists an option the API would refuse."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from inkmuse import __version__

router = APIRouter(prefix="/api", tags=["options"])


@router.get("/options")
def options() -> dict[str, Any]:
    from inkmuse.core.prosody import RHYMEBOOKS
    from inkmuse.models.embedded.vocab import FORMS
    from inkmuse.painting import STYLES
    from inkmuse.painting.painterly import PRESETS
    from inkmuse.poetry.ci import get_cipu
    from inkmuse.poetry.ci.tune_names import tune_pinyin

    return {
        "version": __version__,
        "forms": list(FORMS),
        "ci_forms": ["词", *get_cipu()],  # the poem panel checks and writes these too
        "couplet_forms": ["对联"],  # ... and this: 上联 and 下联 on two lines
        # A tune's name for the English page, which has no Chinese in its own words.
        "ci_labels": {name: tune_pinyin(name) for name in get_cipu()},
        "rhymebooks": list(RHYMEBOOKS),
        "paint_styles": list(STYLES),
        "paint_presets": list(PRESETS),
        "music_styles": ["chinese", "piano", "strings"],
    }
