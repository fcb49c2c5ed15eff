"""A full disk, a read-only store file, a read-only data folder, a read-only home: reading goes on,
saving says why it cannot (a sentence, not a traceback), and no bookmark is lost.

Root ignores file modes, so "read-only" here is a read-only mount (a tmpfs remounted ``ro``, or a
file bind-mounted read-only), which binds root too; these cases need root and skip without it.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from healthreader.store import StoreAccessError, StoreAction, StoreProblem, UserStore
from tests.hostile.faults import (
    BOUND_S,
    entry_ids,
    fill,
    needs_root,
    read_only_file,
    remount,
    run_cli,
    run_window,
    tmpfs,
)

pytestmark = needs_root


def _store(path: Path, n: int) -> set[str]:
    with UserStore.open(path) as s:
        for i in range(n):
            s.add_bookmark(f"keep-{i}", title=f"收藏 {i}", note="笔记" * 20)
    return {f"keep-{i}" for i in range(n)}


def test_disk_full_reads_saves_nothing_and_says_why(tmp_path: Path) -> None:
    with tmpfs("8m") as mnt:
        data = mnt / "data"
        kept = _store(data / "userdata.sqlite3", 96)
        fill(mnt)
        started = time.monotonic()
        with UserStore.open(data / "userdata.sqlite3") as s:
            assert {b.entry_id for b in s.list_bookmarks()} == kept
            for attempt in (
                lambda: s.add_bookmark("one-more", title="再一个", note="长" * 5000),
                lambda: [s.record_visit(f"read-{i}", title="读过" * 200) for i in range(50)],
                lambda: s.set_note("keep-0", "", "新的笔记" * 2000),
            ):
                with pytest.raises(StoreAccessError) as failed:
                    attempt()
                assert failed.value.problem is StoreProblem.DISK_FULL
                assert failed.value.action is StoreAction.SAVE
                assert "the disk is full" in str(failed.value)
            assert {b.entry_id for b in s.list_bookmarks()} == kept  # nothing half-written shows
            (mnt / "filler").unlink()  # space again: the same store saves
            s.add_bookmark("one-more", title="再一个")
        assert time.monotonic() - started < BOUND_S
        assert entry_ids(data / "userdata.sqlite3") == kept | {"one-more"}


def test_disk_full_command_line_and_window(tmp_path: Path) -> None:
    with tmpfs("8m") as mnt:
        data = mnt / "data"
        kept = _store(data / "userdata.sqlite3", 96)
        fill(mnt)
        added = run_cli("bookmarks", "add", "alpha", "--note", "满" * 3000, data=data)
        added.assert_clear(2)
        assert "the disk is full" in added.err
        listed = run_cli("bookmarks", "list", data=data)
        listed.assert_clear(0)
        assert len(listed.out.splitlines()) == 96
        window = run_window(data)
        window.assert_clear(0)
        assert "[screenshot saved]" in window.out
        assert "Logging error" not in window.err  # a full disk does not turn every log line into a traceback
        assert entry_ids(data / "userdata.sqlite3") == kept


def test_read_only_store_file(tmp_path: Path) -> None:
    with tmpfs("8m") as mnt:
        data = mnt / "data"
        kept = _store(data / "userdata.sqlite3", 10)
        with read_only_file(data / "userdata.sqlite3"):
            with UserStore.open(data / "userdata.sqlite3") as s:
                assert s.read_only is not None and s.read_only.problem is StoreProblem.READ_ONLY
                assert {b.entry_id for b in s.list_bookmarks()} == kept
                assert len(s.recent_history()) == 0
                with pytest.raises(StoreAccessError) as failed:
                    s.remove_bookmark("keep-0")
                assert failed.value.problem is StoreProblem.READ_ONLY
                assert "read-only" in str(failed.value) and "can still be read" in str(failed.value)
            removed = run_cli("bookmarks", "remove", "keep-0", data=data)
            removed.assert_clear(2)
            assert "read-only" in removed.err
            run_window(data).assert_clear(0)
        assert entry_ids(data / "userdata.sqlite3") == kept


def test_read_only_data_folder_reads_the_store_and_its_log(tmp_path: Path) -> None:
    with tmpfs("8m") as mnt:
        data = mnt / "data"
        kept = _store(data / "userdata.sqlite3", 10)
        # A process killed before its checkpoint, then the folder went read-only: the last bookmarks
        # are in the -wal only, and must be read from there.
        script = (
            "import os\nfrom healthreader.store import UserStore\n"
            f"s = UserStore.open({str(data / 'userdata.sqlite3')!r})\n"
            "s.add_bookmark('in-the-log', title='日志里')\nos._exit(0)\n"
        )
        subprocess.run([sys.executable, "-c", script], check=True)
        remount(mnt, "ro")
        with UserStore.open(data / "userdata.sqlite3") as s:
            assert s.read_only is not None and s.read_only.problem is StoreProblem.READ_ONLY
            assert {b.entry_id for b in s.list_bookmarks()} == kept | {"in-the-log"}
            with pytest.raises(StoreAccessError):
                s.add_bookmark("no", title="不")
        listed = run_cli("bookmarks", "list", data=data)
        listed.assert_clear(0)
        assert len(listed.out.splitlines()) == 11
        added = run_cli("bookmarks", "add", "alpha", data=data)
        added.assert_clear(2)
        assert "read-only" in added.err
        window = run_window(data)
        window.assert_clear(0)
        assert "[screenshot saved]" in window.out


def test_read_only_folder_with_a_stray_log_reads_the_store_without_it(tmp_path: Path) -> None:
    from tests.hostile.faults import other_programs_wal

    with tmpfs("8m") as mnt:
        data = mnt / "data"
        kept = _store(data / "userdata.sqlite3", 5)
        blob = other_programs_wal(tmp_path)
        (data / "userdata.sqlite3-wal").write_bytes(blob)
        before = (data / "userdata.sqlite3").read_bytes()
        remount(mnt, "ro")  # the stray cannot be moved aside: it must not be replayed either
        with UserStore.open(data / "userdata.sqlite3") as s:
            assert s.read_only is not None
            assert {b.entry_id for b in s.list_bookmarks()} == kept
        assert (data / "userdata.sqlite3").read_bytes() == before
        assert (data / "userdata.sqlite3-wal").read_bytes() == blob
