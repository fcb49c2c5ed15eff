"""Split an entry file into YAML front matter and body, and turn the front matter into an Entry.

Every value is checked for its type and range, and every problem names the line it was found on,
counted in the whole file::

    ---                 <- line 1
    id: facial-palsy    <- line 2
    title: 面神经麻痹
    ---
    ## 第一节           <- body_line 5

A bad value costs only itself where it can (a bad date is dropped, a long title is cut, a control
character is removed, each with a problem); only a missing or unusable id, type, title, summary or
category makes the entry unusable.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path
from typing import Any

from healthreader.content import limits
from healthreader.content.model import Entry, EntryType, Problem, RedFlags, Tier
from healthreader.content.yamlsafe import YamlError
from healthreader.content.yamlsafe import load as load_yaml

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
REQUIRED_TEXT = ("id", "type", "title", "summary", "category")
LIST_FIELDS = ("tags", "aliases", "related", "sources", "moved_from")
DATE_FIELDS = ("reviewed", "next_review")
KNOWN_FIELDS = frozenset((*REQUIRED_TEXT, *LIST_FIELDS, *DATE_FIELDS, "red_flags", "reviewer"))
FIRST_YEAR, LAST_YEAR = 1990, 2100
TIER_HELP = "emergency (立即拨打120), same_day (当天就医) or soon (尽快就诊)"


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
    size = 0
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return "".join(lines[1:i]), 2, i + 2
        size += len(lines[i].encode("utf-8", "surrogatepass"))
        if size > limits.MAX_FRONT_MATTER_BYTES:
            raise FrontMatterError(
                1,
                f"the front matter is longer than {limits.MAX_FRONT_MATTER_BYTES // 1024} KB; is a '---' line missing?",
            )
    raise FrontMatterError(len(lines), "the front matter has no closing '---' line")


def parse_yaml(text: str, first_line: int) -> Any:
    """The YAML value of ``text`` (bounded: see ``yamlsafe``); ``FrontMatterError`` with the file's line."""
    try:
        return load_yaml(text, first_line)
    except YamlError as exc:
        raise FrontMatterError(exc.line, exc.message) from None


def _field_line(fm_text: str, first_line: int, key: str) -> int:
    m = re.search(rf"^{re.escape(key)}\s*:", fm_text, re.MULTILINE)
    return first_line + fm_text.count("\n", 0, m.start()) if m else first_line


def _child_line(fm_text: str, first_line: int, parent: str, key: str) -> int:
    """The line of ``key:`` indented under ``parent:``, or the parent's line."""
    m = re.search(rf"^{re.escape(parent)}\s*:", fm_text, re.MULTILINE)
    if not m:
        return first_line
    c = re.compile(rf"^[ \t]+{re.escape(key)}\s*:", re.MULTILINE).search(fm_text, m.end())
    return first_line + fm_text.count("\n", 0, (c or m).start())


def as_text(value: Any) -> str | None:
    """``value`` as text, or None when it is not text (numbers are written as text; nan and inf are not)."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        return str(value)
    return None


class _Checker:
    """Collects one file's problems while its fields are checked."""

    def __init__(self, path: Path, fm_text: str, first: int) -> None:
        self.path = path
        self.fm_text = fm_text
        self.first = first
        self.problems: list[Problem] = []

    def line(self, key: str) -> int:
        return _field_line(self.fm_text, self.first, key)

    def add(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def text(self, key: str, value: str, limit: int, line: int) -> str:
        """``value`` without control characters, and cut to ``limit`` characters, each with a problem."""
        cleaned, removed = limits.clean_text(value)
        if removed:
            self.add(line, f"field '{key}': removed {removed} control character(s) or bidirectional override(s)")
        cleaned = cleaned.strip()
        if len(cleaned) > limit:
            self.add(line, f"field '{key}' is {len(cleaned):,} characters long; at most {limit} are kept")
            cleaned = cleaned[: limit - 1] + "…"
        return cleaned

    def items(self, key: str, raw: Any, line: int) -> tuple[str, ...]:
        """A list of text items; a single text is a list of one."""
        if raw is None:
            return ()
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list):
            self.add(line, f"field '{key}' must be a list of non-empty text items")
            return ()
        if len(raw) > limits.MAX_LIST_ITEMS:
            self.add(line, f"field '{key}' has {len(raw):,} items; the first {limits.MAX_LIST_ITEMS} are kept")
            raw = raw[: limits.MAX_LIST_ITEMS]
        out = []
        bad = 0
        for item in raw:
            value = as_text(item)
            if value:
                value = self.text(key, value, limits.MAX_FIELD_CHARS["item"], line)
            if value:
                out.append(value)
            else:
                bad += 1
        if bad:
            self.add(line, f"field '{key}' must be a list of non-empty text items ({bad} left out)")
        return tuple(out)

    def date(self, key: str, raw: Any) -> dt.date | None:
        if isinstance(raw, dt.datetime):
            raw = raw.date()
        if isinstance(raw, dt.date):
            value: dt.date | None = raw
        elif isinstance(raw, str) and DATE_RE.match(raw.strip()):
            try:
                value = dt.date.fromisoformat(raw.strip())
            except ValueError:
                value = None
        else:
            value = None
        if value is None:
            shown = as_text(raw)
            got = f", not {shown[:40]!r}" if shown else ""
            self.add(self.line(key), f"field '{key}' must be a real date like 2026-11-01{got}")
            return None
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            self.add(
                self.line(key), f"field '{key}': the year {value.year} is not between {FIRST_YEAR} and {LAST_YEAR}"
            )
            return None
        return value

    def red_flags(self, raw: Any) -> RedFlags:
        if raw is None:
            return RedFlags()
        line = self.line("red_flags")
        if isinstance(raw, (list, str)):
            self.add(
                line,
                f"red_flags must be in tiers: a mapping with {TIER_HELP}, each a list of warning signs",
            )
            return RedFlags()
        if not isinstance(raw, dict):
            self.add(line, f"red_flags must be a mapping with {TIER_HELP}")
            return RedFlags()
        if not raw:
            self.add(line, "red_flags is empty: list at least one warning sign, or leave the field out")
            return RedFlags()
        tiers: dict[str, tuple[str, ...]] = {}
        names = {t.value for t in Tier}
        for key, value in raw.items():
            key_text = str(key)
            key_line = _child_line(self.fm_text, self.first, "red_flags", key_text)
            if key_text not in names:
                self.add(key_line, f"red_flags: unknown tier '{key_text[:40]}'; the tiers are {TIER_HELP}")
                continue
            if not isinstance(value, list) or not value:
                self.add(key_line, f"red_flags: tier '{key_text}' must be a non-empty list of warning signs")
                continue
            items = self.items(f"red_flags: {key_text}", value, key_line)
            if items:
                tiers[key_text] = items
        return RedFlags(**tiers)


def entry_from_text(
    text: str, path: Path, library_id: str
) -> tuple[Entry | None, list[Problem], dict[str, Any] | None]:
    """Parse one entry file.  Returns the entry (None when unusable), problems, and the raw data."""
    try:
        fm_text, first, body_line = split(text)
        data = parse_yaml(fm_text, first)
    except FrontMatterError as exc:
        return None, [Problem(path, exc.line, exc.message)], None
    if not isinstance(data, dict):
        return None, [Problem(path, first, "the front matter must be a mapping of fields")], None

    check = _Checker(path, fm_text, first)
    fatal = False
    values: dict[str, str] = {}
    for key in REQUIRED_TEXT:
        raw = data.get(key)
        value = as_text(raw)
        if raw is None:
            check.add(first, f"missing required field '{key}'")
            fatal = True
        elif not value:
            check.add(check.line(key), f"field '{key}' must be non-empty text")
            fatal = True
        else:
            limit = limits.MAX_FIELD_CHARS.get(key, limits.MAX_FIELD_CHARS["item"])
            value = check.text(key, value, limit, check.line(key))
            if not value:  # nothing left once control characters are taken out
                check.add(check.line(key), f"field '{key}' must be non-empty text")
                fatal = True
        values[key] = value or ""

    if values.get("id") and not ID_RE.match(values["id"]):
        check.add(check.line("id"), f"id {values['id'][:100]!r} must be lower-case ASCII letters, digits and '-'")
        fatal = True
    if values.get("type") and values["type"] not in {t.value for t in EntryType}:
        check.add(check.line("type"), f"type must be 'article' or 'qa', not {values['type'][:40]!r}")
        fatal = True

    lists = {key: check.items(key, data.get(key), check.line(key)) for key in LIST_FIELDS}
    bad_moved = [m for m in lists["moved_from"] if not ID_RE.match(m) or m == values.get("id")]
    if bad_moved:
        check.add(
            check.line("moved_from"), f"moved_from lists {bad_moved[0][:100]!r}: the entry's former ids, not its own"
        )
        lists["moved_from"] = tuple(m for m in lists["moved_from"] if m not in bad_moved)
    red_flags = check.red_flags(data.get("red_flags"))

    reviewer = ""
    if data.get("reviewer") is not None:
        raw_reviewer = as_text(data["reviewer"])
        if raw_reviewer:
            reviewer = check.text("reviewer", raw_reviewer, limits.MAX_FIELD_CHARS["reviewer"], check.line("reviewer"))
        else:
            check.add(check.line("reviewer"), "field 'reviewer' must be text: a name and role, or the editorial board")

    reviewed = next_review = None
    if data.get("reviewed") is None:
        check.add(first, "missing field 'reviewed' (the date of the last medical review)")
    else:
        reviewed = check.date("reviewed", data["reviewed"])
    if data.get("next_review") is not None:
        next_review = check.date("next_review", data["next_review"])
    if reviewed and next_review and next_review <= reviewed:
        check.add(
            check.line("next_review"),
            f"field 'next_review' ({next_review.isoformat()}) must come after 'reviewed' ({reviewed.isoformat()})",
        )
        next_review = None

    for key in data:
        if key not in KNOWN_FIELDS:
            check.add(check.line(str(key)), f"unknown field '{str(key)[:40]}'")

    if fatal:
        return None, check.problems, data
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
        reviewer=reviewer,
        next_review=next_review,
        red_flags=red_flags,
        **lists,
    )
    return entry, check.problems, data
