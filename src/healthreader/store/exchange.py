"""The bookmarks export format: building it, and reading it back with every field checked first.

Version 1, UTF-8 JSON::

    {
      "format": "healthreader-bookmarks",
      "version": 1,
      "exported_at": "2026-11-27T17:47:35.120+00:00",
      "folders": [{"name": "康复", "created_at": "..."}],
      "bookmarks": [
        {"entry_id": "stroke-rehabilitation", "anchor": "", "title": "脑卒中后的康复",
         "section_title": "", "note": "问医生", "folder": "康复",
         "created_at": "2026-11-27T17:40:00.000+00:00", "updated_at": "..."}
      ]
    }

``anchor`` is ``""`` for a whole entry; ``folder`` is ``""`` for none.  Reading is strict about shape
(a wrong type anywhere refuses the whole file) and lenient about omissions (optional fields default).
Every value is range-checked before anything is written: times from 1970 to 2199, text that is valid
Unicode (no lone surrogate) and within its field's length, at most 10,000 bookmarks; the file itself is
bounded in size and nesting before it is parsed (``import_json``), so nothing in it can overflow,
recurse or stall the store, and a refused file imports nothing.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from typing import Any

from healthreader.config.bounded import has_surrogates
from healthreader.store.errors import ImportFileError, ImportProblem
from healthreader.store.model import Bookmark, Folder

FORMAT = "healthreader-bookmarks"
VERSION = 1

#: 10,000 bookmarks with long notes are about 20 MB; a reader's real export is a few hundred KB.
MAX_FILE_BYTES = 24 * 1024 * 1024
#: document > list > record > value: three levels; one more leaves room for a later version's object.
MAX_DEPTH = 4
#: More than any reader keeps; an import this size takes a few seconds (the pinyin sort keys).
MAX_BOOKMARKS = 10_000
MAX_FOLDERS = 1_000
#: Characters per field.  Titles come from the library (whose own limits are lower); a note is a page.
LIMITS = {
    "entry_id": 200,
    "anchor": 200,
    "title": 1_000,
    "section_title": 1_000,
    "note": 20_000,
    "folder": 200,
    "name": 200,
}
#: The range of times a store holds.  Before 1970 no clock that wrote a bookmark was set right; after
#: 2199 neither; both ends are far inside what ``datetime`` can represent in any time zone.
EARLIEST = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
LATEST = dt.datetime(2199, 12, 31, tzinfo=dt.UTC)


def _iso(t: dt.datetime) -> str:
    return t.astimezone(dt.UTC).isoformat(timespec="milliseconds")


def to_document(folders: Sequence[Folder], bookmarks: Sequence[Bookmark], now: dt.datetime) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _iso(now),
        "folders": [{"name": f.name, "created_at": _iso(f.created_at)} for f in folders],
        "bookmarks": [
            {
                "entry_id": b.entry_id,
                "anchor": b.anchor,
                "title": b.title,
                "section_title": b.section_title,
                "note": b.note,
                "folder": b.folder,
                "created_at": _iso(b.created_at),
                "updated_at": _iso(b.updated_at),
            }
            for b in bookmarks
        ],
    }


def has_control_characters(text: str) -> bool:
    return any(unicodedata.category(c) == "Cc" for c in text)


#: Characters that change how the text around them is shown (bidirectional overrides and isolates):
#: U+202E makes "txt.exe" read "exe.txt".  Never in a title or a note a reader wrote.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_LINE_BREAKS = frozenset("\t\n\r")


def clean_text(text: str) -> str:
    """``text`` without control characters (tabs and line breaks stay) or bidirectional overrides: what
    the store keeps of a note a reader typed or pasted."""
    if text.isprintable():
        return text
    return "".join(c for c in text if c in _LINE_BREAKS or not (unicodedata.category(c) == "Cc" or c in _BIDI_CONTROLS))


def text_problem(field: str, value: str) -> str:
    """Why ``value`` cannot be stored as ``field`` ("" when it can): the store and import share it."""
    if has_surrogates(value):
        return "is not valid Unicode text (it has a lone surrogate)"
    limit = LIMITS.get(field)
    if limit is not None and len(value) > limit:
        return f"is longer than {limit:,} characters"
    return ""


def _invalid(where: str, what: str) -> ImportFileError:
    return ImportFileError(ImportProblem.INVALID, f"{where}: {what}")


def _text(record: dict[str, Any], field: str, where: str, *, required: bool = False) -> str:
    value = record.get(field)
    if value is None:
        if required:
            raise _invalid(where, f"'{field}' is missing")
        return ""
    if not isinstance(value, str):
        raise _invalid(where, f"'{field}' must be text, not {type(value).__name__}")
    if required and not value.strip():
        raise _invalid(where, f"'{field}' is empty")
    problem = text_problem(field, value)
    if problem:
        raise _invalid(where, f"'{field}' {problem}")
    # Shown text loses its control characters and direction overrides; ids and anchors are keys and are
    # checked as they are.
    return clean_text(value) if field in _SHOWN_TEXT else value


_SHOWN_TEXT = frozenset({"title", "section_title", "note"})


def _time(record: dict[str, Any], field: str, where: str, default: dt.datetime) -> dt.datetime:
    value = record.get(field)
    if value is None:
        return default
    if not isinstance(value, str):
        raise _invalid(where, f"'{field}' must be a date and time as text")
    shown = value if len(value) <= 40 else value[:40] + "…"
    try:
        t = dt.datetime.fromisoformat(value)
        # A time without a zone is taken as UTC, the zone exports are written in.
        t = t if t.tzinfo else t.replace(tzinfo=dt.UTC)
        in_range = EARLIEST <= t <= LATEST  # compared in UTC: "0001-01-01T00:00+14:00" is year 0 there
    except (ValueError, OverflowError):
        raise _invalid(where, f"'{field}' is not a date and time: {shown!r}") from None
    if not in_range:
        raise _invalid(where, f"'{field}' is {shown!r}, not between {EARLIEST.year} and {LATEST.year}")
    return t


def from_document(doc: Any) -> tuple[list[str], list[Bookmark]]:
    """Folder names and bookmarks of an export document; ``ImportFileError`` if anything is wrong.

    When the same bookmark appears twice, the copy updated last is kept.
    """
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ImportFileError(ImportProblem.NOT_BOOKMARKS, "this is not a HealthReader bookmarks file")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _invalid("the file", "'version' must be a whole number from 1")
    if version > VERSION:
        raise ImportFileError(
            ImportProblem.TOO_NEW, f"the file is format version {version}; this HealthReader reads up to {VERSION}"
        )
    raw_folders = doc.get("folders", [])
    raw_bookmarks = doc.get("bookmarks")
    if not isinstance(raw_folders, list):
        raise _invalid("the file", "'folders' must be a list")
    if not isinstance(raw_bookmarks, list):
        raise _invalid("the file", "'bookmarks' must be a list")
    if len(raw_bookmarks) > MAX_BOOKMARKS or len(raw_folders) > MAX_FOLDERS:
        raise _invalid("the file", f"it holds more than {MAX_BOOKMARKS:,} bookmarks or {MAX_FOLDERS:,} folders")
    now = min(max(dt.datetime.now(dt.UTC), EARLIEST), LATEST)  # a PC whose clock is far off still imports

    folders: list[str] = []
    for i, f in enumerate(raw_folders, 1):
        where = f"folder {i}"
        if not isinstance(f, dict):
            raise _invalid(where, "must be an object")
        name = " ".join(_text(f, "name", where, required=True).split())
        if has_control_characters(name):
            raise _invalid(where, "the name contains control characters")
        folders.append(name)

    by_key: dict[tuple[str, str], Bookmark] = {}
    for i, r in enumerate(raw_bookmarks, 1):
        where = f"bookmark {i}"
        if not isinstance(r, dict):
            raise _invalid(where, "must be an object")
        created = _time(r, "created_at", where, now)
        b = Bookmark(
            entry_id=_text(r, "entry_id", where, required=True),
            anchor=_text(r, "anchor", where),
            title=_text(r, "title", where),  # may be empty: the store accepts it, so import must too
            section_title=_text(r, "section_title", where),
            note=_text(r, "note", where),
            folder=" ".join(_text(r, "folder", where).split()),
            created_at=created,
            updated_at=_time(r, "updated_at", where, created),
        )
        if has_control_characters(b.entry_id) or has_control_characters(b.folder):
            raise _invalid(where, "the entry id or folder contains control characters")
        old = by_key.get(b.key)
        if old is None or b.updated_at > old.updated_at:
            by_key[b.key] = b
    return folders, list(by_key.values())
