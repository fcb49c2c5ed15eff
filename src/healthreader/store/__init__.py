"""The reader's own data: bookmarks (with notes and folders) and reading history, in SQLite.

Plain Python, no Qt.  Keyed by entry id plus section anchor, so bookmarks outlive library updates;
WAL, one transaction per change, a schema version with migrations, and an unusable file moved aside
rather than overwritten.  Open with ``UserStore.open(DataPaths.at(...).store_file)``.
"""

from healthreader.store.errors import (
    BookmarkNotFoundError,
    ImportFileError,
    ImportProblem,
    InvalidNameError,
    StoreError,
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
    "Recovery",
    "RecoveryReason",
    "StoreError",
    "StoreTooNewError",
    "ToggleResult",
    "UserStore",
]
