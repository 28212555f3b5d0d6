"""English poetry: prosody from CMUdict, forms as constraints, the checker and the poet.

>>> from inkmuse.poetry.english import check_english
>>> check_english("Whose woods these are I think I know.\\nHis house is in the village though;\\n"
...               "He will not see me stopping here\\nTo watch his woods fill up with snow.").form.key
'quatrain-aaba'
"""

from inkmuse.poetry.english.checker import EnglishReport, check_english
from inkmuse.poetry.english.forms import FORMS, EnglishForm, get_english_form, is_english_form
from inkmuse.poetry.english.meter import METERS, Meter, Scansion, get_meter, scan
from inkmuse.poetry.english.poet import EnglishPoemRequest, EnglishPoemResult, write_english_poem
from inkmuse.poetry.english.report import render_english
from inkmuse.poetry.english.rhyme import rhyme_kind, rhymes_for
from inkmuse.poetry.english.text import looks_english
from inkmuse.poetry.english.words import pronunciations

__all__ = [
    "FORMS",
    "METERS",
    "EnglishForm",
    "EnglishPoemRequest",
    "EnglishPoemResult",
    "EnglishReport",
    "Meter",
    "Scansion",
    "check_english",
    "get_english_form",
    "get_meter",
    "is_english_form",
    "looks_english",
    "pronunciations",
    "render_english",
    "rhyme_kind",
    "rhymes_for",
    "scan",
    "write_english_poem",
]
