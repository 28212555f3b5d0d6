"""A process that saves versions in a loop (driven by the library tests, then killed)."""

from __future__ import annotations

import sys
from pathlib import Path

from inkmuse.library import Library


def main() -> None:
    root, work_id, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    lib = Library.open(root)
    for i in range(count):
        payload = bytes([i % 251]) * 200_000  # big enough for a kill to land mid-write
        lib.add_version(
            work_id,
            files={
                "painting.png": payload,
                "poem.txt": f"第{i}版".encode(),
                "song.mid": payload[:5000],
            },
            poem=f"第{i}版",
            theme={"mood": "serene"},
            seeds={"poem": i},
            authorship={"poem": "inkmuse:embedded"},
            provenance={"i": i},
        )
        print(i, flush=True)


if __name__ == "__main__":
    main()
