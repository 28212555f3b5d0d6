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
