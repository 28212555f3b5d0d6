"""Build the keyword co-occurrence graph the line planner expands a person's words on.

    .venv/bin/python scripts/build_keyword_graph.py   # about 30 s; needs data/poet-corpus-v2

Nodes are the words of the poet's training split (the rhythm-aligned bigrams of five- and
seven-character lines, where words begin, as training/keywords.py reads them; npm
chinese-poetry 2.0.1, MIT, public-domain poems) that occur in at least MIN_DF poems and are
images rather than grammar (no function character such as 不, 何, 自). Two words are joined
when they meet in at least MIN_PAIR poems; a node keeps its
TOP_K neighbours by pointwise mutual information times log count, so 秋夜 leads to 砧声 and 寒灯 rather than
to the words every poem shares.

Writes src/inkmuse/poetry/data/keyword_graph.json: {"nodes": {word: df}, "edges": {word:
[[neighbour, pmi], ...]}, ...}.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))
from keywords import candidates

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data/poet-corpus-v2/train.jsonl"
OUT = ROOT / "src/inkmuse/poetry/data/keyword_graph.json"
MIN_DF = 60
MIN_PAIR = 12
TOP_K = 12
# Characters that make a bigram grammar rather than an image (谁会, 定是, 不见, 何处).
FUNCTION = set("不无何谁是有自相如犹已未亦只又更应定会可能欲将此其之所为与而乃即便却还莫休须")


def is_image(word: str) -> bool:
    return len(word) == 2 and not (set(word) & FUNCTION)


def main() -> int:
    if not CORPUS.exists():
        sys.exit("corpus v2 missing: run training/prepare_corpus.py and prepare_corpus_v2.py")
    poems = []
    for line in CORPUS.open(encoding="utf-8"):
        row = json.loads(line)
        if row["form"] != "词":
            poems.append({w for w in candidates(row["text"]) if is_image(w)})
    df: Counter[str] = Counter()
    for words in poems:
        df.update(words)
    nodes = {w: n for w, n in df.items() if n >= MIN_DF}
    pairs: Counter[tuple[str, str]] = Counter()
    for words in poems:
        pairs.update(combinations(sorted(words & nodes.keys()), 2))
    rows = poems
    total = len(rows)
    edges: dict[str, list[tuple[str, float]]] = {w: [] for w in nodes}
    for (a, b), count in pairs.items():
        if count < MIN_PAIR or set(a) & set(b):
            continue  # words that share a character are one phrase read twice (故人 人书)
        pmi = math.log(count * total / (nodes[a] * nodes[b]))
        if pmi <= 0:
            continue
        # PMI alone favours rare pairs; weighed by log count, a neighbour is both telling
        # and common enough to be a poet's move (秋夜 -> 砧声 rather than a one-off name).
        score = round(pmi * math.log(count), 3)
        edges[a].append((b, score))
        edges[b].append((a, score))
    kept = {w: sorted(e, key=lambda x: -x[1])[:TOP_K] for w, e in edges.items() if e}
    graph = {
        "source": "npm chinese-poetry 2.0.1 (MIT), poet corpus v2 train split, keywords per poem",
        "built_by": "scripts/build_keyword_graph.py",
        "min_df": MIN_DF,
        "min_pair": MIN_PAIR,
        "nodes": {w: nodes[w] for w in sorted(kept, key=lambda w: -nodes[w])},
        "edges": kept,
    }
    OUT.write_text(json.dumps(graph, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    print(f"{len(kept)} nodes, {sum(map(len, kept.values()))} edges, {OUT.stat().st_size:,} bytes")
    for word in ("秋夜", "思乡", "明月", "故人", "边塞", "荷塘", "钟声", "杨柳"):
        print(word, " ".join(b for b, _ in kept.get(word, [])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
