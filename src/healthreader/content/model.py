"""Entries, library descriptions and the Library that looks them up."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Iterator, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path


class ContentError(Exception):
    """Base of the content package's errors."""


class EntryNotFound(ContentError, KeyError):
    def __init__(self, entry_id: str) -> None:
        super().__init__(entry_id)
        self.entry_id = entry_id

    def __str__(self) -> str:
        return f"no entry with id {self.entry_id!r}"


class EntryType(enum.StrEnum):
    ARTICLE = "article"
    QA = "qa"


class Tier(enum.StrEnum):
    """How soon a warning sign needs help, most urgent first (the keys of ``red_flags``)."""

    EMERGENCY = "emergency"  # 立即拨打120
    SAME_DAY = "same_day"  # 当天就医
    SOON = "soon"  # 尽快就诊（几天内）


@dataclass(frozen=True)
class RedFlags:
    """An entry's warning signs in tiers.  Iterating gives every sign, most urgent tier first."""

    emergency: tuple[str, ...] = ()
    same_day: tuple[str, ...] = ()
    soon: tuple[str, ...] = ()

    def tiers(self) -> list[tuple[Tier, tuple[str, ...]]]:
        """The tiers that have signs, most urgent first."""
        return [(t, getattr(self, t.value)) for t in Tier if getattr(self, t.value)]

    def __iter__(self) -> Iterator[str]:
        return iter((*self.emergency, *self.same_day, *self.soon))

    def __len__(self) -> int:
        return len(self.emergency) + len(self.same_day) + len(self.soon)

    def __bool__(self) -> bool:
        return len(self) > 0


class ContentReadError(ContentError, OSError):
    """A content file that may not be read: too large, not a regular file, or outside its library."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a content file, as ``path:line: message``.

    A ``warning`` (a review date that has passed) is reported but does not fail ``content check``.
    """

    path: Path
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {'warning: ' if self.warning else ''}{self.message}"


@dataclass(frozen=True)
class Category:
    name: str
    description: str = ""


@dataclass(frozen=True)
class LibraryInfo:
    """What ``library.yaml`` says about one library folder."""

    id: str
    title: str
    language: str
    version: str
    publisher: str
    description: str
    disclaimer: str
    categories: tuple[Category, ...]
    path: Path
    featured: tuple[str, ...] = ()  # entry ids the home page offers first ("start here")


@dataclass(slots=True)
class Entry:
    """An article or a Q&A entry: its front matter and where its body is.

    Treat as read-only.  Not frozen: a frozen dataclass's __init__ is several times slower, and a
    large library builds ten thousand of these at every start.
    """

    id: str
    type: EntryType
    title: str
    summary: str
    category: str
    file: str | Path  # the entry's file; ``path`` gives it as a Path
    body_line: int  # 1-based line of the file where the Markdown body starts
    library_id: str
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    red_flags: RedFlags = RedFlags()
    reviewed: dt.date | None = None
    reviewer: str = ""  # who reviewed it: a name and role, or the editorial board
    next_review: dt.date | None = None  # when it must be reviewed again
    moved_from: tuple[str, ...] = ()  # ids this entry had before a rename: bookmarks follow it

    def review_due(self, today: dt.date) -> bool:
        """True when the date for the next review has passed: the content may be out of date."""
        return self.next_review is not None and self.next_review < today

    @property
    def path(self) -> Path:
        # Built on demand: making ten thousand Path objects at start costs a tenth of a second.
        return self.file if isinstance(self.file, Path) else Path(self.file)

    def __hash__(self) -> int:
        return hash((self.id, self.library_id))

    def read_body(self) -> str:
        """The Markdown body, read from disk now (bodies are not kept in memory).

        Raises ``ContentReadError`` (an ``OSError``) when the file has become too large or is no
        longer a regular file; ``UnicodeDecodeError`` when it is no longer UTF-8.
        """
        from healthreader.content.safeio import read_entry_text  # the model stays free of file policy

        text = read_entry_text(self.path)
        lines = text.splitlines(keepends=True)
        return "".join(lines[self.body_line - 1 :])


@dataclass
class Library:
    """All loaded library folders merged: entries by id, in load order, and what was wrong."""

    infos: list[LibraryInfo] = field(default_factory=list)
    # A dict, or the snapshot's lazy mapping (content/snapshot.py): read on demand, never copied whole.
    entries: MutableMapping[str, Entry] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries.values())

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self.entries

    def get(self, entry_id: str) -> Entry:
        try:
            return self.entries[entry_id]
        except KeyError:
            raise EntryNotFound(entry_id) from None

    def find(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    @property
    def primary(self) -> LibraryInfo | None:
        return self.infos[0] if self.infos else None

    @property
    def title(self) -> str:
        return self.primary.title if self.primary else ""

    @property
    def language(self) -> str:
        return self.primary.language if self.primary else ""

    def info_for(self, entry: Entry) -> LibraryInfo | None:
        for info in self.infos:
            if info.id == entry.library_id:
                return info
        return self.primary

    def disclaimer_for(self, entry: Entry | None = None) -> str:
        info = self.info_for(entry) if entry else self.primary
        if info and info.disclaimer:
            return info.disclaimer
        return self.primary.disclaimer if self.primary else ""

    def featured(self) -> list[Entry]:
        """The entries the libraries put first on the home page, in order, those that exist."""
        ids = [i for info in self.infos for i in info.featured]
        return [self.entries[i] for i in dict.fromkeys(ids) if i in self.entries]

    def related(self, entry: Entry) -> list[Entry]:
        """The entry's related entries that exist, in the order the entry lists them."""
        return [self.entries[r] for r in entry.related if r in self.entries]

    def categories(self) -> list[Category]:
        """Declared categories in library order, then any used but undeclared."""
        seen: dict[str, Category] = {}
        for info in self.infos:
            for cat in info.categories:
                seen.setdefault(cat.name, cat)
        for entry in self.entries.values():
            seen.setdefault(entry.category, Category(entry.category))
        return list(seen.values())

    def by_category(self) -> list[tuple[Category, list[Entry]]]:
        """Categories with their entries: articles first, then questions, each by title."""
        groups: dict[str, list[Entry]] = {}
        for entry in self.entries.values():
            groups.setdefault(entry.category, []).append(entry)
        out = []
        for cat in self.categories():
            members = groups.get(cat.name, [])
            if members:
                members.sort(key=lambda e: (e.type != EntryType.ARTICLE, e.title))
                out.append((cat, members))
        return out

    def add_problems(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    def renamed_ids(self) -> dict[str, str]:
        """Old id -> current id, for every ``moved_from`` id that no entry of the library still uses."""
        return {old: entry.id for entry in self.entries.values() for old in entry.moved_from if old not in self.entries}
