"""What the store, config and housekeeping cases of the hostile corpus share: real processes with a time
bound, small and read-only file systems (tmpfs, as root), other programs' SQLite files.

Every case ends with the same three questions: did it say something clear (no traceback, a known exit
status), did the rest go on working, was anything lost.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, TINY_LIBRARY

#: A hostile input gets this long (a generous bound: the honest answer takes well under a second).
BOUND_S = 5.0
#: A whole process (Python, the library, SQLite) gets this long.
PROCESS_BOUND_S = 20.0

needs_root = pytest.mark.skipif(
    os.geteuid() != 0, reason="mounts a small or read-only tmpfs, which needs root (CI runs these as root)"
)


@dataclass
class Ran:
    rc: int
    out: str
    err: str

    def assert_clear(self, *codes: int) -> None:
        """Ended by itself with one of ``codes`` and no traceback: a sentence, not a crash."""
        assert "Traceback" not in self.err, self.err[-2000:]
        assert self.rc in codes, f"rc {self.rc}: {self.err[-1000:]}"


def run_cli(*args: str, data: Path | None = None, env: dict[str, str] | None = None, tiny: bool = True) -> Ran:
    """The real ``healthreader`` command, within ``PROCESS_BOUND_S``."""
    cmd = [sys.executable, "-m", "healthreader"]
    if data is not None:
        cmd += ["--data-dir", str(data)]
    if tiny:
        cmd += ["--no-bundled", "--library", str(TINY_LIBRARY)]
    full_env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), QT_QPA_PLATFORM="offscreen")
    full_env.pop("HEALTHREADER_KIOSK_POLICY", None)
    full_env.update(env or {})
    proc = subprocess.run(
        [*cmd, *args], capture_output=True, text=True, env=full_env, cwd=ROOT, timeout=PROCESS_BOUND_S, check=False
    )
    return Ran(proc.returncode, proc.stdout, proc.stderr)


def run_window(data: Path | None, *, env: dict[str, str] | None = None, target: str = "alpha") -> Ran:
    """The real window, offscreen: it starts, paints, saves a screenshot and quits (rc 0)."""
    shot = Path(tempfile.mkdtemp(prefix="hostile-shot-")) / "window.png"
    ran = run_cli("--open", target, "--screenshot", str(shot), data=data, env=env)
    ran.out += f"\n[screenshot {'saved' if shot.exists() else 'missing'}]"
    return ran


@contextlib.contextmanager
def tmpfs(size: str) -> Iterator[Path]:
    """A fresh tmpfs of ``size`` (e.g. "2m"), unmounted afterwards."""
    mnt = Path(tempfile.mkdtemp(prefix="hostile-fs-"))
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(mnt)], check=True)
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)
        with contextlib.suppress(OSError):
            mnt.rmdir()


def remount(mnt: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(mnt)], check=True)


def fill(mnt: Path) -> None:
    """Fill the file system to the last byte (then even a small write fails with ENOSPC)."""
    fd = os.open(mnt / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        for block in (1 << 20, 4096, 512, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * block)
    finally:
        os.close(fd)


@contextlib.contextmanager
def read_only_file(path: Path) -> Iterator[None]:
    """``path`` read-only even for root: bind-mounted onto itself, then remounted read-only."""
    subprocess.run(["mount", "--bind", str(path), str(path)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(path)], check=True)
        yield
    finally:
        subprocess.run(["umount", str(path)], check=False)


def other_programs_wal(folder: Path, *, as_healthreader: bool = False) -> bytes:
    """The write-ahead log another database left, its frames committed and never checkpointed."""
    db = folder / ("other-store.sqlite3" if as_healthreader else "recipes.db")
    script = (
        "import sqlite3, sys, os\n"
        f"c = sqlite3.connect({str(db)!r})\n"
        "c.execute('PRAGMA journal_mode=WAL'); c.execute('PRAGMA wal_autocheckpoint=0')\n"
        + ("c.execute('PRAGMA application_id = 0x48526472')\n" if as_healthreader else "")
        + "c.execute('CREATE TABLE recipes (name TEXT)')\n"
        "c.executemany('INSERT INTO recipes VALUES (?)', [('饺子%d' % i,) for i in range(60)])\n"
        "c.commit()\n"
        f"sys.stdout.buffer.write(open({str(db) + '-wal'!r}, 'rb').read()); sys.stdout.flush()\n"
        "os._exit(0)\n"  # killed, in effect: no checkpoint at close, the log stays as it is
    )
    return subprocess.run([sys.executable, "-c", script], capture_output=True, check=True).stdout


def entry_ids(db: Path) -> set[str]:
    """The bookmark ids in a store file and its log, read from copies (nothing at ``db`` is touched)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.sqlite3"
        copy.write_bytes(db.read_bytes())
        wal = Path(str(db) + "-wal")
        if wal.exists():
            Path(str(copy) + "-wal").write_bytes(wal.read_bytes())
        conn = sqlite3.connect(copy)
        try:
            return {r[0] for r in conn.execute("SELECT entry_id FROM bookmarks")}
        finally:
            conn.close()
