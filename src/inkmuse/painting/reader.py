"""The scene reader: what a painting of this idea must show, and what it must not.

The shared Theme says what a poem is about; the reader decides what the picture holds. It
reads the kind of landscape from places (大漠 a desert, 江南 a water village, 云海 a sea of
clouds), honours denials (千山鸟飞绝: no birds; 空山不见人: no houses), drops images named
only in a simile (疑是银河落九天 paints no stars), fixes the light (落日 and 白日依山尽: a
low sun in a warm sky) and makes the weather agree with itself (no rain under a full
moon, never rain and snow together). Nothing is added that the words did not ask for,
apart from the few things that make a kind of landscape what it is (huts and a bridge
for a village). Every decision it had to make is written into `notes`.

    >>> intent = read_scene("大漠孤烟直，长河落日圆")
    >>> intent.kind, intent.water, intent.sun, intent.sky, "smoke" in intent.wanted
    ('desert', 'river', 'low', 'warm', True)
    >>> "bird" in read_scene("千山鸟飞绝，万径人踪灭").forbidden
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from inkmuse.core.theme import Theme
from inkmuse.core.theme_lexicon import theme_from_text
from inkmuse.painting import scene_words as W

WEATHER = ("mist", "cloud", "rain", "snow", "wind")
SKIES = ("plain", "warm", "dawn", "night", "grey")
_WATER_THINGS = {"river", "lake", "boat", "fisherman", "reeds", "lotus"}
_SIMILE = re.compile(r"(疑是|恍如|宛如|好似|犹如|恰似|疑)[^，。！？；,.!?;\n]*")
_SETTING_MOON = re.compile(r"月落|月沉|残月|斜月|落月|moonset|setting moon")
_MIST_WORDS = re.compile(r"雾|霭|岚|烟波|烟雨|烟笼|mist|fog|haze")
_CLAUSE = re.compile(r"[，。！？；：,.!?;:\n]")
# 日 followed by one of these within a few characters is the sun going down (白日依山尽)
_SETTING_SUN = re.compile(r"日[^，。！？；,.!?;]{0,3}[尽落沉西斜暮]")
# what each kind of landscape brings with it, whether or not it is named
_STAPLES = {"village": ("village", "bridge"), "temple": ("temple", "pine"),
            "pavilion": ("pavilion",), "bamboo": ("bamboo",), "willows": ("willow",)}  # fmt: skip
_DEFAULT_WATER = {"lake": "lake", "river_valley": "river", "coast": "sea", "village": "river",
                  "willows": "river", "pavilion": "lake"}  # fmt: skip
# a kind read from imagery alone (a Theme given without words)
_IMAGERY_KIND = {"waterfall": "mountains", "bamboo": "bamboo", "willow": "willows",
                 "temple": "temple", "pavilion": "pavilion", "village": "village",
                 "bridge": "village", "lake": "lake", "river": "river_valley",
                 "boat": "lake", "fisherman": "lake", "mountain": "mountains"}  # fmt: skip


@dataclass(frozen=True)
class SceneIntent:
    """What the picture must hold, read from the words; plain data for the provenance.

    kind: one of `scene_words.SCENE_KINDS`. wanted: element kinds asked for (the Theme
    vocabulary plus "smoke"). forbidden: element kinds that must not appear. weather: of
    WEATHER, already consistent. sun: "low", "high" or None. sky: one of SKIES.
    water: "lake", "river", "sea" or None. notes: why anything was dropped or changed.
    """

    kind: str
    wanted: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    weather: tuple[str, ...] = ()
    season: str | None = None
    time_of_day: str | None = None
    sun: str | None = None
    sky: str = "plain"
    water: str | None = None
    mood: str = "serene"
    notes: tuple[str, ...] = field(default_factory=tuple)
    moon_low: bool = False  # a setting moon (月落, 残月) hangs just above the hills

    def wants(self, *kinds: str) -> bool:
        return any(k in self.wanted for k in kinds)


def read_scene(text: str, theme: Theme | None = None) -> SceneIntent:
    """The scene to paint for `text`; `theme` (default: read from the text) gives the
    imagery, mood, season and time, and an explicitly given Theme is taken as it is."""
    words = _simplify(text).lower()
    read = theme_from_text(text)
    theme = theme or read
    plain = _SIMILE.sub("", words)
    # images met only inside a simile are not painted (疑是地上霜, 疑是银河落九天)
    literal = theme_from_text(plain) if plain != words else read
    notes: list[str] = []
    imagery = list(theme.imagery)
    time_of_day = theme.time_of_day
    if theme.imagery == read.imagery and literal.imagery != read.imagery:
        dropped = [i for i in imagery if i not in literal.imagery]
        imagery = list(literal.imagery)
        notes.append(f"simile only, not painted: {', '.join(dropped)}")
        if time_of_day == read.time_of_day:
            time_of_day = literal.time_of_day
    denied, spans = _denials(plain)
    forbidden = set(denied)
    kind = _kind(plain, spans, imagery)
    extras = _extras(plain, spans)
    if "smoke" in extras and "mist" in imagery and not _MIST_WORDS.search(plain):
        imagery.remove("mist")  # 孤烟 is a column of smoke, not a haze
    wanted = list(dict.fromkeys([*imagery, *extras, *_STAPLES.get(kind, ())]))
    if denied:
        gone = [i for i in wanted if i in forbidden]
        if gone:
            notes.append(f"denied by the words: {', '.join(gone)}")
    wanted = [i for i in wanted if i not in forbidden]
    intent = SceneIntent(kind=kind, wanted=tuple(wanted), forbidden=tuple(sorted(forbidden)),
                         season=theme.season, time_of_day=time_of_day, mood=theme.mood)  # fmt: skip
    return _settle(intent, plain, notes)


def _settle(intent: SceneIntent, words: str, notes: list[str]) -> SceneIntent:
    """Light, weather, water and season made to agree with each other."""
    wanted = list(intent.wanted)
    weather = [w for w in WEATHER if w in wanted]
    season, time_of_day = intent.season, intent.time_of_day
    sun, sky = _light(words)
    if "rain" in weather and "snow" in weather:
        keep = "snow" if season == "winter" else "rain"
        weather.remove("snow" if keep == "rain" else "rain")
        notes.append(f"rain and snow together: kept {keep}")
    if "snow" in weather and season == "summer":
        weather.remove("snow")
        notes.append("snow dropped: the words say summer")
    moon = "moon" in wanted
    if moon and "rain" in weather:
        weather.remove("rain")
        if "mist" not in weather:
            weather.append("mist")
        notes.append("rain dropped under the moon (mist instead)")
    if sun is None and "sun" in wanted:
        sun = "low" if time_of_day in ("dusk", "dawn") else "high"
    if sun is not None and moon:
        if sun == "low" and sky == "warm" and time_of_day != "night":
            wanted.remove("moon")  # 月 in a sunset poem is the evening to come, not drawn
            moon = False
            notes.append("moon left out: the sun is setting")
        else:
            sun = None
    if sun is not None and "rain" in weather:
        sun = None
        notes.append("sun left out: it is raining")
    if sun == "low":
        time_of_day = "dawn" if sky == "dawn" else "dusk"
        sky = sky if sky in ("warm", "dawn") else "warm"
    elif moon or time_of_day == "night":
        time_of_day, sky = "night", "night"
    elif {"rain", "snow"} & set(weather):
        sky = "grey"
    if "snow" in weather and season is None:
        season = "winter"
    wanted = [w for w in wanted if w not in WEATHER or w in weather]
    if sun is not None and "sun" not in wanted:
        wanted.append("sun")
    if sun is None and "sun" in wanted:
        wanted.remove("sun")
    water = _water(intent.kind, wanted)
    moon_low = moon and bool(_SETTING_MOON.search(words))
    return replace(intent, wanted=tuple(wanted), weather=tuple(weather), season=season,
                   time_of_day=time_of_day, sun=sun, sky=sky, water=water,
                   notes=tuple(notes), moon_low=moon_low)  # fmt: skip


def _light(words: str) -> tuple[str | None, str]:
    # the sun going down comes first: 白日依山尽 is a white sun, setting
    if _SETTING_SUN.search(words):
        return "low", "warm"
    for word, (sun, sky) in sorted(W.LIGHT_ZH.items(), key=lambda kv: -len(kv[0])):
        if word in words:
            return sun, sky
    for word in re.findall(r"[a-z]+", words):
        if word in W.LIGHT_EN:
            return W.LIGHT_EN[word]
    return None, "plain"


def _water(kind: str, wanted: list[str]) -> str | None:
    if kind in _DEFAULT_WATER:
        return _DEFAULT_WATER[kind]
    if "lake" in wanted:
        return "lake"
    if _WATER_THINGS & set(wanted):
        return "river"
    return None


def _denials(words: str) -> tuple[set[str], list[tuple[int, int]]]:
    """Element kinds the words deny, and the spans of the denying phrases."""
    denied: set[str] = set()
    spans: list[tuple[int, int]] = []
    zh = sorted(W.DENIABLE_ZH, key=len, reverse=True)
    for neg in W.DENY_BEFORE_ZH:
        for m in re.finditer(neg, words):
            if any(words[max(0, m.start() - 1) : m.end()] == nd for nd in W.NOT_DENIALS_ZH):
                continue
            rest = words[m.end() : m.end() + 3]
            hit = next((w for w in zh if rest.startswith(w)), None)
            if hit is not None:
                denied.update(W.DENIABLE_ZH[hit])
                spans.append((m.start(), m.end() + len(hit)))
    for subject in sorted(W.DENY_AFTER_SUBJECTS, key=len, reverse=True):
        for m in re.finditer(subject, words):
            after = _CLAUSE.split(words[m.end() : m.end() + 3])[0]
            if any(c in after for c in W.DENY_AFTER_ZH):
                denied.update(W.DENIABLE_ZH[subject])
                spans.append((m.start(), m.end() + len(after)))
    tokens = re.findall(r"[a-z]+", words)
    for i, tok in enumerate(tokens):
        if tok in W.DENY_BEFORE_EN:
            j = i + 1
            while j < len(tokens) and tokens[j] in ("a", "an", "the", "more", "single"):
                j += 1
            if j < len(tokens) and tokens[j] in W.DENIABLE_EN:
                denied.update(W.DENIABLE_EN[tokens[j]])
    return denied, spans


def _inside(i: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= i < b for a, b in spans)


def _scan(words: str, table: dict[str, tuple[str, float]] | dict[str, tuple[str, ...]],
          spans: list[tuple[int, int]]) -> list[tuple[str, int]]:  # fmt: skip
    """Longest-first matches of `table`'s Chinese keys in `words`, outside denials."""
    longest = max(len(k) for k in table)
    hits, i = [], 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            piece = words[i : i + size]
            if piece in table:
                if not _inside(i, spans):
                    hits.append((piece, i))
                i += size
                break
        else:
            i += 1
    return hits


def _kind(words: str, spans: list[tuple[int, int]], imagery: list[str]) -> str:
    score: dict[str, float] = {}
    for piece, _ in _scan(words, W.KIND_CUES_ZH, spans):
        k, weight = W.KIND_CUES_ZH[piece]
        score[k] = score.get(k, 0.0) + weight
    for phrase, (k, weight) in W.KIND_PHRASES_EN.items():
        if phrase in words:
            score[k] = score.get(k, 0.0) + weight
    tokens = re.findall(r"[a-z]+", words)
    for i, tok in enumerate(tokens):
        if any(t in W.DENY_BEFORE_EN for t in tokens[max(0, i - 2) : i]):
            continue  # "no clouds" asks for no sea of clouds
        for cand in (tok, tok[:-1]):
            if cand in W.KIND_CUES_EN:
                k, weight = W.KIND_CUES_EN[cand]
                score[k] = score.get(k, 0.0) + weight
                break
    snowy = "snow" in imagery or any(c in words for c in ("雪原", "雪野", "冰封", "snowfield"))
    if not snowy:
        score.pop("snowy_plain", None)
    if not score:
        for item in imagery:
            if item in _IMAGERY_KIND:
                score[_IMAGERY_KIND[item]] = score.get(_IMAGERY_KIND[item], 0.0) + 1.0
    if not score:
        return "lake"
    best = max(score.values())
    return next(k for k in W.SCENE_KINDS if score.get(k) == best)


def _extras(words: str, spans: list[tuple[int, int]]) -> list[str]:
    out: list[str] = []
    for piece, _ in _scan(words, W.EXTRA_ZH, spans):
        out.extend(W.EXTRA_ZH[piece])
    for tok in re.findall(r"[a-z]+", words):
        out.extend(W.EXTRA_EN.get(tok, ()))
    return out


@lru_cache(maxsize=1)
def _converter() -> object | None:
    try:
        import opencc
    except ImportError:  # a default dependency, but reading a scene must never fail on it
        return None
    return opencc.OpenCC("t2s")


def _simplify(text: str) -> str:
    conv = _converter()
    return text if conv is None else str(conv.convert(text))  # type: ignore[attr-defined]


__all__ = ["SKIES", "WEATHER", "SceneIntent", "read_scene"]
