"""After an upgrade: give each version saved before records existed its version.json and
its hashes, so the folders alone can rebuild the index from then on.

Looked for at every writable open (one query over the versions), so a backfill that was
killed half-way is finished by the next open. A folder that is gone is left to
`library check`, which reports it.

>>> import sqlite3
>>> db = sqlite3.connect(":memory:", isolation_level=None)
>>> from inkmuse.library.migrations import migrate
>>> _ = migrate(db); write_missing_records(db, Path("/nonexistent"))
0
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from inkmuse.library.index import dumps
from inkmuse.library.records import file_hash, new_record, read_record, write_record


def write_missing_records(db: sqlite3.Connection, root: Path) -> int:
    """Returns how many versions got their record and hashes."""
    rows = db.execute(
        "SELECT v.work_id, v.number, v.parent, v.action, v.poem, v.theme_json, v.seeds_json,"
        " v.authorship_json, v.provenance_json, v.files_json, v.created_at, w.title, w.idea,"
        " w.created_at FROM versions v JOIN works w ON w.id = v.work_id"
        " WHERE v.hashes_json = '{}'"
    ).fetchall()
    done = 0
    for wid, number, parent, action, poem, theme, seeds, auth, prov, files, at, t, i, w_at in rows:
        folder = root / "works" / wid / f"v{number}"
        if not folder.is_dir():
            continue
        record = read_record(folder, wid, number) if (folder / "version.json").exists() else None
        if record is None:
            names = json.loads(files)
            record = new_record(
                work={"id": wid, "title": t, "idea": i, "created_at": w_at},
                number=number,
                parent=parent,
                action=action,
                poem=poem,
                theme=json.loads(theme),
                seeds=json.loads(seeds),
                authorship=json.loads(auth),
                provenance=json.loads(prov),
                files=names,
                hashes={n: file_hash(folder / n) for n in names if (folder / n).is_file()},
                created_at=at,
            )
            write_record(folder, record)
        db.execute(
            "UPDATE versions SET hashes_json = ? WHERE work_id = ? AND number = ?",
            (dumps(record["hashes"]), wid, number),
        )
        done += 1
    return done
