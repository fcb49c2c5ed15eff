"""``UserStore``: the reader's bookmarks, folders and reading history, one SQLite transaction per change.

Bookmarks are keyed by entry id plus section anchor (``""`` for the whole entry), plain strings, so
they survive a new version of the library and need nothing from ``content``.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, Self, TypeVar

from healthreader.config.bounded import BoundedFileError, Reason, decode_text, loads_json, read_bounded
from healthreader.paths import write_document
from healthreader.store import exchange
from healthreader.store.database import access_error, open_database, write_transaction
from healthreader.store.errors import (
    BookmarkNotFoundError,
    ImportFileError,
    ImportProblem,
    InvalidNameError,
    InvalidValueError,
    StoreAccessError,
    StoreAction,
    StoreError,
    StoreProblem,
)
from healthreader.store.exchange import LIMITS, clean_text, has_control_characters, text_problem
from healthreader.store.model import (
    NO_FOLDER,
    Bookmark,
    BookmarkOrder,
    Folder,
    HistoryDay,
    HistoryItem,
    ImportResult,
    Recovery,
    ToggleResult,
)
from healthreader.store.sortkey import title_sort_key as _full_sort_key

Clock = Callable[[], dt.datetime]
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MS = dt.timedelta(milliseconds=1)
P = ParamSpec("P")
R = TypeVar("R")

_BOOKMARK_COLUMNS = """
    b.entry_id, b.anchor, b.title, b.section_title, b.note, COALESCE(f.name, ''), b.created_at, b.updated_at
    FROM bookmarks b LEFT JOIN folders f ON f.id = b.folder_id
"""
# Everything a filter word is looked for in, joined by a separator no word contains (U+001F).
_FILTER_HAYSTACK = (
    "(b.title || char(31) || b.section_title || char(31) || b.note || char(31) || COALESCE(f.name, '')"
    " || char(31) || b.entry_id)"
)


#: The sort key is made from this many characters of a title: enough to order any list a reader sees,
#: and it bounds the cost of pinyin (about 25 µs a character) for an import of long titles.
SORT_KEY_CHARS = 32


@functools.lru_cache(maxsize=4096)
def title_sort_key(title: str) -> str:
    return _full_sort_key(title[:SORT_KEY_CHARS])


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def to_ms(t: dt.datetime) -> int:
    if t.tzinfo is None:
        t = t.replace(tzinfo=dt.UTC)
    return (t - _EPOCH) // _MS


def from_ms(ms: int) -> dt.datetime:
    return _EPOCH + ms * _MS


#: Times a store holds are in this range (what import accepts); a value outside it, or not a number,
#: is a damaged row: shown at the epoch and flagged, never an OverflowError for the whole list.
MIN_MS = to_ms(exchange.EARLIEST)
MAX_MS = to_ms(exchange.LATEST)


def _time_of(value: Any) -> dt.datetime | None:
    if isinstance(value, float) and math.isfinite(value):
        value = int(value)
    if isinstance(value, int) and MIN_MS <= value <= MAX_MS:
        return from_ms(value)
    return None


def _text_of(value: Any) -> str | None:
    """The text of a column, or None if it is not sound text (a number, a blob, bytes that were not
    UTF-8: the connection decodes those with U+FFFD)."""
    if isinstance(value, str) and "\ufffd" not in value:
        return value
    return None


def _row_values(
    row: tuple[Any, ...], names: tuple[str, ...], times: frozenset[str]
) -> tuple[list[Any], tuple[str, ...]]:
    """Each column read as text or a time, with the names of those that could not be (a damaged row is
    shown as well as it can be, and flagged)."""
    values: list[Any] = []
    damaged: list[str] = []
    for name, value in zip(names, row, strict=True):
        if name in times:
            t = _time_of(value)
            if t is None:
                damaged.append(name)
                t = _EPOCH
            values.append(t)
        else:
            text = _text_of(value)
            if text is None:
                damaged.append(name)
                text = (
                    value.decode("utf-8", "replace")
                    if isinstance(value, bytes)
                    else ""
                    if value is None
                    else str(value)
                )
            values.append(text)
    return values, tuple(damaged)


_BOOKMARK_FIELDS = ("entry_id", "anchor", "title", "section_title", "note", "folder", "created_at", "updated_at")
_BOOKMARK_TIMES = frozenset({"created_at", "updated_at"})
_HISTORY_FIELDS = ("entry_id", "anchor", "title", "day", "visited_at")


def _bookmark(row: tuple[Any, ...]) -> Bookmark:
    v, damaged = _row_values(row, _BOOKMARK_FIELDS, _BOOKMARK_TIMES)
    return Bookmark(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], damaged)


def _history(row: tuple[Any, ...]) -> HistoryItem:
    values, damaged = _row_values(row, _HISTORY_FIELDS, frozenset({"visited_at"}))
    try:
        day = dt.date.fromisoformat(values[3])
    except ValueError:
        day = values[4].date()
        damaged = (*damaged, "day")
    return HistoryItem(values[0], values[1], values[2], day, values[4], damaged=damaged)


def _guarded(
    action: StoreAction,
) -> Callable[[Callable[Concatenate[UserStore, P], R]], Callable[Concatenate[UserStore, P], R]]:
    """Every error SQLite or the disk raises in the method becomes a ``StoreAccessError`` that says, in
    a reader's words, what could not be done and why (disk full, read-only, busy, damaged)."""

    def wrap(method: Callable[Concatenate[UserStore, P], R]) -> Callable[Concatenate[UserStore, P], R]:
        @functools.wraps(method)
        def run(self: UserStore, /, *args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return method(self, *args, **kwargs)
            except (sqlite3.Error, OSError) as exc:
                error = access_error(exc, action, self.path)
                if error.problem is StoreProblem.READ_ONLY and action is StoreAction.SAVE and self.read_only is None:
                    self.read_only = error  # made read-only while open: say so from now on, before trying
                raise error from exc

        return run

    return wrap


def _like_pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _folder_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidNameError("a folder needs a name")
    if has_control_characters(cleaned):
        raise InvalidNameError("a folder name cannot contain control characters")
    problem = text_problem("folder", cleaned)
    if problem:
        raise InvalidNameError(f"the folder name {problem}")
    return cleaned


def _check_entry_id(entry_id: str) -> None:
    # SQLite's length() stops at a NUL, and ids come from file names and links: control characters
    # in one can only be a mistake.
    if not entry_id.strip() or has_control_characters(entry_id) or len(entry_id) > LIMITS["entry_id"]:
        raise InvalidValueError(f"not a valid entry id: {entry_id[:80]!r}")
    _check_text("entry_id", entry_id)


def _check_text(field: str, value: str) -> None:
    """Text the store can write back as UTF-8 and show: no lone surrogate, within its field's limit."""
    problem = text_problem(field, value)
    if problem:
        raise InvalidValueError(f"the {field.replace('_', ' ')} {problem}")


class UserStore:
    """The store at one path.  Open with ``UserStore.open(DataPaths.store_file)``; close when done.

    ``recovery`` (and ``recovered_from``) say whether an unusable file found at the path was moved
    aside when opening; the UI tells the reader so.  Not thread-safe: use it from one thread (the UI
    thread); other windows and processes use their own ``UserStore`` on the same file.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        recovery: Recovery | None,
        clock: Clock,
        tz: dt.tzinfo | None,
        read_only: StoreAccessError | None = None,
    ) -> None:
        self._conn = conn
        self.path = path
        self.recovery = recovery
        #: Why changes cannot be saved (the file or folder is read-only, the disk was full at opening),
        #: or None.  Reading works either way; every change raises this error, worded for saving.
        self.read_only = read_only
        self._clock = clock
        self._tz = tz
        self._changes = 0

    @classmethod
    def open(cls, path: Path | str, *, clock: Clock = _utc_now, tz: dt.tzinfo | None = None) -> UserStore:
        """Open (creating or recovering) the store.  ``tz`` is the zone history days are counted in
        (None: the computer's); ``clock`` returns aware datetimes (tests pass a fake one).

        Raises ``StoreAccessError`` (a ``StoreError``) when the store can be neither written nor read."""
        path = Path(path)
        opened = open_database(path, clock())
        return cls(opened.conn, path, opened.recovery, clock, tz, opened.read_only)

    @property
    def recovered_from(self) -> Path | None:
        """Where the unusable file found at opening was moved, or None."""
        return self.recovery.moved_to if self.recovery else None

    def close(self) -> None:
        self._conn.close()

    def trace_statements(self, callback: Callable[[str], None] | None) -> None:
        """Call ``callback`` with each SQL statement as SQLite starts it (None: no more).  The kill test
        learns from it that a kill landed inside a COMMIT; it also shows what a change writes."""
        self._conn.set_trace_callback(callback)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def revision(self) -> tuple[int, int]:
        """Changes when anything in the store changed, here or through another connection to the file;
        a view compares it with the value it last drew from to know whether to reload."""
        try:
            other = self._conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error as exc:
            raise access_error(exc, StoreAction.READ, self.path) from exc
        return (self._changes, other)

    def _reopen_for_writing(self) -> None:
        """A store opened read-only because the disk was full: space may have been freed since."""
        try:
            opened = open_database(self.path, self._clock())
        except StoreError:
            return
        if opened.read_only is not None:
            opened.conn.close()
            return
        self._conn.close()
        self._conn, self.read_only = opened.conn, None
        self.recovery = opened.recovery or self.recovery

    def _now_ms(self) -> int:
        return to_ms(self._clock())

    def _write(self) -> Any:
        if self.read_only is not None and self.read_only.problem is StoreProblem.DISK_FULL:
            self._reopen_for_writing()
        if self.read_only is not None:
            ro = self.read_only
            raise StoreAccessError(ro.problem, StoreAction.SAVE, self.path, ro.detail)
        self._changes += 1
        return write_transaction(self._conn)

    # ---------------------------------------------------------------- bookmarks

    @_guarded(StoreAction.READ)
    def get_bookmark(self, entry_id: str, anchor: str = "") -> Bookmark | None:
        row = self._conn.execute(
            f"SELECT {_BOOKMARK_COLUMNS} WHERE b.entry_id = ? AND b.anchor = ?", (entry_id, anchor)
        ).fetchone()
        return _bookmark(row) if row else None

    @_guarded(StoreAction.READ)
    def is_bookmarked(self, entry_id: str, anchor: str = "") -> bool:
        row = self._conn.execute(
            "SELECT 1 FROM bookmarks WHERE entry_id = ? AND anchor = ?", (entry_id, anchor)
        ).fetchone()
        return row is not None

    @_guarded(StoreAction.READ)
    def bookmarks_for_entry(self, entry_id: str) -> list[Bookmark]:
        """The bookmarks on an entry and its sections (the reader marks them), whole entry first."""
        rows = self._conn.execute(
            f"SELECT {_BOOKMARK_COLUMNS} WHERE b.entry_id = ? ORDER BY b.anchor != '', b.created_at", (entry_id,)
        )
        return [_bookmark(r) for r in rows]

    @_guarded(StoreAction.READ)
    def count_bookmarks(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM bookmarks").fetchone()[0])

    @_guarded(StoreAction.READ)
    def list_bookmarks(
        self,
        order: BookmarkOrder = BookmarkOrder.NEWEST,
        text: str = "",
        folder: str | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Bookmark]:
        """Bookmarks, newest first or by title.

        ``text``: every whitespace-separated word must appear in the title, section title, note,
        folder name or entry id.  ``folder``: None for all, ``NO_FOLDER`` ("") for those in no folder,
        else that folder's name.  ``limit``/``offset`` page through the result (a view shows the
        first page at once and fetches more as the reader scrolls; both orders walk an index, so a
        page costs the same whatever the store's size).
        """
        where: list[str] = []
        params: list[Any] = []
        for word in text.split():
            where.append(f"{_FILTER_HAYSTACK} LIKE ? ESCAPE '\\'")
            params.append(_like_pattern(word))
        if folder is not None:
            if folder == NO_FOLDER:
                where.append("b.folder_id IS NULL")
            else:
                where.append("f.name = ?")
                params.append(folder)
        sql = f"SELECT {_BOOKMARK_COLUMNS}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        if order == BookmarkOrder.TITLE:
            sql += " ORDER BY b.title_key, b.section_title, b.id"  # walks bookmarks_by_title
        else:
            sql += " ORDER BY b.created_at DESC, b.id DESC"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [_bookmark(r) for r in self._conn.execute(sql, params)]

    def _folder_id(self, folder: str) -> int | None:
        """The id of a folder by name, creating it; None for NO_FOLDER.  Inside a write transaction."""
        if not folder.strip():
            return None
        name = _folder_name(folder)
        row = self._conn.execute("SELECT id FROM folders WHERE name = ?", (name,)).fetchone()
        if row:
            return int(row[0])
        cur = self._conn.execute("INSERT INTO folders (name, created_at) VALUES (?, ?)", (name, self._now_ms()))
        return cur.lastrowid

    @_guarded(StoreAction.SAVE)
    def add_bookmark(
        self,
        entry_id: str,
        anchor: str = "",
        *,
        title: str,
        section_title: str = "",
        note: str = "",
        folder: str = NO_FOLDER,
    ) -> Bookmark:
        """Bookmark an entry or one of its sections.  If it is bookmarked already, the titles are
        refreshed and the note and folder are replaced only when given (non-empty)."""
        _check_entry_id(entry_id)
        # Shown text keeps no control characters or direction overrides (a pasted note, an old library).
        title, section_title, note = clean_text(title), clean_text(section_title), clean_text(note)
        for field, value in (("anchor", anchor), ("title", title), ("section_title", section_title), ("note", note)):
            _check_text(field, value)
        key = title_sort_key(title)  # before the transaction: the first call loads pypinyin
        with self._write():
            self._upsert(entry_id, anchor, title, key, section_title, note, folder)
        return self._must_get(entry_id, anchor)

    def _upsert(
        self, entry_id: str, anchor: str, title: str, title_key: str, section_title: str, note: str, folder: str
    ) -> None:
        """The write of ``add_bookmark``, inside the caller's transaction."""
        now = self._now_ms()
        folder_id = self._folder_id(folder)
        self._conn.execute(
            """
            INSERT INTO bookmarks (entry_id, anchor, title, title_key, section_title, note, folder_id,
                                   created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (entry_id, anchor) DO UPDATE SET
                title = excluded.title, title_key = excluded.title_key,
                section_title = excluded.section_title,
                note = CASE WHEN excluded.note != '' THEN excluded.note ELSE note END,
                folder_id = CASE WHEN ? THEN excluded.folder_id ELSE folder_id END,
                updated_at = excluded.updated_at
            """,
            (
                entry_id,
                anchor,
                title,
                title_key,
                section_title,
                note.strip(),
                folder_id,
                now,
                now,
                folder_id is not None,
            ),
        )

    def _must_get(self, entry_id: str, anchor: str) -> Bookmark:
        b = self.get_bookmark(entry_id, anchor)
        if b is None:
            raise BookmarkNotFoundError(entry_id, anchor)
        return b

    def _delete(self, entry_id: str, anchor: str) -> Bookmark | None:
        """The write of ``remove_bookmark``, inside the caller's transaction."""
        row = self._conn.execute(
            f"SELECT {_BOOKMARK_COLUMNS} WHERE b.entry_id = ? AND b.anchor = ?", (entry_id, anchor)
        ).fetchone()
        if row is None:
            return None
        self._conn.execute("DELETE FROM bookmarks WHERE entry_id = ? AND anchor = ?", (entry_id, anchor))
        return _bookmark(row)

    @_guarded(StoreAction.SAVE)
    def remove_bookmark(self, entry_id: str, anchor: str = "") -> Bookmark | None:
        """Remove a bookmark; returns it as it was (for ``restore_bookmark``), or None if there was none."""
        with self._write():
            return self._delete(entry_id, anchor)

    @_guarded(StoreAction.SAVE)
    def toggle_bookmark(self, entry_id: str, anchor: str = "", *, title: str, section_title: str = "") -> ToggleResult:
        """The star: remove the bookmark if there is one, else add it, in one transaction (a second
        window toggling at the same moment sees the result of the first, never half of it)."""
        _check_entry_id(entry_id)
        title, section_title = clean_text(title), clean_text(section_title)
        for field, value in (("anchor", anchor), ("title", title), ("section_title", section_title)):
            _check_text(field, value)
        key = title_sort_key(title)
        with self._write():
            removed = self._delete(entry_id, anchor)
            if removed is None:
                self._upsert(entry_id, anchor, title, key, section_title, "", NO_FOLDER)
        if removed is not None:
            return ToggleResult(removed=removed)
        return ToggleResult(added=self._must_get(entry_id, anchor))

    @_guarded(StoreAction.SAVE)
    def restore_bookmark(self, bookmark: Bookmark) -> Bookmark:
        """Put a removed bookmark back exactly as it was (times, note, folder): the undo of a removal.
        Its folder is recreated if it was deleted meanwhile; a bookmark made again since is replaced."""
        with self._write():
            self._put(bookmark, to_ms(bookmark.created_at))
        return self._must_get(bookmark.entry_id, bookmark.anchor)

    def _put(self, b: Bookmark, created_ms: int) -> None:
        """Write ``b`` whole, replacing any bookmark with its key.  Inside a write transaction."""
        self._conn.execute(
            """
            INSERT OR REPLACE INTO bookmarks (entry_id, anchor, title, title_key, section_title, note,
                                              folder_id, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            (
                b.entry_id,
                b.anchor,
                b.title,
                title_sort_key(b.title),
                b.section_title,
                b.note,
                self._folder_id(b.folder),
                created_ms,
                to_ms(b.updated_at),
            ),
        )

    def _update(self, entry_id: str, anchor: str, assignment: str, value: Any) -> Bookmark:
        cur = self._conn.execute(
            f"UPDATE bookmarks SET {assignment}, updated_at = ? WHERE entry_id = ? AND anchor = ?",
            (value, self._now_ms(), entry_id, anchor),
        )
        if cur.rowcount == 0:
            raise BookmarkNotFoundError(entry_id, anchor)
        return self._must_get(entry_id, anchor)

    @_guarded(StoreAction.SAVE)
    def set_note(self, entry_id: str, anchor: str, note: str) -> Bookmark:
        note = clean_text(note)
        _check_text("note", note)
        with self._write():
            return self._update(entry_id, anchor, "note = ?", note.strip())

    @_guarded(StoreAction.SAVE)
    def move_to_folder(self, entry_id: str, anchor: str, folder: str) -> Bookmark:
        """Put a bookmark in ``folder`` (created if new), or in no folder with ``NO_FOLDER``."""
        with self._write():
            return self._update(entry_id, anchor, "folder_id = ?", self._folder_id(folder))

    # ---------------------------------------------------------------- folders

    @_guarded(StoreAction.READ)
    def list_folders(self) -> list[Folder]:
        rows = self._conn.execute(
            """
            SELECT f.name, count(b.id), f.created_at
            FROM folders f LEFT JOIN bookmarks b ON b.folder_id = f.id
            GROUP BY f.id ORDER BY f.name
            """
        )
        return [Folder(str(r[0]), int(r[1]), _time_of(r[2]) or _EPOCH) for r in rows]

    @_guarded(StoreAction.SAVE)
    def create_folder(self, name: str) -> Folder:
        with self._write():
            self._folder_id(_folder_name(name))
        return next(f for f in self.list_folders() if f.name == _folder_name(name))

    @_guarded(StoreAction.SAVE)
    def rename_folder(self, old: str, new: str) -> None:
        new_name = _folder_name(new)
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM folders WHERE name = ?", (new_name,)).fetchone() and new_name != old:
                raise InvalidNameError(f"a folder named {new_name!r} exists already")
            if conn.execute("UPDATE folders SET name = ? WHERE name = ?", (new_name, old)).rowcount == 0:
                raise StoreError(f"no folder named {old!r}")

    @_guarded(StoreAction.SAVE)
    def delete_folder(self, name: str) -> int:
        """Delete a folder; its bookmarks stay, in no folder.  Returns how many were in it."""
        with self._write() as conn:
            row = conn.execute("SELECT id FROM folders WHERE name = ?", (name,)).fetchone()
            if row is None:
                return 0
            count = conn.execute("SELECT count(*) FROM bookmarks WHERE folder_id = ?", (row[0],)).fetchone()[0]
            conn.execute("DELETE FROM folders WHERE id = ?", (row[0],))
        return int(count)

    @_guarded(StoreAction.SAVE)
    def remap_entries(self, renamed: Mapping[str, str]) -> int:
        """Point bookmarks and history at an entry's new id after a library update renamed it
        (``Library.renamed_ids()``, from the entries' ``moved_from``).  Returns how many rows moved.

        One transaction for all.  A row whose new id is taken already (the reader bookmarked the renamed
        entry too) keeps its old id: it stays, greyed like any bookmark of a missing entry, never lost.
        """
        moved = 0
        if not renamed:
            return moved
        with self._write() as conn:
            for old, new in renamed.items():
                if old == new:
                    continue
                _check_entry_id(new)
                for table in ("bookmarks", "history"):
                    moved += conn.execute(
                        f"UPDATE OR IGNORE {table} SET entry_id = ? WHERE entry_id = ?", (new, old)
                    ).rowcount
        return moved

    # ---------------------------------------------------------------- history

    @_guarded(StoreAction.SAVE)
    def record_visit(self, entry_id: str, anchor: str = "", *, title: str) -> HistoryItem:
        """Note that an entry was read now.  One row per entry per day: reading it again the same day
        moves that row's time and anchor, so the day's list shows each entry once."""
        _check_entry_id(entry_id)
        title = clean_text(title)
        _check_text("anchor", anchor)
        _check_text("title", title)
        now = self._clock()
        day = now.astimezone(self._tz).date().isoformat()
        with self._write() as conn:
            conn.execute(
                """
                INSERT INTO history (entry_id, anchor, title, day, visited_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (day, entry_id) DO UPDATE SET
                    anchor = excluded.anchor, title = excluded.title, visited_at = excluded.visited_at
                """,
                (entry_id, anchor, title, day, to_ms(now)),
            )
        return HistoryItem(entry_id, anchor, title, dt.date.fromisoformat(day), from_ms(to_ms(now)))

    def _history_newest_first(self) -> Iterator[HistoryItem]:
        cur = self._conn.execute(
            "SELECT entry_id, anchor, title, day, visited_at FROM history ORDER BY visited_at DESC, id DESC"
        )
        return (_history(r) for r in cur)

    @_guarded(StoreAction.READ)
    def recent_history(self, limit: int = 10) -> list[HistoryItem]:
        """The last ``limit`` different entries read, newest first (the home page's "recently read")."""
        seen: set[str] = set()
        items: list[HistoryItem] = []
        for item in self._history_newest_first():
            if len(items) >= limit:
                break
            if item.entry_id not in seen:
                seen.add(item.entry_id)
                items.append(item)
        return items

    @_guarded(StoreAction.READ)
    def history_by_day(self, limit: int = 1000) -> list[HistoryDay]:
        """The newest ``limit`` history rows grouped by day, newest day first."""
        days: list[HistoryDay] = []
        current: list[HistoryItem] = []
        for n, item in enumerate(self._history_newest_first()):
            if n >= limit:
                break
            if current and current[0].day != item.day:
                days.append(HistoryDay(current[0].day, tuple(current)))
                current = []
            current.append(item)
        if current:
            days.append(HistoryDay(current[0].day, tuple(current)))
        return days

    @_guarded(StoreAction.READ)
    def count_history(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM history").fetchone()[0])

    @_guarded(StoreAction.SAVE)
    def clear_history(self) -> int:
        """Forget everything read; returns how many rows went.  Bookmarks are not touched."""
        with self._write() as conn:
            return int(conn.execute("DELETE FROM history").rowcount)

    # ---------------------------------------------------------------- export and import

    @_guarded(StoreAction.READ)
    def export_data(self) -> dict[str, Any]:
        """Every bookmark, note and folder, in the versioned export format (see ``exchange``)."""
        return exchange.to_document(self.list_folders(), self.list_bookmarks(BookmarkOrder.NEWEST)[::-1], self._clock())

    def export_json(self, path: Path | str) -> int:
        """Write the export to ``path`` (replaced whole, never left half-written); returns the count."""
        path = Path(path)
        doc = self.export_data()
        write_document(path, (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        return len(doc["bookmarks"])

    def import_json(self, path: Path | str) -> ImportResult:
        """Merge an export file in: all of it in one transaction, or, if the file is invalid, nothing
        (``ImportFileError``)."""
        try:
            doc = loads_json(
                decode_text(read_bounded(Path(path), exchange.MAX_FILE_BYTES)), max_depth=exchange.MAX_DEPTH
            )
        except FileNotFoundError as exc:
            raise ImportFileError(ImportProblem.UNREADABLE, f"cannot read {path}: there is no such file") from exc
        except BoundedFileError as exc:
            problem = {
                Reason.UNREADABLE: ImportProblem.UNREADABLE,
                Reason.NOT_TEXT: ImportProblem.UNREADABLE,
                Reason.SYNTAX: ImportProblem.NOT_JSON,
                Reason.TOO_LARGE: ImportProblem.TOO_LARGE,
            }.get(exc.reason, ImportProblem.INVALID)
            raise ImportFileError(problem, f"{Path(path).name} {exc}") from exc
        return self.import_data(doc)

    @_guarded(StoreAction.SAVE)
    def import_data(self, doc: Any) -> ImportResult:
        folders, bookmarks = exchange.from_document(doc)
        added = updated = unchanged = 0
        with self._write() as conn:
            before = conn.execute("SELECT count(*) FROM folders").fetchone()[0]
            for folder_name in folders:
                self._folder_id(folder_name)
            for b in bookmarks:
                row = conn.execute(
                    "SELECT updated_at, created_at FROM bookmarks WHERE entry_id = ? AND anchor = ?",
                    (b.entry_id, b.anchor),
                ).fetchone()
                if row is None:
                    added += 1
                    created = to_ms(b.created_at)
                elif to_ms(b.updated_at) > row[0]:
                    updated += 1
                    created = min(row[1], to_ms(b.created_at))
                else:
                    unchanged += 1
                    continue
                self._put(b, created)
            after = conn.execute("SELECT count(*) FROM folders").fetchone()[0]
        return ImportResult(added, updated, unchanged, after - before)
