"""The Song ci of the corpus, shared by scripts/build_cipu.py and benchmarks/eval_ci.py.

宋词三百首 has its own file in npm `chinese-poetry` 2.0.1 (MIT), but that file lost the
rarer characters of many ci (宋祁「縠皱波纹迎客棹」 reads 皱波纹迎客棹, 苏轼「紞如三鼓」
reads 如三鼓), while the same ci in the 全宋词 files keep them. So each anthology ci is
matched to its 全宋词 copy (same author, most of its character pairs shared): the
derivation leaves every matched copy out, and the evaluation can read the whole text.
"""

from __future__ import annotations

import glob
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from inkmuse.poetry.text import to_simplified

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "cache" / "chinese-poetry-2.0.1" / "package" / "dist" / "songci"
MATCH = 0.6  # share of an anthology ci's character pairs its 全宋词 copy must hold
# Misprints that the corpus's 全宋词 copy shares with the anthology file, set right from
# 唐圭璋《全宋词》(中华书局, 1965) and 上彊村民《宋词三百首》: (author, as printed, as written).
# Each is a typo or a transposition, not a reading editors dispute, except the last,
# where both readings are printed and 肠断 is the one in 唐圭璋 and in 龙榆生's examples.
ERRATA = (
    ("周邦彦", "𫐆辘，牵金井", "𫐆辘牵金井"),  # 蝶恋花·早行: a comma inside the word 轣辘
    ("周邦彦", "红棉泠", "红绵冷"),  # the same: 冷 rhymes with 定 井 炯
    ("范成大", "一夜春折威", "一夜春威折"),  # 霜天晓角·梅: 折 rhymes with 歇 雪 绝
    ("贺铸", "老人几度送春归", "老人几度送余春"),  # 浣溪沙: 春 rhymes with 人 频 嗔 真
    ("晁补之", "素秋千倾", "素秋千顷"),  # 洞仙歌·泗州中秋作
    ("刘过", "故人今不在", "故人曾到否"),  # 唐多令
    ("吴文英", "重唱梅边吸度曲", "重唱梅边新度曲"),  # 金缕歌·陪履斋先生沧浪看梅
    ("吴文英", "后不如今非昔", "后不如今今非昔"),  # the same: the 7-character line lost a 今
    ("苏轼", "料得年年断肠处", "料得年年肠断处"),  # 江城子·乙卯正月二十日夜记梦
)
_HAN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")


@dataclass(frozen=True)
class SongCi:
    rhythmic: str  # as tagged, simplified: "酹江月・念奴娇" is "alias・本名"
    author: str
    text: str  # simplified, punctuation kept
    key: str  # its characters only

    @property
    def pairs(self) -> set[str]:
        return {self.key[i : i + 2] for i in range(len(self.key) - 1)}


def _read(path: Path) -> list[SongCi]:
    out = []
    for p in json.loads(path.read_text("utf-8")):
        text = to_simplified("".join(p["paragraphs"]))
        out.append(
            SongCi(
                to_simplified(p["rhythmic"].strip()),
                to_simplified(p.get("author", "")),
                text,
                "".join(_HAN.findall(text)),
            )
        )
    return out


def read_song_ci() -> list[SongCi]:
    """The 全宋词 files (ci.song.*.json), in file order."""
    out: list[SongCi] = []
    for path in sorted(glob.glob(str(CORPUS / "ci.song.*.json"))):
        out.extend(_read(Path(path)))
    return out


def read_anthology() -> list[SongCi]:
    return _read(CORPUS / "宋词三百首.json")


def correct(author: str, text: str) -> str:
    """The text with the ERRATA of its author set right."""
    for who, printed, written in ERRATA:
        if who == author:
            text = text.replace(printed, written)
    return text


def match_anthology(song: list[SongCi], anthology: list[SongCi]) -> list[int | None]:
    """For each anthology ci, the index of its 全宋词 copy in `song` (None when none)."""
    by_author: dict[str, list[int]] = defaultdict(list)
    for i, ci in enumerate(song):
        by_author[ci.author].append(i)
    by_ends: dict[str, list[int]] = defaultdict(list)
    for i, ci in enumerate(song):
        by_ends["<" + ci.key[:6]].append(i)
        by_ends[">" + ci.key[-6:]].append(i)
    out: list[int | None] = []
    for ci in anthology:
        mine = ci.pairs
        best, score = None, 0.0
        # The anthology lost rare characters from some authors' names too (张镃 is 张):
        # a ci with the same opening or the same close is a candidate whoever it is
        # filed under.
        candidates = (
            by_author.get(ci.author, [])
            + by_ends.get("<" + ci.key[:6], [])
            + by_ends.get(">" + ci.key[-6:], [])
        )
        for i in candidates:
            if abs(len(song[i].key) - len(ci.key)) > 8:
                continue
            shared = len(mine & song[i].pairs) / max(len(mine), 1)
            if shared > score:
                best, score = i, shared
        out.append(best if score >= MATCH else None)
    return out
