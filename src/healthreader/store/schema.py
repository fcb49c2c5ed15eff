"""The store's SQLite schema: its application id, and the migrations that build it version by version.

``PRAGMA user_version`` holds the number of migrations applied.  A new version appends a migration to
``MIGRATIONS``; existing ones are never edited, because stores in the field were built by them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

#: ``PRAGMA application_id``: "HRdr".  Tells our store apart from any other SQLite file.
APPLICATION_ID = 0x48526472

Migration = Callable[[sqlite3.Connection], None]


def _v1(conn: sqlite3.Connection) -> None:
    # anchor is '' (not NULL) for a whole entry so that UNIQUE(entry_id, anchor) holds for it too.
    # Times are integer milliseconds since the Unix epoch, UTC.
    # history.day is the reader's local calendar day at the visit, fixed when written, so the grouping
    # does not shift if the computer's time zone changes later.
    _run(
        conn,
        """
        CREATE TABLE folders (
            id          INTEGER PRIMARY KEY,
            name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
            created_at  INTEGER NOT NULL
        );
        CREATE TABLE bookmarks (
            id             INTEGER PRIMARY KEY,
            entry_id       TEXT NOT NULL CHECK (length(entry_id) > 0),
            anchor         TEXT NOT NULL DEFAULT '',
            title          TEXT NOT NULL,
            title_key      TEXT NOT NULL,
            section_title  TEXT NOT NULL DEFAULT '',
            note           TEXT NOT NULL DEFAULT '',
            folder_id      INTEGER REFERENCES folders(id) ON DELETE SET NULL,
            created_at     INTEGER NOT NULL,
            updated_at     INTEGER NOT NULL,
            UNIQUE (entry_id, anchor)
        );
        CREATE INDEX bookmarks_by_created ON bookmarks (created_at);
        CREATE INDEX bookmarks_by_title ON bookmarks (title_key, section_title);
        CREATE INDEX bookmarks_by_folder ON bookmarks (folder_id);
        CREATE TABLE history (
            id          INTEGER PRIMARY KEY,
            entry_id    TEXT NOT NULL CHECK (length(entry_id) > 0),
            anchor      TEXT NOT NULL DEFAULT '',
            title       TEXT NOT NULL,
            day         TEXT NOT NULL,
            visited_at  INTEGER NOT NULL,
            UNIQUE (day, entry_id)
        );
        CREATE INDEX history_by_visited ON history (visited_at);
        """,
    )


def _v2(conn: sqlite3.Connection) -> None:
    # A random id, written once: a write-ahead log whose replay would change it is another store's
    # (see database.py), however HealthReader-like its pages look.
    _run(conn, f"CREATE TABLE {IDENTITY_TABLE} (id TEXT NOT NULL)")


def _run(conn: sqlite3.Connection, script: str) -> None:
    # Not executescript(): it commits first, and a migration must stay inside the caller's transaction.
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


IDENTITY_TABLE = "store_identity"
MIGRATIONS: Sequence[Migration] = (_v1, _v2)
SCHEMA_VERSION = len(MIGRATIONS)

#: Tables a store of any version has; their absence in a file with our application id means damage.
CORE_TABLES = frozenset({"folders", "bookmarks", "history"})


def migrate(conn: sqlite3.Connection, from_version: int, identity: str) -> None:
    """Apply the migrations after ``from_version``, inside the caller's open write transaction;
    ``identity`` is the store's id if it gets one now (a random hex string)."""
    for version in range(from_version, SCHEMA_VERSION):
        MIGRATIONS[version](conn)
    if conn.execute(f"SELECT count(*) FROM {IDENTITY_TABLE}").fetchone()[0] == 0:
        conn.execute(f"INSERT INTO {IDENTITY_TABLE} (id) VALUES (?)", (identity,))
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
