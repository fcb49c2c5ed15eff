"""Checks that need the whole library (related ids, categories, id vs file name) or the date."""

from __future__ import annotations

import datetime as dt
import re

from healthreader.content.model import Library, Problem


def _line_of(entry_text: str, key: str) -> int:
    m = re.search(rf"^{re.escape(key)}\s*:", entry_text, re.MULTILINE)
    return entry_text.count("\n", 0, m.start()) + 1 if m else 1


def check_references(library: Library) -> list[Problem]:
    problems: list[Problem] = []
    declared = {c.name for info in library.infos for c in info.categories}
    for info in library.infos:
        for fid in info.featured:
            if fid not in library:
                problems.append(Problem(info.path / "library.yaml", 1, f"featured id '{fid}' does not exist"))
    for entry in library:
        text: str | None = None

        def line(key: str) -> int:
            nonlocal text
            if text is None:
                try:
                    text = entry.path.read_text(encoding="utf-8-sig")  # noqa: B023 -- called within this iteration only
                except OSError:
                    text = ""
            return _line_of(text, key)

        for rid in entry.related:
            if rid not in library:
                problems.append(Problem(entry.path, line("related"), f"related id '{rid}' does not exist"))
            elif rid == entry.id:
                problems.append(Problem(entry.path, line("related"), "an entry cannot be related to itself"))
        if declared and entry.category not in declared:
            problems.append(
                Problem(entry.path, line("category"), f"category '{entry.category}' is not declared in library.yaml")
            )
        if entry.path.stem != entry.id:
            problems.append(
                Problem(entry.path, line("id"), f"id '{entry.id}' differs from the file name '{entry.path.stem}'")
            )
    return problems


def check_provenance(library: Library, today: dt.date) -> list[Problem]:
    """Who reviewed each entry and when it is due again: required from 0.2; a date passed is a warning.

    Not the loader's business: an older library without these fields still loads and shows, but
    ``content check`` holds a library that is being published to the standard.
    """
    problems: list[Problem] = []
    for entry in library:
        if not entry.reviewer:
            problems.append(
                Problem(entry.path, 2, "missing field 'reviewer' (who reviewed it: a name and role, or the board)")
            )
        if entry.next_review is None:
            problems.append(Problem(entry.path, 2, "missing field 'next_review' (when it must be reviewed again)"))
        elif entry.review_due(today):
            try:
                text = entry.path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                text = ""
            problems.append(
                Problem(
                    entry.path,
                    _line_of(text, "next_review"),
                    f"next_review {entry.next_review.isoformat()} has passed: the entry is due for review "
                    "(the app shows it as 内容待复审)",
                    warning=True,
                )
            )
    return problems
