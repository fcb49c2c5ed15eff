"""The library as it was last loaded, in SQLite, so that a start reads only what it shows.

``load_library`` stats every entry file and builds every ``Entry``: about 0.2 s at 10,000 entries
and seconds at 50,000, all before the first paint.  A snapshot holds the result of the last full
load (library descriptions, every entry's front matter, the problems found); ``open_library`` opens
it without touching the entry files, and the entries are read from it by id when they are asked for.
``check`` (run off the UI thread, after the first paint) loads the library from its files as before,
compares, and writes a new snapshot when anything changed: the caller shows the change.

A snapshot that cannot be read (damaged, another version's, another set of folders) costs a full
load, never a failed start; one that cannot be written (a read-only folder) leaves the full load in
memory, as before snapshots existed.
"""

from __future__ import annotations

import logging
import marshal
import os
import secrets
import sqlite3
import sys
import threading
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from healthreader.content.model import Category, Entry, Library, LibraryInfo, Problem
from healthreader.content.records import entry_from_record, entry_record

log = logging.getLogger(__name__)

SNAPSHOT_VERSION = 1
# marshal's format may change between Python versions: the header names the version it was made by.
_HEADER = f"healthreader-content-{SNAPSHOT_VERSION}-py{sys.version_info[0]}.{sys.version_info[1]}"

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE entries (
    ord INTEGER PRIMARY KEY,      -- load order: the order Library.entries iterates in
    id TEXT NOT NULL UNIQUE,
    category TEXT NOT NULL,
    file TEXT NOT NULL,
    library_id TEXT NOT NULL,
    mtime_ns INTEGER NOT NULL,    -- the file as it was loaded: a body edited since is a change too
    size INTEGER NOT NULL,
    record BLOB NOT NULL          -- marshal of the loader's record of the front matter
);
"""


def _stat(path: str | Path) -> tuple[int, int]:
    try:
        st = os.stat(path)
    except OSError:
        return -1, -1
    return st.st_mtime_ns, st.st_size


def _folder_files(folders: list[Path] | tuple[Path, ...]) -> list[tuple[str, int, int]]:
    """What else a load reads: each ``library.yaml`` and the folder's search word lists."""
    out = []
    for folder in folders:
        names = [os.path.join(folder, "library.yaml")]
        try:
            with os.scandir(os.path.join(folder, "search")) as it:
                names += sorted(de.path for de in it)
        except OSError:
            pass
        out += [(n, *_stat(n)) for n in names]
    return out


def _folders_key(folders: list[Path] | tuple[Path, ...]) -> bytes:
    return marshal.dumps([os.path.abspath(f) for f in folders])


def _info_record(info: LibraryInfo) -> list[Any]:
    return [
        info.id, info.title, info.language, info.version, info.publisher, info.description, info.disclaimer,
        [[c.name, c.description] for c in info.categories], str(info.path), list(info.featured),
    ]  # fmt: skip


def _info_from_record(r: list[Any]) -> LibraryInfo:
    return LibraryInfo(
        r[0], r[1], r[2], r[3], r[4], r[5], r[6], tuple(Category(n, d) for n, d in r[7]), Path(r[8]), tuple(r[9])
    )


class _Entries(MutableMapping[str, Entry]):
    """Entries by id, read from the snapshot when asked for and kept once read.

    Iteration is in load order, as ``Library.entries``.  An entry set here (the watched file of the
    entry on screen, reloaded) shadows the snapshot's.  The connection is shared by the UI thread and
    the search worker, so every read holds a lock.
    """

    def __init__(self, db: sqlite3.Connection, lock: threading.Lock) -> None:
        self._db = db
        self._lock = lock
        self._read: dict[str, Entry] = {}
        self._removed: set[str] = set()
        self._added: dict[str, Entry] = {}
        self._count: int | None = None

    def _fetch(self, entry_id: str) -> Entry | None:
        with self._lock:
            row = self._db.execute("SELECT file, library_id, record FROM entries WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            return None
        return entry_from_record(marshal.loads(row[2]), row[0], row[1])

    def __getitem__(self, entry_id: str) -> Entry:
        if entry_id in self._added:
            return self._added[entry_id]
        if entry_id in self._removed or not isinstance(entry_id, str):
            raise KeyError(entry_id)
        entry = self._read.get(entry_id)
        if entry is None:
            entry = self._fetch(entry_id)
            if entry is None:
                raise KeyError(entry_id)
            self._read[entry_id] = entry
        return entry

    def __contains__(self, entry_id: object) -> bool:
        if entry_id in self._added:
            return True
        if not isinstance(entry_id, str) or entry_id in self._removed:
            return False
        if entry_id in self._read:
            return True
        with self._lock:
            return self._db.execute("SELECT 1 FROM entries WHERE id = ?", (entry_id,)).fetchone() is not None

    def __setitem__(self, entry_id: str, entry: Entry) -> None:
        self._count = None
        self._added[entry_id] = entry
        self._removed.discard(entry_id)

    def __delitem__(self, entry_id: str) -> None:
        if entry_id not in self:
            raise KeyError(entry_id)
        self._count = None
        self._added.pop(entry_id, None)
        self._read.pop(entry_id, None)
        self._removed.add(entry_id)

    def _ids(self) -> list[str]:
        with self._lock:
            return [r[0] for r in self._db.execute("SELECT id FROM entries ORDER BY ord")]

    def __iter__(self) -> Iterator[str]:
        ids = [i for i in self._ids() if i not in self._removed]
        known = set(ids)
        return iter([*ids, *(i for i in self._added if i not in known)])

    def __len__(self) -> int:
        if self._count is None:
            self._count = sum(1 for _ in self)
        return self._count

    def values(self) -> Iterator[Entry]:  # type: ignore[override]
        """Every entry, read in one pass (not one query each): the home page and the index build."""
        with self._lock:
            rows = self._db.execute("SELECT id, file, library_id, record FROM entries ORDER BY ord").fetchall()
        seen = set()
        for entry_id, file, library_id, record in rows:
            if entry_id in self._removed:
                continue
            seen.add(entry_id)
            if entry_id in self._added:
                yield self._added[entry_id]
                continue
            yield self._read.get(entry_id) or entry_from_record(marshal.loads(record), file, library_id)
        for entry_id, entry in self._added.items():
            if entry_id not in seen:
                yield entry

    def stats(self) -> dict[str, tuple[int, int]]:
        with self._lock:
            return {i: (m, z) for i, m, z in self._db.execute("SELECT id, mtime_ns, size FROM entries")}

    def used_categories(self, saved: list[str]) -> list[str]:
        """The categories entries use, in the order they first appear (``saved``: as at the save)."""
        if self._removed:  # an entry gone may have been its category's last
            with self._lock:
                rows = self._db.execute("SELECT id, category FROM entries ORDER BY ord").fetchall()
            saved = list(dict.fromkeys(c for i, c in rows if i not in self._removed and i not in self._added))
        return list(dict.fromkeys([*saved, *(e.category for e in self._added.values())]))


@dataclass
class SnapshotLibrary(Library):
    """A ``Library`` whose entries are read from a snapshot on demand (see the module's words)."""

    renamed: dict[str, str] = field(default_factory=dict)
    token: str = ""  # new at every save: names this snapshot (what was worked out from it may be kept)
    files: list[tuple[str, int, int]] = field(default_factory=list)  # _folder_files when it was saved
    used: list[str] = field(default_factory=list)  # the categories entries use, in order (no scan at start)

    def categories(self) -> list[Category]:
        entries = self.entries
        if not isinstance(entries, _Entries):
            return super().categories()
        seen: dict[str, Category] = {}
        for info in self.infos:
            for cat in info.categories:
                seen.setdefault(cat.name, cat)
        for name in entries.used_categories(self.used):
            seen.setdefault(name, Category(name))
        return list(seen.values())

    def renamed_ids(self) -> dict[str, str]:
        return {old: new for old, new in self.renamed.items() if old not in self.entries and new in self.entries}

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries.values())


@dataclass(frozen=True)
class Changes:
    """What a check found different from the snapshot the window started with."""

    changed: frozenset[str] = frozenset()  # ids whose front matter or file changed
    added: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()
    infos: bool = False  # a library.yaml changed (title, categories, featured)
    problems: bool = False  # the problems found are not those the start showed

    def __bool__(self) -> bool:
        return bool(self.changed or self.added or self.removed or self.infos or self.problems)


def _connect(path: Path, *, write: bool) -> sqlite3.Connection:
    if write:
        return sqlite3.connect(path, check_same_thread=False)
    # Read-only and immutable: no journal, no lock file (a read-only data folder still opens it).
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)


def _open(path: Path, folders: list[Path] | tuple[Path, ...]) -> SnapshotLibrary | None:
    """The snapshot at ``path`` for exactly these folders, or None (logged) when it cannot be used."""
    if not path.is_file():
        return None
    try:
        db = _connect(path, write=False)
        try:
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("header") != _HEADER.encode() or meta.get("folders") != _folders_key(folders):
                log.info("content snapshot %s is for another version or other folders; loading the library", path)
                db.close()
                return None
            infos = [_info_from_record(r) for r in marshal.loads(meta["infos"])]
            problems = [Problem(Path(p), line, msg, bool(w)) for p, line, msg, w in marshal.loads(meta["problems"])]
            renamed = dict(marshal.loads(meta["renamed"]))
            token = meta["token"].decode()
            files = [tuple(f) for f in marshal.loads(meta["files"])]
            used = list(marshal.loads(meta["categories"]))
        except BaseException:
            db.close()
            raise
    except (sqlite3.Error, KeyError, ValueError, EOFError, TypeError, IndexError, OSError) as exc:
        log.warning("content snapshot %s cannot be read (%s); loading the library from its files", path, exc)
        return None
    lib = SnapshotLibrary(infos=infos, problems=problems, renamed=renamed, token=token, files=files, used=used)
    lib.entries = _Entries(db, threading.Lock())
    return lib


def save_snapshot(library: Library, path: Path, folders: list[Path] | tuple[Path, ...]) -> bool:
    """Write ``library`` as the snapshot at ``path`` (atomically); False, logged, when it cannot be."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if os.path.lexists(tmp):
            os.unlink(tmp)
        db = _connect(tmp, write=True)
        try:
            db.executescript(_SCHEMA)
            renamed = library.renamed_ids()
            meta = {
                "header": _HEADER.encode(),
                "folders": _folders_key(folders),
                "infos": marshal.dumps([_info_record(i) for i in library.infos]),
                "problems": marshal.dumps([[str(p.path), p.line, p.message, p.warning] for p in library.problems]),
                "renamed": marshal.dumps(list(renamed.items())),
                "token": secrets.token_hex(8).encode(),
                "files": marshal.dumps(_folder_files(folders)),
                "categories": marshal.dumps(list(dict.fromkeys(e.category for e in library.entries.values()))),
            }
            db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            db.executemany(
                "INSERT INTO entries (id, category, file, library_id, mtime_ns, size, record) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    (e.id, e.category, str(e.file), e.library_id, *_stat(e.file), marshal.dumps(entry_record(e)))
                    for e in library.entries.values()
                ),
            )
            db.commit()
        finally:
            db.close()
        os.replace(tmp, path)
        return True
    except (OSError, sqlite3.Error, ValueError) as exc:
        log.warning("cannot write the content snapshot %s: %s", path, exc)
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False


@dataclass
class Opened:
    """What ``open_library`` gives: the library, and whether it still needs ``check``."""

    library: Library
    needs_check: bool


def open_library(
    folders: list[Path] | tuple[Path, ...], snapshot: Path | None, cache_file: Path | None = None
) -> Opened:
    """The library, from its snapshot when there is a usable one (no entry file read or statted:
    ``needs_check``), else loaded from its files (and the snapshot written for the next start)."""
    if snapshot is not None:
        lib = _open(snapshot, folders)
        if lib is not None:
            return Opened(lib, needs_check=True)
    from healthreader.content.loader import load_library  # YAML: only when the files are read

    full = load_library(folders, cache_file=cache_file)
    if snapshot is not None and save_snapshot(full, snapshot, folders):
        lib = _open(snapshot, folders)
        if lib is not None:
            return Opened(lib, needs_check=False)
    return Opened(full, needs_check=False)


def _records(library: Library) -> dict[str, tuple[str, bytes]]:
    return {e.id: (str(e.file), marshal.dumps(entry_record(e))) for e in library.entries.values()}


def compare(old: Library, new: Library, folders: list[Path] | tuple[Path, ...] = ()) -> Changes:
    """What differs between two loads of the same folders.  Against a snapshot, an entry whose file
    has another size or mtime than when it was saved is changed too (its body may have been edited),
    and so is the library when its ``library.yaml`` or word lists are."""
    before, after = _records(old), _records(new)
    changed = {i for i in before.keys() & after.keys() if before[i] != after[i]}
    infos = [_info_record(i) for i in old.infos] != [_info_record(i) for i in new.infos]
    if isinstance(old, SnapshotLibrary) and isinstance(old.entries, _Entries):
        stats = old.entries.stats()
        changed |= {e.id for e in new.entries.values() if e.id in stats and stats[e.id] != _stat(e.file)}
        infos = infos or old.files != _folder_files(folders)
    return Changes(
        changed=frozenset(changed),
        added=frozenset(after.keys() - before.keys()),
        removed=frozenset(before.keys() - after.keys()),
        infos=infos,
        problems=[str(p) for p in old.problems] != [str(p) for p in new.problems],
    )


def _give_back_memory() -> None:
    """The load made for the check is garbage now: collected, and the C heap's free pages handed
    back to the system (glibc keeps them otherwise), so the check leaves the reader's RSS as it was."""
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass  # not glibc: the memory is reused by the process instead


def check(
    current: Library, folders: list[Path] | tuple[Path, ...], snapshot: Path | None, cache_file: Path | None = None
) -> tuple[Library, Changes]:
    """Load the library from its files (stat of every entry; the per-file cache saves re-parsing),
    compare with ``current`` and, when anything differs, write a new snapshot and open it.

    Slow (what the start no longer does): run it off the UI thread.  Returns the library to use from
    now on (``current`` itself when nothing changed) and what changed.
    """
    from healthreader.content.loader import load_library

    fresh = load_library(folders, cache_file=cache_file)
    changes = compare(current, fresh, folders)
    if not changes:
        del fresh
        _give_back_memory()
        return current, changes
    log.info(
        "the library changed since the last start: %d changed, %d added, %d removed",
        len(changes.changed),
        len(changes.added),
        len(changes.removed),
    )
    if snapshot is not None and save_snapshot(fresh, snapshot, folders):
        lib = _open(snapshot, folders)
        if lib is not None:
            return lib, changes
    return fresh, changes
