"""An entry's front matter as a list of plain values: what the catalogue cache and the content
snapshot store (marshal), and back.  No YAML here: a start from the snapshot does not import it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from healthreader.content.model import Entry, EntryType, RedFlags


def entry_record(e: Entry) -> list[Any]:
    # A list in a fixed order, not a mapping: the cache of a large library loads a third faster.
    return [
        e.id, e.type.value, e.title, e.summary, e.category, e.body_line, e.tags, e.aliases, e.related,
        e.sources, [e.red_flags.emergency, e.red_flags.same_day, e.red_flags.soon],
        e.reviewed.isoformat() if e.reviewed else None, e.moved_from, e.reviewer,
        e.next_review.isoformat() if e.next_review else None,
    ]  # fmt: skip


_TYPES = {t.value: t for t in EntryType}


def entry_from_record(d: list[Any], path: str, library_id: str) -> Entry:
    return Entry(
        d[0], _TYPES[d[1]], d[2], d[3], d[4], path, d[5], library_id,
        tuple(d[6]), tuple(d[7]), tuple(d[8]), tuple(d[9]), RedFlags(*(tuple(t) for t in d[10])),
        dt.date.fromisoformat(d[11]) if d[11] else None, d[13], dt.date.fromisoformat(d[14]) if d[14] else None,
        tuple(d[12]),
    )  # fmt: skip
