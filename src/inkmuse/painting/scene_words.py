"""The words the scene reader needs beyond the shared Theme lexicon: places that pick a
kind of landscape (大漠 a desert, 江南 a water village), things a poem can deny (鸟 in
千山鸟飞绝), and lights that fix the sky (落日 a low sun in a warm sky).

The shared lexicon (`inkmuse.core.theme_lexicon`) reads mood, season and imagery for every
art form; these words matter only to what a painting shows, so they live here.
"""

from __future__ import annotations

# The kinds of landscape the composer builds, in order of precedence when cues tie.
SCENE_KINDS = (
    "desert", "cloud_sea", "coast", "snowy_plain", "village", "temple", "pavilion",
    "bamboo", "willows", "river_valley", "mountains", "lake",
)  # fmt: skip

# Cue word -> (scene kind, weight). Longer words are matched first, like the Theme lexicon.
KIND_CUES_ZH: dict[str, tuple[str, float]] = {
    "大漠": ("desert", 3), "沙漠": ("desert", 3), "黄沙": ("desert", 3), "戈壁": ("desert", 3),
    "漠": ("desert", 2), "碛": ("desert", 2), "瀚海": ("desert", 3), "塞上": ("desert", 2.5),
    "塞外": ("desert", 2.5), "边塞": ("desert", 2.5), "塞": ("desert", 1.5), "阳关": ("desert", 2),
    "玉门": ("desert", 2), "玉门关": ("desert", 3), "孤城": ("desert", 1), "胡天": ("desert", 2),
    "烽": ("desert", 1),
    "云海": ("cloud_sea", 4), "云山": ("cloud_sea", 2), "云深": ("cloud_sea", 2),
    "白云": ("cloud_sea", 1), "绝顶": ("cloud_sea", 1.5), "凌云": ("cloud_sea", 1.5),
    "海": ("coast", 2.5), "沧海": ("coast", 3), "大海": ("coast", 3), "海上": ("coast", 3),
    "涛": ("coast", 1.5), "浪": ("coast", 1), "潮": ("coast", 1), "岸": ("coast", 0.5),
    "雪原": ("snowy_plain", 4), "雪野": ("snowy_plain", 4), "冰封": ("snowy_plain", 3),
    "原": ("snowy_plain", 0.5), "野": ("snowy_plain", 0.5), "平野": ("snowy_plain", 1),
    "村": ("village", 2), "人家": ("village", 2), "小桥": ("village", 2.5), "桥": ("village", 1.5),
    "柴门": ("village", 1.5), "农家": ("village", 2), "田": ("village", 1), "江南": ("village", 2),
    "炊烟": ("village", 1.5),
    "寺": ("temple", 2.5), "庙": ("temple", 2), "僧": ("temple", 2), "钟": ("temple", 1.5),
    "禅": ("temple", 1.5), "塔": ("temple", 2), "古刹": ("temple", 3),
    "亭": ("pavilion", 2.5), "楼": ("pavilion", 2), "阁": ("pavilion", 2), "台": ("pavilion", 1),
    "竹": ("bamboo", 2.5), "竹林": ("bamboo", 3), "篁": ("bamboo", 2.5), "修竹": ("bamboo", 3),
    "柳": ("willows", 2), "杨柳": ("willows", 2.5), "垂柳": ("willows", 2.5),
    "峡": ("river_valley", 3), "江": ("river_valley", 1), "河": ("river_valley", 1),
    "溪": ("river_valley", 1.2), "涧": ("river_valley", 1.2), "川": ("river_valley", 1),
    "山": ("mountains", 1), "峰": ("mountains", 1.5), "岭": ("mountains", 1),
    "瀑": ("mountains", 2.5), "飞流": ("mountains", 2.5), "泉": ("mountains", 1),
    "湖": ("lake", 2.5), "潭": ("lake", 1.5), "池": ("lake", 1.5), "烟波": ("lake", 2),
    "洞庭": ("lake", 3), "孤舟": ("lake", 1.5), "舟": ("lake", 1), "钓": ("lake", 1.5),
}  # fmt: skip
KIND_CUES_EN: dict[str, tuple[str, float]] = {
    "desert": ("desert", 3), "dune": ("desert", 3), "sand": ("desert", 2),
    "frontier": ("desert", 2), "clouds": ("cloud_sea", 1), "sea": ("coast", 2.5),
    "ocean": ("coast", 3), "coast": ("coast", 3), "shore": ("coast", 2), "harbour": ("coast", 2),
    "harbor": ("coast", 2), "wave": ("coast", 1.5), "snowfield": ("snowy_plain", 4),
    "plain": ("snowy_plain", 1), "field": ("snowy_plain", 0.5), "village": ("village", 2),
    "cottage": ("village", 2), "bridge": ("village", 1.5), "temple": ("temple", 2.5),
    "monastery": ("temple", 3), "pagoda": ("temple", 3), "pavilion": ("pavilion", 2.5),
    "tower": ("pavilion", 2), "bamboo": ("bamboo", 2.5), "willow": ("willows", 2),
    "gorge": ("river_valley", 3), "valley": ("river_valley", 2), "river": ("river_valley", 1),
    "stream": ("river_valley", 1), "mountain": ("mountains", 1), "peak": ("mountains", 1.5),
    "waterfall": ("mountains", 2.5), "lake": ("lake", 2.5), "pond": ("lake", 1.5),
    "boat": ("lake", 1),
}  # fmt: skip
# Two-word English cues (checked on the lowered text before single words).
KIND_PHRASES_EN = {"sea of clouds": ("cloud_sea", 4), "cloud sea": ("cloud_sea", 4)}

# What a poem may deny, by the word it uses -> scene element kinds that must not appear.
# 人 (people) denies the signs of people: houses, pavilions, bridges, temples.
BIRDS = ("bird", "goose", "crane")
PEOPLE = ("village", "pavilion", "temple", "bridge")
DENIABLE_ZH: dict[str, tuple[str, ...]] = {
    "鸟": BIRDS, "飞鸟": BIRDS, "禽": BIRDS, "雀": BIRDS, "鸦": BIRDS, "雁": BIRDS,
    "鸿": BIRDS, "鹤": BIRDS, "鸥": BIRDS, "莺": BIRDS, "燕": BIRDS,
    "人": PEOPLE, "人踪": PEOPLE, "人烟": (*PEOPLE, "smoke"), "行人": PEOPLE, "客": PEOPLE,
    "月": ("moon",), "云": ("cloud",), "雨": ("rain",), "雪": ("snow",), "风": ("wind",),
    "日": ("sun",), "星": ("stars",), "舟": ("boat",), "船": ("boat",), "帆": ("boat",),
    "花": ("peach", "plum"), "烟": ("smoke", "mist"), "水": ("river", "lake"),
}  # fmt: skip
DENIABLE_EN: dict[str, tuple[str, ...]] = {
    "bird": BIRDS, "birds": BIRDS, "geese": BIRDS, "goose": BIRDS, "people": PEOPLE,
    "person": PEOPLE, "house": PEOPLE, "houses": PEOPLE, "moon": ("moon",), "cloud": ("cloud",),
    "clouds": ("cloud",), "rain": ("rain",), "snow": ("snow",), "wind": ("wind",),
    "sun": ("sun",), "stars": ("stars",), "boat": ("boat",), "boats": ("boat",),
    "sail": ("boat",), "flowers": ("peach", "plum"), "smoke": ("smoke",),
}  # fmt: skip
# A denial before the thing (无人, 不见月) and, for birds and people only, after it
# (鸟飞绝, 人踪灭): 白日依山尽 sets the sun, it does not take it away.
DENY_BEFORE_ZH = ("不见", "未见", "无", "没有", "不闻", "无复")
DENY_AFTER_ZH = ("绝", "灭", "尽", "稀", "断")
DENY_AFTER_SUBJECTS = frozenset(("鸟", "飞鸟", "禽", "雀", "鸦", "雁", "鸿", "人", "人踪", "行人"))
# 君不见 is "have you not seen": it shows the thing, it does not deny it.
NOT_DENIALS_ZH = ("君不见",)
DENY_BEFORE_EN = ("no", "without", "never", "nor")

# Things a word adds to the picture beyond the shared imagery.
EXTRA_ZH: dict[str, tuple[str, ...]] = {
    "孤烟": ("smoke",), "烽": ("smoke",), "烽火": ("smoke",), "狼烟": ("smoke",),
    "炊烟": ("smoke", "village"), "长河": ("river",), "小桥": ("bridge",),
    # houses by their names: an inn, a wine shop, a thatched hut, a cottage
    "客舍": ("village",), "酒家": ("village",), "茅店": ("village",), "茅屋": ("village",),
    "草堂": ("village",), "柴扉": ("village",), "乌啼": ("bird",), "啼鸟": ("bird",),
}  # fmt: skip
EXTRA_EN: dict[str, tuple[str, ...]] = {"smoke": ("smoke",), "chimney": ("smoke", "village")}

# Light: word -> where the sun stands ("low" near the horizon, "high") and the sky's tint.
LIGHT_ZH: dict[str, tuple[str, str]] = {
    "落日": ("low", "warm"), "夕阳": ("low", "warm"), "斜阳": ("low", "warm"),
    "残阳": ("low", "warm"), "夕照": ("low", "warm"), "晚霞": ("low", "warm"),
    "黄昏": ("low", "warm"), "日暮": ("low", "warm"), "日落": ("low", "warm"),
    "朝阳": ("low", "dawn"), "旭日": ("low", "dawn"), "日出": ("low", "dawn"),
    "朝霞": ("low", "dawn"), "白日": ("high", "plain"), "烈日": ("high", "plain"),
}  # fmt: skip
LIGHT_EN: dict[str, tuple[str, str]] = {
    "sunset": ("low", "warm"),
    "sundown": ("low", "warm"),
    "sunrise": ("low", "dawn"),
    "dawn": ("low", "dawn"),
    "noon": ("high", "plain"),
}

__all__ = [
    "BIRDS", "DENIABLE_EN", "DENIABLE_ZH", "DENY_AFTER_SUBJECTS", "DENY_AFTER_ZH",
    "DENY_BEFORE_EN", "DENY_BEFORE_ZH", "EXTRA_EN", "EXTRA_ZH", "KIND_CUES_EN", "KIND_CUES_ZH",
    "KIND_PHRASES_EN", "LIGHT_EN", "LIGHT_ZH", "NOT_DENIALS_ZH", "PEOPLE", "SCENE_KINDS",
]  # fmt: skip
