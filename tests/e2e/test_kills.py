"""SIGKILL during a bookmarks import, a settings save and an index swap (20 of each): nothing that was
confirmed is lost, and the next start is clean.

"Confirmed" is what the killed process had told its caller before the kill: an import that printed
its result, a setting it printed after ``Settings.set`` returned, an index build it printed after
``build_index`` returned.  Kills land at random moments (seeded), so over the runs they fall before,
inside and after commits, writes, renames and the removal of old folders.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from healthreader.config import Settings
from healthreader.content import load_library
from healthreader.paths import DataPaths
from healthreader.search.index import IndexManager, IndexStatus, check_index
from healthreader.store import UserStore
from tests.conftest import ROOT, TINY_LIBRARY

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]

KILLS = int(os.environ.get("HEALTHREADER_KILLS_EACH", "20"))
SEED = int(os.environ.get("HEALTHREADER_KILL_SEED", "20261203"))
ENV = dict(os.environ, PYTHONPATH=str(ROOT / "src"))


def _popen(args: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV, cwd=ROOT)


def _kill(proc: subprocess.Popen[str]) -> tuple[str, str]:
    """SIGKILL, then everything the process wrote.  Read through the file objects, not communicate():
    communicate() reads the pipes' descriptors and drops what an earlier readline() had already taken
    into the object's buffer, and those lines are the process's confirmations."""
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)  # dead: its pipes hold at most what it wrote, and end
    assert proc.stdout is not None and proc.stderr is not None
    out, err = proc.stdout.read(), proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    return out, err


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n")[:-1] if line]  # complete lines only


_READY_THEN_COUNT = (
    "import time\nprint('ready', flush=True)\nn = 0\nwhile True:\n    print(n, flush=True); n += 1; time.sleep(0.001)\n"
)


def test_the_kill_helper_returns_the_lines_a_readline_read_ahead() -> None:
    """The tests read "ready" with readline() and the rest after the kill.  A reader that comes late to
    readline() (a loaded machine) finds many lines in the pipe; readline() takes them all into the file
    object's buffer and returns the first.  Those lines are confirmations: they must come back."""
    proc = _popen([sys.executable, "-c", _READY_THEN_COUNT])
    time.sleep(0.3)  # the child has printed dozens of lines by now
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    out, _err = _kill(proc)
    numbers = [int(line) for line in _lines(out)]
    assert numbers and numbers[0] == 0, "lines printed before readline() returned were dropped"
    assert numbers == list(range(len(numbers)))


def test_sigkill_during_imports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rng = random.Random(SEED)
    data = tmp_path / "data"
    store_file = data / "userdata.sqlite3"
    with UserStore.open(store_file) as s:
        for n in range(10):
            s.add_bookmark(f"mine-{n}", title=f"我的 {n}", note="别丢")
    confirmed = {f"mine-{n}" for n in range(10)}
    per_file = 400
    completed = interrupted = 0
    started = time.monotonic()
    for kill in range(KILLS):
        f = tmp_path / f"import-{kill}.json"
        bookmarks = [
            {"entry_id": f"imp{kill}-{i}", "title": f"导入的条目 {kill} {i}", "note": "备注", "folder": f"夹{i % 7}"}
            for i in range(per_file)
        ]
        f.write_text(json.dumps({"format": "healthreader-bookmarks", "version": 1, "bookmarks": bookmarks}))
        proc = _popen([sys.executable, "-m", "healthreader", "--data-dir", str(data), "bookmarks", "import", str(f)])
        time.sleep(rng.uniform(0.2, 1.2))  # start-up is about 0.4 s, the import itself a few tenths
        out, _err = _kill(proc) if proc.poll() is None else proc.communicate()
        done = "imported from" in out
        completed += done
        interrupted += not done
        conn = sqlite3.connect(store_file)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            conn.close()
        with UserStore.open(store_file) as s:  # the next start: clean, and all or nothing of each file
            assert s.recovery is None and s.read_only is None
            present = {b.entry_id for b in s.list_bookmarks()}
        assert confirmed <= present, f"lost {sorted(confirmed - present)[:5]}"
        this_file = {b["entry_id"] for b in bookmarks}
        assert len(this_file & present) in (0, per_file), "half an import is in the store"
        if done:
            confirmed |= this_file
    with capsys.disabled():
        print(
            f"\nimport kills: {KILLS} runs in {time.monotonic() - started:.1f} s, {interrupted} killed mid-way, "
            f"{completed} finished first; {len(confirmed)} confirmed bookmarks, 0 lost, no half import"
        )
    # How many land mid-import depends on the machine's speed; the test needs some, not a quota.
    assert interrupted >= 1, "no kill landed inside an import"


_SETTINGS_WRITER = """
import sys
from healthreader.config import Settings
from healthreader.paths import DataPaths
s = Settings(DataPaths.at(sys.argv[1]))
print("ready", flush=True)
n = int(sys.argv[2])
while True:
    s.set("print_header", f"诊所 {n}")
    s.set("window_geometry", "A" * (n % 5000))
    print(n, flush=True)  # both saved (replaced whole) before this line
    n += 1
"""


def test_sigkill_during_settings_saves(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rng = random.Random(SEED + 1)
    data = tmp_path / "data"
    last = -1
    started = time.monotonic()
    for _run in range(KILLS):
        proc = _popen([sys.executable, "-c", _SETTINGS_WRITER, str(data), str(last + 1)])
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, 0.05))
        out, _err = _kill(proc)
        numbers = [int(line) for line in _lines(out)]
        if numbers:
            last = numbers[-1]
        settings = Settings(DataPaths(data))
        assert settings.recovered == [], "a killed save left a file that could not be read"
        if last >= 0:  # the last confirmed value, or the one after it (saved, not yet printed)
            value = settings.get("print_header")
            assert value in (f"诊所 {last}", f"诊所 {last + 1}"), (value, last)
            last = int(value.split()[-1])
    leftovers = [p.name for p in data.iterdir() if p.name.endswith(".tmp")]
    with capsys.disabled():
        print(
            f"\nsettings kills: {KILLS} runs in {time.monotonic() - started:.1f} s, {last + 1} saves confirmed, "
            f"never unreadable, never older than confirmed; {len(leftovers)} temporary file(s) awaiting cleanup"
        )


_INDEX_BUILDER = """
import sys, time
from healthreader.content import load_library
from healthreader.search import index
target, lib_a, lib_b, mode = sys.argv[1:5]
libraries = [load_library([lib_a]), load_library([lib_b])]

def pause(what):
    print(what, flush=True)  # the test kills the process right now
    time.sleep(30)

# To land kills exactly at the swap, some runs stop at one of its steps and wait to be killed there.
if mode == "before-swap":  # the new index complete beside the old one
    real_exchange = index._exchange
    index._exchange = lambda a, b: (pause("at the swap"), real_exchange(a, b))[1]
elif mode == "between-renames":  # a system without an atomic exchange: the old index renamed away
    index._exchange = lambda a, b: False
    real_replace = index.os.replace
    def replace(src, dst):
        real_replace(src, dst)
        if str(src) == target:
            pause("between the renames")
    index.os.replace = replace
elif mode == "after-swap":  # swapped; the old index not yet removed
    real_rmtree = index.shutil.rmtree
    def rmtree(path, *args, **kwargs):
        if ".index.build-" in str(path):
            pause("after the swap")
        real_rmtree(path, *args, **kwargs)
    index.shutil.rmtree = rmtree
print("ready", flush=True)
n = 0
while True:
    index.build_index(libraries[n % 2], target)
    print(n % 2, flush=True)  # swapped into place before this line
    n += 1
"""


def test_sigkill_during_index_swaps(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rng = random.Random(SEED + 2)
    other = tmp_path / "library-b"
    import shutil

    shutil.copytree(TINY_LIBRARY, other)
    (other / "qa" / "qa-extra.md").write_text(
        "---\nid: qa-extra\ntype: qa\ntitle: 多出来的问题\nsummary: 让两个索引不同。\ncategory: 神经与肌肉\nreviewed: 2026-11-01\n---\n回答。\n",
        encoding="utf-8",
    )
    libraries = [load_library([TINY_LIBRARY]), load_library([other])]
    target = tmp_path / "data" / "index"
    confirmed = False
    after_build = 0
    started = time.monotonic()
    modes = ["random", "before-swap", "after-swap"]
    at_swap = 0
    for run in range(KILLS):
        mode = modes[run % 3] if run >= 2 else "random"  # the first builds give the later ones an old index
        proc = _popen([sys.executable, "-c", _INDEX_BUILDER, str(target), str(TINY_LIBRARY), str(other), mode])
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        if mode == "random":
            time.sleep(rng.uniform(0, 0.8))
        else:
            while (line := proc.stdout.readline().strip()) and not line.startswith(("at the", "after the", "between")):
                confirmed = True  # a build finished before the pause
            at_swap += bool(line)
        out, _err = _kill(proc)
        confirmed = confirmed or bool(_lines(out))
        leftovers = list(target.parent.glob(".index.build-*"))
        after_build += any((p / "manifest.json").exists() for p in leftovers if p.is_dir())
        if confirmed:  # an index that was swapped in stays whole: one version or the other, never none
            statuses = [check_index(target, lib)[0] for lib in libraries]
            assert IndexStatus.OK in statuses, (mode, statuses)
    manager = IndexManager(libraries[0], target, prebuilt_dirs=[])
    opened = manager.open_or_build()  # the next start
    assert opened.searcher.doc_count() == len(libraries[0])
    opened.close()
    assert not list(target.parent.glob(".index.build-*")), "the next start leaves no build folders"
    assert not list(target.parent.glob(".index.old-*"))
    with capsys.disabled():
        print(
            f"\nindex kills: {KILLS} runs in {time.monotonic() - started:.1f} s; {at_swap} at the swap itself "
            f"(just before it, or just after it with the old index not yet removed), {after_build} with a complete "
            f"build left beside the index; the index was whole after every kill"
        )


def test_without_an_atomic_exchange_a_kill_between_the_renames_costs_a_rebuild_only(tmp_path: Path) -> None:
    """Where renameat2(RENAME_EXCHANGE) is missing, the swap is two renames; killed between them there is
    no index for a moment.  Nothing of the reader's is in an index, so the next start builds it again."""
    target = tmp_path / "data" / "index"
    library = load_library([TINY_LIBRARY])
    IndexManager(library, target, prebuilt_dirs=[]).open_or_build().close()
    proc = _popen(
        [sys.executable, "-c", _INDEX_BUILDER, str(target), str(TINY_LIBRARY), str(TINY_LIBRARY), "between-renames"]
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    assert proc.stdout.readline().strip() == "between the renames"
    _kill(proc)
    assert not target.exists() and list(target.parent.glob(".index.old-*"))
    opened = IndexManager(library, target, prebuilt_dirs=[]).open_or_build()
    assert opened.searcher.doc_count() == len(library)
    opened.close()
    assert not list(target.parent.glob(".index.*"))
