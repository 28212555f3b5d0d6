"""Reading the middle couplets of real 律诗 from the chinese-poetry corpus (npm, MIT).

The table build (scripts/build_duizhang_table.py) derives the classes from 全唐诗 with
唐诗三百首 held out; the eval (benchmarks/eval_duizhang.py) reads both. Both read the
corpus the same way through here, so the held-out set is the same set.

    from inkmuse.poetry.duizhang.corpus import CORPUS, load_sanbaishou, load_quantangshi
    held = load_sanbaishou(CORPUS)
    poems = load_quantangshi(CORPUS, exclude=held_lines(held))
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from inkmuse.core.hanzi import HAN_RUN
from inkmuse.poetry.text import to_simplified

CORPUS = Path(__file__).resolve().parents[4] / "data/cache/chinese-poetry-2.0.1/package/dist"
# 唐诗三百首's regulated sections; its 绝句 are read too, as information.
SANBAISHOU_TAGS = {"五言絕句": "五绝", "七言絕句": "七绝", "五言律詩": "五律", "七言律詩": "七律"}
_NOTE = re.compile(r"[（(][^）)]*[）)]")  # 一作 notes: (藎篋 一作：畫篋)
_BREAK = re.compile(r"[，。！？；、：]")


@dataclass(frozen=True)
class CorpusPoem:
    title: str
    author: str
    lines: tuple[str, ...]  # simplified, annotations dropped
    form: str = ""  # the anthology's tag (五律 ...) where it has one


def poem_lines(paragraphs: Iterable[str]) -> tuple[str, ...] | None:
    """The lines of a corpus poem in simplified characters, or None if not all Chinese."""
    text = to_simplified(_NOTE.sub("", "".join(paragraphs)))
    lines = tuple(s for s in _BREAK.split(text) if s)
    if not lines or not all(HAN_RUN.fullmatch(s) for s in lines):
        return None
    return lines


def is_lushi(lines: tuple[str, ...]) -> bool:
    """Eight lines of five or seven characters: the shape of a 律诗."""
    return len(lines) == 8 and len(lines[0]) in (5, 7) and len(set(map(len, lines))) == 1


def load_sanbaishou(root: Path = CORPUS) -> list[CorpusPoem]:
    """The poems of 唐诗三百首 tagged 五绝/七绝/五律/七律, with their tag."""
    data = json.loads((root / "mengxue" / "tangshisanbaishou.json").read_text(encoding="utf-8"))
    out = []
    for section in data["content"]:
        form = SANBAISHOU_TAGS.get(section["type"])
        if form is None:
            continue
        for poem in section["content"]:
            lines = poem_lines(poem["paragraphs"])
            if lines is not None:
                out.append(
                    CorpusPoem(
                        to_simplified(poem["chapter"]),
                        to_simplified(poem.get("author") or ""),
                        lines,
                        form,
                    )
                )
    return out


def held_lines(poems: Iterable[CorpusPoem]) -> frozenset[str]:
    """Every line of the held-out poems: a 全唐诗 poem sharing one is left out."""
    return frozenset(line for p in poems for line in p.lines)


def load_quantangshi(
    root: Path = CORPUS, exclude: frozenset[str] = frozenset()
) -> Iterator[CorpusPoem]:
    """Every poem of 全唐诗 (quantangshi/poet.tang.*.json) sharing no line with `exclude`."""
    files = sorted(
        (root / "quantangshi").glob("poet.tang.*.json"), key=lambda p: int(p.stem.split(".")[-1])
    )
    if not files:
        raise FileNotFoundError(f"全唐诗 not found under {root} (run `make corpus`)")
    for path in files:
        for poem in json.loads(path.read_text(encoding="utf-8")):
            lines = poem_lines(poem.get("paragraphs", []))
            if lines is None or exclude.intersection(lines):
                continue
            yield CorpusPoem(
                to_simplified(poem.get("title", "")), to_simplified(poem.get("author", "")), lines
            )


def middle_couplets(lines: tuple[str, ...]) -> list[tuple[str, str]]:
    """颔联 and 颈联 of an eight-line poem."""
    return [(lines[2], lines[3]), (lines[4], lines[5])]
