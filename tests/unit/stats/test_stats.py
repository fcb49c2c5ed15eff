"""Local search statistics: per day, never below 3, and nothing about the person in the file."""

from __future__ import annotations

import datetime as dt
import io
import re
import sqlite3
from pathlib import Path

from healthreader.stats import SearchStats


class Days:
    def __init__(self) -> None:
        self.day = dt.date(2026, 12, 1)

    def __call__(self) -> dt.date:
        return self.day


def _fill(stats: SearchStats, days: Days) -> None:
    for _ in range(5):
        stats.record("面瘫", 12)
    for _ in range(3):
        stats.record("渐冻症 ", 0)  # trailing space: the same search
    stats.record("渐冻症", 0)
    stats.record("张三 13812345678", 0)  # a name and a phone number: never stored
    stats.record("罕见病名", 0)  # once: stored, never shown
    days.day = dt.date(2026, 12, 2)
    for _ in range(3):
        stats.record("肌电图", 4)
    stats.record("渐冻症", 0)


def test_counts_are_per_day_and_counts_below_three_are_never_shown(tmp_path: Path) -> None:
    days = Days()
    with SearchStats.open(tmp_path / "s.sqlite3", today=days) as stats:
        _fill(stats, days)
        rows = [(r.day, r.query, r.searches, r.found_nothing) for r in stats.days()]
        assert rows == [
            ("2026-12-02", "肌电图", 3, 0),
            ("2026-12-01", "面瘫", 5, 0),
            ("2026-12-01", "渐冻症", 4, 4),
        ]
        assert [(r.query, r.searches) for r in stats.frequent()] == [("渐冻症", 5), ("面瘫", 5), ("肌电图", 3)]
        assert [(r.query, r.found_nothing) for r in stats.found_nothing()] == [("渐冻症", 5)]
        out = io.StringIO()
        assert stats.export_csv(out) == 3
        assert out.getvalue().splitlines() == [
            "day,query,searches,found_nothing",
            "2026-12-02,肌电图,3,0",
            "2026-12-01,面瘫,5,0",
            "2026-12-01,渐冻症,4,4",
        ]


def test_the_file_holds_nothing_personal(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    days = Days()
    with SearchStats.open(path, today=days) as stats:
        _fill(stats, days)
    raw = path.read_bytes()
    assert b"13812345678" not in raw and "张三".encode() not in raw
    assert not re.search(rb"\d\d:\d\d", raw), "no time of day anywhere in the file"
    assert not (tmp_path / "s.sqlite3-wal").exists() and not (tmp_path / "s.sqlite3-journal").exists()
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert tables == ["searches"]
    assert [r[1] for r in conn.execute("PRAGMA table_info(searches)")] == ["day", "query", "searches", "found_nothing"]
    days_stored = {r[0] for r in conn.execute("SELECT day FROM searches")}
    assert days_stored == {"2026-12-01", "2026-12-02"}
    # Rows come back in key order, not in the order people searched.
    assert [r[0] for r in conn.execute("SELECT query FROM searches WHERE day = '2026-12-01'")] == sorted(
        ["面瘫", "渐冻症", "罕见病名"]
    )
    conn.close()


def test_old_days_are_dropped(tmp_path: Path) -> None:
    days = Days()
    with SearchStats.open(tmp_path / "s.sqlite3", today=days) as stats:
        for _ in range(3):
            stats.record("面瘫", 1)
        days.day = dt.date(2028, 6, 1)  # over 400 days later
        stats.prune()
        assert stats.days() == []
