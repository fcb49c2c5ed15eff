#!/usr/bin/env python3
"""Reader benchmark: process start to the first article painted, and opening an entry.

    python bench/startup.py [--entries 10000] [--runs 15]
    python bench/startup.py --library /tmp/lib50k --entry a00001 --src src --src /tmp/before/src [--runs 9]

Generates a synthetic library (bench/genlib.py) into a temporary folder (or uses --library as it is,
read only), then measures, offscreen:
- process start (the moment this script starts the process) to the viewer's first paint, with the
  catalogue cache cold (first start) and warm (every later start), median and p95 over --runs, and
  the process's RSS at that paint;
- the baseline: a bare PySide6 window with a QTextBrowser showing the same article's HTML (as the
  app's viewer holds it), process start to its first paint, in the same run;
- in one process, opening an entry of about 5,000 characters, from the call to the painted viewer
  (generated libraries only).
Each ``--src`` (a source tree: this one, or an older version's unpacked with ``git archive``) is
measured in turn, the runs of the trees interleaved so that the machine's load falls on them alike.
Run by hand; not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

from common import machine, median, p, table  # noqa: E402
from genlib import generate, paragraph  # noqa: E402

SHOWN = re.compile(r"window shown in \d+ ms \(at ([0-9.]+)\)")


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


BARE = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser
app = QApplication(sys.argv[:1])
window = QMainWindow()
viewer = QTextBrowser()
viewer.setHtml(Path(sys.argv[1]).read_text("utf-8"))
window.setCentralWidget(viewer)
window.resize(1200, 800)
class First(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: (print(f"painted at {time.time():.6f}", flush=True), app.exit(0)))
            watched.removeEventFilter(self)
        return False
first = First()
viewer.viewport().installEventFilter(first)
window.show()
app.exec()
"""


def bare_once(html: Path) -> tuple[float, float]:
    """The baseline: process start to the first paint of a bare QTextBrowser showing ``html``."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t0 = time.time()
    proc = subprocess.Popen([sys.executable, "-c", BARE, str(html)], env=env, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    rss = rss_mb(proc.pid)
    proc.kill()
    proc.wait()
    return (float(line.split()[-1]) - t0) * 1000, rss


def article_html(src: Path, lib: Path, entry: str, out: Path) -> None:
    """The article's HTML as the app's viewer holds it (styles included), for the baseline to show."""
    script = (
        "import sys; from pathlib import Path; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from healthreader.paths import DataPaths; from healthreader.ui.app import create_main_window;"
        "w = create_main_window(DataPaths.at(Path(sys.argv[1])), [Path(sys.argv[2])], sys.argv[3], search=False);"
        "Path(sys.argv[4]).write_text(w.viewer.document().toHtml(), 'utf-8'); import os; os._exit(0)"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(src))
    with tempfile.TemporaryDirectory() as data:
        subprocess.run([sys.executable, "-c", script, data, str(lib), entry, str(out)], env=env, check=True)


LAST_RSS: list[float] = []


def start_once(lib: Path, data: Path, entry: str, src: Path | None = None) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(src or ROOT / "src"))
    log = data / "healthreader.log"
    if log.exists():
        log.unlink()
    t0 = time.time()
    proc = subprocess.Popen(
        [sys.executable, "-m", "healthreader", "--no-bundled", "--library", str(lib), "--data-dir", str(data),
         "--open", entry],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            m = SHOWN.search(log.read_text("utf-8")) if log.exists() else None
            if m:
                LAST_RSS[:] = [rss_mb(proc.pid)]
                return (float(m[1]) - t0) * 1000
            time.sleep(0.005)
        raise RuntimeError("the app did not paint within 60 s")
    finally:
        proc.kill()
        proc.wait()


def add_long_entries(lib: Path, n: int) -> list[str]:
    import random

    rng = random.Random(7)
    ids = []
    for i in range(n):
        entry_id = f"long{i:03d}"
        body = ""
        k = 0
        while len(body) < 5000:
            body += f"## 小节{k}\n\n{paragraph(rng, 5)}\n\n{paragraph(rng, 5)}\n\n"
            k += 1
        (lib / "articles" / f"{entry_id}.md").write_text(
            f"---\nid: {entry_id}\ntype: article\ntitle: 长文章{i}\nsummary: 五千字的文章。\ncategory: 神经与肌肉\n"
            f"reviewed: 2026-11-01\nrelated: [a00001, q00001]\nred_flags: {{emergency: [出现呼吸困难]}}\n---\n{body[:5200]}",
            encoding="utf-8",
        )
        ids.append(entry_id)
    return ids


def open_entries(lib: Path, data: Path, ids: list[str]) -> list[float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from healthreader.paths import DataPaths
    from healthreader.ui.app import create_main_window
    from healthreader.ui.reader.navigation import Location

    app = QApplication.instance() or QApplication([])
    window = create_main_window(DataPaths.at(data), [lib], "a00000", search=False)
    window.resize(1200, 800)
    window.show()
    app.processEvents()
    times = []
    for entry_id in ids:
        t = time.perf_counter()
        window.open_location(Location(entry_id))
        window.viewer.viewport().repaint()  # paint now, synchronously
        times.append((time.perf_counter() - t) * 1000)
        app.processEvents()
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entries", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--library", type=Path, help="an existing library folder, used as it is (never written)")
    ap.add_argument("--entry", default="a00001", help="the entry the app opens at start")
    ap.add_argument("--src", type=Path, action="append", help="source tree(s) to measure (default: this one)")
    ap.add_argument("--index", action="store_true", help="build the search index before the warm starts")
    args = ap.parse_args()
    srcs = [s.resolve() for s in (args.src or [ROOT / "src"])]
    tmp = Path(tempfile.mkdtemp(prefix="hr-bench-"))
    try:
        if args.library:
            lib, long_ids = args.library.resolve(), []
        else:
            lib = generate(tmp / "lib", args.entries)
            long_ids = add_long_entries(lib, 40)
        entries = sum(1 for _ in (lib / "articles").glob("*.md")) + sum(1 for _ in (lib / "qa").glob("*.md"))
        html = tmp / "article.html"
        article_html(srcs[0], lib, args.entry, html)
        cold: dict[Path, list[float]] = {s: [] for s in srcs}
        warm: dict[Path, list[float]] = {s: [] for s in srcs}
        rss: dict[Path, list[float]] = {s: [] for s in srcs}
        datas = {s: tmp / f"data{i}" for i, s in enumerate(srcs)}
        for _ in range(max(3, args.runs // 3)):
            for s in srcs:
                shutil.rmtree(datas[s], ignore_errors=True)
                cold[s].append(start_once(lib, datas[s], args.entry, s))
        if args.index or not args.library:
            # A warm start is one after the first: the search index is built and the catalogue cached.
            # Build the index now, or every warm start would be rebuilding it in the background.
            for s in srcs:
                env = dict(os.environ, PYTHONPATH=str(s))
                subprocess.run(
                    [sys.executable, "-m", "healthreader", "--no-bundled", "--library", str(lib), "--data-dir",
                     str(datas[s]), "index", "build"],
                    env=env, check=True, stdout=subprocess.DEVNULL,
                )  # fmt: skip
        bare: list[float] = []
        bare_rss: list[float] = []
        for _ in range(args.runs):
            for s in srcs:
                warm[s].append(start_once(lib, datas[s], args.entry, s))
                rss[s].append(LAST_RSS[0])
            t, r = bare_once(html)
            bare.append(t)
            bare_rss.append(r)
        opens = open_entries(lib, tmp / "data-open", long_ids) if long_ids else []
        print(f"Machine: {machine()}")
        print(f"Library: {lib} ({entries} entries), opening {args.entry}, offscreen platform\n")
        rows = []
        for s in srcs:
            rows += [
                [f"{s}: start to first article painted, cache cold", len(cold[s]), f"{median(cold[s]):.0f}", f"{p(cold[s], 0.95):.0f}", "—"],
                [f"{s}: start to first article painted, cache warm", len(warm[s]), f"{median(warm[s]):.0f}", f"{p(warm[s], 0.95):.0f}", f"{median(warm[s]) / median(bare):.2f}×"],
                [f"{s}: RSS at that paint (MB)", len(rss[s]), f"{median(rss[s]):.0f}", f"{p(rss[s], 0.95):.0f}", "—"],
            ]  # fmt: skip
        rows.append(
            [
                "bare PySide6 window + QTextBrowser, same HTML",
                len(bare),
                f"{median(bare):.0f}",
                f"{p(bare, 0.95):.0f}",
                "1.00×",
            ]
        )
        rows.append(
            ["bare window's RSS (MB)", len(bare_rss), f"{median(bare_rss):.0f}", f"{p(bare_rss, 0.95):.0f}", "—"]
        )
        if opens:
            rows.append(
                [
                    "open a 5,000-character entry, call to painted",
                    len(opens),
                    f"{median(opens):.1f}",
                    f"{p(opens, 0.95):.1f}",
                    "—",
                ]
            )
        print(table(["measure", "n", "median ms", "p95 ms", "warm median ÷ bare median"], rows))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    # Skip interpreter teardown: PySide6 can crash while collecting the window's wrappers at exit,
    # after every number has been printed.
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
