"""Rows no HealthReader writes (an older bug, another tool, a damaged disk): every read goes on working,
each bad row is shown as well as it can be and flagged, and nothing else is hidden."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from healthreader.store import BookmarkOrder, UserStore
from tests.hostile.faults import BOUND_S, run_cli

YEAR_0_MS = -62135596800000 - 50400000  # 0001-01-01T00:00:00+14:00, as the import bug of 0.1 stored it
BAD_ROWS = {
    "a time before year 1": ("created_at", YEAR_0_MS),
    "a time after 9999": ("updated_at", 2**62),
    "a time that is text": ("updated_at", "soon"),
    "a time that is a float": ("created_at", 1.7e12),  # stored as an integer by the column: not flagged
    "a title that is not UTF-8": ("title", b"\xff\xfeA"),
    "a note that is a blob": ("note", sqlite3.Binary(b"\x00\xff")),
    "a section title that is a blob": ("section_title", sqlite3.Binary(b"\x01\x02")),
}


def _store(path: Path, n: int = 6) -> None:
    with UserStore.open(path) as s:
        for i in range(n):
            s.add_bookmark(f"e{i}", title=f"条目 {i}", note="笔记")
            s.record_visit(f"e{i}", title=f"条目 {i}")


def _tamper(path: Path, sql: str, *params: object) -> None:
    conn = sqlite3.connect(path)
    if isinstance(params[0] if params else None, bytes):
        conn.execute(sql, (sqlite3.Binary(params[0]), *params[1:]))  # type: ignore[arg-type]
    else:
        conn.execute(sql, params)
    conn.commit()
    conn.close()


@pytest.mark.parametrize("case", list(BAD_ROWS))
def test_one_bad_bookmark_row_is_shown_flagged_and_the_rest_read(tmp_path: Path, case: str) -> None:
    field, value = BAD_ROWS[case]
    path = tmp_path / "userdata.sqlite3"
    _store(path)
    if isinstance(value, bytes):
        # Bytes bound as TEXT: what a tool that does not check UTF-8 leaves.
        _tamper(path, f"UPDATE bookmarks SET {field} = CAST(? AS TEXT) WHERE entry_id = 'e3'", value)
    else:
        _tamper(path, f"UPDATE bookmarks SET {field} = ? WHERE entry_id = 'e3'", value)
    started = time.monotonic()
    with UserStore.open(path) as s:
        for order in BookmarkOrder:
            rows = s.list_bookmarks(order)
            assert sorted(b.entry_id for b in rows) == [f"e{i}" for i in range(6)]
        bad = s.get_bookmark("e3")
        assert bad is not None
        assert bool(bad.damaged) == (case != "a time that is a float"), bad
        assert all(not b.damaged for b in rows if b.entry_id != "e3")
        assert s.export_data()["bookmarks"]  # export works on it too
        assert s.list_bookmarks(text="笔记")
        s.add_bookmark("new", title="新")  # and the store still saves
    assert time.monotonic() - started < BOUND_S


def test_bad_history_rows_are_shown_flagged(tmp_path: Path) -> None:
    path = tmp_path / "userdata.sqlite3"
    _store(path)
    _tamper(path, "UPDATE history SET day = 'yesterday' WHERE entry_id = 'e1'")
    _tamper(path, "UPDATE history SET visited_at = 99e99 WHERE entry_id = 'e2'")
    with UserStore.open(path) as s:
        items = [i for d in s.history_by_day() for i in d.items]
        assert sorted(i.entry_id for i in items) == [f"e{i}" for i in range(6)]
        assert {i.entry_id for i in items if i.damaged} == {"e1", "e2"}
        assert len(s.recent_history(10)) == 6


def test_the_command_line_lists_and_exports_a_store_with_bad_rows(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _store(data / "userdata.sqlite3")
    _tamper(data / "userdata.sqlite3", "UPDATE bookmarks SET created_at = ? WHERE entry_id = 'e0'", YEAR_0_MS)
    _tamper(data / "userdata.sqlite3", "UPDATE bookmarks SET title = CAST(? AS TEXT) WHERE entry_id = 'e1'", b"\xff")
    listed = run_cli("bookmarks", "list", data=data)
    listed.assert_clear(0)
    assert len(listed.out.splitlines()) == 6
    exported = run_cli("bookmarks", "export", str(tmp_path / "out.json"), data=data)
    exported.assert_clear(0)
    assert "exported 6 bookmark(s)" in exported.out
