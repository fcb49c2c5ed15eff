"""Files beside the store that SQLite would replay into it (-wal, -journal) or trust (-shm).

A log that is not the store's own is moved aside, byte for byte, before SQLite opens anything; the
store's own log (left by a killed process) is replayed, so its committed bookmarks are kept.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from healthreader.store import RecoveryReason, UserStore
from tests.hostile.faults import BOUND_S, PROCESS_BOUND_S, entry_ids, other_programs_wal, run_cli

KEEP = [f"keep-{n}" for n in range(5)]


def _store_with_bookmarks(path: Path) -> None:
    with UserStore.open(path) as store:
        for eid in KEEP:
            store.add_bookmark(eid, title=f"收藏 {eid}", note="问医生")


def _killed_writer(path: Path, ids: list[str]) -> None:
    """Add bookmarks in another process that dies before it can checkpoint: they live in its -wal only."""
    script = (
        "import os, sys\n"
        "from healthreader.store import UserStore\n"
        f"s = UserStore.open({str(path)!r})\n"
        f"for eid in {ids!r}: s.add_bookmark(eid, title='杀掉前')\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, env=dict(os.environ))


def _hot_journal(tmp: Path) -> bytes:
    """A rollback journal of another database, left hot by a process killed mid-transaction."""
    db = tmp / "journal.db"
    script = (
        "import sqlite3, os, sys\n"
        f"c = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
        "c.execute('PRAGMA cache_size=1'); c.execute('CREATE TABLE t(x)')\n"
        "c.execute('BEGIN')\n"
        "c.executemany('INSERT INTO t VALUES (?)', [(os.urandom(900),) for _ in range(300)])\n"
        "c.execute('UPDATE t SET x = zeroblob(900)')\n"
        f"sys.stdout.buffer.write(open({str(db) + '-journal'!r}, 'rb').read()); sys.stdout.flush()\n"
        "os._exit(0)\n"
    )
    return subprocess.run([sys.executable, "-c", script], capture_output=True, check=True).stdout


STRAYS: dict[str, tuple[str, Callable[[Path], bytes]]] = {
    "another program's write-ahead log": ("-wal", lambda t: other_programs_wal(t)),
    "another HealthReader store's write-ahead log": ("-wal", lambda t: other_programs_wal(t, as_healthreader=True)),
    "random bytes named -wal": ("-wal", lambda t: os.urandom(70_000)),
    "a -wal shorter than a header": ("-wal", lambda t: b"\x37\x7f\x06"),
    "another program's hot rollback journal": ("-journal", _hot_journal),
}


@pytest.mark.parametrize("kind", list(STRAYS))
def test_a_stray_companion_is_kept_aside_untouched_and_the_store_opens_whole(tmp_path: Path, kind: str) -> None:
    suffix, make = STRAYS[kind]
    store_file = tmp_path / "data" / "userdata.sqlite3"
    _store_with_bookmarks(store_file)
    blob = make(tmp_path)
    Path(str(store_file) + suffix).write_bytes(blob)
    Path(str(store_file) + "-shm").write_bytes(os.urandom(32_768))  # its index, as stale as the log

    started = time.monotonic()
    with UserStore.open(store_file) as store:
        assert time.monotonic() - started < BOUND_S
        assert store.recovery is not None and store.recovery.reason is RecoveryReason.STRAY
        assert sorted(b.entry_id for b in store.list_bookmarks()) == KEEP
        assert store.recovery.moved_to.read_bytes() == blob  # kept byte for byte
        assert store.recovery.moved_to.name.startswith(f"userdata.sqlite3{suffix}.stray-")
        assert "did not belong" in store.recovery.message
        store.add_bookmark("after", title="之后")  # and it works
    with UserStore.open(store_file) as store:  # the next start is clean
        assert store.recovery is None
        assert len(store.list_bookmarks()) == len(KEEP) + 1


def test_a_log_with_no_store_beside_it_is_kept_not_deleted(tmp_path: Path) -> None:
    store_file = tmp_path / "data" / "userdata.sqlite3"
    store_file.parent.mkdir()
    blob = other_programs_wal(tmp_path)
    Path(str(store_file) + "-wal").write_bytes(blob)  # SQLite deletes a log beside an empty database
    with UserStore.open(store_file) as store:
        assert store.recovery is not None and store.recovery.reason is RecoveryReason.STRAY
        assert store.recovery.moved_to.read_bytes() == blob
        assert store.count_bookmarks() == 0


def test_the_stores_own_log_from_a_killed_process_is_replayed(tmp_path: Path) -> None:
    store_file = tmp_path / "data" / "userdata.sqlite3"
    _store_with_bookmarks(store_file)
    _killed_writer(store_file, ["only-in-the-log-1", "only-in-the-log-2"])
    assert Path(str(store_file) + "-wal").stat().st_size > 0
    with UserStore.open(store_file) as store:
        assert store.recovery is None
        assert {"only-in-the-log-1", "only-in-the-log-2", *KEEP} == {b.entry_id for b in store.list_bookmarks()}


def test_a_checkpoint_cut_short_is_not_taken_for_damage(tmp_path: Path) -> None:
    """After a checkpoint killed half-way the file alone is a mix of old and new pages; only the file with
    its log is the store.  Judging the file alone would set the whole store aside."""
    store_file = tmp_path / "data" / "userdata.sqlite3"
    _store_with_bookmarks(store_file)
    _killed_writer(store_file, [f"late-{n}" for n in range(40)])
    wal = Path(str(store_file) + "-wal").read_bytes()
    page_size = int.from_bytes(wal[8:12], "big")
    logged = {int.from_bytes(wal[at : at + 4], "big") for at in range(32, len(wal) - 24, 24 + page_size)}
    data = bytearray(store_file.read_bytes())
    for pgno in logged - {1}:  # pages the log holds newer copies of: scribbled, as a cut checkpoint leaves them
        start = (pgno - 1) * page_size
        if start < len(data):
            data[start : start + page_size] = os.urandom(min(page_size, len(data) - start))
    store_file.write_bytes(bytes(data))
    with UserStore.open(store_file) as store:
        assert store.recovery is None
        assert len(store.list_bookmarks()) == len(KEEP) + 40


def test_a_damaged_store_moves_aside_with_its_log_byte_for_byte(tmp_path: Path) -> None:
    store_file = tmp_path / "data" / "userdata.sqlite3"
    _store_with_bookmarks(store_file)
    _killed_writer(store_file, ["in-the-log"])
    conn = sqlite3.connect(":memory:")
    conn.close()
    raw = bytearray(store_file.read_bytes())
    raw[100:4096] = b"\xa5" * (4096 - 100)  # page 1 scribbled: the store is damaged, log or not
    store_file.write_bytes(bytes(raw))
    wal = Path(str(store_file) + "-wal").read_bytes()
    with UserStore.open(store_file) as store:
        assert store.recovery is not None and store.recovery.reason is RecoveryReason.CORRUPT
        kept = store.recovery.moved_to
        assert kept.read_bytes() == bytes(raw)
        assert Path(str(kept) + "-wal").read_bytes() == wal  # not replayed into the file first


def test_the_command_line_says_what_it_kept(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _store_with_bookmarks(data / "userdata.sqlite3")
    (data / "userdata.sqlite3-wal").write_bytes(other_programs_wal(tmp_path))
    ran = run_cli("bookmarks", "list", data=data)
    ran.assert_clear(0)
    assert "did not belong to them and was kept as" in ran.err
    assert sorted(line.split("\t")[0] for line in ran.out.splitlines()) == KEEP
    assert entry_ids(data / "userdata.sqlite3") == set(KEEP)


def _live_index_of_another_database(tmp: Path) -> bytes:
    """The -shm of another database, copied while that database had frames in its log."""
    db = tmp / "other-live.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [(n,) for n in range(500)])
    conn.commit()
    data = Path(str(db) + "-shm").read_bytes()
    conn.close()
    return data


LONE_SHM: dict[str, Callable[[Path, Path], None]] = {
    "random bytes": lambda shm, _tmp: shm.write_bytes(os.urandom(32_768)) and None,
    "another database's index": lambda shm, tmp: shm.write_bytes(_live_index_of_another_database(tmp)) and None,
    "an empty file": lambda shm, _tmp: shm.write_bytes(b"") and None,
    "a link to nowhere": lambda shm, _tmp: shm.symlink_to("/nonexistent/userdata.sqlite3-shm"),
    "a link to a file elsewhere": lambda shm, tmp: shm.symlink_to(tmp / "elsewhere.txt"),
    "a named pipe": lambda shm, _tmp: os.mkfifo(shm),
    "a folder": lambda shm, _tmp: shm.mkdir(),
}


@pytest.mark.parametrize("kind", list(LONE_SHM))
def test_a_lone_shm_never_makes_the_store_unusable_read_only_or_foreign(tmp_path: Path, kind: str) -> None:
    """A -shm is only SQLite's index of a -wal; with no -wal beside it (a process killed as it closed,
    a copy, a backup tool, a 'sudo healthreader' that left it owned by root) it indexes nothing.  It is
    kept aside as it is, quietly, and SQLite makes a new one: the store opens whole and writable."""
    store_file = tmp_path / "data" / "userdata.sqlite3"
    _store_with_bookmarks(store_file)
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("一个别人的文件\n", encoding="utf-8")
    shm = Path(str(store_file) + "-shm")
    assert not Path(str(store_file) + "-wal").exists()
    LONE_SHM[kind](shm, tmp_path)
    before = os.lstat(shm)
    content = shm.read_bytes() if shm.is_file() and not shm.is_symlink() else None

    ran = run_cli("bookmarks", "list", data=store_file.parent)
    ran.assert_clear(0)
    assert sorted(line.split("\t")[0] for line in ran.out.splitlines()) == KEEP
    assert "did not belong" not in ran.err and "could not" not in ran.err, ran.err  # nothing to tell the reader

    with UserStore.open(store_file) as store:
        assert store.recovery is None and store.read_only is None, (store.recovery, store.read_only)
        store.add_bookmark("after", title="之后")
    kept = sorted(store_file.parent.glob("userdata.sqlite3-shm.stray-*"))
    assert len(kept) == 1, sorted(p.name for p in store_file.parent.iterdir())
    after = os.lstat(kept[0])
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)  # the same thing, only renamed
    if content is not None:
        assert kept[0].read_bytes() == content
    assert elsewhere.read_text(encoding="utf-8") == "一个别人的文件\n"  # a link is never written through
    assert entry_ids(store_file) == {*KEEP, "after"}


@pytest.mark.parametrize("name", ["userdata.sqlite3-wal", "userdata.sqlite3-journal", "userdata.sqlite3"])
def test_a_named_pipe_in_the_stores_place_is_kept_aside_not_waited_on(tmp_path: Path, name: str) -> None:
    """Reading a named pipe waits for a writer that never comes: the app would hang at every start."""
    data = tmp_path / "data"
    if name == "userdata.sqlite3":
        data.mkdir()
    else:
        _store_with_bookmarks(data / "userdata.sqlite3")
    os.mkfifo(data / name)
    started = time.monotonic()
    ran = run_cli("bookmarks", "list", data=data)
    assert time.monotonic() - started < PROCESS_BOUND_S
    ran.assert_clear(0)
    expected = [] if name == "userdata.sqlite3" else KEEP
    assert sorted(line.split("\t")[0] for line in ran.out.splitlines()) == expected
    assert "kept as" in ran.err, ran.err  # said once, in a sentence
    kept = [p for p in data.iterdir() if p.name.startswith(name + ".") and p.is_fifo()]
    assert len(kept) == 1, sorted(p.name for p in data.iterdir())
    assert run_cli("bookmarks", "add", "alpha", data=data).rc == 0
    again = run_cli("bookmarks", "list", data=data)
    again.assert_clear(0)
    assert again.err == "" and "alpha" in again.out
