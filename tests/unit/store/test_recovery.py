"""An unusable file at the store's path is moved aside (never overwritten) and a fresh store starts."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from healthreader.store import RecoveryReason, StoreTooNewError, UserStore
from healthreader.store.schema import APPLICATION_ID, SCHEMA_VERSION

from .conftest import FakeClock


def _aside_files(path: Path) -> list[Path]:
    return sorted(p for p in path.parent.iterdir() if ".broken-" in p.name)


def _open_fresh(path: Path, clock: FakeClock) -> UserStore:
    s = UserStore.open(path, clock=clock)
    s.add_bookmark("works", title="可以用")  # the fresh store is usable
    return s


def test_text_file_is_moved_aside(store_path: Path, clock: FakeClock) -> None:
    store_path.parent.mkdir(parents=True)
    store_path.write_text("这不是数据库\n", encoding="utf-8")
    with _open_fresh(store_path, clock) as s:
        assert s.recovery is not None
        assert s.recovery.reason is RecoveryReason.NOT_SQLITE
        assert s.recovered_from == _aside_files(store_path)[0]
        assert s.recovered_from.read_text(encoding="utf-8") == "这不是数据库\n"
        assert s.recovered_from.name.startswith("userdata.sqlite3.broken-2026")
        assert "was not a bookmarks file" in s.recovery.message


def test_foreign_sqlite_database_is_moved_aside(store_path: Path, clock: FakeClock) -> None:
    store_path.parent.mkdir(parents=True)
    other = sqlite3.connect(store_path)
    other.execute("CREATE TABLE recipes (name TEXT)")
    other.execute("INSERT INTO recipes VALUES ('饺子')")
    other.commit()
    other.close()
    with _open_fresh(store_path, clock) as s:
        assert s.recovery is not None and s.recovery.reason is RecoveryReason.FOREIGN
        kept = sqlite3.connect(s.recovered_from)  # type: ignore[arg-type]
        assert kept.execute("SELECT name FROM recipes").fetchall() == [("饺子",)]
        kept.close()


def test_damaged_store_is_moved_aside(store_path: Path, clock: FakeClock) -> None:
    with UserStore.open(store_path) as s:
        for n in range(200):
            s.add_bookmark(f"e{n}", title=f"条目 {n}", note="x" * 200)
    # Checkpoint the WAL into the main file, then scribble over pages after the header.
    conn = sqlite3.connect(store_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(store_path.read_bytes())
    for i in range(4096 + 100, len(data), 97):
        data[i] = 0xA5
    store_path.write_bytes(bytes(data))
    with _open_fresh(store_path, clock) as s:
        assert s.recovery is not None and s.recovery.reason is RecoveryReason.CORRUPT
        assert s.count_bookmarks() == 1
        assert s.recovered_from.read_bytes() == bytes(data)  # type: ignore[union-attr]


def test_our_id_but_tables_missing_is_damage(store_path: Path, clock: FakeClock) -> None:
    store_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(store_path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.execute("CREATE TABLE bookmarks (x)")
    conn.commit()
    conn.close()
    with _open_fresh(store_path, clock) as s:
        assert s.recovery is not None and s.recovery.reason is RecoveryReason.CORRUPT


def test_never_overwrites_an_earlier_aside_file(store_path: Path, clock: FakeClock) -> None:
    store_path.parent.mkdir(parents=True)
    clock.now = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)
    frozen = lambda: clock.now
    for text in ("first", "second"):
        store_path.write_text(text)
        for side in ("-wal", "-shm"):
            Path(str(store_path) + side).unlink(missing_ok=True)
        UserStore.open(store_path, clock=frozen).close()
    moved = [p for p in _aside_files(store_path) if not p.name.endswith(("-wal", "-shm"))]
    assert sorted(p.read_text() for p in moved) == ["first", "second"]
    stamp = clock.now.astimezone().strftime("%Y%m%d-%H%M%S")  # named in the reader's local time
    assert {p.name for p in moved} == {f"userdata.sqlite3.broken-{stamp}", f"userdata.sqlite3.broken-{stamp}-2"}


def test_stale_wal_moves_with_the_file(store_path: Path, clock: FakeClock) -> None:
    store_path.parent.mkdir(parents=True)
    store_path.write_bytes(b"garbage" * 10)
    wal = Path(str(store_path) + "-wal")
    wal.write_bytes(b"old log")
    with _open_fresh(store_path, clock) as s:
        assert Path(str(s.recovered_from) + "-wal").read_bytes() == b"old log"


def test_empty_file_is_simply_a_new_store(store_path: Path, clock: FakeClock) -> None:
    store_path.parent.mkdir(parents=True)
    store_path.write_bytes(b"")
    with _open_fresh(store_path, clock) as s:
        assert s.recovery is None
    assert _aside_files(store_path) == []


def test_store_from_a_newer_version_is_refused_and_left_alone(store_path: Path) -> None:
    UserStore.open(store_path).close()
    conn = sqlite3.connect(store_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = store_path.read_bytes()
    with pytest.raises(StoreTooNewError) as info:
        UserStore.open(store_path)
    assert info.value.found == SCHEMA_VERSION + 1
    assert store_path.read_bytes() == before
    assert _aside_files(store_path) == []


def test_unwritable_folder_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    from healthreader.store import StoreError

    with pytest.raises(StoreError):
        UserStore.open(blocker / "sub" / "userdata.sqlite3")


def test_a_folder_in_the_way_is_an_error_not_moved(store_path: Path) -> None:
    from healthreader.store import StoreError

    store_path.mkdir(parents=True)
    with pytest.raises(StoreError):
        UserStore.open(store_path)
    assert store_path.is_dir()
