"""A Theme given as JSON: written by a person, or proposed by a text model.

inkmuse's default reads the Theme with its own lexicon and needs no model. Where a text
model is configured, `propose_theme` asks it for the scene as JSON (SCENE_INSTRUCTIONS),
checks every value against the closed vocabularies, and falls back to the lexicon's
reading for anything missing or unusable, so a model can only improve a Theme.

    >>> theme_from_json('{"imagery": ["moon", "boat"], "mood": "lonely"}').mood
    'lonely'
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from inkmuse.core.errors import InputError
from inkmuse.core.theme import MOODS, SEASONS, TIMES_OF_DAY, Theme
from inkmuse.core.theme_lexicon import ELEMENTS, PALETTES, theme_from_text

_KEYS = ("imagery", "mood", "season", "time_of_day", "palette", "keywords")
SCENE_INSTRUCTIONS = (
    "Read the poem or idea below and answer with one JSON object only, with keys: "
    f'"imagery" (a list, most salient first, from: {", ".join(ELEMENTS)}), '
    f'"mood" (one of: {", ".join(MOODS)}), "season" (one of: {", ".join(SEASONS)}, or null), '
    f'"time_of_day" (one of: {", ".join(TIMES_OF_DAY)}, or null), '
    f'"palette" (one of: {", ".join(PALETTES)}).\n\nText:\n'
)


def theme_from_json(text: str, base: Theme | None = None) -> Theme:
    """A Theme from a JSON object; values not given keep those of `base` (default Theme)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"the theme is not valid JSON: {err.msg} at line {err.lineno}",
                         accepted='an object such as {"imagery": ["moon"], "mood": "serene"}') from None  # fmt: skip
    if not isinstance(data, dict):
        raise InputError("the theme JSON must be an object", accepted=f"keys {', '.join(_KEYS)}")
    unknown = sorted(set(data) - set(_KEYS))
    if unknown:
        raise InputError(f"unknown theme keys: {', '.join(unknown)}", accepted=", ".join(_KEYS))
    theme = base or Theme()
    changes: dict[str, Any] = {}
    if "imagery" in data:
        changes["imagery"] = tuple(_each(data["imagery"], ELEMENTS, "imagery"))
    if "keywords" in data:
        changes["keywords"] = tuple(str(k) for k in _list(data["keywords"], "keywords"))
    required: tuple[tuple[str, tuple[str, ...]], ...] = (("mood", MOODS), ("palette", PALETTES))
    optional: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("season", SEASONS),
        ("time_of_day", TIMES_OF_DAY),
    )
    for key, vocab in required:
        if key in data:
            changes[key] = _one(data[key], vocab, key)
    for key, vocab in optional:
        if key in data:
            changes[key] = None if data[key] is None else _one(data[key], vocab, key)
    return replace(theme, **changes)


def propose_theme(complete: Callable[[str], str], text: str) -> Theme:
    """Ask a text model (any prompt -> reply callable) for the Theme of `text`.

    The lexicon's reading is the base; a reply without usable JSON leaves it unchanged.
    """
    base = theme_from_text(text)
    reply = complete(SCENE_INSTRUCTIONS + text)
    match = re.search(r"\{.*\}", reply, flags=re.DOTALL)
    if match is None:
        return base
    try:
        return theme_from_json(match.group(0), base)
    except InputError:
        return base


def _list(value: Any, key: str) -> list[Any]:
    if not isinstance(value, list):
        raise InputError(f"theme '{key}' must be a list", accepted='e.g. ["moon", "boat"]')
    return value


def _each(value: Any, vocab: tuple[str, ...], key: str) -> list[str]:
    return [_one(v, vocab, key) for v in _list(value, key)]


def _one(value: Any, vocab: tuple[str, ...], key: str) -> str:
    if value not in vocab:
        raise InputError(f"theme {key} '{value}' is not known", accepted=", ".join(vocab))
    return str(value)


__all__ = ["SCENE_INSTRUCTIONS", "propose_theme", "theme_from_json"]
