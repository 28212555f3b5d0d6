"""Prepare poet-v2's training set: v1's regulated poems plus every other shape, and the ci.

    .venv/bin/python training/prepare_corpus.py      # v1 first: its split is kept as it is
    .venv/bin/python training/prepare_corpus_v2.py   # about 2 minutes on 2 cores

Sources, all from npm `chinese-poetry` 2.0.1 (MIT; the poems are in the public domain):
- v1's rows as they are (the four regulated shapes), with v1's held-out split unchanged, so
  the v1 validation loss of the two models is measured on the same tokens;
- the other poems of 全唐诗 and 宋诗: <排律> (ten or more lines of one length whose even
  lines rhyme in one 平声 group) and <古诗> (everything else that reads as lines of 3 to 11
  characters);
- the ci of 全宋词 (宋) and of 花间集 and 南唐二主词 (五代), as <词> with their 词牌 as a
  token <调:菩萨蛮> where the tune has at least MIN_TUNE_COUNT training ci. The ci that
  宋词三百首 holds are left out (that anthology is the 词 checker's and poet's held-out
  set, matched as scripts/songci.py does).

Every row also carries its era and author: the muse tokens (<@王维>) are written for authors
with at least MIN_MUSE_POEMS poems in the kept set. Examples longer than the model's block
(96 tokens with the longest prompt) are left out: long 古诗 and the 慢词.

Writes data/poet-corpus-v2/{train,valid,valid-v1}.jsonl, vocab.json (v1's characters first,
in v1's order, so v1's weights warm-start v2), conditions.json and manifest.json.
"""

from __future__ import annotations

import glob
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import opencc

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from keywords import KeywordExtractor
from prepare_corpus import (
    IDEOGRAPH,
    MIN_CHAR_COUNT,
    NOTE,
    SOURCE,
    load_ping_groups,
    read_source,
    rhyme_tag,
    split_of,
)
from songci import match_anthology, read_anthology, read_song_ci

from inkmuse.models.embedded.vocab import ERAS, V2_FORMS, era_token, muse_token, tune_token

ROOT = Path(__file__).resolve().parents[1]
V1 = ROOT / "data/poet-corpus-v1"
OUT = ROOT / "data/poet-corpus-v2"
DIST = SOURCE.parent
MIN_MUSE_POEMS = 50
MIN_TUNE_COUNT = 30
# Text characters an example may hold: 96 positions less the longest prompt (form, tune,
# era, muse, four keywords with their separators, <sep>) and <eos>.
MAX_TEXT = 78
ANONYMOUS = {"", "不详", "无名氏", "佚名", "无名"}
# Chan verses (偈, 颂古, 赞) read as doctrine, not as poems: about 12,000 of 宋诗's 古诗.
CHAN_TITLES = ("偈", "颂", "赞")
UNNAMED_TUNES = {"失调名", "无调名", ""}
# A ci's punctuation as the model writes it: a full stop where the source ends a sentence.
SENTENCE_END = "。！？"
CI_BREAK = re.compile(r"[，。！？；：、,.?!;:]")


def shi_text(lines: list[str]) -> str:
    """Lines joined as v1 joins them: ， after odd lines, 。 after even lines and the last."""
    out = [line + ("，" if i % 2 == 0 else "。") for i, line in enumerate(lines)]
    out[-1] = lines[-1] + "。"
    return "".join(out)


def read_shi(t2s: opencc.OpenCC, ping: dict[str, set[str]], seen: set[str]) -> list[dict[str, Any]]:
    """The poems of 全唐诗 and 宋诗 that v1 did not take: 排律 and 古诗."""
    rows = []
    for poem in read_source():
        if any(mark in (poem.get("title") or "") for mark in CHAN_TITLES):
            continue
        text = NOTE.sub("", "".join(poem.get("paragraphs") or []))
        lines = [seg.strip() for seg in CI_BREAK.split(text) if seg.strip()]
        if len(lines) < 2 or not all(IDEOGRAPH.match(s) and 3 <= len(s) <= 11 for s in lines):
            continue
        simple = [t2s.convert(line) for line in lines]
        body = "".join(simple)
        if body in seen or simple[0] + simple[1] in seen:
            continue
        if sum(map(len, simple)) + len(simple) > MAX_TEXT:
            continue
        uniform = len(set(map(len, lines))) == 1 and len(lines[0]) in (5, 7)
        if uniform and len(lines) in (4, 8) and rhyme_tag(lines, ping):
            continue  # a regulated shape v1 dropped as a duplicate edition: not new
        form = "古诗"
        if uniform and len(lines) >= 10 and len(lines) % 2 == 0 and rhyme_tag(lines, ping):
            form = "排律"
        seen.update((body, simple[0] + simple[1]))
        rows.append(
            {
                "form": form,
                "text": shi_text(simple),
                "title": t2s.convert(poem.get("title") or ""),
                "author": t2s.convert(poem.get("author") or ""),
                "dynasty": poem["dynasty"],
            }
        )
    return rows


def ci_text(raw: str) -> str | None:
    """A ci's text with ， and 。 only, or None when it holds anything but characters."""
    raw = NOTE.sub("", raw)
    out, line = [], ""
    for ch in raw:
        if CI_BREAK.match(ch):
            if line:
                out.append(line + ("。" if ch in SENTENCE_END else "，"))
                line = ""
        elif IDEOGRAPH.match(ch):
            line += ch
        elif not ch.isspace():
            return None
    if line or not out:
        return None  # a ci always ends with punctuation; one that does not is cut off
    text = "".join(out)
    return text[:-1] + "。"


def tune_name(rhythmic: str) -> str:
    """The tune's own name from the corpus's "alias・本名" (as scripts/build_cipu.py reads it)."""
    return rhythmic.split("・", 1)[1] if "・" in rhythmic else rhythmic


def read_ci(t2s: opencc.OpenCC, seen: set[str]) -> tuple[list[dict[str, Any]], int]:
    song = read_song_ci()
    held = {i for i in match_anthology(song, read_anthology()) if i is not None}
    sources: list[tuple[str, str, str, str]] = []  # (tune, author, raw text, era)
    for i, ci in enumerate(song):
        if i not in held:
            sources.append((ci.rhythmic, ci.author, ci.text, "宋"))
    five = glob.glob(str(DIST / "wudaishici/huajianji/*juan.json"))
    for path in [*five, str(DIST / "wudaishici/nantang/poetrys.json")]:
        for p in json.loads(Path(path).read_text(encoding="utf-8")):
            raw = t2s.convert("".join(p["paragraphs"]))
            sources.append((t2s.convert(p["rhythmic"]), t2s.convert(p["author"]), raw, "五代"))
    rows = []
    for rhythmic, author, raw, era in sources:
        text = ci_text(raw)
        if text is None or len(text) > MAX_TEXT or text in seen:
            continue
        seen.add(text)
        tune = tune_name(rhythmic.strip())
        rows.append({"form": "词", "text": text, "tune": tune, "author": author, "dynasty": era})
    return rows, len(held)


def main() -> None:
    if not (V1 / "train.jsonl").exists():
        sys.exit("corpus v1 missing: run training/prepare_corpus.py first")
    t2s = opencc.OpenCC("t2s")
    ping = load_ping_groups()
    v1 = {
        s: [json.loads(x) for x in (V1 / f"{s}.jsonl").open(encoding="utf-8")]
        for s in ("train", "valid")
    }
    seen = {row["text"].replace("，", "").replace("。", "") for rows in v1.values() for row in rows}
    seen |= {row["text"].split("。")[0].replace("，", "") for rows in v1.values() for row in rows}
    shi = read_shi(t2s, ping, seen)
    ci, held = read_ci(t2s, set())
    new = shi + ci
    extractor = KeywordExtractor([row["text"] for row in new])
    for row in new:
        row["keywords"] = extractor.keywords(row["text"])
    splits = {"train": list(v1["train"]), "valid": list(v1["valid"])}
    for row in new:
        splits[split_of(row["text"])].append(row)
    authors = Counter(r["author"] for rows in splits.values() for r in rows)
    muses = sorted(a for a, n in authors.items() if n >= MIN_MUSE_POEMS and a not in ANONYMOUS)
    tunes_count = Counter(r["tune"] for r in splits["train"] if r["form"] == "词")
    tunes = sorted(
        t for t, n in tunes_count.items() if n >= MIN_TUNE_COUNT and t not in UNNAMED_TUNES
    )
    conditions = {
        "forms": list(V2_FORMS),
        "eras": [era_token(e) for e in ERAS],
        "tunes": [tune_token(t) for t in tunes],
        "muses": [muse_token(a) for a in muses],
    }
    v1_vocab = json.loads((V1 / "vocab.json").read_text(encoding="utf-8"))
    chars: Counter[str] = Counter()
    for row in splits["train"]:
        chars.update(row["text"])
    known = set(v1_vocab)
    added = sorted(
        (c for c, n in chars.items() if n >= MIN_CHAR_COUNT and c not in known),
        key=lambda c: -chars[c],
    )
    tokens = [f"<{f}>" for f in V2_FORMS] + [
        t for k in ("eras", "tunes", "muses") for t in conditions[k]
    ]
    OUT.mkdir(parents=True, exist_ok=True)
    for split, rows in splits.items():
        with (OUT / f"{split}.jsonl").open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    (OUT / "valid-v1.jsonl").write_text(
        (V1 / "valid.jsonl").read_text(encoding="utf-8"), encoding="utf-8"
    )
    vocab = [*v1_vocab, *added, *tokens]
    (OUT / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    (OUT / "conditions.json").write_text(
        json.dumps(conditions, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    manifest = {
        "version": "v2",
        "source": "npm chinese-poetry 2.0.1: quantangshi (全唐诗, 宋诗), songci (全宋词), wudaishici (花间集, 南唐二主词)",
        "licence": "MIT (c) 2016 JackeyGao; the poems themselves are in the public domain",
        "conversion": "OpenCC t2s",
        "base": "poet-corpus-v1 (its rows and split unchanged)",
        "forms": dict(Counter(r["form"] for rows in splits.values() for r in rows)),
        "dynasties": dict(Counter(r["dynasty"] for rows in splits.values() for r in rows)),
        "held_out_songci_300": held,
        "train": len(splits["train"]),
        "valid": len(splits["valid"]),
        "train_characters": sum(len(r["text"]) for r in splits["train"]),
        "vocab_chars_added": len(added),
        "vocab_size": len(vocab) + 9,  # with the v1 specials the Vocab puts first
        "muses": len(muses),
        "tunes": len(tunes),
        "min_muse_poems": MIN_MUSE_POEMS,
        "min_tune_count": MIN_TUNE_COUNT,
    }
    (OUT / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(json.dumps(manifest, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
