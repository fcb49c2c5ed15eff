"""The store's typed errors; the UI and the command line turn them into words for the reader."""

from __future__ import annotations

import enum
from pathlib import Path


class StoreError(Exception):
    """Base of every error raised by ``healthreader.store``."""


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


class ImportProblem(enum.StrEnum):
    """Why an import file was refused; the UI picks its sentence by this."""

    UNREADABLE = "unreadable"  # cannot be opened or is not UTF-8
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
