"""Build the poet's imagery lexicon: which words mark a season, and which mark day or night.

    .venv/bin/python scripts/build_imagery_lexicon.py   # about a minute; needs data/poet-corpus-v2

Read from the training split of the poet's corpus (npm chinese-poetry 2.0.1, MIT; the poems
are public domain), so the held-out poems the eval reads played no part. A poem is labelled
by its title: a season when the title names one season (春, 夏, 秋, 冬, or a festival of it:
寒食, 重阳 ...), night when it names the night (夜, 宵), day when it names the daylight (晓,
晨, 昼, 晴, 朝日, 白日, 正午 ...; a bare 日 is a date, 九日, and a bare 午 is 端午) and not the night. For every character and two-character word of the
poems, the share of its labelled poems that carry each label, with the labels weighted
equally (there are far more spring titles than summer ones), is a reading of how strongly
it marks that label. A word marks a label when it occurs in at least MIN_DF labelled poems
and at least MARK_SHARE of its weighted share is that label's.

A second table reads the seasons pairwise. The share above spreads a word over four
labels, so a word of spring and summer (杜鹃: 67% spring's, 25% summer's) marks neither at
85%, yet autumn poems almost never hold it (3 of 8,458). "absent" lists, for each season,
the words its titled poems hold at most ABSENT_RATE of the time while another season's hold
them at least ABSENT_RATIO times as often: 杜鹃, 落梅, 梨花 for autumn, 荷花, 蝉声 for spring.
Only words of the seasons' things (物候: plants, creatures, weather, farm work, festival
objects; PHENOLOGY below) are read this way: a word outside them that one season's titles
happen to lack (音书, 忆昔 in the few summer titles) is the titles' accident.

The night is read the same way against every other poem: a word of the sun and the
daylight (SUNLIGHT below: 残阳, 落晖, 太阳, 晴窗) that night-titled poems hold at most
ABSENT_RATE of the time while the other poems hold it NIGHT_ABSENT_RATIO times as often
is the night's "absent" too ("night" beside the seasons). Only words where a line's words
begin (training/keywords.py, as the keyword graph reads them) are counted, so 日上 is read
where it is the sun rising, not where 白日 meets 上.

Writes src/inkmuse/poetry/data/imagery.json:
    {"season": {"spring": {"桃花": 0.83, ...}, ...}, "time": {"night": {...}, "day": {...}},
     "absent": {"autumn": {"杜鹃": "spring", ...}, ..., "night": {"残阳": "day", ...}}, ...}
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
from keywords import candidates  # noqa: E402

CORPUS = ROOT / "data/poet-corpus-v2/train.jsonl"
OUT = ROOT / "src/inkmuse/poetry/data/imagery.json"
MIN_DF = 25
MARK_SHARE = 0.6
SEASON_TITLES = {
    "spring": ("春", "寒食", "清明", "上巳", "元日", "元夕", "上元", "人日", "花朝"),
    "summer": ("夏", "端午", "端阳", "苦热", "避暑", "消暑", "纳凉"),
    "autumn": ("秋", "重阳", "重九", "九日", "中秋", "七夕"),
    "winter": ("冬", "除夜", "除夕", "守岁", "腊日", "岁暮", "雪"),
}
NIGHT_TITLES = ("夜", "宵")
DAY_TITLES = ("晓", "晨", "昼", "晴", "朝日", "白日", "正午", "亭午", "午睡", "午梦", "午枕")
# The pairwise table (see above): a word its season's poems hold in at most 0.2% of cases,
# another season's at least 10 times as often, seen in 30+ labelled poems (80+ for a single
# character, whose readings are broader).
ABSENT_RATE = 0.002
ABSENT_RATIO = 10.0
ABSENT_MIN_DF = 30
ABSENT_MIN_DF_CHAR = 80
# The seasons' things, compiled here for this filter (the inkmuse team's list, no outside
# source): flowers and trees, birds and insects, weather, farm work, festival objects.
PHENOLOGY = set(
    "花梅桃杏李梨棠荷莲藕芙蕖菡萏菊桂兰蕙芦荻蓼萍枫梧桐柳杨絮榆槐榴蔷薇芍牡丹樱荼醿"
    "芽笋箨蒲菖艾茱萸橘柚橙瓜葵芹蕨"
    "莺鶑鸎燕鹃鹂雁鸿蝉蜩蛩蟋蟀萤蛙蝶蜂鸠"
    "雪霜露冰冻霰雹凉暖煖暑炎热融澌"
    "蚕桑秧麦稻禾黍稷耕犁"
    "粽屠苏爆胜禊"
)
# The night against all other poems (most of which name no time and hold day and night
# alike, so the contrast is smaller than one season's against another's): at most
# ABSENT_RATE of night-titled poems, the others at least 4 times as often, 60+ poems in
# all. At 10 times, as for the seasons, only 残阳 and 日暖 pass: night poems are few (5,859).
NIGHT_ABSENT_RATIO = 4.0
NIGHT_ABSENT_MIN_DF = 60
# The sun and the daylight, the night's contrary things (the inkmuse team's list): the
# sun, its light and glow, clear sky, morning and noon. 夜 and 月 words are never in it.
SUNLIGHT = set("日阳晖照晴晓晨曙午昼霞旭曦暾")
# Words the labels are read from: never markers themselves beyond their own season name.
STOP = set("，。")


def labels_of(title: str) -> tuple[str | None, str | None]:
    seasons = {s for s, words in SEASON_TITLES.items() if any(w in title for w in words)}
    season = seasons.pop() if len(seasons) == 1 else None
    night = any(w in title for w in NIGHT_TITLES)
    day = any(w in title for w in DAY_TITLES)
    time = "night" if night else ("day" if day else None)
    return season, time


def words_of(text: str) -> set[str]:
    out: set[str] = set()
    for line in text.replace("。", "，").split("，"):
        out.update(line)
        out.update(line[i : i + 2] for i in range(len(line) - 1))
    return out


def markers(df: dict[str, Counter[str]], totals: Counter[str]) -> dict[str, dict[str, float]]:
    """label -> {word: weighted share} for the words that mark it."""
    out: dict[str, dict[str, float]] = {label: {} for label in totals}
    for word, counts in df.items():
        if sum(counts.values()) < MIN_DF:
            continue
        rates = {label: counts[label] / totals[label] for label in totals}
        norm = sum(rates.values())
        for label, rate in rates.items():
            share = rate / norm
            if share >= MARK_SHARE and counts[label] >= MIN_DF // 2:
                out[label][word] = round(share, 3)
    # Ties by the word: the counts come from sets, whose order changes from run to run.
    return {
        label: dict(sorted(words.items(), key=lambda kv: (-kv[1], kv[0])))
        for label, words in out.items()
    }


def absent(df: dict[str, Counter[str]], totals: Counter[str]) -> dict[str, dict[str, str]]:
    """season -> {word: the season that holds it} for the words a season's poems lack."""
    out: dict[str, dict[str, str]] = {season: {} for season in totals}
    for word, counts in df.items():
        floor = ABSENT_MIN_DF_CHAR if len(word) == 1 else ABSENT_MIN_DF
        if sum(counts.values()) < floor or not set(word) & PHENOLOGY:
            continue
        # Half a poem added to each count, so a word no poem of a season holds is finite.
        rate = {label: (counts[label] + 0.5) / totals[label] for label in totals}
        for season in totals:
            if counts[season] / totals[season] > ABSENT_RATE:
                continue  # the season's own poems hold it often enough
            holder = max((o for o in totals if o != season), key=lambda o: rate[o])
            if rate[holder] >= ABSENT_RATIO * rate[season]:
                out[season][word] = holder
    return {season: dict(sorted(words.items())) for season, words in out.items()}


def night_absent(night: Counter[str], other: Counter[str], totals: Counter[str]) -> dict[str, str]:
    """{word: "day"} for the sunlight words night-titled poems lack (see above)."""
    out: dict[str, str] = {}
    for word in night.keys() | other.keys():
        if night[word] + other[word] < NIGHT_ABSENT_MIN_DF:
            continue
        if night[word] / totals["night"] > ABSENT_RATE:
            continue
        rate_night = (night[word] + 0.5) / totals["night"]
        rate_other = (other[word] + 0.5) / totals["other"]
        if rate_other >= NIGHT_ABSENT_RATIO * rate_night:
            out[word] = "day"
    return dict(sorted(out.items()))


def is_sunlight_word(word: str) -> bool:
    return len(word) == 2 and bool(set(word) & SUNLIGHT) and "夜" not in word and "月" not in word


def main() -> int:
    if not CORPUS.exists():
        sys.exit("corpus v2 missing: run training/prepare_corpus.py and prepare_corpus_v2.py")
    season_df: dict[str, Counter[str]] = defaultdict(Counter)
    time_df: dict[str, Counter[str]] = defaultdict(Counter)
    season_n: Counter[str] = Counter()
    time_n: Counter[str] = Counter()
    sun_df: dict[str, Counter[str]] = {"night": Counter(), "other": Counter()}
    sun_n: Counter[str] = Counter()
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            season, time = labels_of(row.get("title", ""))
            side = "night" if time == "night" else "other"
            sun_n[side] += 1
            sun_df[side].update({w for w in candidates(row["text"]) if is_sunlight_word(w)})
            if season is None and time is None:
                continue
            words = words_of(row["text"]) - STOP
            if season:
                season_n[season] += 1
                for w in words:
                    season_df[w][season] += 1
            if time:
                time_n[time] += 1
                for w in words:
                    time_df[w][time] += 1
    lexicon = {
        "source": "npm chinese-poetry 2.0.1 (MIT), poet corpus v2 train split, labelled by title",
        "built_by": "scripts/build_imagery_lexicon.py",
        "min_df": MIN_DF,
        "mark_share": MARK_SHARE,
        "labelled_poems": {"season": dict(season_n), "time": dict(time_n)},
        "season": markers(season_df, season_n),
        "time": markers(time_df, time_n),
        "absent_rule": {
            "rate": ABSENT_RATE,
            "ratio": ABSENT_RATIO,
            "min_df": ABSENT_MIN_DF,
            "min_df_char": ABSENT_MIN_DF_CHAR,
            "night_ratio": NIGHT_ABSENT_RATIO,
            "night_min_df": NIGHT_ABSENT_MIN_DF,
        },
        "absent": {
            **absent(season_df, season_n),
            "night": night_absent(sun_df["night"], sun_df["other"], sun_n),
        },
    }
    OUT.write_text(json.dumps(lexicon, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    for kind in ("season", "time"):
        for label, words in lexicon[kind].items():
            print(kind, label, len(words), " ".join(list(words)[:25]))
    for season, words in lexicon["absent"].items():
        print("absent", season, len(words), " ".join(list(words)[:40]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
