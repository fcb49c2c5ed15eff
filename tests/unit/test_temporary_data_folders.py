"""The temporary data folder a run falls back on (a home it cannot write) is named for its process,
and a start removes those of processes that are gone: one killed (SIGKILL, a power cut) never ran its
clean-up, and a kiosk on a read-only home starts every morning."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from healthreader import APP_NAME
from healthreader.paths import DataPaths


@pytest.fixture
def tmpdir_(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    return scratch


def a_dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_temporary_folder_is_named_for_its_process_and_the_dead_ones_go(tmp_path: Path, tmpdir_: Path) -> None:
    dead = tmpdir_ / f"{APP_NAME}-{a_dead_pid()}-abc123"
    (dead / "cache").mkdir(parents=True)
    (dead / "cache" / "catalogue.bin").write_bytes(b"x" * 100)
    alive = tmpdir_ / f"{APP_NAME}-{os.getppid()}-def456"  # a process still running: its folder stays
    alive.mkdir()
    other = tmpdir_ / f"{APP_NAME}-notapid"  # not ours to judge
    other.mkdir()
    blocker = tmp_path / "file"
    blocker.write_text("")
    paths = DataPaths.for_this_run(blocker / "data")  # cannot be made: a file is in the way
    assert paths.temporary
    assert paths.root.parent == tmpdir_ and paths.root.name.startswith(f"{APP_NAME}-{os.getpid()}-")
    assert not dead.exists()
    assert alive.exists() and other.exists()


def test_the_scratch_folder_of_a_read_only_data_folder_is_named_and_swept_too(tmp_path: Path, tmpdir_: Path) -> None:
    dead = tmpdir_ / f"{APP_NAME}-{a_dead_pid()}-zz"
    dead.mkdir()
    data = tmp_path / "data"
    data.mkdir()
    real_access = os.access
    try:
        os.access = lambda path, mode: False if Path(path) == data else real_access(path, mode)  # type: ignore[assignment]
        paths = DataPaths.for_this_run(data)
    finally:
        os.access = real_access
    assert paths.read_only and paths.scratch is not None
    assert paths.scratch.name.startswith(f"{APP_NAME}-{os.getpid()}-")
    assert not dead.exists()


def test_a_window_killed_on_a_home_it_cannot_write_leaves_nothing_after_the_next_start(
    tmp_path: Path, tmpdir_: Path
) -> None:
    """The real app: killed with SIGKILL (its clean-up never runs), then started again."""
    from tests.conftest import ROOT
    from tests.hostile.faults import run_window

    blocker = tmp_path / "file"
    blocker.write_text("")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmpdir_))
    env.pop("HEALTHREADER_KIOSK_POLICY", None)
    cmd = [sys.executable, "-m", "healthreader", "--data-dir", str(blocker / "data"), "--no-bundled"]
    cmd += ["--library", str(ROOT / "tests" / "data" / "library")]
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = 30.0
        import time

        started = time.monotonic()
        while not any(tmpdir_.glob(f"{APP_NAME}-*/healthreader.log")):
            assert time.monotonic() - started < deadline, "the window never made its temporary folder"
            time.sleep(0.1)
        time.sleep(1.0)
    finally:
        proc.kill()
        proc.wait()
    assert len(list(tmpdir_.glob(f"{APP_NAME}-*"))) == 1  # killed: its folder stays behind...
    ran = run_window(blocker / "data", env={"TMPDIR": str(tmpdir_)})
    ran.assert_clear(0)
    assert list(tmpdir_.glob(f"{APP_NAME}-*")) == []  # ...until the next start, which also cleans up after itself
