"""The statistics file: one SQLite table keyed by (day, query), with no row ids and no timestamps.

``WITHOUT ROWID`` keeps rows in key order, so not even the order of the day's searches survives; the
rollback journal (not WAL) and ``secure_delete`` leave no old pages behind in the file.

    >>> normalise_query("  面瘫   怎么办 ")
    '面瘫 怎么办'
    >>> normalise_query("13812345678") is None, normalise_query("a@b.cn") is None
    (True, True)
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

MIN_SHOWN = 3  # a count below this is never shown: it could be one person's search
MAX_QUERY = 64  # characters kept of a search text
KEEP_DAYS = 400  # about a year and a bit; older days are dropped
_APPLICATION_ID = 0x48525354  # "HRST"
_PERSONAL = re.compile(r"\d{5,}|@|\d{3,}[-\s]\d{3,}")

Today = Callable[[], dt.date]


class StatsError(Exception):
    """The statistics file cannot be opened or written (the UI goes on without counting)."""


@dataclass(frozen=True)
class DayCount:
    day: str  # ISO date, or "" for a total over several days
    query: str
    searches: int
    found_nothing: int


def normalise_query(text: str) -> str | None:
    """The text a search is counted under, or None when it must not be stored at all."""
    text = unicodedata.normalize("NFKC", text)
    text = " ".join("".join(ch for ch in text if unicodedata.category(ch)[0] != "C").split()).lower()
    if not text or _PERSONAL.search(text):
        return None
    return text[:MAX_QUERY]


class SearchStats:
    def __init__(self, conn: sqlite3.Connection, today: Today) -> None:
        self._conn = conn
        self._today = today

    @classmethod
    def open(cls, path: Path, today: Today = dt.date.today) -> SearchStats:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, isolation_level=None)
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA secure_delete = ON")
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            if app_id not in (0, _APPLICATION_ID):
                raise StatsError(f"{path} is not a HealthReader statistics file")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS searches ("
                " day TEXT NOT NULL, query TEXT NOT NULL,"
                " searches INTEGER NOT NULL DEFAULT 0, found_nothing INTEGER NOT NULL DEFAULT 0,"
                " PRIMARY KEY (day, query)) WITHOUT ROWID"
            )
            conn.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
        except sqlite3.Error as exc:
            raise StatsError(f"cannot open the search statistics {path}: {exc}") from None
        return cls(conn, today)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SearchStats:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def record(self, text: str, results: int) -> bool:
        """Count one search (made with Enter, not each key typed); False when the text is not stored."""
        query = normalise_query(text)
        if query is None:
            return False
        day = self._today().isoformat()
        try:
            self._conn.execute(
                "INSERT INTO searches (day, query, searches, found_nothing) VALUES (?, ?, 1, ?)"
                " ON CONFLICT (day, query) DO UPDATE SET searches = searches + 1,"
                " found_nothing = found_nothing + excluded.found_nothing",
                (day, query, 1 if results == 0 else 0),
            )
        except sqlite3.Error as exc:
            raise StatsError(f"cannot count the search: {exc}") from None
        return True

    def prune(self) -> None:
        cutoff = (self._today() - dt.timedelta(days=KEEP_DAYS)).isoformat()
        self._conn.execute("DELETE FROM searches WHERE day < ?", (cutoff,))

    def days(self, since: dt.date | None = None) -> list[DayCount]:
        """Per day and query, the rows whose search count may be shown, newest day first."""
        rows = self._conn.execute(
            "SELECT day, query, searches, found_nothing FROM searches WHERE searches >= ? AND day >= ?"
            " ORDER BY day DESC, searches DESC, query",
            (MIN_SHOWN, since.isoformat() if since else ""),
        )
        return [DayCount(*r) for r in rows]

    def frequent(self, since: dt.date | None = None, limit: int = 20) -> list[DayCount]:
        """The most frequent searches since a day (totals over the days), each made at least 3 times."""
        rows = self._conn.execute(
            "SELECT '', query, SUM(searches), SUM(found_nothing) FROM searches WHERE day >= ?"
            " GROUP BY query HAVING SUM(searches) >= ? ORDER BY 3 DESC, query LIMIT ?",
            (since.isoformat() if since else "", MIN_SHOWN, limit),
        )
        return [DayCount(*r) for r in rows]

    def found_nothing(self, since: dt.date | None = None, limit: int = 20) -> list[DayCount]:
        """Searches that found nothing at least 3 times since a day: what to write next."""
        rows = self._conn.execute(
            "SELECT '', query, SUM(searches), SUM(found_nothing) FROM searches WHERE day >= ?"
            " GROUP BY query HAVING SUM(found_nothing) >= ? ORDER BY 4 DESC, query LIMIT ?",
            (since.isoformat() if since else "", MIN_SHOWN, limit),
        )
        return [DayCount(*r) for r in rows]

    def export_csv(self, out: IO[str], since: dt.date | None = None) -> int:
        """Write ``day,query,searches,found_nothing``; a count below 3 is written as "<3".  Returns rows."""
        writer = csv.writer(out)
        writer.writerow(["day", "query", "searches", "found_nothing"])
        rows = self.days(since)
        writer.writerows(_shown(r) for r in rows)
        return len(rows)


def shown_count(n: int) -> str:
    return "0" if n == 0 else (str(n) if n >= MIN_SHOWN else f"<{MIN_SHOWN}")


def _shown(r: DayCount) -> list[str]:
    return [r.day, r.query, shown_count(r.searches), shown_count(r.found_nothing)]


def write_rows(rows: Iterable[DayCount]) -> list[list[str]]:
    return [_shown(r) for r in rows]
