"""Build the table of non-standard character forms the poet never writes (簷 for 檐).

    .venv/bin/python scripts/build_variant_table.py

A character is a variant here when it lies outside GB 2312 and a standard simplified form
in GB 2312 exists for it, found three ways:
- OpenCC (Apache-2.0) maps it there: Japanese shinjitai through jp2t then t2s (隠 -> 隐,
  髪 -> 发), Taiwan and Hong Kong forms through tw2s and hk2s (簷 -> 檐);
- the 第一批异体字整理表 (1955) lists it as a variant of that form (鴈 -> 雁, 疎 -> 疏, 慙 -> 惭),
  for the classical variants OpenCC leaves alone (SUPPLEMENT below);
- or it is the old form of a character the 1956 simplification scheme changed, and OpenCC
  does not map it (鬰 -> 郁, 鼇 -> 鳌: also in SUPPLEMENT).
Only characters of the poet's vocabularies are considered (poet-v1 and, when present,
poet-v2). Writes src/inkmuse/poetry/data/variants.json: {"variants": {"簷": "檐", ...}}.
"""

from __future__ import annotations

import json
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src/inkmuse/models/embedded"
OUT = ROOT / "src/inkmuse/poetry/data/variants.json"
# 第一批异体字整理表 (文化部、中国文字改革委员会, 1955): variant -> the form it keeps.
SUPPLEMENT = {
    "鴈": "雁", "疎": "疏", "踈": "疏", "鶑": "莺", "徧": "遍", "慙": "惭", "鬭": "斗",
    "鬬": "斗", "劒": "剑", "煖": "暖", "髙": "高", "閙": "闹", "妬": "妒", "牋": "笺",
    "椀": "碗", "隄": "堤", "餠": "饼", "罇": "樽", "歛": "敛", "堦": "阶", "畧": "略",
    "鳯": "凤", "覩": "睹", "悮": "误", "懽": "欢", "邉": "边", "筯": "箸", "栢": "柏",
    "朶": "朵", "逈": "迥", "峩": "峨", "廻": "回", "飜": "翻", "覊": "羁", "暎": "映",
    "槩": "概", "碁": "棋", "嬾": "懒", "猨": "猿", "媿": "愧", "蘂": "蕊", "犂": "犁",
    "竝": "并", "醆": "盏", "蔕": "蒂", "潄": "漱", "幙": "幕", "櫂": "棹", "臯": "皋",
    # Old forms of characters the 1956 scheme simplified, which OpenCC leaves alone: 鬰 (a
    # variant of 鬱, now 郁), 鼇 (of 鰲, now 鳌), 櫺 (now 棂). poet-v2 wrote 鬰 in 13 of 1,142
    # poems (鬰葱峨), real poets in none of theirs.
    "鬰": "郁", "鼇": "鳌", "櫺": "棂",
}  # fmt: skip


def in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def main() -> int:
    chars: set[str] = set()
    for vocab in sorted(PACKAGE.glob("poet-v*.vocab.json")):
        chars.update(t for t in json.loads(vocab.read_text(encoding="utf-8")) if len(t) == 1)
    jp, t2s = opencc.OpenCC("jp2t"), opencc.OpenCC("t2s")
    tw, hk = opencc.OpenCC("tw2s"), opencc.OpenCC("hk2s")
    variants: dict[str, str] = {}
    for ch in sorted(chars):
        if in_gb2312(ch):
            continue
        for form in (
            SUPPLEMENT.get(ch, ""),
            t2s.convert(jp.convert(ch)),
            tw.convert(ch),
            hk.convert(ch),
        ):
            if form and form != ch and len(form) == 1 and in_gb2312(form):
                variants[ch] = form
                break
    out = {
        "built_by": "scripts/build_variant_table.py",
        "sources": "OpenCC 1.x (Apache-2.0) jp2t+t2s, tw2s, hk2s; 第一批异体字整理表 (1955); 简化字总表 (1964/1986) for 鬰 鼇 櫺",
        "variants": variants,
    }
    OUT.write_text(json.dumps(out, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(variants)} variants of {len(chars)} characters -> {OUT}")
    print(" ".join(f"{a}→{b}" for a, b in list(variants.items())[:40]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
