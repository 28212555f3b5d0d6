"""Schema migrations: append-only, named, applied in order (as simonw/llm does).

Never edit or reorder a migration that has shipped; add a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(fn: Migration) -> Migration:
    MIGRATIONS.append((fn.__name__, fn))
    return fn


@migration
def m001_works_and_versions(db: sqlite3.Connection) -> None:
    db.execute(
        """
        CREATE TABLE works (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            idea TEXT NOT NULL,
            created_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE versions (
            work_id TEXT NOT NULL REFERENCES works(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            parent INTEGER,
            action TEXT NOT NULL,
            poem TEXT NOT NULL,
            theme_json TEXT NOT NULL,
            seeds_json TEXT NOT NULL,
            authorship_json TEXT NOT NULL,
            provenance_json TEXT NOT NULL,
            files_json TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (work_id, number)
        )
        """
    )


@migration
def m002_search_index(db: sqlite3.Connection) -> None:
    db.execute("CREATE INDEX versions_by_work ON versions(work_id, number DESC)")
    db.execute("CREATE INDEX works_by_time ON works(created_at DESC)")


@migration
def m003_file_hashes(db: sqlite3.Connection) -> None:
    # sha256 of each file as saved, so `library check` can tell a changed file from a whole one.
    db.execute("ALTER TABLE versions ADD COLUMN hashes_json TEXT NOT NULL DEFAULT '{}'")


def migrate(db: sqlite3.Connection) -> list[str]:
    """Apply the migrations this database lacks; returns their names."""
    db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    done = {row[0] for row in db.execute("SELECT name FROM _migrations")}
    applied = []
    for name, fn in MIGRATIONS:
        if name in done:
            continue
        with db:
            fn(db)
            db.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, datetime('now'))", (name,)
            )
        applied.append(name)
    return applied
