"""The store's typed errors; the UI and the command line turn them into words for the reader."""

from __future__ import annotations

import enum
from pathlib import Path


class StoreProblem(enum.StrEnum):
    """Why the store could not do what was asked, in the terms a reader can act on."""

    DISK_FULL = "disk-full"
    READ_ONLY = "read-only"  # the file or its folder cannot be written
    BUSY = "busy"  # another window or program held the file longer than the busy timeout
    DAMAGED = "damaged"
    OTHER = "other"


class StoreAction(enum.StrEnum):
    OPEN = "open"
    READ = "read"
    SAVE = "save"


class StoreError(Exception):
    """Base of every error raised by ``healthreader.store``."""


_WHAT_FAILED = {
    StoreAction.OPEN: "The bookmarks and history could not be opened",
    StoreAction.READ: "The bookmarks and history could not be read",
    StoreAction.SAVE: "The change could not be saved",
}
_WHY = {
    StoreProblem.DISK_FULL: "the disk is full. Free some space and try again; everything saved before is safe.",
    StoreProblem.READ_ONLY: "the bookmarks file or its folder is read-only. What was saved before can still be read.",
    StoreProblem.BUSY: "another HealthReader window is busy with the same file. Try again in a moment.",
    StoreProblem.DAMAGED: "the bookmarks file is damaged. Restart HealthReader to have it set aside and checked.",
    StoreProblem.OTHER: "the computer reported an error ({detail}).",
}


class StoreAccessError(StoreError):
    """SQLite or the file system refused: ``str()`` is a sentence for the reader (the command line prints
    it; the UI words its own from ``problem`` and ``action``), ``detail`` the error for the log."""

    def __init__(self, problem: StoreProblem, action: StoreAction, path: Path, detail: str) -> None:
        self.problem = problem
        self.action = action
        self.path = path
        self.detail = detail
        super().__init__(f"{_WHAT_FAILED[action]}: {_WHY[problem].format(detail=detail)}")


class StoreTooNewError(StoreError):
    """The store file was written by a newer HealthReader (a schema version this one does not know).

    It is neither moved aside nor touched: it holds the reader's bookmarks, and a newer program can
    still read it.
    """

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            f"{path} was written by a newer HealthReader (store version {found}; this version reads up to {supported})"
        )
        self.path = path
        self.found = found
        self.supported = supported


class BookmarkNotFoundError(StoreError, KeyError):
    """No bookmark with this entry id and anchor."""

    def __init__(self, entry_id: str, anchor: str) -> None:
        super().__init__(entry_id, anchor)
        self.entry_id = entry_id
        self.anchor = anchor

    def __str__(self) -> str:
        key = f"{self.entry_id}#{self.anchor}" if self.anchor else self.entry_id
        return f"no bookmark for {key}"


class InvalidNameError(StoreError, ValueError):
    """A folder name that cannot be used (empty, or only spaces)."""


class InvalidValueError(StoreError, ValueError):
    """Text the store refuses: an id with control characters, a lone surrogate, far too long."""


class ImportProblem(enum.StrEnum):
    """Why an import file was refused; the UI picks its sentence by this."""

    UNREADABLE = "unreadable"  # cannot be opened or is not UTF-8
    TOO_LARGE = "too-large"  # far larger than any real export: refused before it is read
    NOT_JSON = "not-json"
    NOT_BOOKMARKS = "not-bookmarks"  # JSON, but not a HealthReader bookmarks export
    TOO_NEW = "too-new"  # a format version this program does not know
    INVALID = "invalid"  # the right kind of file with a broken record


class ImportFileError(StoreError):
    """An import file that was refused as a whole; nothing of it was imported."""

    def __init__(self, problem: ImportProblem, detail: str) -> None:
        super().__init__(detail)
        self.problem = problem
        self.detail = detail
