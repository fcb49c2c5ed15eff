"""The library as data: entries, their metadata, and the problems found while loading them.

Plain Python, no Qt.  ``load_library`` reads each library folder's ``library.yaml`` and the front matter
of every entry (bodies are read only when an entry is opened), and reports every problem as a
``Problem`` naming the file and line, instead of raising: one broken entry never stops a library.
"""

from healthreader.content.loader import load_library
from healthreader.content.model import (
    Category,
    ContentError,
    Entry,
    EntryType,
    Library,
    LibraryInfo,
    Problem,
)

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
