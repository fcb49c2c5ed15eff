"""Nothing is lost when the real process is killed, and two processes writing at once corrupt nothing.

The ``healthreader bookmarks stress N`` command adds bookmarks one transaction at a time and prints
each key only after its commit.  We SIGKILL it at random moments (often in the middle of a commit) and
check that every key it printed is in the file, that ``PRAGMA integrity_check`` is ok and that the store
opens without being taken for a damaged one.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import pytest

from healthreader.store import UserStore
from tests.conftest import ROOT

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]

KILLS = int(os.environ.get("HEALTHREADER_KILLS", "60"))
SEED = int(os.environ.get("HEALTHREADER_KILL_SEED", "20261127"))


def _start(data_dir: Path, *args: str, stderr: IO[str] | int = subprocess.PIPE) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.Popen(
        [sys.executable, "-m", "healthreader", "--data-dir", str(data_dir), "bookmarks", *args],
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        env=env,
        cwd=ROOT,
    )


def _rest_after_kill(proc: subprocess.Popen[str]) -> str:
    """What the killed process wrote after the lines already read.  Through the file object, not
    communicate(), which reads the descriptor and drops what readline() had buffered ahead."""
    proc.wait(timeout=30)
    assert proc.stdout is not None
    rest = proc.stdout.read()
    proc.stdout.close()
    return rest


def _confirmed_lines(text: str) -> list[str]:
    # A line counts only when complete: the newline is written in the same write() as the key.
    return [line for line in text.split("\n")[:-1] if line]


def _check(store_file: Path, confirmed: set[str]) -> int:
    """Every confirmed key is there and the file is sound; returns how many bookmarks it holds."""
    conn = sqlite3.connect(store_file)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    # Opening must not take the file for a damaged one (killed before the schema's first commit, the
    # file is an empty database: the store then simply creates its tables).
    with UserStore.open(store_file) as store:
        assert store.recovery is None, store.recovery
        present = {b.entry_id for b in store.list_bookmarks()}
    lost = confirmed - present
    assert not lost, f"{len(lost)} confirmed bookmark(s) lost, e.g. {sorted(lost)[:5]}"
    return len(present)


def test_sigkill_while_adding_loses_no_confirmed_bookmark(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rng = random.Random(SEED)
    data_dir = tmp_path / "data"
    store_file = data_dir / "userdata.sqlite3"
    confirmed: set[str] = set()
    # Where each kill landed, from the process's trace ('adding K', 'COMMIT K' as SQLite starts the
    # COMMIT) and its confirmations: a machine under load can put every kill in start-up or between
    # two adds, and then the test proves nothing about a kill in the middle of a write.
    landed = {"start-up": 0, "between adds": 0, "before the commit": 0, "inside the commit": 0}
    committed_unconfirmed = 0
    started = time.monotonic()
    for kill in range(KILLS):
        trace_file = tmp_path / f"trace-{kill}.txt"
        with trace_file.open("w") as trace_out:
            proc = _start(data_dir, "stress", "1000000", "--prefix", f"k{kill}", "--trace", stderr=trace_out)
        assert proc.stdout is not None
        wanted = rng.choice([0, 1, 2, 5, 10, 20, 40])
        for _ in range(wanted):
            line = proc.stdout.readline()
            assert line.endswith("\n"), f"the process ended early: {trace_file.read_text()[-500:]}"
            confirmed.add(line.strip())
        # Land the kill at a random point: before the first commit, between commits, inside one.
        time.sleep(rng.uniform(0, 0.3) if wanted == 0 else rng.uniform(0, 0.01))
        proc.send_signal(signal.SIGKILL)
        rest = _rest_after_kill(proc)
        assert proc.returncode == -signal.SIGKILL
        confirmed.update(_confirmed_lines(rest))  # printed (so committed) before the kill landed
        trace = _confirmed_lines(trace_file.read_text())
        adding = [line.split(" ", 1)[1] for line in trace if line.startswith("adding ")]
        committing = {line.split(" ", 1)[1] for line in trace if line.startswith("COMMIT ")}
        last = adding[-1] if adding else None
        if last is None:
            landed["start-up"] += 1
        elif last in confirmed:
            landed["between adds"] += 1
        else:
            landed["inside the commit" if last in committing else "before the commit"] += 1
        if store_file.exists():
            _check(store_file, confirmed)
            if last is not None and last not in confirmed:
                with UserStore.open(store_file) as store:  # committed, killed before it could say so
                    committed_unconfirmed += any(b.entry_id == last for b in store.list_bookmarks())
    total = _check(store_file, confirmed)
    with capsys.disabled():
        print(
            f"\nkill test: {KILLS} SIGKILLs in {time.monotonic() - started:.1f} s, "
            f"{len(confirmed)} bookmarks confirmed, {total} in the store, 0 lost, integrity ok every time; "
            f"landed: {', '.join(f'{n} {where}' for where, n in landed.items())} "
            f"({committed_unconfirmed} of those in an add found committed though never confirmed)"
        )
    # How many land inside a COMMIT depends on the machine's speed; the test needs some, not a quota.
    assert landed["inside the commit"] >= 1, f"no kill landed inside a commit: {landed}"


def test_sigkill_while_the_store_is_created_never_looks_damaged(tmp_path: Path) -> None:
    rng = random.Random(SEED + 1)
    for attempt in range(10):
        data_dir = tmp_path / f"fresh{attempt}"
        proc = _start(data_dir, "stress", "5")
        time.sleep(rng.uniform(0.05, 0.5))
        proc.send_signal(signal.SIGKILL)
        rest, _ = proc.communicate(timeout=30)
        store_file = data_dir / "userdata.sqlite3"
        if store_file.exists():
            _check(store_file, set(_confirmed_lines(rest)))
        assert not [p for p in data_dir.glob("*") if ".broken-" in p.name] if data_dir.exists() else True


def test_two_processes_writing_at_once(tmp_path: Path) -> None:
    data_dir = tmp_path / "shared"  # both start on a folder with no store yet: creation races too
    count = 150
    procs = [_start(data_dir, "stress", str(count), "--prefix", p) for p in ("window-a", "window-b")]
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert len(_confirmed_lines(out)) == count
    confirmed = {line for out, _ in outputs for line in _confirmed_lines(out)}
    assert _check(data_dir / "userdata.sqlite3", confirmed) == 2 * count
