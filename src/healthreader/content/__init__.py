"""The library as data: entries, their metadata, and the problems found while loading them.

Plain Python, no Qt.  ``load_library`` reads each library folder's ``library.yaml`` and the front matter
of every entry (bodies are read only when an entry is opened), and reports every problem as a
``Problem`` naming the file and line, instead of raising: one broken entry never stops a library.
"""

from typing import TYPE_CHECKING, Any

from healthreader.content.model import (
    Category,
    ContentError,
    Entry,
    EntryType,
    Library,
    LibraryInfo,
    Problem,
)

if TYPE_CHECKING:
    from healthreader.content.loader import load_library


def __getattr__(name: str) -> Any:
    # The loader (and YAML with it) only when a library is read from its files: a start from the
    # content snapshot (content/snapshot.py) does not need it before the first paint.
    if name == "load_library":
        from healthreader.content.loader import load_library

        return load_library
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Category",
    "ContentError",
    "Entry",
    "EntryType",
    "Library",
    "LibraryInfo",
    "Problem",
    "load_library",
]
