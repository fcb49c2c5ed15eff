"""The store's values: bookmarks, folders, history rows and the results of changes, as frozen data."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from pathlib import Path

#: ``folder`` value of a bookmark that is in no folder, and the ``folder`` filter that selects them.
NO_FOLDER = ""


class BookmarkOrder(enum.StrEnum):
    NEWEST = "newest"
    TITLE = "title"  # pinyin order for Chinese titles, case-insensitive for Latin ones


@dataclass(frozen=True)
class Bookmark:
    """A bookmark on an entry (``anchor == ""``) or on one section of it.

    ``title`` and ``section_title`` are remembered when the bookmark is made, so a bookmark whose entry
    has left the library can still be shown by name.  Times are aware UTC datetimes.
    """

    entry_id: str
    anchor: str
    title: str
    section_title: str
    note: str
    folder: str  # NO_FOLDER ("") when in no folder
    created_at: dt.datetime
    updated_at: dt.datetime
    #: The fields of a damaged row that could not be read as they should (shown as well as they can be,
    #: and flagged); empty for every sound bookmark.
    damaged: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        return (self.entry_id, self.anchor)

    @property
    def ref(self) -> str:
        """``entry-id`` or ``entry-id#anchor``, the form the command line and links use."""
        return f"{self.entry_id}#{self.anchor}" if self.anchor else self.entry_id


@dataclass(frozen=True)
class Folder:
    name: str
    count: int  # bookmarks in it
    created_at: dt.datetime


@dataclass(frozen=True)
class HistoryItem:
    """One entry read on one day (reading it again that day moves the time and the anchor)."""

    entry_id: str
    anchor: str
    title: str
    day: dt.date  # the reader's local calendar day of the visit
    visited_at: dt.datetime
    damaged: tuple[str, ...] = ()  # as for Bookmark


@dataclass(frozen=True)
class HistoryDay:
    day: dt.date
    items: tuple[HistoryItem, ...]  # newest first


@dataclass(frozen=True)
class ToggleResult:
    """What a toggle did: exactly one of the two is set.  ``removed`` is what an undo restores."""

    added: Bookmark | None = None
    removed: Bookmark | None = None


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int  # already here; the imported copy was newer, so its note and folder won
    unchanged: int  # already here and at least as new: kept as it was
    folders_added: int


class RecoveryReason(enum.StrEnum):
    NOT_SQLITE = "not-sqlite"  # some other kind of file
    FOREIGN = "foreign"  # an SQLite database, but not a HealthReader store
    CORRUPT = "corrupt"  # a HealthReader store SQLite cannot read any more
    STRAY = "stray"  # the store is fine; a -wal/-shm/-journal beside it was not its own


@dataclass(frozen=True)
class Recovery:
    """What was found unusable at the store's path and moved aside, untouched.

    For ``STRAY`` only companions were moved (``moved_to`` and ``others``) and the store opened as it
    was; otherwise the store file itself (with its companions) was moved and a fresh store started.
    """

    reason: RecoveryReason
    moved_to: Path
    detail: str
    others: tuple[Path, ...] = ()

    @property
    def kept(self) -> tuple[Path, ...]:
        return (self.moved_to, *self.others)

    @property
    def message(self) -> str:
        """Plain English for the command line; the UI writes its own, translated, from ``reason``."""
        if self.reason is RecoveryReason.STRAY:
            return (
                "A leftover file beside the bookmarks and history did not belong to them and was kept as "
                + ", ".join(map(str, self.kept))
                + ". Your bookmarks and history are as they were."
            )
        what = {
            RecoveryReason.NOT_SQLITE: "was not a bookmarks file",
            RecoveryReason.FOREIGN: "belonged to another program",
            RecoveryReason.CORRUPT: "was damaged and could not be read",
        }[self.reason]
        return (
            f"The bookmarks and history file {what}. It was kept as {self.moved_to} and a new, empty one was started."
        )
