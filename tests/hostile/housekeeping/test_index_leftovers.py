"""What the search index leaves and suffers over months: the folders of killed builds (removed at the
next build or start, never a build in progress), and damaged files (every changed bit of a small file
noticed at start, of a large one by ``index status --verify``), rebuilt."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from healthreader.content import load_library
from healthreader.search.index import (
    STALE_UNLOCKED_BUILD_S,
    IndexManager,
    IndexStatus,
    build_index,
    check_index,
    remove_stale_builds,
)
from tests.conftest import TINY_LIBRARY
from tests.hostile.faults import run_cli


@pytest.fixture(scope="module")
def library():  # type: ignore[no-untyped-def]
    return load_library([TINY_LIBRARY])


def _old(path: Path) -> None:
    past = time.time() - STALE_UNLOCKED_BUILD_S - 60
    os.utime(path, (past, past))


def test_folders_of_killed_builds_go_at_the_next_build(tmp_path: Path, library) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "data" / "index"
    target.parent.mkdir(parents=True)
    for n in range(16):  # killed builds: their lock files are there, and free
        stale = target.parent / f".index.build-killed{n}"
        stale.mkdir()
        (stale / "MAIN_x.seg").write_bytes(b"\0" * 1000)
        (target.parent / f".index.build-killed{n}.lock").touch()
    very_old = target.parent / ".index.build-fromolderversion"  # no lock file, days old
    very_old.mkdir()
    _old(very_old)
    # A build makes and holds its lock before its folder: a folder a second old with no lock is a
    # build killed in between (left for ten minutes, the e2e kill test found one after the next start).
    (target.parent / ".index.build-killedbeforeitslock").mkdir()
    (target.parent / ".index.old-cutshort").mkdir()  # a swap cut short
    build_index(library, target)
    left = sorted(p.name for p in target.parent.iterdir() if p.name.startswith("."))
    assert left == []


def test_a_build_that_holds_its_lock_and_has_no_folder_yet_keeps_its_lock(tmp_path: Path, library) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "index"
    lock = tmp_path / ".index.build-starting.lock"
    fd = os.open(lock, os.O_RDWR | os.O_CREAT)
    try:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX)
        remove_stale_builds(target)
        assert lock.exists()  # its folder comes next
    finally:
        os.close(fd)
    remove_stale_builds(target)
    assert not lock.exists()  # free, and of nothing: gone


def test_a_build_in_progress_is_never_removed(tmp_path: Path, library) -> None:  # type: ignore[no-untyped-def]
    """Another window building the same index right now holds its lock: its folder stays."""
    target = tmp_path / "index"
    script = (
        "import sys, time, fcntl, os\n"
        f"d = {str(tmp_path / '.index.build-busy')!r}\n"
        "fd = os.open(d + '.lock', os.O_RDWR | os.O_CREAT)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX)\n"
        "os.mkdir(d)\n"
        "print('locked', flush=True)\n"
        "time.sleep(30)\n"
    )
    busy = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert busy.stdout is not None and busy.stdout.readline().strip() == "locked"
        _old(tmp_path / ".index.build-busy")
        assert remove_stale_builds(target) == 0
        assert (tmp_path / ".index.build-busy").is_dir()
    finally:
        busy.kill()
        busy.wait()
    assert remove_stale_builds(target) == 1  # its process is gone: now it may go
    assert not (tmp_path / ".index.build-busy").exists()


def test_leftovers_go_at_the_next_start_too(tmp_path: Path, library) -> None:  # type: ignore[no-untyped-def]
    user = tmp_path / "index"
    build_index(library, user)
    stale = tmp_path / ".index.build-killed"
    stale.mkdir()
    (tmp_path / ".index.build-killed.lock").touch()
    opened = IndexManager(library, user, prebuilt_dirs=[]).open_or_build()
    opened.close()
    assert not stale.exists() and not (tmp_path / ".index.build-killed.lock").exists()


def test_every_overwrite_of_a_small_index_file_is_noticed_and_rebuilt(tmp_path: Path, library) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(14)
    pristine = tmp_path / "pristine"
    build_index(library, pristine)
    files = [p.name for p in pristine.iterdir() if p.name != "manifest.json" and p.stat().st_size]
    noticed = 0
    for _ in range(60):
        index = tmp_path / "index"
        shutil.rmtree(index, ignore_errors=True)
        shutil.copytree(pristine, index)
        target = index / rng.choice(files)
        data = bytearray(target.read_bytes())
        data[rng.randrange(len(data))] ^= 0x01  # one bit, anywhere
        target.write_bytes(bytes(data))
        status, _reason = check_index(index, library)
        noticed += status is IndexStatus.CORRUPT
    assert noticed == 60
    opened = IndexManager(library, tmp_path / "index", prebuilt_dirs=[]).open_or_build()  # rebuilt, usable
    assert opened.searcher.doc_count() == len(library)
    opened.close()


def test_verify_checks_large_files_whole(tmp_path: Path, library, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from healthreader.search import index as index_module

    # The tiny library's files are small; shrink the samples and the "small file" size to match, so
    # its largest file is a "large" one, checked by 16 samples of 16 bytes at start.
    monkeypatch.setattr(index_module, "_SAMPLE", 16)
    monkeypatch.setattr(index_module, "WHOLE_CHECK_BYTES", 0)
    index = tmp_path / "index"
    build_index(library, index)
    big = max((p for p in index.iterdir() if p.name != "manifest.json"), key=lambda p: p.stat().st_size)
    data = bytearray(big.read_bytes())
    assert len(data) > 16 * 16 * 4, "the largest file must be one that is sampled"
    sampled = {(len(data) - 16) * i // 15 + k for i in range(16) for k in range(16)}
    spot = next(i for i in range(len(data) // 2, len(data)) if i not in sampled)
    data[spot] ^= 0x01
    big.write_bytes(bytes(data))
    assert check_index(index, library)[0] is IndexStatus.OK  # between the samples: unseen at start
    assert check_index(index, library, verify=True)[0] is IndexStatus.CORRUPT


def test_index_status_verify_names_the_damage(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run_cli("index", "build", "-q", data=data).assert_clear(0)
    docs = data / "index" / "catalogue.sqlite"
    docs.write_bytes(docs.read_bytes()[:-1] + b" ")
    ran = run_cli("index", "status", "--verify", data=data)
    ran.assert_clear(1)
    assert any(line.startswith("corrupt") and "catalogue.sqlite" in line for line in ran.out.splitlines())
    assert "builds a new one at its next start" in ran.err


MANIFESTS: dict[str, str] = {
    "100,000-deep nesting": "[" * 100_000 + "]" * 100_000,
    "files is a number": '{"format": "healthreader-search-index", "schema": 1, "libraries": [], "content_hash": "",'
    ' "entries": 3, "built": "", "files": 5}',
    "libraries is text": '{"format": "healthreader-search-index", "schema": 1, "libraries": "x", "content_hash": "",'
    ' "entries": 3, "built": "", "files": {}}',
    "an unknown field": '{"format": "healthreader-search-index", "schema": 1, "oops": 1}',
    "a 5,000-digit schema": '{"format": "healthreader-search-index", "schema": ' + "9" * 5000 + "}",
    "not UTF-8": '{"format": "\xff"}',
}


@pytest.mark.parametrize("case", list(MANIFESTS))
def test_a_damaged_manifest_is_a_corrupt_index_rebuilt_not_a_crash(tmp_path: Path, case: str) -> None:
    """The manifest is read at every start: a disk that damaged it must cost a rebuild, not every start."""
    data = tmp_path / "data"
    run_cli("index", "build", "-q", data=data).assert_clear(0)
    manifest = data / "index" / "manifest.json"
    manifest.write_bytes(MANIFESTS[case].encode("utf-8", "surrogateescape"))
    status = run_cli("index", "status", data=data)
    status.assert_clear(0, 1)
    assert f"corrupt  {data / 'index'}" in status.out, status.out
    found = run_cli("search", "面瘫", data=data)
    found.assert_clear(0)
    assert "(alpha#" in found.out
    again = run_cli("index", "status", data=data)
    assert f"ok       {data / 'index'}" in again.out, again.out  # rebuilt by the search


@pytest.mark.parametrize("kind", ["100,000 brackets", "a named pipe", "5,000 digits"])
def test_a_damaged_content_hash_cache_costs_a_rehash_not_the_start(tmp_path: Path, kind: str) -> None:
    data = tmp_path / "data"
    run_cli("search", "面瘫", data=data).assert_clear(0)
    [cache] = list(data.rglob("search-content-hash.json"))
    cache.unlink()
    if kind == "a named pipe":
        os.mkfifo(cache)
    else:
        cache.write_text("[" * 100_000 + "]" * 100_000 if kind.startswith("100") else "9" * 5000, encoding="utf-8")
    found = run_cli("search", "面瘫", data=data)  # within PROCESS_BOUND_S, or TimeoutExpired
    found.assert_clear(0)
    assert "(alpha#" in found.out


_DAMAGED_MID_SEARCH = """
import sqlite3, sys
from healthreader.search import service
real = service.SearchService._paged
failed = []
def paged(self, *args, **kwargs):
    if not failed:  # the first read of the index meets a damaged page, as a bad sector gives it
        failed.append(True)
        raise sqlite3.DatabaseError("database disk image is malformed")
    return real(self, *args, **kwargs)
service.SearchService._paged = paged
from healthreader.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def test_an_index_damaged_where_the_start_check_does_not_look_is_rebuilt_by_the_command_line(tmp_path: Path) -> None:
    """Large index files are only sampled at start; damage between the samples shows in the middle of a
    search.  The window rebuilds then; the command line did not (every answer empty, and a traceback)."""
    import os

    from tests.conftest import ROOT

    data = tmp_path / "data"
    run_cli("index", "build", "-q", data=data).assert_clear(0)
    args = ["--data-dir", str(data), "--no-bundled", "--library", str(TINY_LIBRARY), "search", "面瘫"]
    ran = subprocess.run(
        [sys.executable, "-c", _DAMAGED_MID_SEARCH, *args],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT / "src")),
        timeout=120,
        check=False,
    )
    assert "Traceback" not in ran.stderr, ran.stderr
    assert ran.returncode == 0, ran.stderr
    assert "(alpha#" in ran.stdout
    assert "damaged" in ran.stderr and "rebuil" in ran.stderr
