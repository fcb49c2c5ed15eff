"""Load library folders: ``library.yaml`` plus the front matter of every entry.

Bodies are not parsed at load time; an entry's body is read when it is opened.  A JSON catalogue
cache (keyed by each file's size and modification time) lets a large library start without
re-reading every front matter.  Later folders may add entries but never silently replace one: a
duplicate id is a problem, and the first definition wins.
"""

from __future__ import annotations

import datetime as dt
import logging
import marshal
import os
import sys
from pathlib import Path
from typing import Any

from healthreader.content.frontmatter import FrontMatterError, entry_from_text, parse_yaml
from healthreader.content.model import Category, Entry, EntryType, Library, LibraryInfo, Problem

log = logging.getLogger(__name__)

LIBRARY_FILE = "library.yaml"
ENTRY_DIRS = ("articles", "qa")
CACHE_VERSION = 3  # 3: moved_from
_CACHE_HEADER = f"healthreader-catalogue-{CACHE_VERSION}-py{sys.version_info[0]}.{sys.version_info[1]}"


def load_library_info(folder: Path) -> tuple[LibraryInfo, list[Problem]]:
    path = folder / LIBRARY_FILE
    problems: list[Problem] = []
    data: dict[str, Any] = {}
    if not path.is_file():
        problems.append(Problem(path, 1, "missing library.yaml (the library's title, disclaimer and categories)"))
    else:
        try:
            raw = parse_yaml(path.read_text(encoding="utf-8-sig"), 1)
        except FrontMatterError as exc:
            problems.append(Problem(path, exc.line, exc.message))
            raw = {}
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(path, 1, f"cannot read: {exc}"))
            raw = {}
        if isinstance(raw, dict):
            data = raw
        else:
            problems.append(Problem(path, 1, "library.yaml must be a mapping of fields"))
    for key in ("id", "title", "disclaimer"):
        if path.is_file() and not str(data.get(key) or "").strip() and data is not None:
            problems.append(Problem(path, 1, f"library.yaml: missing field '{key}'"))
    cats: list[Category] = []
    for item in data.get("categories") or []:
        if isinstance(item, dict) and item.get("name"):
            cats.append(Category(str(item["name"]).strip(), str(item.get("description") or "").strip()))
        elif isinstance(item, str) and item.strip():
            cats.append(Category(item.strip()))
        else:
            problems.append(Problem(path, 1, f"library.yaml: a category must have a name: {item!r}"))
    info = LibraryInfo(
        id=str(data.get("id") or folder.name),
        title=str(data.get("title") or folder.name).strip(),
        language=str(data.get("language") or "zh-Hans"),
        version=str(data.get("version") or ""),
        publisher=str(data.get("publisher") or "").strip(),
        description=str(data.get("description") or "").strip(),
        disclaimer=str(data.get("disclaimer") or "").strip(),
        categories=tuple(cats),
        path=folder,
        featured=tuple(str(x).strip() for x in (data.get("featured") or []) if str(x).strip()),
    )
    return info, problems


def entry_files(folder: Path) -> list[tuple[str, os.stat_result | None]]:
    """Every ``*.md`` under the entry folders, sorted, with its stat when the walk got it cheaply."""
    found: list[tuple[str, os.stat_result | None]] = []

    def walk(d: str) -> None:
        try:
            with os.scandir(d) as it:
                for de in it:
                    if de.is_dir(follow_symlinks=True):
                        walk(de.path)
                    elif de.name.endswith(".md") and de.is_file(follow_symlinks=True):
                        try:
                            found.append((de.path, de.stat()))
                        except OSError:
                            found.append((de.path, None))
        except OSError as exc:
            log.warning("cannot list %s: %s", d, exc)

    for sub in ENTRY_DIRS:
        d = folder / sub
        if d.is_dir():
            walk(str(d))
    found.sort(key=lambda f: f[0])  # plain strings: sorting Path objects costs 10x more
    return found


# --- catalogue cache -------------------------------------------------------------------------


def _entry_to_json(e: Entry) -> list[Any]:
    # A list in a fixed order, not a mapping: the cache of a large library loads a third faster.
    return [
        e.id, e.type.value, e.title, e.summary, e.category, e.body_line, e.tags, e.aliases, e.related,
        e.sources, e.red_flags, e.reviewed.isoformat() if e.reviewed else None, e.moved_from,
    ]  # fmt: skip


_TYPES = {t.value: t for t in EntryType}


def _entry_from_json(d: list[Any], path: str, library_id: str) -> Entry:
    return Entry(
        d[0], _TYPES[d[1]], d[2], d[3], d[4], path, d[5], library_id,
        tuple(d[6]), tuple(d[7]), tuple(d[8]), tuple(d[9]), tuple(d[10]),
        dt.date.fromisoformat(d[11]) if d[11] else None, tuple(d[12]),
    )  # fmt: skip


class _Catalogue:
    """Front matter already parsed, by file, valid while the file's size and mtime are unchanged.

    Stored with ``marshal`` (three times faster to load than JSON for a large library); the header
    names the Python version, since marshal's format may change between versions.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.old: dict[str, Any] = {}
        self.new: dict[str, Any] = {}
        self.dirty = False
        if path and path.is_file():
            try:
                data = marshal.loads(path.read_bytes())
                if data.get("version") == _CACHE_HEADER:
                    self.old = data["files"]
            except (OSError, ValueError, EOFError, TypeError, KeyError, AttributeError):
                log.info("catalogue cache %s unreadable; rebuilding it", path)

    def lookup(self, file: str, st: os.stat_result) -> list[Any] | None:
        rec = self.old.get(file)
        if rec is not None and rec[0] == st.st_mtime_ns and rec[1] == st.st_size:
            self.new[file] = rec
            return list(rec)
        return None

    def store(self, file: str, st: os.stat_result, entry: Entry | None, problems: list[Problem]) -> None:
        self.dirty = True
        self.new[file] = (
            st.st_mtime_ns,
            st.st_size,
            _entry_to_json(entry) if entry else None,
            [(p.line, p.message) for p in problems],
        )

    def save(self) -> None:
        if not self.path or (not self.dirty and len(self.new) == len(self.old)):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_bytes(marshal.dumps({"version": _CACHE_HEADER, "files": self.new}))
            os.replace(tmp, self.path)
        except (OSError, ValueError) as exc:
            log.warning("cannot write catalogue cache %s: %s", self.path, exc)


def _load_entry(
    file: str, st: os.stat_result | None, library_id: str, cache: _Catalogue
) -> tuple[Entry | None, list[Problem]]:
    if st is None:
        try:
            st = os.stat(file)
        except OSError as exc:
            return None, [Problem(Path(file), 1, f"cannot read: {exc}")]
    rec = cache.lookup(file, st)
    if rec is not None:
        problems = [Problem(Path(file), line, msg) for line, msg in rec[3]]
        entry = _entry_from_json(rec[2], file, library_id) if rec[2] else None
        return entry, problems
    path = Path(file)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        entry, problems = None, [Problem(path, 1, "not UTF-8 text")]
    except OSError as exc:
        return None, [Problem(path, 1, f"cannot read: {exc}")]
    else:
        entry, problems, _ = entry_from_text(text, path, library_id)
    cache.store(file, st, entry, problems)
    return entry, problems


def load_library(folders: list[Path] | tuple[Path, ...], cache_file: Path | None = None) -> Library:
    """Load and merge library folders, in order; never raises for bad content."""
    library = Library()
    cache = _Catalogue(cache_file)
    first_seen: dict[str, Entry] = {}
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            library.problems.append(Problem(folder, 1, "library folder not found"))
            continue
        info, problems = load_library_info(folder)
        library.infos.append(info)
        library.problems.extend(problems)
        for file, st in entry_files(folder):
            entry, problems = _load_entry(file, st, info.id, cache)
            library.problems.extend(problems)
            if entry is None:
                continue
            if entry.id in first_seen:
                other = first_seen[entry.id]
                library.problems.append(
                    Problem(
                        Path(file),
                        2,
                        f"duplicate id '{entry.id}', already defined in {other.path}; this one is ignored",
                    )
                )
                continue
            first_seen[entry.id] = entry
            library.entries[entry.id] = entry
    cache.save()
    for p in library.problems:
        log.warning("content problem: %s", p)
    return library
