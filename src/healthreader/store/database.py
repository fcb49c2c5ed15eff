"""Opening the store's SQLite file safely: judge it and its companions, move what is unusable aside,
set up, migrate, and fall back to reading when it cannot be written.

Nothing at the store's path is opened by SQLite before it has been judged, because opening is not
harmless: SQLite replays any write-ahead log (``-wal``) it finds beside a database into it, and rolls
back any hot rollback journal (``-journal``), whoever wrote them.  A stale log of another database
replayed into the store destroys its bookmarks, and the copy kept aside would already be the damaged
one.  So the file and its log are read as bytes, the log is parsed as SQLite would (header, salts,
checksums, the last commit), and the database SQLite *would* see is rebuilt in memory and judged
there, beside the file alone:

- both fine, and the log keeps the store's identity (a random id written when the store is made):
  the log is the store's own, SQLite may replay it (a killed process left committed bookmarks in it);
- the file alone is a good store and the replayed one is not: the log (and its ``-shm`` index) does not
  belong; both are moved aside, byte for byte as found, and the store opens without them;
- the file itself is unusable (not SQLite, another program's, damaged): it is moved aside with all its
  companions, untouched, and a fresh store is started;
- a ``-shm`` with no ``-wal`` to index (a process killed as it closed the store, a copy, one left by
  ``sudo healthreader`` that the reader cannot write) is kept aside quietly: it holds nothing of the
  reader's, and SQLite would trust it, fail on it, or keep the store read-only because of it;
- a companion that is not a plain file (a named pipe, which would be waited on forever, a link, a
  folder) is kept aside as it is, never read or written through.

Nothing is ever overwritten or deleted.  When the file or its folder cannot be written (read-only, disk
full), the store opens read-only if it can, so the bookmarks can still be read.
"""

from __future__ import annotations

import datetime as dt
import errno
import logging
import os
import secrets
import sqlite3
import stat
import struct
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from healthreader.store.errors import StoreAccessError, StoreAction, StoreError, StoreProblem, StoreTooNewError
from healthreader.store.model import Recovery, RecoveryReason
from healthreader.store.schema import (
    APPLICATION_ID,
    CORE_TABLES,
    IDENTITY_TABLE,
    SCHEMA_VERSION,
    migrate,
)

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
#: How long a writer waits for another window or process holding the write lock.
BUSY_TIMEOUT_MS = 10_000
_SIDECARS = ("-wal", "-shm", "-journal")
# SQLite result codes that mean "this file is damaged / not a database", as opposed to busy or I/O.
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
_PROBLEM_OF_CODE = {
    3: StoreProblem.READ_ONLY,  # SQLITE_PERM
    5: StoreProblem.BUSY,
    6: StoreProblem.BUSY,  # SQLITE_LOCKED
    8: StoreProblem.READ_ONLY,
    11: StoreProblem.DAMAGED,
    13: StoreProblem.DISK_FULL,
    26: StoreProblem.DAMAGED,
}
_PROBLEM_OF_ERRNO = {
    errno.ENOSPC: StoreProblem.DISK_FULL,
    errno.EDQUOT: StoreProblem.DISK_FULL,
    errno.EROFS: StoreProblem.READ_ONLY,
    errno.EACCES: StoreProblem.READ_ONLY,
    errno.EPERM: StoreProblem.READ_ONLY,
}
#: A race with another process (its log being written as we read it) must not look like a stray log:
#: a verdict that would move files aside is taken again after this pause, and acted on only if it stands.
_RECHECK_PAUSE_S = 0.1


def problem_of(exc: BaseException) -> StoreProblem:
    """What an SQLite or OS error means for the reader."""
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None:
            return _PROBLEM_OF_CODE.get(code & 0xFF, StoreProblem.OTHER)
        text = str(exc).lower()
        if "full" in text:
            return StoreProblem.DISK_FULL
        if "readonly" in text or "read-only" in text:
            return StoreProblem.READ_ONLY
        return StoreProblem.OTHER
    if isinstance(exc, OSError) and exc.errno is not None:
        return _PROBLEM_OF_ERRNO.get(exc.errno, StoreProblem.OTHER)
    return StoreProblem.OTHER


_SQLITE_CANTOPEN = 14


def _writable(path: Path) -> bool:
    # os.access, not the mode bits: it also answers for a read-only mount, and root ignores the bits.
    # The companions count: a store whose -wal cannot be written cannot save either.
    files = [p for p in (path, *(Path(str(path) + s) for s in ("-wal", "-shm"))) if p.exists()]
    return os.access(path.parent, os.W_OK) and all(os.access(p, os.W_OK) for p in files)


_SQLITE_IOERR = 10
#: Less free space than this beside the store: a "disk I/O error" is the disk being full.
_NEARLY_FULL_BYTES = 256 * 1024


def _nearly_full(path: Path) -> bool:
    try:
        st = os.statvfs(path.parent)
    except (OSError, AttributeError):  # AttributeError: no statvfs on Windows
        return False
    return st.f_bavail * st.f_frsize < _NEARLY_FULL_BYTES


def access_error(exc: BaseException, action: StoreAction, path: Path) -> StoreAccessError:
    problem = problem_of(exc)
    code = getattr(exc, "sqlite_errorcode", None)
    if problem is StoreProblem.OTHER and code is not None:
        if code & 0xFF == _SQLITE_CANTOPEN and not _writable(path):
            # "unable to open database file": SQLite could not create the -wal or -shm beside the store.
            problem = StoreProblem.READ_ONLY
        elif code & 0xFF in (_SQLITE_IOERR, _SQLITE_CANTOPEN) and _nearly_full(path):
            # SQLite says "disk I/O error" when the -shm it maps cannot be given its pages.
            problem = StoreProblem.DISK_FULL
    return StoreAccessError(problem, action, path, str(exc))


def _connect(path: Path, *, read_only: str = "") -> sqlite3.Connection:
    # isolation_level=None: the sqlite3 module issues no implicit BEGIN/COMMIT; every transaction is
    # explicit (see write_transaction), so each change is exactly one transaction.
    if read_only:
        conn = sqlite3.connect(
            f"{path.absolute().as_uri()}?{read_only}", uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
        )
    else:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # Text that is not UTF-8 (a damaged or tampered row) is shown with U+FFFD in it and flagged, rather
    # than failing every query that reads its row.
    conn.text_factory = lambda b: b.decode("utf-8", "replace")
    return conn


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text


# --- the write-ahead log, read as SQLite reads it (https://sqlite.org/fileformat.html#walformat) ----------

_WAL_MAGIC_LE = 0x377F0682
_WAL_MAGIC_BE = 0x377F0683
_WAL_VERSION = 3007000
_WAL_HEADER = 32
_FRAME_HEADER = 24


def _checksum(data: bytes, big_endian: bool, s0: int, s1: int) -> tuple[int, int]:
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


@dataclass(frozen=True)
class _Wal:
    valid: bool  # a well-formed header
    page_size: int = 0
    pages: dict[int, bytes] | None = None  # the committed frames' pages, the last copy of each
    db_pages: int = 0  # the database's size in pages after the last commit

    @property
    def committed(self) -> bool:
        return bool(self.pages) and self.db_pages > 0


def _parse_wal(data: bytes) -> _Wal:
    """The committed content of a write-ahead log: what SQLite would replay, frame by frame, stopping
    at the first frame whose salts or running checksum do not match (a torn or stale tail)."""
    if len(data) < _WAL_HEADER:
        return _Wal(False)
    magic, version, page_size, _seq, salt1, salt2, c1, c2 = struct.unpack(">8I", data[:_WAL_HEADER])
    big_endian = magic == _WAL_MAGIC_BE
    if magic not in (_WAL_MAGIC_LE, _WAL_MAGIC_BE) or version != _WAL_VERSION:
        return _Wal(False)
    if not (512 <= page_size <= 65536 and page_size & (page_size - 1) == 0):
        return _Wal(False)
    s = _checksum(data[:24], big_endian, 0, 0)
    if s != (c1, c2):
        return _Wal(False)
    pages: dict[int, bytes] = {}
    pending: dict[int, bytes] = {}
    db_pages = 0
    at = _WAL_HEADER
    while at + _FRAME_HEADER + page_size <= len(data):
        pgno, commit, f_salt1, f_salt2, f1, f2 = struct.unpack(">6I", data[at : at + _FRAME_HEADER])
        page = data[at + _FRAME_HEADER : at + _FRAME_HEADER + page_size]
        if (f_salt1, f_salt2) != (salt1, salt2) or pgno == 0:
            break
        s = _checksum(data[at : at + 8], big_endian, *s)
        s = _checksum(page, big_endian, *s)
        if s != (f1, f2):
            break
        pending[pgno] = page
        if commit:
            pages.update(pending)
            pending.clear()
            db_pages = commit
        at += _FRAME_HEADER + page_size
    return _Wal(True, page_size, pages, db_pages)


def _db_page_size(db: bytes) -> int:
    raw = int.from_bytes(db[16:18], "big")
    return 65536 if raw == 1 else raw


def _replayed(db: bytes, wal: _Wal) -> bytes:
    """The database as SQLite would see it with the log replayed."""
    assert wal.pages is not None
    size = wal.page_size
    out = bytearray(db[: wal.db_pages * size].ljust(wal.db_pages * size, b"\0"))
    for pgno, page in wal.pages.items():
        if pgno <= wal.db_pages:
            out[(pgno - 1) * size : pgno * size] = page
    return bytes(out)


# --- judging a database image ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Verdict:
    problem: tuple[RecoveryReason, str] | None = None
    empty: bool = False  # no tables yet: a creation that was interrupted, nothing to keep
    identity: str | None = None

    @property
    def usable(self) -> bool:
        return self.problem is None


def _judge(image: bytes, path: Path) -> _Verdict:
    """Whether ``image`` (the bytes of a database) is a usable store, judged on a copy in memory."""
    if not image:
        return _Verdict(empty=True)
    if not image.startswith(SQLITE_MAGIC):
        return _Verdict((RecoveryReason.NOT_SQLITE, "the file does not start with the SQLite header"))
    data = bytearray(image)
    if len(data) >= 20:
        data[18] = data[19] = 1  # read it as a plain database: the in-memory copy has no log of its own
    conn = sqlite3.connect(":memory:")
    conn.text_factory = lambda b: b.decode("utf-8", "replace")
    try:
        conn.deserialize(bytes(data))
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if app_id != APPLICATION_ID:
            if app_id == 0 and version == 0 and not tables:
                return _Verdict(empty=True)
            return _Verdict((RecoveryReason.FOREIGN, f"application_id {app_id:#x}, tables {sorted(tables)}"))
        if version > SCHEMA_VERSION:
            raise StoreTooNewError(path, version, SCHEMA_VERSION)
        if version > 0 and not CORE_TABLES <= tables:
            return _Verdict((RecoveryReason.CORRUPT, f"tables missing: {sorted(CORE_TABLES - tables)}"))
        problems = [r[0] for r in conn.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            return _Verdict((RecoveryReason.CORRUPT, "; ".join(problems[:5])))
        identity = None
        if IDENTITY_TABLE in tables:
            row = conn.execute(f"SELECT id FROM {IDENTITY_TABLE}").fetchone()
            identity = str(row[0]) if row else None
        return _Verdict(identity=identity, empty=not tables)
    except sqlite3.DatabaseError as exc:
        if _is_damage(exc):
            return _Verdict((RecoveryReason.CORRUPT, str(exc)))
        raise StoreError(f"cannot read {path}: {exc}") from exc
    finally:
        conn.close()


def _read_if_there(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError as exc:
        raise StoreError(f"cannot read {path}: a folder is in its place") from exc
    except OSError as exc:  # no permission: not ours to move
        raise StoreError(f"cannot read {path}: {exc}") from exc


def _odd(path: Path, *, follow: bool) -> str:
    """What ``path`` is when it is there but not a plain file ("" when it is one, or is not there).

    SQLite makes its companions as plain files and never through a link; reading a named pipe would wait
    for a writer that never comes, so nothing here is read before it is known to be a plain file."""
    try:
        st = os.stat(path) if follow else os.lstat(path)
    except FileNotFoundError:
        return "a link to nowhere" if os.path.lexists(path) else ""
    except OSError as exc:
        return f"unreadable ({exc.strerror or exc})"
    mode = st.st_mode
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISLNK(mode):
        return "a link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    return "a device or socket"


@dataclass(frozen=True)
class _Decision:
    """What to do before SQLite may open the store: nothing, move some companions aside, or all."""

    stray: tuple[str, ...] = ()  # suffixes of companions that do not belong to the store
    whole: tuple[RecoveryReason, str] | None = None  # the store file itself is unusable
    detail: str = ""
    #: A -shm with no log to index (or not a plain file): kept aside without a word to the reader, for
    #: it holds nothing of theirs; SQLite would trust it, or fail on it, or read-only keep the store.
    stale_index: str = ""


def _decide(path: Path) -> _Decision:
    odd_store = _odd(path, follow=True)  # the store itself may be a link (a folder moved elsewhere)
    if odd_store == "a folder":
        raise StoreError(f"cannot read {path}: a folder is in its place")
    if odd_store and odd_store != "a link to nowhere":
        return _Decision(whole=(RecoveryReason.NOT_SQLITE, f"the store's name is taken by {odd_store}"))
    wal_path, shm_path = Path(str(path) + "-wal"), Path(str(path) + "-shm")
    odd = {s: _odd(Path(str(path) + s), follow=False) for s in ("-wal", "-journal")}
    stray: list[str] = [s for s, what in odd.items() if what]
    details: list[str] = [f"the {s} file is {what}" for s, what in odd.items() if what]
    # A live store always has its -wal (SQLite makes it before the -shm and removes it first): a -shm
    # without one indexes nothing.  The pause and second look in _open_once cover a store closing.
    odd_shm = _odd(shm_path, follow=False)
    stale_index = ""
    if os.path.lexists(shm_path) and ("-wal" in stray or not os.path.lexists(wal_path)):
        stale_index = "there is no write-ahead log for it to index"
    elif odd_shm:
        stale_index = f"it is {odd_shm}"
    # The log first, then the file: a checkpoint running meanwhile copies pages the log still holds
    # into the file, so the file read second is never older than the log read first.  A log that is not
    # a plain file is not read: judged as if absent, and moved aside.
    wal_bytes = b"" if "-wal" in stray else _read_if_there(wal_path) or b""
    journal_size = 0 if "-journal" in stray else _size(Path(str(path) + "-journal"))
    db = _read_if_there(path) or b""
    wal = _parse_wal(wal_bytes) if wal_bytes else None
    # The file alone is judged only when the log cannot stand for it: after a checkpoint that was cut
    # short (a kill, a full disk) the file alone is a mix of old and new pages, and only the file with
    # its log replayed is the store.
    seen: _Verdict | None = None
    if wal is not None and wal.committed and db and _db_page_size(db) == wal.page_size:
        replayed = _judge(_replayed(db, wal), path)
        if replayed.usable:
            alone = _judge(db, path)
            if alone.usable and alone.identity and replayed.identity != alone.identity:
                stray += ["-wal", "-shm"]
                details.append("the write-ahead log belongs to another bookmarks store")
                seen = alone
            else:
                seen = replayed
        else:
            assert replayed.problem is not None
            alone = _judge(db, path)
            if alone.problem is not None:
                return _Decision(whole=alone.problem)
            stray += ["-wal", "-shm"]
            details.append(f"replaying the write-ahead log would make the store unusable ({replayed.problem[1]})")
            seen = alone
    else:
        seen = _judge(db, path)
        if seen.problem is not None:
            return _Decision(whole=seen.problem)
        if wal is not None and not wal.valid:
            stray += ["-wal", "-shm"]
            details.append("the -wal file is not a write-ahead log")
        elif wal is not None and wal.committed:
            stray += ["-wal", "-shm"]
            details.append(
                "a write-ahead log with no database file"
                if not db
                else f"the write-ahead log has pages of {wal.page_size} bytes, the store {_db_page_size(db)}"
            )
    if journal_size and not seen.empty:
        # The store is in WAL mode from its first transaction on: a hot rollback journal beside a store
        # with tables was written by something else, and SQLite would roll it back into the store.
        stray.append("-journal")
        details.append("a rollback journal beside a store that never writes one")
    if "-shm" in stray:
        stale_index = ""  # goes with its log, and the reader is told about that
    return _Decision(stray=tuple(dict.fromkeys(stray)), detail="; ".join(details), stale_index=stale_index)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def aside_name(path: Path, when: dt.datetime) -> Path:
    """A name beside ``path`` that does not exist yet: ``userdata.sqlite3.broken-20261127-174735``."""
    stamp = when.strftime("%Y%m%d-%H%M%S")
    n = 1
    while True:
        suffix = f".broken-{stamp}" if n == 1 else f".broken-{stamp}-{n}"
        candidate = path.with_name(path.name + suffix)
        if not any(os.path.lexists(str(candidate) + s) for s in ("", *_SIDECARS)):
            return candidate
        n += 1


def stray_name(path: Path, when: dt.datetime) -> Path:
    """Where a companion that did not belong is kept: ``userdata.sqlite3-wal.stray-20261127-174735``."""
    stamp = when.strftime("%Y%m%d-%H%M%S")
    n = 1
    while True:
        candidate = path.with_name(path.name + (f".stray-{stamp}" if n == 1 else f".stray-{stamp}-{n}"))
        if not os.path.lexists(candidate):
            return candidate
        n += 1


def move_aside(path: Path, when: dt.datetime) -> Path:
    target = aside_name(path, when)
    path.rename(target)
    for s in _SIDECARS:
        side = Path(str(path) + s)
        if os.path.lexists(side):  # a link to nowhere too
            side.rename(Path(str(target) + s))
    return target


def _move_strays(path: Path, suffixes: tuple[str, ...], when: dt.datetime) -> list[Path]:
    kept: list[Path] = []
    for s in dict.fromkeys(suffixes):
        side = Path(str(path) + s)
        if os.path.lexists(side):  # a link to nowhere too
            target = stray_name(side, when)
            side.rename(target)
            kept.append(target)
    return kept


def _set_up(conn: sqlite3.Connection, path: Path) -> None:
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise StoreError(f"the store cannot use write-ahead logging here (journal mode {mode})")
    # FULL: a commit is on disk before the caller is told, so a confirmed bookmark survives even a
    # power cut, not just a killed process.  It costs one fsync per change, well within budget.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return  # nothing to write: a store on a full disk still opens
    with write_transaction(conn):
        # Read again under the write lock: another process may have created the schema meanwhile.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreTooNewError(path, version, SCHEMA_VERSION)
        if version < SCHEMA_VERSION:
            migrate(conn, version, secrets.token_hex(16))


def _open_read_only(path: Path, skip_log: bool) -> sqlite3.Connection:
    """A connection that only reads: through the log when SQLite can use it read-only, else the file as it
    is (``immutable``: nothing can write it now, neither can we)."""
    attempts = ("mode=ro&immutable=1",) if skip_log else ("mode=ro", "mode=ro&immutable=1")
    last: sqlite3.Error | None = None
    for mode in attempts:
        conn = _connect(path, read_only=mode)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if version > SCHEMA_VERSION:
                raise StoreTooNewError(path, version, SCHEMA_VERSION)
            if not CORE_TABLES <= tables:
                raise StoreError(f"{path} holds no bookmarks yet and cannot be written")
            return conn
        except sqlite3.Error as exc:
            conn.close()
            last = exc
        except BaseException:
            conn.close()
            raise
    assert last is not None
    raise last


@dataclass(frozen=True)
class Opened:
    conn: sqlite3.Connection
    recovery: Recovery | None
    read_only: StoreAccessError | None  # why the store can only be read, or None


def open_database(path: Path, now: dt.datetime) -> Opened:
    """A ready connection to the store at ``path``: what was moved aside, and whether it only reads.

    Setting a new file up (switching it to WAL) and recovering another process's log answer BUSY at
    once, without SQLite's busy handler: when two windows start together, wait for the other one as
    a write would, up to the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            return _open_once(path, now)
        except StoreAccessError as exc:
            if exc.problem is not StoreProblem.BUSY or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _open_once(path: Path, now: dt.datetime) -> Opened:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise access_error(exc, StoreAction.OPEN, path) from exc
    when = now.astimezone()
    decision = _decide(path)
    if decision.stray or decision.whole or decision.stale_index:
        time.sleep(_RECHECK_PAUSE_S)
        if _decide(path) != decision:
            # The files changed while being judged: another process is writing them, so they are a live
            # store's.  Leave them to SQLite, which coordinates with that process.
            log.info("the store's files changed while being checked (%s); left as they are", path)
            decision = _Decision()
    recovery: Recovery | None = None
    unmovable: OSError | None = None
    try:
        if decision.whole is not None:
            reason, detail = decision.whole
            recovery = Recovery(reason, move_aside(path, when), detail)
        else:
            if decision.stray:
                kept = _move_strays(path, decision.stray, when)
                if kept:
                    recovery = Recovery(RecoveryReason.STRAY, kept[0], decision.detail, tuple(kept[1:]))
            if decision.stale_index:
                for index in _move_strays(path, ("-shm",), when):
                    log.info("store %s: its -shm was kept as %s (%s)", path, index.name, decision.stale_index)
    except OSError as exc:
        if decision.whole is not None:
            raise StoreError(f"cannot move the unusable file {path} aside: {exc}") from exc
        unmovable = exc  # a read-only folder: read the store without the stray log
    if recovery is not None:
        log.warning("store %s: %s; kept as %s", path, recovery.detail, ", ".join(map(str, recovery.kept)))
    if unmovable is None:
        conn = _connect(path)
        try:
            _set_up(conn, path)
            if not _writable(path):
                # SQLite opens a file it cannot write for reading without a word, and an empty
                # transaction succeeds on it: only a real change would fail.  Say so now instead.
                detail = "the store file or its folder cannot be written"
                return Opened(conn, recovery, StoreAccessError(StoreProblem.READ_ONLY, StoreAction.OPEN, path, detail))
            return Opened(conn, recovery, None)
        except (sqlite3.Error, OSError) as exc:
            conn.close()
            failure = access_error(exc, StoreAction.OPEN, path)
        except BaseException:
            conn.close()
            raise
    else:
        failure = access_error(unmovable, StoreAction.OPEN, path)
    if failure.problem not in (StoreProblem.READ_ONLY, StoreProblem.DISK_FULL) or not _size(path):
        raise failure
    try:
        conn = _open_read_only(path, skip_log=unmovable is not None)
    except sqlite3.Error as exc:
        raise failure from exc
    log.warning("store %s opened read-only: %s", path, failure.detail)
    return Opened(conn, recovery, failure)


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One change, all or nothing.  IMMEDIATE takes the write lock up front, so a second writer waits
    (busy timeout) at BEGIN instead of failing later when a read lock cannot be upgraded."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        # Also when COMMIT itself failed (a full disk): the connection must not stay inside a
        # transaction that every later change would silently join.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
