"""Load library folders: ``library.yaml`` plus the front matter of every entry.

Bodies are not parsed at load time; an entry's body is read when it is opened.  A JSON catalogue
cache (keyed by each file's size and modification time) lets a large library start without
re-reading every front matter.  Later folders may add entries but never silently replace one: a
duplicate id is a problem, and the first definition wins.
"""

from __future__ import annotations

import errno
import logging
import marshal
import os
import re
import stat
import sys
from pathlib import Path
from typing import Any

from healthreader.content import limits
from healthreader.content.frontmatter import FrontMatterError, as_text, entry_from_text, parse_yaml
from healthreader.content.model import (
    Category,
    ContentReadError,
    Entry,
    Library,
    LibraryInfo,
    Problem,
)
from healthreader.content.records import entry_from_record, entry_record
from healthreader.content.safeio import decode, inside, read_bounded, read_entry_text

log = logging.getLogger(__name__)

LIBRARY_FILE = "library.yaml"
ENTRY_DIRS = ("articles", "qa")
CACHE_VERSION = 4  # 3: moved_from; 4: red flags in tiers, reviewer, next_review
_CACHE_HEADER = f"healthreader-catalogue-{CACHE_VERSION}-py{sys.version_info[0]}.{sys.version_info[1]}"


_LIBRARY_TEXT = ("id", "title", "language", "version", "publisher", "description", "disclaimer")
_LIBRARY_FIELDS = frozenset((*_LIBRARY_TEXT, "categories", "featured"))


def _yaml_line(text: str, key: str) -> int:
    m = re.search(rf"^{re.escape(key)}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, m.start()) + 1 if m else 1


def _read_library_yaml(path: Path, root: str, problems: list[Problem]) -> tuple[dict[str, Any], str]:
    """The mapping in ``library.yaml`` and its text; ``({}, "")`` with a problem when it cannot be used."""
    if not os.path.lexists(path):
        problems.append(Problem(path, 1, "missing library.yaml (the library's title, disclaimer and categories)"))
        return {}, ""
    real = os.path.realpath(path)
    if not inside(real, root):
        problems.append(Problem(path, 1, f"library.yaml links outside the library (to {real}); not read"))
        return {}, ""
    try:
        text = decode(read_bounded(path, limits.MAX_LIBRARY_YAML_BYTES, "library.yaml"))
        raw = parse_yaml(text, 1)
    except ContentReadError as exc:
        problems.append(Problem(path, 1, str(exc)))
        return {}, ""
    except UnicodeDecodeError:
        problems.append(Problem(path, 1, "library.yaml is not UTF-8 text"))
        return {}, ""
    except FrontMatterError as exc:
        problems.append(Problem(path, exc.line, exc.message))
        return {}, ""
    if not isinstance(raw, dict):
        problems.append(Problem(path, 1, "library.yaml must be a mapping of fields"))
        return {}, ""
    return raw, text


def load_library_info(folder: Path) -> tuple[LibraryInfo, list[Problem]]:
    """What ``library.yaml`` says, every value checked; problems name the line, and never raise."""
    path = folder / LIBRARY_FILE
    problems: list[Problem] = []
    data, text = _read_library_yaml(path, os.path.realpath(folder), problems)

    def line(key: str) -> int:
        return _yaml_line(text, key)

    def clean(key: str, value: str, at: int) -> str:
        cleaned, removed = limits.clean_text(value)
        if removed:
            problems.append(
                Problem(
                    path,
                    at,
                    f"library.yaml: '{key}': removed {removed} control character(s) or bidirectional override(s)",
                )
            )
        cleaned = cleaned.strip()
        limit = limits.MAX_FIELD_CHARS["library"]
        if len(cleaned) > limit:
            problems.append(
                Problem(path, at, f"library.yaml: '{key}' is {len(cleaned):,} characters; {limit:,} are kept")
            )
            cleaned = cleaned[: limit - 1] + "…"
        return cleaned

    fields: dict[str, str] = {}
    for key in _LIBRARY_TEXT:
        raw = data.get(key)
        value = as_text(raw) if raw is not None else ""
        if value is None:
            problems.append(Problem(path, line(key), f"library.yaml: '{key}' must be text"))
            value = ""
        fields[key] = clean(key, value, line(key))
    if data or text:
        for key in ("id", "title", "disclaimer"):
            if not fields[key] and data.get(key) is None:
                problems.append(Problem(path, 1, f"library.yaml: missing field '{key}'"))
    for key in data:
        if key not in _LIBRARY_FIELDS:
            problems.append(Problem(path, line(str(key)), f"library.yaml: unknown field '{str(key)[:40]}'"))

    cats: list[Category] = []
    raw_cats = data.get("categories")
    if raw_cats is not None and not isinstance(raw_cats, list):
        problems.append(Problem(path, line("categories"), "library.yaml: 'categories' must be a list of names"))
        raw_cats = []
    for item in raw_cats or []:
        name = description = None
        if isinstance(item, dict):
            name = as_text(item.get("name"))
            description = as_text(item.get("description")) if item.get("description") is not None else ""
        elif isinstance(item, str):
            name, description = item, ""
        if not name or description is None:
            shown = repr(item)[:60] if isinstance(item, (str, int, float, type(None))) else type(item).__name__
            problems.append(
                Problem(
                    path, line("categories"), f"library.yaml: a category must have a text name and description: {shown}"
                )
            )
            continue
        cats.append(
            Category(
                clean("categories", name, line("categories")), clean("categories", description, line("categories"))
            )
        )

    featured: list[str] = []
    raw_featured = data.get("featured")
    if raw_featured is not None and not isinstance(raw_featured, list):
        problems.append(Problem(path, line("featured"), "library.yaml: 'featured' must be a list of entry ids"))
        raw_featured = []
    for item in raw_featured or []:
        value = as_text(item)
        if value:
            featured.append(value[:80])
        else:
            problems.append(Problem(path, line("featured"), "library.yaml: 'featured' must list entry ids as text"))

    info = LibraryInfo(
        id=fields["id"] or folder.name,
        title=fields["title"] or folder.name,
        language=fields["language"] or "zh-Hans",
        version=fields["version"],
        publisher=fields["publisher"],
        description=fields["description"],
        disclaimer=fields["disclaimer"],
        categories=tuple(cats),
        path=folder,
        featured=tuple(featured),
    )
    return info, problems


def entry_files(folder: Path, problems: list[Problem] | None = None) -> list[tuple[str, os.stat_result | None]]:
    """Every ``*.md`` under the entry folders, sorted, with its stat.

    Each real folder is read once (a link back to a folder already read is a loop, reported and not
    followed), no link is followed out of the library folder, and what cannot be read (dangling
    links, pipes and devices, folders that cannot be listed) is added to ``problems``.
    """
    found: list[tuple[str, os.stat_result | None]] = []
    report = problems if problems is not None else []
    root = os.path.realpath(folder)
    visited: dict[str, str] = {}  # real folder -> the path it was first read through
    files: dict[str, str] = {}  # real file -> the path it was first read through

    def problem(path: str, message: str) -> None:
        report.append(Problem(Path(path), 1, message))

    def follow(path: str) -> tuple[str, os.stat_result] | None:
        """A link's real target and its stat, if it may be followed; else a problem and None."""
        try:
            st = os.stat(path)
        except FileNotFoundError:
            problem(path, f"a dangling link (to {os.readlink(path)}): nothing there")
            return None
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                problem(path, "a link loop: the link points back to itself")
            else:
                problem(path, f"cannot follow the link: {exc.strerror or exc}")
            return None
        real = os.path.realpath(path)
        if not inside(real, root):
            problem(path, f"links outside the library (to {real}); not followed")
            return None
        return real, st

    stack: list[str] = []
    for sub in reversed(ENTRY_DIRS):
        d = os.path.join(folder, sub)
        if os.path.islink(d):
            if follow(d) is not None and os.path.isdir(d):
                stack.append(d)
        elif os.path.isdir(d):
            stack.append(d)
    while stack:
        d = stack.pop()
        real = os.path.realpath(d)
        if real in visited:
            problem(d, f"a link loop: this folder was read already as {visited[real]}; not read again")
            continue
        visited[real] = d
        try:
            with os.scandir(d) as it:
                children = sorted(it, key=lambda de: de.name)
        except OSError as exc:
            problem(d, f"cannot list the folder: {exc.strerror or exc}")
            continue
        subdirs: list[str] = []
        for de in children:
            try:
                if de.is_symlink():
                    target = follow(de.path)
                    if target is None:
                        continue
                    real_file, st = target
                    if stat.S_ISDIR(st.st_mode):
                        subdirs.append(de.path)
                        continue
                elif de.is_dir(follow_symlinks=False):
                    subdirs.append(de.path)
                    continue
                else:
                    real_file, st = "", de.stat(follow_symlinks=False)
                if not de.name.endswith(".md"):
                    continue
                if not stat.S_ISREG(st.st_mode):
                    problem(de.path, "not a regular file (a pipe, socket or device); skipped")
                    continue
                # Not a link, in a folder whose real path is known: its real path without the five
                # lstat calls realpath makes (a tenth of the library's load at 10,000 entries).
                real_file = real_file or os.path.join(real, de.name)
                if real_file in files:
                    problem(de.path, f"the same file as {files[real_file]}; read once")
                    continue
                files[real_file] = de.path
                found.append((de.path, st))
            except OSError as exc:
                problem(de.path, f"cannot read: {exc.strerror or exc}")
        stack.extend(reversed(subdirs))
    found.sort(key=lambda f: f[0])  # plain strings: sorting Path objects costs 10x more
    return found


# --- catalogue cache -------------------------------------------------------------------------


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
                if data.get("version") == _CACHE_HEADER and isinstance(data.get("files"), dict):
                    self.old = data["files"]
            except (OSError, ValueError, EOFError, TypeError, KeyError, AttributeError):
                log.info("catalogue cache %s unreadable; rebuilding it", path)

    def lookup(self, file: str, st: os.stat_result) -> list[Any] | None:
        rec = self.old.get(file)
        # The shape is checked too: a cache with this version's header may still not be this version's.
        if isinstance(rec, tuple | list) and len(rec) == 4 and rec[0] == st.st_mtime_ns and rec[1] == st.st_size:
            self.new[file] = rec
            return list(rec)
        return None

    def store(self, file: str, st: os.stat_result, entry: Entry | None, problems: list[Problem]) -> None:
        self.dirty = True
        self.new[file] = (
            st.st_mtime_ns,
            st.st_size,
            entry_record(entry) if entry else None,
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
        try:
            problems = [Problem(Path(file), line, msg) for line, msg in rec[3]]
            entry = entry_from_record(rec[2], file, library_id) if rec[2] else None
            return entry, problems
        except (IndexError, KeyError, TypeError, ValueError):
            log.info("catalogue cache record for %s unreadable; reading the file", file)
    path = Path(file)
    try:
        text = read_entry_text(path)
    except UnicodeDecodeError:
        entry, problems = None, [Problem(path, 1, "not UTF-8 text")]
    except ContentReadError as exc:
        return None, [Problem(path, 1, str(exc))]
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
        walk_problems: list[Problem] = []
        files = entry_files(folder, walk_problems)
        library.problems.extend(walk_problems)
        for file, st in files:
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
