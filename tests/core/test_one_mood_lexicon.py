"""One mood lexicon: what a word's mood is lives in core.theme_lexicon, for every art."""

from __future__ import annotations

import ast
from pathlib import Path

from inkmuse.core.theme import MOODS
from inkmuse.core.theme_lexicon import mood_of_word, theme_from_text
from inkmuse.music import mood_from_word

SRC = Path(__file__).resolve().parents[2] / "src/inkmuse"
HOME = SRC / "core/theme_lexicon.py"


def _word_to_mood_tables(path: Path) -> list[int]:
    """Line numbers of dict literals mapping five or more words to mood names."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Dict):
            moods = [v for v in node.values if isinstance(v, ast.Constant) and v.value in MOODS]
            if len(moods) >= 5:
                found.append(node.lineno)
    return found


def test_no_module_but_the_lexicon_maps_words_to_moods() -> None:
    offenders = {
        str(p.relative_to(SRC)): lines
        for p in SRC.rglob("*.py")
        if p != HOME and (lines := _word_to_mood_tables(p))
    }
    assert not offenders, offenders


def test_the_music_and_the_theme_read_a_mood_word_alike() -> None:
    for word in ("惆怅", "孤独", "思乡", "宁静", "欢快", "豪迈", "温柔", "送别", "wistful", "calm"):
        mood = mood_of_word(word)
        assert mood in MOODS
        assert mood_from_word(word) == mood
        assert theme_from_text(word).mood == mood
