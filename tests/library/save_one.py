"""`save_one.py ROOT SCRATCH BYTES`: save one creation with a painting of BYTES through
`save_creation`, in its own process (the storage-fault tests run it on a small disk).
Prints `saved WORK` or `failed: <the message a person would see>`."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from inkmuse.core.errors import InkmuseError
from inkmuse.create.remix import save_creation
from inkmuse.library import Library
from library.helpers import creation


def main() -> None:
    root, scratch, size = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    try:
        with Library.open(root) as lib:
            version = save_creation(lib, None, creation(scratch, "月落乌啼", size=size))
    except InkmuseError as err:
        print(f"failed: {err}")
        return
    print("saved", version.work_id)


if __name__ == "__main__":
    main()
