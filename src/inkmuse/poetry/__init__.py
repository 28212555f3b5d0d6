"""Poetry: forms as constraints, the rhyme books, the checker and (in `generate`) the poet.

>>> from inkmuse.poetry import check_poem
>>> check_poem("白日依山尽，黄河入海流。欲穷千里目，更上一层楼。").ok
True
"""

from inkmuse.core.prosody import Reading, RhymeBook, get_rhymebook
from inkmuse.core.tones import Tone
from inkmuse.poetry.checker import CheckReport, check_poem
from inkmuse.poetry.forms import FormKind, FormSpec, LineSpec, Slot, detect_form, get_form

__all__ = [
    "CheckReport",
    "FormKind",
    "FormSpec",
    "LineSpec",
    "Reading",
    "RhymeBook",
    "Slot",
    "Tone",
    "check_poem",
    "detect_form",
    "get_form",
    "get_rhymebook",
]
