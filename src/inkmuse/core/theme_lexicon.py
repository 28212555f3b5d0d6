"""Reading a Theme from an idea or a poem: a lexicon of classical imagery and English words.

Each lexicon entry maps a word to tags: scene elements (``ELEMENTS``), moods (``MOODS``),
seasons, times of day, and palettes named outright (``=qinglv``). A tag prefixed with ``~``
counts half: 雁 (wild geese) is an autumn bird and the classical sign of longing for home,
but a poem that says 春 is still spring. Matching is greedy longest-first, so 孤舟 (a lone
boat) is read as one image and not as 孤 + 舟; traditional characters are folded to
simplified first. Ties are broken by order of appearance, then by vocabulary order.

    >>> t = theme_from_text("孤舟蓑笠翁，独钓寒江雪")
    >>> t.imagery[:3], t.mood, t.season
    (('river', 'boat', 'fisherman'), 'lonely', 'winter')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from inkmuse.core.hanzi import has_han, is_han
from inkmuse.core.theme import MOODS, SEASONS, TIMES_OF_DAY, Theme

# Scene elements the painting renderers know how to place (most have their own drawing).
ELEMENTS = (
    "mountain", "river", "lake", "waterfall", "moon", "sun", "stars", "cloud", "mist",
    "rain", "snow", "wind", "boat", "fisherman", "willow", "pine", "bamboo", "plum",
    "peach", "maple", "lotus", "chrysanthemum", "reeds", "goose", "crane", "bird",
    "pavilion", "bridge", "temple", "village",
)  # fmt: skip
# Palettes the renderers paint with: monochrome ink, 青绿 blue-green, 浅绛 light ochre
# (autumn), seasonal tints, and the two light conditions that change every colour.
PALETTES = ("ink", "qinglv", "qianjiang", "spring", "summer", "autumn", "winter", "dusk", "night")

_SEASON_PALETTE = {
    "spring": "spring",
    "summer": "qinglv",
    "autumn": "qianjiang",
    "winter": "winter",
}
_TIME_PALETTE = {"night": "night", "dusk": "dusk"}

# Word -> tags. Chinese first (classical imagery), then English. Tags are space separated.
_ZH = {
    # sky and light
    "明月": "moon night ~nostalgic", "月": "moon night ~nostalgic", "婵娟": "moon night",
    "玉兔": "moon night", "星": "stars night", "银河": "stars night ~tender",
    "日": "sun day", "夕阳": "sun dusk ~melancholy", "斜阳": "sun dusk ~melancholy",
    "落日": "sun dusk ~heroic", "残阳": "sun dusk melancholy", "朝阳": "sun dawn ~joyful",
    "云": "cloud", "白云": "cloud ~serene", "烟": "mist", "雾": "mist", "霭": "mist",
    "烟波": "mist lake ~melancholy", "雨": "rain", "雨后": "mist ~serene", "新雨": "mist ~spring", "细雨": "rain spring ~tender",
    "雪": "snow winter", "霜": "~autumn ~winter ~night", "风": "wind", "长风": "wind heroic",
    "春风": "wind spring joyful", "秋风": "wind autumn melancholy", "东风": "wind spring",
    # land and water
    "山": "mountain", "青山": "mountain ~serene ~=qinglv", "寒山": "mountain ~autumn ~lonely",
    "峰": "mountain", "岭": "mountain", "岩": "mountain", "石": "mountain", "嶂": "mountain",
    "江": "river", "寒江": "river winter lonely", "长江": "river heroic", "河": "river",
    "黄河": "river heroic", "川": "river", "溪": "river ~serene", "涧": "river ~serene",
    "水": "river", "流水": "river ~nostalgic", "波": "river", "潮": "river", "浦": "river",
    "湖": "lake", "潭": "lake ~serene", "池": "lake", "洲": "reeds river",
    "瀑": "waterfall", "飞流": "waterfall heroic", "泉": "waterfall ~serene",
    # plants
    "柳": "willow spring ~tender", "杨柳": "willow spring ~tender", "松": "pine ~serene",
    "竹": "bamboo ~serene", "梅": "plum winter", "桃花": "peach spring ~joyful",
    "桃": "peach spring", "杏花": "peach spring rain", "花": "peach spring",
    "落花": "peach spring melancholy", "枫": "maple autumn", "红叶": "maple autumn",
    "落叶": "maple autumn melancholy", "荷": "lotus summer", "莲": "lotus summer",
    "菊": "chrysanthemum autumn ~serene", "芦": "reeds autumn", "苇": "reeds autumn",
    "蒹葭": "reeds autumn tender", "草": "~spring", "芳草": "spring ~nostalgic",
    # birds and people
    "雁": "goose autumn ~nostalgic", "鸿": "goose autumn ~nostalgic", "鹤": "crane ~serene",
    "鸟": "bird", "鸥": "bird river ~serene", "鹭": "crane river", "燕": "bird spring",
    "鸦": "bird dusk autumn ~melancholy", "莺": "bird spring joyful", "蝉": "summer",
    "舟": "boat river", "孤舟": "boat river lonely", "扁舟": "boat river ~serene",
    "船": "boat river", "帆": "boat river", "孤帆": "boat river lonely", "渔": "fisherman boat",
    "渔翁": "fisherman boat ~serene", "蓑笠翁": "fisherman", "钓": "fisherman boat",
    "亭": "pavilion", "楼": "pavilion", "台": "pavilion", "阁": "pavilion", "桥": "bridge",
    "寺": "temple ~serene", "钟": "temple night", "僧": "temple serene", "村": "village",
    "柴门": "village ~serene", "人家": "village", "关": "mountain heroic", "塞": "heroic",
    # seasons and times
    "春": "spring", "夏": "summer", "秋": "autumn", "冬": "winter", "寒": "~winter ~lonely",
    "夜": "night", "宵": "night", "晓": "dawn", "晨": "dawn", "曙": "dawn", "朝": "~dawn",
    "暮": "dusk", "黄昏": "dusk ~melancholy", "晚": "dusk", "夕": "dusk", "午": "day",
    # feelings
    "愁": "melancholy", "悲": "melancholy", "泪": "melancholy", "恨": "melancholy",
    "断肠": "melancholy", "惆怅": "melancholy", "孤": "lonely", "独": "lonely",
    "寂": "lonely", "寂寞": "lonely", "思乡": "nostalgic", "故乡": "nostalgic",
    "乡": "nostalgic", "归": "nostalgic", "忆": "nostalgic", "怀古": "nostalgic",
    "故": "~nostalgic", "静": "serene", "闲": "serene", "幽": "serene", "空": "serene",
    "禅": "serene", "喜": "joyful", "欢": "joyful", "笑": "joyful", "乐": "joyful",
    "壮": "heroic", "豪": "heroic", "剑": "heroic", "万里": "heroic", "将军": "heroic",
    "情": "tender", "爱": "tender", "相思": "tender", "君": "~tender", "柔": "tender",
    # palettes named outright
    "水墨": "=ink", "青绿": "=qinglv", "浅绛": "=qianjiang", "丹青": "=qinglv",
    # a few more the classics lean on
    "昏": "dusk", "枯": "~autumn ~melancholy", "大漠": "heroic", "长河": "river heroic",
    "孤烟": "mist lonely", "绝": "~lonely", "天涯": "nostalgic melancholy", "客": "~nostalgic",
    "灯": "night", "烛": "night ~tender", "蓑笠": "fisherman", "千山": "mountain",
    # grief and parting, so 登高 (悲秋) and 送别 poems are not read as heroic or serene
    "哀": "melancholy", "悲秋": "autumn melancholy", "落木": "maple autumn melancholy",
    "萧萧": "~autumn ~melancholy", "苦": "~melancholy", "病": "~melancholy",
    "登高": "mountain autumn melancholy", "送别": "melancholy tender", "离别": "melancholy",
    "别": "~melancholy", "送": "~melancholy", "阳关": "melancholy",
}  # fmt: skip
_EN = {
    "moon": "moon night", "moonlight": "moon night", "moonlit": "moon night", "sunny": "sun day", "foggy": "mist", "star": "stars night",
    "sun": "sun day", "sunrise": "sun dawn", "sunset": "sun dusk", "cloud": "cloud",
    "mist": "mist", "fog": "mist", "haze": "mist", "rain": "rain", "snow": "snow winter",
    "frost": "~winter", "wind": "wind", "breeze": "wind", "storm": "wind rain heroic",
    "mountain": "mountain", "hill": "mountain", "peak": "mountain", "cliff": "mountain",
    "river": "river", "stream": "river", "creek": "river", "water": "river",
    "harbour": "boat river", "harbor": "boat river", "sea": "river", "ocean": "river",
    "lake": "lake", "pond": "lake", "waterfall": "waterfall", "cascade": "waterfall",
    "willow": "willow ~spring", "pine": "pine", "bamboo": "bamboo", "plum": "plum ~winter",
    "blossom": "peach spring", "cherry": "peach spring", "peach": "peach spring",
    "flower": "peach ~spring", "maple": "maple autumn", "leaf": "~autumn",
    "leaves": "maple ~autumn", "lotus": "lotus summer", "reed": "reeds",
    "chrysanthemum": "chrysanthemum autumn", "goose": "goose ~autumn", "geese": "goose ~autumn",
    "crane": "crane", "heron": "crane", "bird": "bird", "swallow": "bird spring",
    "crow": "bird ~dusk", "raven": "bird ~dusk", "gull": "bird river",
    "boat": "boat river", "ship": "boat river", "sail": "boat river", "fisherman": "fisherman",
    "pavilion": "pavilion", "tower": "pavilion", "bridge": "bridge", "temple": "temple",
    "monastery": "temple serene", "village": "village", "cottage": "village", "hut": "village",
    "spring": "spring", "summer": "summer", "autumn": "autumn", "winter": "winter",
    "dawn": "dawn", "morning": "dawn", "daybreak": "dawn", "noon": "day", "day": "day",
    "dusk": "dusk", "evening": "dusk", "twilight": "dusk", "night": "night",
    "midnight": "night",
    "sad": "melancholy", "sorrow": "melancholy", "grief": "melancholy", "tear": "melancholy",
    "melancholy": "melancholy", "lonely": "lonely", "alone": "lonely", "solitary": "lonely",
    "lone": "lonely", "homesick": "nostalgic", "home": "~nostalgic", "memory": "nostalgic",
    "remember": "nostalgic", "longing": "nostalgic", "nostalgia": "nostalgic",
    "calm": "serene", "quiet": "serene", "still": "~serene", "peace": "serene",
    "serene": "serene", "silence": "serene", "joy": "joyful", "happy": "joyful",
    "bright": "~joyful", "glad": "joyful", "laugh": "joyful", "brave": "heroic",
    "hero": "heroic", "battle": "heroic", "sword": "heroic", "mighty": "heroic",
    "vast": "~heroic", "love": "tender", "beloved": "tender", "gentle": "tender",
    "tender": "tender", "kiss": "tender",
    "cold": "~winter ~lonely", "ink": "=ink", "monochrome": "=ink", "green": "~=qinglv",
    "jade": "=qinglv",
}  # fmt: skip
# Words that name a mood outright: the music's --mood reads this table too (mood_of_word),
# so the arts cannot disagree on what 惆怅 or "wistful" means.
_ZH.update({
    "悲伤": "melancholy", "忧伤": "melancholy", "哀伤": "melancholy", "忧愁": "melancholy",
    "伤感": "melancholy", "孤独": "lonely", "孤寂": "lonely", "怀旧": "nostalgic", "乡愁": "nostalgic",
    "思念": "nostalgic", "宁静": "serene", "安静": "serene", "闲适": "serene", "悠闲": "serene",
    "平静": "serene", "恬淡": "serene", "欢快": "joyful", "快乐": "joyful", "喜悦": "joyful",
    "欢乐": "joyful", "明快": "joyful", "豪迈": "heroic", "雄壮": "heroic", "壮阔": "heroic",
    "豪放": "heroic", "激昂": "heroic", "温柔": "tender", "柔情": "tender", "深情": "tender",
    "缠绵": "tender", "悲壮": "melancholy", "沉郁": "melancholy", "肃穆": "melancholy",
})  # fmt: skip
_EN.update({
    "solemn": "melancholy", "wistful": "melancholy", "melancholic": "melancholy",
    "sorrowful": "melancholy", "lonesome": "lonely", "peaceful": "serene",
    "tranquil": "serene", "cheerful": "joyful", "merry": "joyful", "grand": "heroic",
    "bold": "heroic", "epic": "heroic", "heroism": "heroic", "loving": "tender",
    "romantic": "tender",
})  # fmt: skip
_MAX_ZH = max(len(k) for k in _ZH)
_EN_WORD = re.compile(r"[a-z]+")
_STOP_WORDS = (
    "a an the and or of in on at to by with from for is are was were be my your his her "
    "their our its it this that these those i you he she we they as into over under"
)
_STOP = frozenset(_STOP_WORDS.split())


@dataclass
class _Tally:
    """Scores and first positions of every tag seen, so ties break by order of appearance."""

    score: dict[str, float] = field(default_factory=dict)
    first: dict[str, int] = field(default_factory=dict)

    def add(self, tags: str, position: int) -> None:
        for raw in tags.split():
            tag, weight = (raw[1:], 0.5) if raw.startswith("~") else (raw, 1.0)
            self.score[tag] = self.score.get(tag, 0.0) + weight
            self.first.setdefault(tag, position)

    def ranked(self, vocabulary: Iterable[str]) -> list[str]:
        names = [t for t in vocabulary if self.score.get(t, 0.0) > 0]
        return sorted(names, key=lambda t: (-self.score[t], self.first[t]))


@lru_cache(maxsize=1)
def _to_simplified() -> object | None:
    try:
        import opencc
    except ImportError:  # a default dependency, but reading a Theme must never fail on it
        return None
    return opencc.OpenCC("t2s")


def _simplify(text: str) -> str:
    converter = _to_simplified()
    return text if converter is None else str(converter.convert(text))  # type: ignore[attr-defined]


def _scan(text: str, tally: _Tally) -> list[str]:
    """Tally every lexicon hit in `text`; return the matched words in order."""
    words: list[str] = []
    lowered = _simplify(text).lower()
    i = 0
    while i < len(lowered):
        if is_han(lowered[i]):
            for size in range(min(_MAX_ZH, len(lowered) - i), 0, -1):
                piece = lowered[i : i + size]
                if piece in _ZH:
                    tally.add(_ZH[piece], i)
                    words.append(piece)
                    i += size
                    break
            else:
                i += 1
            continue
        match = _EN_WORD.match(lowered, i)
        if match is None:
            i += 1
            continue
        word = match.group()
        entry = _english_entry(word)
        if entry is not None:
            tally.add(entry, i)
        if entry is not None or (word not in _STOP and len(word) > 2):
            words.append(word)
        i = match.end()
    return words


def _english_entry(word: str) -> str | None:
    """The lexicon tags for an English word, trying simple plural/verb endings."""
    for candidate in (word, word[:-1], word[:-2], word[:-3] + "y" if word.endswith("ies") else ""):
        if len(candidate) > 2 and candidate in _EN:
            return _EN[candidate]
    return None


def mood_of_word(word: str) -> str | None:
    """The mood one word names ('惆怅', 'Wistful', 'melancholy'), or None.

    >>> mood_of_word("惆怅"), mood_of_word("Wistful"), mood_of_word("山")
    ('melancholy', 'melancholy', None)
    """
    text = _simplify(word.strip()).lower()
    if text in MOODS:
        return text
    entry = _ZH.get(text) or _english_entry(text) or ""
    moods = [tag.lstrip("~") for tag in entry.split() if tag.lstrip("~") in MOODS]
    return moods[0] if moods else None


def mood_examples() -> list[str]:
    """A dozen words mood_of_word takes, for error messages."""
    return ["惆怅", "孤独", "思乡", "宁静", "欢快", "豪迈", "温柔", "sad", "calm", "happy"]


def palette_for(time_of_day: str | None, season: str | None) -> str:
    """The palette a time of day (night, dusk) or else a season implies; ink otherwise."""
    if time_of_day in _TIME_PALETTE:
        return _TIME_PALETTE[time_of_day]
    if season is not None:
        return _SEASON_PALETTE[season]
    return "ink"


def theme_from_text(text: str) -> Theme:
    """Read imagery, mood, season, time of day and palette from an idea or a poem.

    Deterministic: the same text always gives the same Theme. With no recognised word
    the Theme is the neutral one (serene, ink, no season), never an error.

        >>> theme_from_text("a harbour at dawn, gulls over the water").time_of_day
        'dawn'
    """
    tally = _Tally()
    words = _scan(text, tally)
    imagery = tuple(tally.ranked(ELEMENTS))
    moods = tally.ranked(MOODS)
    seasons = tally.ranked(SEASONS)
    times = tally.ranked(TIMES_OF_DAY)
    season = seasons[0] if seasons else None
    time_of_day = times[0] if times else None
    if "snow" in imagery and season is None:
        season = "winter"
    named = tally.ranked("=" + name for name in PALETTES)
    palette = named[0][1:] if named else palette_for(time_of_day, season)
    language = "zh" if has_han(text) else "en"
    keywords = tuple(dict.fromkeys(words))[:16]
    return Theme(
        imagery=imagery,
        mood=moods[0] if moods else "serene",
        season=season,
        time_of_day=time_of_day,
        palette=palette,
        keywords=keywords,
        extras={"language": language},
    )


__all__ = ["ELEMENTS", "PALETTES", "theme_from_text"]
