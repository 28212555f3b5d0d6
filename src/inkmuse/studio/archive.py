"""The whole work as one zip: every version in its own folder (`v1/`, `v2/` ...) with its
files and its record, the same record `Library.export` writes for one version.

    >>> import tempfile; from pathlib import Path  # doctest: +SKIP
    >>> work_zip(lib, "a1b2c3", Path(tempfile.mkdtemp()) / "work.zip")  # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

from inkmuse.core.errors import StorageError
from inkmuse.library import Library
from inkmuse.library.records import RECORD


def work_zip(lib: Library, work_id: str, out: Path) -> Path:
    """Write `out`; refused (StorageError) before writing if any version lacks a file."""
    versions = lib.versions(work_id)
    for version in versions:
        missing = [n for n in version.files if not (version.folder / n).is_file()]
        if missing:
            raise StorageError(
                f"work {work_id} v{version.number} is missing {', '.join(missing)}",
                hint="`inkmuse library check` lists every missing or changed file",
            )
    tmp = out.with_name(out.name + ".part")
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(
                "work.json", json.dumps(lib.work(work_id).__dict__, ensure_ascii=False, indent=2)
            )
            for version in versions:
                folder = f"v{version.number}"
                for name in version.files:
                    zf.write(version.folder / name, arcname=f"{folder}/{name}")
                record = {k: v for k, v in version.__dict__.items() if k != "folder"}
                zf.writestr(f"{folder}/{RECORD}", json.dumps(record, ensure_ascii=False, indent=2))
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)  # a failed archive leaves nothing half-written
    return out
