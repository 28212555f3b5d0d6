"""A process that saves in a loop, to be killed by the library tests: `writer.py ROOT COUNT
[WORK_ID]`. Without a work id it alternates a new work and a new version of the last one,
through the same Library calls `save_creation` makes. After each save returns (committed),
it prints `saved WORK NUMBER`, so the test knows what must survive a kill."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from inkmuse.library import Library


def main() -> None:
    root, count = Path(sys.argv[1]), int(sys.argv[2])
    work_id = sys.argv[3] if len(sys.argv) > 3 else None
    fixed = work_id is not None
    lib = Library.open(root)
    print("ready", flush=True)
    for i in range(count):
        # A creation's file set at smaller sizes (painting 200 KB, song 50 KB), so more saves
        # fit between kills; random bytes, so a torn write cannot pass a hash check by luck.
        files = {
            "painting.png": os.urandom(200_000),
            "poem.txt": f"第{i}版\n".encode(),
            "song.wav": os.urandom(50_000),
            "provenance.json": b'{"inputs": {"idea": "kill"}, "seeds": {"poem": %d}}' % i,
        }
        fields = {
            "files": files,
            "poem": f"第{i}版",
            "theme": {"mood": "serene"},
            "seeds": {"poem": i},
            "authorship": {"poem": "inkmuse:embedded"},
            "provenance": {"i": i},
        }
        if work_id is None or (not fixed and i % 2 == 0):
            version = lib.add_work("kill", "kill", **fields)
        else:
            version = lib.add_version(work_id, action="remix", **fields)
        work_id = version.work_id
        print("saved", version.work_id, version.number, flush=True)


if __name__ == "__main__":
    main()
