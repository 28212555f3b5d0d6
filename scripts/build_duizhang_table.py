"""Build the 对仗 word-class table from the middle couplets of real 律诗.

    .venv/bin/python scripts/build_duizhang_table.py

Reads 全唐诗 (npm `chinese-poetry` 2.0.1, MIT; `make corpus`) with 唐诗三百首 held out (any
poem sharing a line with it is skipped, so the eval's reference set never shaped the
table), and 《声律启蒙》 (车万育, in the same corpus) for its explicit "云对雨" pairs.
Writes src/inkmuse/poetry/data/duizhang.json:

- classes: each character's 对类 (天文, 地理, 动作 ...), at most two, by label propagation
  over the graph of characters standing opposite each other (same position, 颔联 and
  颈联): a character takes the classes of what it is set against. A few dozen seeds per
  class (the textbook examples of each 门类, below) start it; the closed classes (数目,
  颜色, 方位) come from poetry/duizhang/closed.py and are never reassigned.
- pairs: character pairs set opposite each other at least PAIR_MIN times, the usage that
  makes a pairing acceptable even across classes (诗/酒, 里/年).
Counts are printed so a rebuild can be compared with the last one.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from inkmuse.poetry.duizhang.closed import CLOSED, SOURCE
from inkmuse.poetry.duizhang.corpus import (
    CORPUS,
    held_lines,
    is_lushi,
    load_quantangshi,
    load_sanbaishou,
    middle_couplets,
)
from inkmuse.poetry.text import to_simplified

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "inkmuse" / "poetry" / "data" / "duizhang.json"

# Seeds of the open classes: the usual examples of each 门类 in 王力《汉语诗律学》 §15 (对仗的
# 种类) and the 对类 books (《声律启蒙》, 《笠翁对韵》), taken in the sense they most often
# have in Tang verse. 王力's 28 门类 are merged to the grain a judgement needs: 器用, 服饰,
# 饮食, 文具 into 器物; 人伦 and 代名 (as persons) into 人物; 副词, 连介词, 助词 into 虚字.
SEEDS = {
    "天文": "天日月星辰风云雨雪霜露烟霞雾虹雷电霄晖",
    "时令": "春夏秋冬年岁时朝暮晨夕夜昼晓宵昏旦昔腊",
    "地理": "山水江河湖海溪泉川峰岭岩谷原野田路径岸洲岛沙石关塞城村郭乡浦渚潭波浪涧",
    "宫室": "楼台殿阁门窗户庭院堂轩亭寺宫室屋舍阙檐栏廊墙",
    "器物": "剑弓琴瑟笛箫鼓钟杯樽舟船车帆笔砚灯烛衣裳冠带镜旗帘枕席扇酒茶金玉",
    "植物": "花草木树柳松竹梅兰菊荷莲叶枝根苔桃李杨桐蓬萍芦藤桂麦禾",
    "动物": "鸟鱼龙马雁鹤燕莺猿虫蝉鸡犬牛羊鸦鸥凤鹭蛙蝶蜂鹰虎",
    "形体": "身头首手眼目眉发鬓泪骨颜面口耳足齿腰肠",
    "人物": "人客僧君臣王侯翁童儿女友主民兵将仙士夫妻母父兄弟宾朋官吏",
    "人事": "梦事功名情意诗歌愁恨恩书信兴业道礼",
    "动作": "飞落开流来去归看听闻见望行过入出生起卧坐吟醉照吹送逢别留随",
    "性状": "高深长远近清明寒暖新旧老疏密闲静幽寂大小轻重细微香暗",
    "虚字": "不无未已犹尚还又亦自相共只但皆俱且将欲应须可能岂何谁此彼其之而于与若如似更正初方莫休非",
}
SEEDED = frozenset("".join(SEEDS.values()))
# A pairing seen this often in the middle couplets counts as usage (常对).
PAIR_MIN = 6
# A character needs this many oppositions to be classed at all.
MIN_SUPPORT = 3
# A second class is kept when it carries at least this share of the first's weight.
SECOND_SHARE = 0.5
# A seed (or closed-set member) gets a second class when that share of its opposites have
# it: the weights are flat (恨 stands 22% against 人事, 20% against 动作), so a low bar.
SEED_SECOND = 0.15
ROUNDS = 12
SHENGLV_WEIGHT = 3  # one 声律启蒙 pair, written as a model of 对仗, counts as three uses


def couplet_pairs() -> tuple[Counter[tuple[str, str]], int, int]:
    """Opposite character pairs (both orders) in the middle couplets of 全唐诗's 律诗."""
    held = load_sanbaishou(CORPUS)
    pairs: Counter[tuple[str, str]] = Counter()
    poems = couplets = 0
    for poem in load_quantangshi(CORPUS, exclude=held_lines(held)):
        if not is_lushi(poem.lines):
            continue
        poems += 1
        for upper, lower in middle_couplets(poem.lines):
            couplets += 1
            for a, b in zip(upper, lower, strict=True):
                if a != b:
                    pairs[a, b] += 1
                    pairs[b, a] += 1
    return pairs, poems, couplets


def shenglv_pairs() -> Counter[tuple[str, str]]:
    """The aligned character pairs of 《声律启蒙》's "X对Y" items of equal length."""
    path = CORPUS / "mengxue" / "shenglvqimeng.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    pairs: Counter[tuple[str, str]] = Counter()
    for volume in data["content"]:
        for chapter in volume["content"]:
            text = to_simplified("".join(chapter["paragraphs"]))
            for a, b in re.findall(r"([\u4e00-\u9fff]{1,2})对([\u4e00-\u9fff]{1,2})", text):
                if len(a) == len(b):
                    for x, y in zip(a, b, strict=True):
                        if x != y:
                            pairs[x, y] += SHENGLV_WEIGHT
                            pairs[y, x] += SHENGLV_WEIGHT
    return pairs


def propagate(pairs: Counter[tuple[str, str]]) -> dict[str, dict[str, float]]:
    """Each character's class weights: the average of its opposites', seeds held fixed."""
    names = [*SEEDS, *CLOSED]
    fixed: dict[str, dict[str, float]] = defaultdict(dict)
    for name, chars in [*SEEDS.items(), *CLOSED.items()]:
        for ch in chars:
            fixed[ch][name] = 1.0
    for weights in fixed.values():  # a character seeded twice splits its weight
        total = sum(weights.values())
        for k in weights:
            weights[k] /= total
    neighbours: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for (a, b), n in pairs.items():
        neighbours[a].append((b, n))
    support = {a: sum(n for _, n in nb) for a, nb in neighbours.items()}
    labels: dict[str, dict[str, float]] = {ch: dict(w) for ch, w in fixed.items()}
    for _ in range(ROUNDS):
        new: dict[str, dict[str, float]] = {}
        for a, nb in neighbours.items():
            if a in fixed or support[a] < MIN_SUPPORT:
                continue
            acc: dict[str, float] = defaultdict(float)
            for b, n in nb:
                for k, w in labels.get(b, {}).items():
                    acc[k] += n * w
            total = sum(acc.values())
            if total:
                new[a] = {k: v / total for k, v in acc.items() if k in names}
        labels.update(new)
    return labels


def observed(
    pairs: Counter[tuple[str, str]], labels: dict[str, dict[str, float]]
) -> dict[str, dict[str, float]]:
    """Every character's class weights from its opposites, seeds included: what a seed
    is used as besides its seed class (上 stands against 入 as a verb, 孤 against 远)."""
    acc: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for (a, b), n in pairs.items():
        for k, w in labels.get(b, {}).items():
            acc[a][k] += n * w
    out = {}
    for a, weights in acc.items():
        total = sum(weights.values())
        out[a] = {k: v / total for k, v in weights.items()}
    return out


def assign(
    labels: dict[str, dict[str, float]], seen: dict[str, dict[str, float]]
) -> tuple[dict[str, str], dict[str, str]]:
    """Class -> characters, twice: each character's first class, and a second that is close.

    A closed-set member's first class is its closed one (上 is 方位 first, 动作 second); the
    corpus never gives a closed class to an outsider (孤 is 数目 by the textbook, 寒 is not
    颜色 however often it stands against 白).
    """
    first: dict[str, list[str]] = {name: [] for name in [*SEEDS, *CLOSED]}
    second: dict[str, list[str]] = {name: [] for name in [*SEEDS, *CLOSED]}
    for ch, weights in sorted(labels.items()):
        ranked = sorted(
            ((k, w) for k, w in weights.items() if k not in CLOSED), key=lambda kv: (-kv[1], kv[0])
        )
        top = ranked[0][1] if ranked else 0.0
        keep = [k for k, w in ranked[:2] if w >= SECOND_SHARE * top]
        own = [name for name, chars in CLOSED.items() if ch in chars]
        if own or ch in SEEDED:
            # A seed keeps its seed class first; its use beside it comes from `seen`.
            use = sorted(seen.get(ch, {}).items(), key=lambda kv: (-kv[1], kv[0]))
            base = own or [k for k, _ in ranked[:1]]
            extra = [k for k, w in use[:2] if w >= SEED_SECOND and k not in CLOSED]
            keep = list(dict.fromkeys(base + extra))
        keep = keep[:2]
        if keep:
            first[keep[0]].append(ch)
        if len(keep) > 1:
            second[keep[1]].append(ch)
    return (
        {k: "".join(v) for k, v in first.items()},
        {k: "".join(v) for k, v in second.items() if v},
    )


def main() -> None:
    if not (CORPUS / "quantangshi").exists():
        sys.exit(f"corpus not found at {CORPUS}: run `make corpus` first")
    pairs, poems, couplets = couplet_pairs()
    print(f"全唐诗 (唐诗三百首 held out): {poems} 律诗, {couplets} middle couplets")
    print(f"  {len(pairs) // 2} distinct opposite character pairs")
    shenglv = shenglv_pairs()
    print(f"声律启蒙: {len(shenglv) // 2} aligned pairs from its X对Y items")
    merged = pairs + shenglv
    labels = propagate(merged)
    first, second = assign(labels, observed(merged, labels))
    for name, chars in first.items():
        print(
            f"  {name}: {len(chars)} first, {len(second.get(name, ''))} second, e.g. {chars[:12]}"
        )
    common = sorted({"".join(sorted(ab)) for ab, n in pairs.items() if n >= PAIR_MIN})
    print(f"  {len(common)} pairs set opposite {PAIR_MIN}+ times (常对)")
    data = {
        "source": "chinese-poetry 2.0.1 (MIT): 全唐诗 律诗 颔联/颈联 with 唐诗三百首 held out, "
        "and 车万育《声律启蒙》",
        "closed": SOURCE,
        "poems": poems,
        "couplets": couplets,
        "pair_min": PAIR_MIN,
        "classes": first,
        "second": second,
        "pairs": "".join(common),
    }
    OUT.write_text(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(f"  wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
