"""Opening the store's SQLite file safely: inspect, move an unusable file aside, set up, migrate.

The file is checked before anything is written to it.  A file that is not SQLite, an SQLite database
of another program, or one of ours that SQLite reports damaged is renamed with a timestamp (with its
``-wal`` and ``-shm`` companions: a stale write-ahead log left beside a new database would be replayed
into it) and a fresh store is created.  Nothing is ever overwritten.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from healthreader.store.errors import StoreError, StoreTooNewError
from healthreader.store.model import Recovery, RecoveryReason
from healthreader.store.schema import (
    APPLICATION_ID,
    CORE_TABLES,
    SCHEMA_VERSION,
    migrate,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
#: How long a writer waits for another window or process holding the write lock.
BUSY_TIMEOUT_MS = 10_000
_SIDECARS = ("-wal", "-shm")
# SQLite result codes that mean "this file is damaged / not a database", as opposed to busy or I/O.
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: the sqlite3 module issues no implicit BEGIN/COMMIT; every transaction is
    # explicit (see write_transaction), so each change is exactly one transaction.
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text


def _inspect(path: Path) -> tuple[RecoveryReason, str] | None:
    """Why the file at ``path`` cannot be used as our store, or None when it can (or is new)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return None
    if size > 0:
        try:
            with path.open("rb") as f:
                head = f.read(len(SQLITE_MAGIC))
        except OSError as exc:  # a folder in its place, no permission: not ours to move
            raise StoreError(f"cannot read {path}: {exc}") from exc
        if head != SQLITE_MAGIC:
            return RecoveryReason.NOT_SQLITE, "the file does not start with the SQLite header"
    conn = _connect(path)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if app_id != APPLICATION_ID:
            if app_id == 0 and version == 0 and not tables:
                return None  # empty: a store whose creation was interrupted, nothing in it to keep
            return RecoveryReason.FOREIGN, f"application_id {app_id:#x}, tables {sorted(tables)}"
        if version > SCHEMA_VERSION:
            raise StoreTooNewError(path, version, SCHEMA_VERSION)
        if version > 0 and not CORE_TABLES <= tables:
            return RecoveryReason.CORRUPT, f"tables missing: {sorted(CORE_TABLES - tables)}"
        problems = [r[0] for r in conn.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            return RecoveryReason.CORRUPT, "; ".join(problems[:5])
        return None
    except sqlite3.DatabaseError as exc:
        if _is_damage(exc):
            return RecoveryReason.CORRUPT, str(exc)
        raise StoreError(f"cannot open {path}: {exc}") from exc
    finally:
        conn.close()


def aside_name(path: Path, when: dt.datetime) -> Path:
    """A name beside ``path`` that does not exist yet: ``userdata.sqlite3.broken-20261127-174735``."""
    stamp = when.strftime("%Y%m%d-%H%M%S")
    n = 1
    while True:
        suffix = f".broken-{stamp}" if n == 1 else f".broken-{stamp}-{n}"
        candidate = path.with_name(path.name + suffix)
        if not any(Path(str(candidate) + s).exists() for s in ("", *_SIDECARS)):
            return candidate
        n += 1


def move_aside(path: Path, when: dt.datetime) -> Path:
    target = aside_name(path, when)
    path.rename(target)
    for s in _SIDECARS:
        side = Path(str(path) + s)
        if side.exists():
            side.rename(Path(str(target) + s))
    return target


def _set_up(conn: sqlite3.Connection, path: Path) -> None:
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise StoreError(f"the store cannot use write-ahead logging here (journal mode {mode})")
    # FULL: a commit is on disk before the caller is told, so a confirmed bookmark survives even a
    # power cut, not just a killed process.  It costs one fsync per change, well within budget.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    with write_transaction(conn):
        # Read again under the write lock: another process may have created the schema meanwhile.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreTooNewError(path, version, SCHEMA_VERSION)
        if version < SCHEMA_VERSION:
            migrate(conn, version)


def open_database(path: Path, now: dt.datetime) -> tuple[sqlite3.Connection, Recovery | None]:
    """A ready connection to the store at ``path``, and what was done if the old file was unusable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the folder {path.parent}: {exc}") from exc
    recovery = None
    problem = _inspect(path)
    if problem is not None:
        reason, detail = problem
        try:
            moved = move_aside(path, now.astimezone())
        except OSError as exc:
            raise StoreError(f"cannot move the unusable file {path} aside: {exc}") from exc
        recovery = Recovery(reason, moved, detail)
    conn = _connect(path)
    try:
        _set_up(conn, path)
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"cannot set up the store {path}: {exc}") from exc
    except BaseException:
        conn.close()
        raise
    return conn, recovery


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One change, all or nothing.  IMMEDIATE takes the write lock up front, so a second writer waits
    (busy timeout) at BEGIN instead of failing later when a read lock cannot be upgraded."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
