"""Load library folders: ``library.yaml`` plus the front matter of every entry.

Bodies are not parsed at load time; an entry's body is read when it is opened.  A JSON catalogue
cache (keyed by each file's size and modification time) lets a large library start without
re-reading every front matter.  Later folders may add entries but never silently replace one: a
duplicate id is a problem, and the first definition wins.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from pathlib import Path
from typing import Any

from healthreader.content.frontmatter import FrontMatterError, entry_from_text, parse_yaml
from healthreader.content.model import Category, Entry, EntryType, Library, LibraryInfo, Problem

log = logging.getLogger(__name__)

LIBRARY_FILE = "library.yaml"
ENTRY_DIRS = ("articles", "qa")
CACHE_VERSION = 1


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
    )
    return info, problems


def entry_files(folder: Path) -> list[Path]:
    files: list[Path] = []
    for sub in ENTRY_DIRS:
        d = folder / sub
        if d.is_dir():
            files.extend(sorted(p for p in d.rglob("*.md") if p.is_file()))
    return files


# --- catalogue cache -------------------------------------------------------------------------


def _entry_to_json(e: Entry) -> dict[str, Any]:
    return {
        "id": e.id,
        "type": e.type.value,
        "title": e.title,
        "summary": e.summary,
        "category": e.category,
        "body_line": e.body_line,
        "tags": e.tags,
        "aliases": e.aliases,
        "related": e.related,
        "sources": e.sources,
        "red_flags": e.red_flags,
        "reviewed": e.reviewed.isoformat() if e.reviewed else None,
    }


def _entry_from_json(d: dict[str, Any], path: Path, library_id: str) -> Entry:
    return Entry(
        id=d["id"],
        type=EntryType(d["type"]),
        title=d["title"],
        summary=d["summary"],
        category=d["category"],
        path=path,
        body_line=d["body_line"],
        library_id=library_id,
        tags=tuple(d["tags"]),
        aliases=tuple(d["aliases"]),
        related=tuple(d["related"]),
        sources=tuple(d["sources"]),
        red_flags=tuple(d["red_flags"]),
        reviewed=dt.date.fromisoformat(d["reviewed"]) if d["reviewed"] else None,
    )


class _Catalogue:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.old: dict[str, Any] = {}
        self.new: dict[str, Any] = {}
        self.dirty = False
        if path and path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if data.get("version") == CACHE_VERSION:
                    self.old = data["files"]
            except (OSError, ValueError, KeyError, TypeError):
                log.info("catalogue cache %s unreadable; rebuilding it", path)

    def lookup(self, file: Path, st: os.stat_result) -> dict[str, Any] | None:
        rec = self.old.get(str(file))
        if rec and rec["mtime_ns"] == st.st_mtime_ns and rec["size"] == st.st_size:
            self.new[str(file)] = rec
            return rec
        return None

    def store(self, file: Path, st: os.stat_result, entry: Entry | None, problems: list[Problem]) -> None:
        self.dirty = True
        self.new[str(file)] = {
            "mtime_ns": st.st_mtime_ns,
            "size": st.st_size,
            "entry": _entry_to_json(entry) if entry else None,
            "problems": [[p.line, p.message] for p in problems],
        }

    def save(self) -> None:
        if not self.path or (not self.dirty and len(self.new) == len(self.old)):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps({"version": CACHE_VERSION, "files": self.new}, ensure_ascii=False), "utf-8")
            os.replace(tmp, self.path)
        except OSError as exc:
            log.warning("cannot write catalogue cache %s: %s", self.path, exc)


def _load_entry(file: Path, library_id: str, cache: _Catalogue) -> tuple[Entry | None, list[Problem]]:
    try:
        st = file.stat()
    except OSError as exc:
        return None, [Problem(file, 1, f"cannot read: {exc}")]
    rec = cache.lookup(file, st)
    if rec is not None:
        problems = [Problem(file, line, msg) for line, msg in rec["problems"]]
        entry = _entry_from_json(rec["entry"], file, library_id) if rec["entry"] else None
        return entry, problems
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        entry, problems = None, [Problem(file, 1, "not UTF-8 text")]
    except OSError as exc:
        return None, [Problem(file, 1, f"cannot read: {exc}")]
    else:
        entry, problems, _ = entry_from_text(text, file, library_id)
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
        for file in entry_files(folder):
            entry, problems = _load_entry(file, info.id, cache)
            library.problems.extend(problems)
            if entry is None:
                continue
            if entry.id in first_seen:
                other = first_seen[entry.id]
                library.problems.append(
                    Problem(file, 2, f"duplicate id '{entry.id}', already defined in {other.path}; this one is ignored")
                )
                continue
            first_seen[entry.id] = entry
            library.entries[entry.id] = entry
    cache.save()
    for p in library.problems:
        log.warning("content problem: %s", p)
    return library
