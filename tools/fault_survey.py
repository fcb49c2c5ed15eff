"""Try the faults of issue 14 (the store, settings, policy, imports, housekeeping) on a checkout.

    python tools/fault_survey.py [--src CHECKOUT/src] [--only AREA]

Each case builds its input in a temporary folder, runs the real ``healthreader`` process of the
checkout given (the command line, or the window offscreen with ``--screenshot``), and counts:

- crash: a Python traceback, or the process killed by a signal / aborted (rc >= 128 or < 0);
- hang: still running after 15 s;
- lost: bookmarks that were in the store before and are found in no file afterwards (neither the
  store, read through its write-ahead log, nor any copy kept aside).

The cases that need a small or read-only file system mount tmpfs, so they run only as root; the
others are skipped with a reason.  Prints one table per area, for the "before and after" note.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "data" / "library"
TIMEOUT = 15.0


@dataclass
class Run:
    rc: int
    out: str
    err: str
    hung: bool
    seconds: float

    @property
    def crashed(self) -> bool:
        return not self.hung and ("Traceback (most recent call last)" in self.err or self.rc < 0 or self.rc >= 128)


@dataclass
class Outcome:
    area: str
    name: str
    runs: list[Run] = field(default_factory=list)
    lost: int = 0
    note: str = ""
    skipped: str = ""

    @property
    def crashed(self) -> bool:
        return any(r.crashed for r in self.runs)

    @property
    def hung(self) -> bool:
        return any(r.hung for r in self.runs)


class Survey:
    def __init__(self, src: Path) -> None:
        self.src = src
        self.root = src.parent

    def run(
        self,
        *args: str,
        data: Path | None = None,
        env: dict[str, str] | None = None,
        stdin: str | None = None,
        gui: bool = False,
        tiny: bool = False,
        pipe_to_head: bool = False,
        timeout: float = TIMEOUT,
    ) -> Run:
        full_env = dict(os.environ, PYTHONPATH=str(self.src), QT_QPA_PLATFORM="offscreen")
        full_env.pop("HEALTHREADER_KIOSK_POLICY", None)
        full_env.update(env or {})
        cmd = [sys.executable, "-m", "healthreader"]
        if data is not None:
            cmd += ["--data-dir", str(data)]
        if tiny and not gui:
            cmd += ["--no-bundled", "--library", str(TINY)]
        if gui:
            shot = Path(tempfile.mkdtemp(prefix="survey-shot-")) / "w.png"
            cmd += ["--no-bundled", "--library", str(TINY), "--screenshot", str(shot)]
        cmd += list(args)
        started = time.monotonic()
        if pipe_to_head:
            # Enough output that it is still being written when ``head`` has gone.
            shell = "yes 肌肉 | head -300 | " + " ".join(_quote(c) for c in cmd) + " | head -1"
            proc = subprocess.Popen(
                ["bash", "-c", shell], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=full_env
            )
        else:
            proc = subprocess.Popen(
                cmd,
                stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=full_env,
                cwd=self.root,
                start_new_session=True,
            )
        try:
            out, err = proc.communicate(stdin, timeout=timeout)
            hung = False
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
            hung = True
        return Run(proc.returncode, out, err, hung, time.monotonic() - started)

    def make_store(self, data: Path, count: int, prefix: str = "keep") -> set[str]:
        r = self.run("bookmarks", "stress", str(count), "--prefix", prefix, data=data)
        assert r.rc == 0, r.err
        return {line for line in r.out.splitlines() if line}


def _quote(s: str) -> str:
    return "'" + s.replace("'", "'\\''") + "'"


def keys_on_disk(folder: Path) -> set[str]:
    """Every bookmark entry id in any SQLite file in ``folder`` (copies opened, so nothing is touched)."""
    found: set[str] = set()
    for db in folder.glob("userdata.sqlite3*"):
        if db.name.endswith(("-wal", "-shm", "-journal")) or db.is_symlink() or not db.is_file():
            continue  # a named pipe kept aside is not copied (that would wait for a writer)
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "copy.sqlite3"
            shutil.copyfile(db, copy)
            wal = Path(str(db) + "-wal")
            if wal.is_file() and not wal.is_symlink():
                shutil.copyfile(wal, str(copy) + "-wal")
            try:
                conn = sqlite3.connect(copy)
                conn.text_factory = lambda b: b.decode("utf-8", "replace")
                found |= {r[0] for r in conn.execute("SELECT entry_id FROM bookmarks")}
                conn.close()
            except sqlite3.Error:
                pass
    return found


def foreign_wal(folder: Path, name: str, *, ours: bool = False) -> bytes:
    """The write-ahead log of another database, as a killed program leaves it."""
    db = folder / name
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    if ours:
        conn.execute("PRAGMA application_id = 0x48526472")
    conn.execute("CREATE TABLE IF NOT EXISTS recipes (name TEXT)")
    conn.executemany("INSERT INTO recipes VALUES (?)", [(f"饺子{i}",) for i in range(50)])
    conn.commit()
    wal = Path(str(db) + "-wal").read_bytes()
    conn.close()
    return wal


@contextlib.contextmanager
def tmpfs(size: str) -> Iterator[Path]:
    mnt = Path(tempfile.mkdtemp(prefix="survey-fs-"))
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mnt)], check=True)
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)
        with contextlib.suppress(OSError):
            mnt.rmdir()


def remount_ro(mnt: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)


def fill(mnt: Path) -> None:
    fd = os.open(mnt / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        with contextlib.suppress(OSError):
            while True:
                os.write(fd, b"\0" * 4096)
    finally:
        os.close(fd)


CASES: list[tuple[str, str, Callable[[Survey, Path], Outcome]]] = []


def case(area: str, name: str) -> Callable[[Callable[[Survey, Path, Outcome], None]], None]:
    def register(fn: Callable[[Survey, Path, Outcome], None]) -> None:
        def wrapped(s: Survey, tmp: Path) -> Outcome:
            o = Outcome(area, name)
            fn(s, tmp, o)
            return o

        CASES.append((area, name, wrapped))

    return register


def _root_only(o: Outcome) -> bool:
    if os.geteuid() != 0:
        o.skipped = "needs root (tmpfs mounts)"
        return True
    return False


# --- the store ------------------------------------------------------------------------------------------


def _sidecar_case(name: str, make: Callable[[Path], bytes], suffix: str) -> None:
    @case("store", name)
    def _(s: Survey, tmp: Path, o: Outcome) -> None:
        data = tmp / "data"
        keys = s.make_store(data, 5)
        side = data / ("userdata.sqlite3" + suffix)
        blob = make(tmp)
        side.write_bytes(blob)
        o.runs.append(s.run("bookmarks", "list", data=data))
        o.runs.append(s.run("bookmarks", "list", data=data))
        listed = {line.split("\t")[0] for line in o.runs[-1].out.splitlines()}
        o.lost = len(keys - keys_on_disk(data))
        kept = [p for p in data.iterdir() if p.read_bytes() == blob] if blob else []
        o.note = f"{len(keys & listed)}/5 listed; side file kept byte-identical: {'yes' if kept else 'no'}"


_sidecar_case("foreign -wal (another program's database)", lambda t: foreign_wal(t, "other.db"), "-wal")
_sidecar_case("stale -wal of another HealthReader store", lambda t: foreign_wal(t, "hr.db", ours=True), "-wal")
_sidecar_case("garbage -wal (random bytes)", lambda t: os.urandom(70_000), "-wal")
_sidecar_case("garbage -shm (random bytes)", lambda t: os.urandom(32_768), "-shm")
_sidecar_case("foreign -journal (a hot rollback journal)", lambda t: _hot_journal(t), "-journal")


def _hot_journal(tmp: Path) -> bytes:
    db = tmp / "j.db"
    script = (
        "import sqlite3,os,sys\n"
        f"c=sqlite3.connect({str(db)!r}, isolation_level=None)\n"
        "c.execute('PRAGMA cache_size=1')\n"
        "c.execute('CREATE TABLE t(x)')\n"
        "c.execute('BEGIN')\n"
        "c.executemany('INSERT INTO t VALUES (?)', [(os.urandom(900),) for _ in range(300)])\n"
        "c.execute('UPDATE t SET x=zeroblob(900)')\n"
        f"data=open({str(db) + '-journal'!r},'rb').read()\n"
        "sys.stdout.buffer.write(data)\n"
        "os._exit(0)\n"
    )
    return subprocess.run([sys.executable, "-c", script], capture_output=True, check=True).stdout


def _import_case(name: str, doc: object | str | bytes, *, then_list: bool = True) -> None:
    @case("import", name)
    def _(s: Survey, tmp: Path, o: Outcome) -> None:
        data = tmp / "data"
        keys = s.make_store(data, 5)
        f = tmp / "import.json"
        if isinstance(doc, bytes):
            f.write_bytes(doc)
        elif isinstance(doc, str):
            f.write_text(doc, encoding="utf-8", errors="surrogatepass")
        else:
            f.write_text(json.dumps(doc, ensure_ascii=True), encoding="utf-8")
        before = {p.name for p in data.iterdir()}
        r = s.run("bookmarks", "import", str(f), data=data)
        o.runs.append(r)
        if then_list:
            o.runs.append(s.run("bookmarks", "list", data=data))
            o.runs.append(s.run("--open", "alpha", gui=True, data=data))
        o.lost = len(keys - keys_on_disk(data))
        first = (r.err.strip().splitlines() or r.out.strip().splitlines() or [""])[-1]
        o.note = f"rc {r.rc}: {first[:110]}"
        del before


def _doc(**bookmark: object) -> dict[str, object]:
    b = {"entry_id": "alpha", "title": "t", "created_at": "2026-01-01T00:00:00+00:00"} | bookmark
    return {"format": "healthreader-bookmarks", "version": 1, "bookmarks": [b]}


def _deep(n: int, opener: str = "[", closer: str = "]") -> str:
    return opener * n + closer * n


_import_case("created_at 0001-01-01T00:00:00+14:00", _doc(created_at="0001-01-01T00:00:00+14:00"))
_import_case("updated_at 9999-12-31T23:59:59-14:00", _doc(updated_at="9999-12-31T23:59:59-14:00"))
_import_case("created_at 1900 (before the epoch)", _doc(created_at="1900-01-01T00:00:00+00:00"))
_import_case(
    "lone surrogate in the entry id",
    '{"format":"healthreader-bookmarks","version":1,"bookmarks":[{"entry_id":"a\\ud800","title":"t"}]}',
)
_import_case(
    "lone surrogate in a note",
    '{"format":"healthreader-bookmarks","version":1,"bookmarks":[{"entry_id":"alpha","note":"\\udfff"}]}',
)
_import_case("5,000-digit version", '{"format":"healthreader-bookmarks","version":' + "9" * 5000 + ',"bookmarks":[]}')
_import_case(
    "100,000-deep nesting", '{"format":"healthreader-bookmarks","version":1,"bookmarks":' + _deep(100_000) + "}"
)
_import_case(
    "duplicate keys (second format wins)", '{"format":"x","format":"healthreader-bookmarks","version":1,"bookmarks":[]}'
)
_import_case(
    "30 MB of bookmarks",
    {
        "format": "healthreader-bookmarks",
        "version": 1,
        "bookmarks": [{"entry_id": f"e{i}", "title": "x" * 300} for i in range(100_000)],
    },
)
_import_case("a 5 MB note", _doc(note="长" * 5_000_000))
_import_case("not UTF-8 (GBK)", "书签".encode("gbk") + b'{"format":1}')
_import_case("NUL in the title", _doc(title="a\0b"))
_import_case("a number for a text field", _doc(title=12))
_import_case(
    "NaN as a time",
    '{"format":"healthreader-bookmarks","version":1,"bookmarks":[{"entry_id":"alpha","created_at":NaN}]}',
)


def _odd_companion_case(name: str, suffix: str, make: Callable[[Path, Path], None]) -> None:
    @case("store", name)
    def _(s: Survey, tmp: Path, o: Outcome) -> None:
        data = tmp / "data"
        keys = s.make_store(data, 5)
        make(data / ("userdata.sqlite3" + suffix), tmp)
        o.runs.append(r := s.run("bookmarks", "list", data=data))
        o.runs.append(a := s.run("bookmarks", "add", "alpha", data=data, tiny=True))
        listed = {line.split("\t")[0] for line in r.out.splitlines()}
        o.lost = len(keys - keys_on_disk(data))
        said = (a.err.strip().splitlines() or [""])[-1][:70]
        o.note = f"{len(keys & listed)}/5 listed; add rc {a.rc}{': ' + said if said else ''}"


_odd_companion_case("lone -shm (no -wal) that is a link", "-shm", lambda f, t: f.symlink_to(t / "elsewhere"))
_odd_companion_case("lone -shm (no -wal) that is a named pipe", "-shm", lambda f, t: os.mkfifo(f))
_odd_companion_case("a named pipe as -wal", "-wal", lambda f, t: os.mkfifo(f))
_odd_companion_case("a named pipe as -journal", "-journal", lambda f, t: os.mkfifo(f))


@case("store", "bad rows written into the store (bad time, text, types)")
def _(s: Survey, tmp: Path, o: Outcome) -> None:
    data = tmp / "data"
    keys = s.make_store(data, 5)
    conn = sqlite3.connect(data / "userdata.sqlite3")
    conn.execute("UPDATE bookmarks SET created_at = -62135596800000 - 50400000 WHERE entry_id = 'keep-0'")
    conn.execute("UPDATE bookmarks SET updated_at = 'soon' WHERE entry_id = 'keep-1'")
    conn.execute("UPDATE bookmarks SET title = CAST(X'FFFE41' AS TEXT) WHERE entry_id = 'keep-2'")
    conn.execute("UPDATE bookmarks SET note = X'00FF' WHERE entry_id = 'keep-3'")
    conn.execute(
        "INSERT INTO history (entry_id, anchor, title, day, visited_at) VALUES ('alpha', '', 't', 'yesterday', 99e99)"
    )
    conn.commit()
    conn.close()
    o.runs.append(r := s.run("bookmarks", "list", data=data))
    o.runs.append(s.run("bookmarks", "list", "--json", data=data))
    o.runs.append(s.run("bookmarks", "export", str(tmp / "out.json"), data=data))
    o.runs.append(s.run("--open", "alpha", gui=True, data=data))
    listed = {line.split("\t")[0] for line in r.out.splitlines()}
    o.lost = len(keys - keys_on_disk(data))
    o.note = f"{len(keys & listed)}/5 listed"


@case("import", "a named pipe as the import file")
def _(s: Survey, tmp: Path, o: Outcome) -> None:
    data = tmp / "data"
    keys = s.make_store(data, 5)
    os.mkfifo(tmp / "import.json")
    o.runs.append(r := s.run("bookmarks", "import", str(tmp / "import.json"), data=data))
    o.lost = len(keys - keys_on_disk(data))
    o.note = f"rc {r.rc}: {(r.err.strip().splitlines() or [''])[-1][:110]}"


@case("store", "disk full: add, list, start the window")
def _(s: Survey, tmp: Path, o: Outcome) -> None:
    if _root_only(o):
        return
    with tmpfs("2m") as mnt:
        data = mnt / "data"
        keys = s.make_store(data, 96)
        fill(mnt)
        o.runs.append(s.run("bookmarks", "add", "alpha", data=data, tiny=True))
        o.runs.append(s.run("bookmarks", "import", str(_tiny_export(tmp)), data=data))
        o.runs.append(s.run("bookmarks", "list", data=data))
        o.runs.append(s.run("--open", "alpha", gui=True, data=data))
        listed = {line.split("\t")[0] for line in o.runs[2].out.splitlines()}
        o.lost = len(keys - keys_on_disk(data))
        msgs = [r.err.strip().splitlines()[-1][:60] for r in o.runs[:2] if r.err.strip()]
        o.note = f"{len(keys & listed)}/96 listed; rc {[r.rc for r in o.runs]}; {msgs[:1]}"


def _tiny_export(tmp: Path) -> Path:
    f = tmp / "one.json"
    f.write_text(json.dumps(_doc()), encoding="utf-8")
    return f


def _readonly_case(name: str, how: str) -> None:
    @case("store", name)
    def _(s: Survey, tmp: Path, o: Outcome) -> None:
        if _root_only(o):
            return
        with tmpfs("8m") as mnt:
            data = mnt / "data"
            keys = s.make_store(data, 10)
            store = data / "userdata.sqlite3"
            if how == "file":
                subprocess.run(["mount", "--bind", str(store), str(store)], check=True)
                subprocess.run(["mount", "-o", "remount,ro,bind", str(store)], check=True)
            else:
                remount_ro(mnt)
            try:
                o.runs.append(s.run("bookmarks", "list", data=data))
                o.runs.append(s.run("bookmarks", "remove", "keep-0", data=data))
                o.runs.append(s.run("--open", "alpha", gui=True, data=data))
                listed = {line.split("\t")[0] for line in o.runs[0].out.splitlines()}
                o.lost = len(keys - keys_on_disk(data))
                o.note = f"{len(keys & listed)}/10 listed; rc {[r.rc for r in o.runs]}; {o.runs[1].err.strip()[-80:]!r}"
            finally:
                if how == "file":
                    subprocess.run(["umount", str(store)], check=False)


_readonly_case("read-only store file (read-only bind mount)", "file")
_readonly_case("read-only data folder (tmpfs remounted ro)", "folder")


@case("store", "HOME read-only, no --data-dir: window and CLI")
def _(s: Survey, tmp: Path, o: Outcome) -> None:
    if _root_only(o):
        return
    with tmpfs("1m") as mnt:
        remount_ro(mnt)
        env = {"HOME": str(mnt), "XDG_DATA_HOME": "", "XDG_CONFIG_HOME": "", "XDG_CACHE_HOME": ""}
        o.runs.append(s.run("--open", "alpha", gui=True, env=env))
        o.runs.append(s.run("bookmarks", "list", env=env))
        o.runs.append(s.run("search", "面瘫", env=env))
        o.note = f"rc {[r.rc for r in o.runs]}; window: {(o.runs[0].err.strip().splitlines() or [''])[-1][:80]!r}"


# --- settings and the kiosk policy ----------------------------------------------------------------------


def _settings_case(name: str, text: str | bytes) -> None:
    @case("config", "settings.json: " + name)
    def _(s: Survey, tmp: Path, o: Outcome) -> None:
        data = tmp / "data"
        keys = s.make_store(data, 3)
        f = data / "settings.json"
        f.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
        o.runs.append(s.run("--open", "alpha", gui=True, data=data))
        o.runs.append(s.run("--open", "alpha", gui=True, data=data))
        aside = [p.name for p in data.iterdir() if p.name.startswith("settings.json.")]
        o.lost = len(keys - keys_on_disk(data))
        o.note = f"rc {[r.rc for r in o.runs]}; moved aside: {aside[:1]}"


_settings_case("100,000-deep nesting", '{"version":1,"values":' + _deep(100_000) + "}")
_settings_case("100,000-deep objects", '{"version":1,"values":' + '{"a":' * 100_000 + "1" + "}" * 100_000 + "}")
_settings_case("5,000-digit version", '{"version":' + "1" * 5000 + ',"values":{}}')
_settings_case("duplicate keys", '{"version":1,"values":{"zoom_percent":110},"values":{"zoom_percent":300}}')
_settings_case(
    "lone surrogate in a value", '{"version":1,"values":{"print_header":"\\ud800","last_location":"entry:\\udfff"}}'
)
_settings_case("50 MB", '{"version":1,"values":{"print_header":"' + "x" * 50_000_000 + '"}}')
_settings_case("not UTF-8", b'{"version":1,"values":{"print_header":"\xff\xfe"}}')
_settings_case("a list, not an object", "[1,2,3]")
_settings_case("UTF-8 BOM", "\ufeff" + '{"version":1,"values":{"zoom_percent":150}}')


@case("config", "settings.json: a named pipe")
def _(s: Survey, tmp: Path, o: Outcome) -> None:
    data = tmp / "data"
    keys = s.make_store(data, 3)
    os.mkfifo(data / "settings.json")
    o.runs.append(s.run("--open", "alpha", gui=True, data=data))
    aside = [p.name for p in data.iterdir() if p.name.startswith("settings.json.")]
    o.lost = len(keys - keys_on_disk(data))
    o.note = f"rc {[r.rc for r in o.runs]}; moved aside: {aside[:1]}"


@case("config", "kiosk.toml: a named pipe")
def _(s: Survey, tmp: Path, o: Outcome) -> None:
    f = tmp / "kiosk.toml"
    os.mkfifo(f)
    o.runs.append(r := s.run("kiosk", "check", "--policy", str(f)))
    o.runs.append(g := s.run("--open", "alpha", gui=True, data=tmp / "data", env={"HEALTHREADER_KIOSK_POLICY": str(f)}))
    o.note = f"check rc {r.rc}: {(r.out.strip().splitlines() or [''])[0][:90]!r}; window rc {g.rc}"


def _policy_case(name: str, text: str | bytes, expect_locked: bool = True) -> None:
    @case("config", "kiosk.toml: " + name)
    def _(s: Survey, tmp: Path, o: Outcome) -> None:
        f = tmp / "kiosk.toml"
        f.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
        env = {"HEALTHREADER_KIOSK_POLICY": str(f)}
        o.runs.append(r := s.run("kiosk", "check", "--policy", str(f)))
        o.runs.append(g := s.run("--open", "alpha", gui=True, data=tmp / "data", env=env))
        o.note = f"check rc {r.rc}: {(r.out.strip().splitlines() or r.err.strip().splitlines() or [''])[0][:90]!r}; window rc {g.rc}"


_policy_case("100,000-deep array", "idle_timeout_seconds = " + _deep(100_000))
_policy_case("100,000-deep inline tables", "a = " + "{b = " * 100_000 + "1" + "}" * 100_000)
_policy_case("UTF-8 BOM (Windows Notepad)", '\ufeffclinic_name = "康复门诊"\nidle_timeout_seconds = 90\n', False)
_policy_case("5,000-digit number", "idle_timeout_seconds = " + "9" * 5000)
_policy_case("20 MB", 'clinic_name = "' + "x" * 20_000_000 + '"')
_policy_case("not UTF-8", 'clinic_name = "康复"'.encode("gbk"))
_policy_case("lone surrogate escape", 'clinic_name = "\\ud800"')
_policy_case("duplicate keys", 'clinic_name = "a"\nclinic_name = "b"')


# --- housekeeping --------------------------------------------------------------------------------------


@case("housekeeping", "search --stdin | head -1 (300 queries)")
def _(s: Survey, tmp: Path, o: Outcome) -> None:
    data = tmp / "data"
    s.run("index", "build", "-q", data=data, timeout=300)
    o.runs.append(r := s.run("search", "--stdin", data=data, pipe_to_head=True))
    o.note = f"stderr: {r.err.strip().splitlines()[-1][:80] if r.err.strip() else '(none)'}"


@case("housekeeping", "stale .index.build-* folders from killed builds")
def _(s: Survey, tmp: Path, o: Outcome) -> None:
    data = tmp / "data"
    hour_ago = time.time() - 3600
    for n in range(16):  # as killed builds leave them: an hour old; half with the lock file builds now hold
        stale = data / f".index.build-stale{n}"
        stale.mkdir(parents=True)
        (stale / "MAIN_x.seg").write_bytes(b"\0" * 1000)
        if n % 2:
            (data / f".index.build-stale{n}.lock").touch()
        os.utime(stale, (hour_ago, hour_ago))
    o.runs.append(s.run("index", "build", "-q", data=data, tiny=True, timeout=300))
    o.runs.append(s.run("--open", "alpha", gui=True, data=data))
    left = len([p for p in data.glob(".index.build-*") if p.is_dir()])
    o.note = f"{left} of 16 left after a build and a start"


@case("housekeeping", "60 overwrites inside index files")
def _(s: Survey, tmp: Path, o: Outcome) -> None:
    import random

    rng = random.Random(14)
    data = tmp / "data"
    lib = tmp / "lib"
    subprocess.run([sys.executable, str(ROOT / "bench" / "genlib.py"), str(lib), "--entries", "1000"], check=True)
    s.run("index", "build", "-q", "--library", str(lib), data=data, timeout=600)
    pristine = tmp / "pristine"
    shutil.copytree(data / "index", pristine)
    counts = {"plain": 0, "verify": 0}
    files = [p.name for p in pristine.iterdir() if p.name != "manifest.json" and p.stat().st_size > 0]
    for _ in range(60):
        shutil.rmtree(data / "index")
        shutil.copytree(pristine, data / "index")
        target = data / "index" / rng.choice(files)
        size = target.stat().st_size
        with open(target, "r+b") as f:
            at = rng.randrange(size)
            f.seek(at)
            old = f.read(1)
            f.seek(at)
            f.write(bytes([(old[0] + 1) % 256]))
        lib_args = ("--no-bundled", "--library", str(lib))
        plain = s.run(*lib_args, "index", "status", data=data)  # what every start checks
        verified = s.run(*lib_args, "index", "status", "--verify", data=data)
        if verified.rc == 2 and "--verify" in verified.err:  # no such option in this version
            verified = plain
        for r, counter in ((plain, "plain"), (verified, "verify")):
            if any(line.startswith("corrupt") and str(data / "index") in line for line in r.out.splitlines()):
                counts[counter] += 1
            if r.crashed:
                o.runs.append(r)
    o.note = (
        f"{counts['plain']} of 60 noticed by the check every start makes, {counts['verify']} by index status --verify"
    )


@case("housekeeping", "a damaged index manifest (100,000 brackets)")
def _(s: Survey, tmp: Path, o: Outcome) -> None:
    data = tmp / "data"
    s.run("index", "build", "-q", data=data, tiny=True, timeout=300)
    (data / "index" / "manifest.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    o.runs.append(st := s.run("index", "status", data=data, tiny=True))
    o.runs.append(found := s.run("search", "面瘫", data=data, tiny=True))
    o.runs.append(s.run("--open", "alpha", gui=True, data=data))
    o.note = f"rc {[r.rc for r in o.runs]}; status: {(st.out.strip().splitlines() or [''])[-1][:60]!r}"
    del found


@case("housekeeping", "a damaged content-hash cache (100,000 brackets)")
def _(s: Survey, tmp: Path, o: Outcome) -> None:
    data = tmp / "data"
    s.run("search", "面瘫", data=data, tiny=True, timeout=300)
    for cache in data.rglob("search-content-hash.json"):
        cache.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    o.runs.append(s.run("search", "面瘫", data=data, tiny=True))
    o.note = f"rc {[r.rc for r in o.runs]}"


@case("housekeeping", "the log is a named pipe")
def _(s: Survey, tmp: Path, o: Outcome) -> None:
    data = tmp / "data"
    data.mkdir(parents=True)
    os.mkfifo(data / "healthreader.log")
    o.runs.append(s.run("--open", "alpha", gui=True, data=data))
    o.note = f"window rc {o.runs[0].rc}"


@case("housekeeping", "a 20 MB log at start")
def _(s: Survey, tmp: Path, o: Outcome) -> None:
    data = tmp / "data"
    data.mkdir(parents=True)
    (data / "healthreader.log").write_bytes(b"old line\n" * 2_300_000)
    o.runs.append(s.run("--open", "alpha", gui=True, data=data))
    sizes = sorted(p.stat().st_size for p in data.glob("healthreader.log*"))
    o.note = f"log files {len(sizes)}, largest {sizes[-1] / 1e6:.1f} MB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the checkout's src folder to try")
    parser.add_argument("--only", help="only this area (store, import, config, housekeeping)")
    parser.add_argument("--case", help="only cases whose name contains this")
    parser.add_argument("--json", type=Path, help="also write the outcomes here")
    args = parser.parse_args()
    survey = Survey(args.src.resolve())
    outcomes: list[Outcome] = []
    for area, name, fn in CASES:
        if (args.only and area != args.only) or (args.case and args.case not in name):
            continue
        with tempfile.TemporaryDirectory(prefix="survey-") as tmp:
            started = time.monotonic()
            try:
                o = fn(survey, Path(tmp))
            except Exception as exc:  # noqa: BLE001 - a case that cannot even be set up is reported, not fatal
                o = Outcome(area, name, note=f"set-up failed: {exc!r}"[:140])
            took = time.monotonic() - started
        outcomes.append(o)
        flags = "SKIP" if o.skipped else ("HANG" if o.hung else "CRASH" if o.crashed else "ok")
        print(f"[{area}] {name}: {flags} lost={o.lost} ({took:.1f} s) {o.skipped or o.note}", flush=True)
        for r in o.runs:
            if r.crashed:
                tail = r.err.strip().splitlines()[-1:] or [f"rc {r.rc}"]
                print(f"      crash: rc {r.rc}: {tail[0][:150]}", flush=True)
    print()
    for area in dict.fromkeys(o.area for o in outcomes):
        rows = [o for o in outcomes if o.area == area and not o.skipped]
        print(
            f"{area:13} inputs {len(rows):3}  crashes {sum(o.crashed for o in rows):3}  "
            f"hangs {sum(o.hung for o in rows):3}  bookmarks lost {sum(o.lost for o in rows):4}"
        )
    if args.json:
        args.json.write_text(
            json.dumps(
                [
                    {"area": o.area, "name": o.name, "crash": o.crashed, "hang": o.hung, "lost": o.lost, "note": o.note}
                    for o in outcomes
                ],
                ensure_ascii=False,
                indent=1,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
