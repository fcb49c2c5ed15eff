"""The reader's own data: bookmarks (with notes and folders) and reading history, in SQLite.

Plain Python, no Qt.  Keyed by entry id plus section anchor, so bookmarks outlive library updates;
WAL, one transaction per change, a schema version with migrations, an unusable file (or a stray log
beside it) moved aside before SQLite touches it, every SQLite error raised as a ``StoreAccessError`` a
reader understands, and a read-only store still readable.  Open with ``UserStore.open(DataPaths.at(...).store_file)``.
"""

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
    StoreTooNewError,
)
from healthreader.store.model import (
    NO_FOLDER,
    Bookmark,
    BookmarkOrder,
    Folder,
    HistoryDay,
    HistoryItem,
    ImportResult,
    Recovery,
    RecoveryReason,
    ToggleResult,
)
from healthreader.store.userstore import UserStore

__all__ = [
    "NO_FOLDER",
    "Bookmark",
    "BookmarkNotFoundError",
    "BookmarkOrder",
    "Folder",
    "HistoryDay",
    "HistoryItem",
    "ImportFileError",
    "ImportProblem",
    "ImportResult",
    "InvalidNameError",
    "InvalidValueError",
    "Recovery",
    "RecoveryReason",
    "StoreAccessError",
    "StoreAction",
    "StoreError",
    "StoreProblem",
    "StoreTooNewError",
    "ToggleResult",
    "UserStore",
]
