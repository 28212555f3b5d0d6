"""Music: set a poem to a song by its tones (or stress), or compose from a mood.

    >>> from inkmuse.music import ComposeRequest, compose, export
    >>> piece = compose(ComposeRequest(poem="床前明月光，疑是地上霜。", seed=7))
    >>> measure(piece).tone_agreement >= 0.8
    True

`export(piece, folder)` writes MIDI, MusicXML, ABC, WAV, a piano-roll PNG and a JSON record.
"""

from inkmuse.music.compose import ComposeRequest, compose
from inkmuse.music.export import FORMATS, export
from inkmuse.music.metrics import Metrics, measure
from inkmuse.music.model import ChordSpan, Note, Part, Piece
from inkmuse.music.plan import MusicPlan, mood_from_word, music_plan_from_theme
from inkmuse.music.theory import Chord, Key, parse_key

__all__ = [
    "FORMATS",
    "Chord",
    "ChordSpan",
    "ComposeRequest",
    "Key",
    "Metrics",
    "MusicPlan",
    "Note",
    "Part",
    "Piece",
    "compose",
    "export",
    "measure",
    "mood_from_word",
    "music_plan_from_theme",
    "parse_key",
]
