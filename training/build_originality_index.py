"""Build the shipped originality index from every Tang and Song poem of chinese-poetry 2.0.1.

    .venv/bin/python training/build_originality_index.py   # about 1 minute

All lines of five or more characters (after OpenCC t2s and the same note-stripping as the
training set), whether or not the poem made it into the training set.
"""

from __future__ import annotations

import sys
from pathlib import Path

import opencc

sys.path.insert(0, str(Path(__file__).resolve().parent))
from prepare_corpus import NOTE, read_source

from inkmuse.core.hanzi import split_lines
from inkmuse.models.embedded.originality import MIN_LINE, OriginalityIndex

OUT = Path(__file__).resolve().parents[1] / "src/inkmuse/models/embedded/originality-v1.npz"


def main() -> None:
    t2s = opencc.OpenCC("t2s")
    lines: set[str] = set()
    for poem in read_source():
        text = NOTE.sub("", "".join(poem.get("paragraphs") or []))
        lines.update(ln for ln in split_lines(t2s.convert(text)) if len(ln) >= MIN_LINE)
    index = OriginalityIndex.from_lines(lines)
    index.save(OUT)
    print(
        f"{len(lines):,} distinct lines -> {len(index):,} hashes, {OUT.stat().st_size / 1e6:.1f} MB"
    )


if __name__ == "__main__":
    main()
