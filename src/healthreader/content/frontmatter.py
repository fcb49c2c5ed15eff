"""Split an entry file into YAML front matter and body, and turn the front matter into an Entry.

Every problem names the line it was found on, counted in the whole file::

    ---                 <- line 1
    id: facial-palsy    <- line 2
    title: 面神经麻痹
    ---
    ## 第一节           <- body_line 5
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from healthreader.content.model import Entry, EntryType, Problem

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
REQUIRED_TEXT = ("id", "type", "title", "summary", "category")
LIST_FIELDS = ("tags", "aliases", "related", "sources", "red_flags", "moved_from")
KNOWN_FIELDS = frozenset((*REQUIRED_TEXT, *LIST_FIELDS, "reviewed"))


class FrontMatterError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def split(text: str) -> tuple[str, int, int]:
    """Return (front matter text, first line of the front matter, first line of the body).

    >>> split("---\\nid: a\\n---\\nbody\\n")
    ('id: a\\n', 2, 4)
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise FrontMatterError(1, "the file must start with a '---' line opening the front matter")
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return "".join(lines[1:i]), 2, i + 2
    raise FrontMatterError(len(lines), "the front matter has no closing '---' line")


def parse_yaml(text: str, first_line: int) -> Any:
    # Imported here: a start with a warm catalogue cache parses no YAML and skips its 35 ms import.
    import yaml

    # libyaml's loader is ten times faster; fall back to pure Python where it is missing.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        # The context mark is where the unfinished construct began (an unclosed bracket or quote),
        # which is the line a writer needs; the problem mark is where the parser gave up.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        last = first_line + max(text.count("\n") - 1, 0)
        line = min(first_line + (mark.line if mark else 0), last)
        problem = getattr(exc, "problem", None) or str(exc)
        raise FrontMatterError(line, f"invalid YAML: {problem}") from None


def _field_line(fm_text: str, first_line: int, key: str) -> int:
    m = re.search(rf"^{re.escape(key)}\s*:", fm_text, re.MULTILINE)
    return first_line + fm_text.count("\n", 0, m.start()) if m else first_line


def _as_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def entry_from_text(
    text: str, path: Path, library_id: str
) -> tuple[Entry | None, list[Problem], dict[str, Any] | None]:
    """Parse one entry file.  Returns the entry (None when unusable), problems, and the raw data."""
    problems: list[Problem] = []
    try:
        fm_text, first, body_line = split(text)
        data = parse_yaml(fm_text, first)
    except FrontMatterError as exc:
        return None, [Problem(path, exc.line, exc.message)], None
    if not isinstance(data, dict):
        return None, [Problem(path, first, "the front matter must be a mapping of fields")], None

    def line_of(key: str) -> int:
        return _field_line(fm_text, first, key)

    fatal = False
    values: dict[str, Any] = {}
    for key in REQUIRED_TEXT:
        raw = data.get(key)
        value = _as_text(raw)
        if raw is None:
            problems.append(Problem(path, first, f"missing required field '{key}'"))
            fatal = True
        elif not value:
            problems.append(Problem(path, line_of(key), f"field '{key}' must be non-empty text"))
            fatal = True
        values[key] = value

    if values.get("id") and not ID_RE.match(values["id"]):
        problems.append(
            Problem(path, line_of("id"), f"id {values['id']!r} must be lower-case ASCII letters, digits and '-'")
        )
        fatal = True
    if values.get("type") and values["type"] not in {t.value for t in EntryType}:
        problems.append(Problem(path, line_of("type"), f"type must be 'article' or 'qa', not {values['type']!r}"))
        fatal = True

    lists: dict[str, tuple[str, ...]] = {}
    for key in LIST_FIELDS:
        raw = data.get(key, [])
        if raw is None:
            raw = []
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list) or not all(_as_text(x) for x in raw):
            problems.append(Problem(path, line_of(key), f"field '{key}' must be a list of non-empty text items"))
            raw = [x for x in raw if _as_text(x)] if isinstance(raw, list) else []
        lists[key] = tuple(_as_text(x) or "" for x in raw)

    bad_moved = [m for m in lists["moved_from"] if not ID_RE.match(m) or m == values.get("id")]
    if bad_moved:
        problems.append(
            Problem(
                path, line_of("moved_from"), f"moved_from lists {bad_moved[0]!r}: the entry's former ids, not its own"
            )
        )
        lists["moved_from"] = tuple(m for m in lists["moved_from"] if m not in bad_moved)

    reviewed: dt.date | None = None
    raw_reviewed = data.get("reviewed")
    if isinstance(raw_reviewed, dt.datetime):
        reviewed = raw_reviewed.date()
    elif isinstance(raw_reviewed, dt.date):
        reviewed = raw_reviewed
    elif isinstance(raw_reviewed, str):
        try:
            reviewed = dt.date.fromisoformat(raw_reviewed.strip())
        except ValueError:
            problems.append(Problem(path, line_of("reviewed"), "field 'reviewed' must be a date like 2026-11-01"))
    elif raw_reviewed is None:
        problems.append(Problem(path, first, "missing field 'reviewed' (the date of the last medical review)"))
    else:
        problems.append(Problem(path, line_of("reviewed"), "field 'reviewed' must be a date like 2026-11-01"))

    for key in data:
        if key not in KNOWN_FIELDS:
            problems.append(Problem(path, line_of(str(key)), f"unknown field '{key}'"))

    if fatal:
        return None, problems, data
    entry = Entry(
        id=values["id"],
        type=EntryType(values["type"]),
        title=values["title"],
        summary=values["summary"],
        category=values["category"],
        file=path,
        body_line=body_line,
        library_id=library_id,
        reviewed=reviewed,
        **lists,
    )
    return entry, problems, data
