#!/usr/bin/env python3
"""Store benchmark: the bookmarks panel and the store with 10,000 bookmarks and 100,000 history rows.

    python bench/store/bench_store.py [--bookmarks 10000] [--history 100000] [--runs 50]

Measures, median and p95 in milliseconds, offscreen:
- opening the panel: the list query it runs (its first page, newest first and by title), and
  constructing the real ``BookmarksPanel`` until it has painted; for comparison, reading all
  10,000 at once (what ``bookmarks list`` and export do);
- filtering by a word: the panel's query, every match at once, and typing it into the filter box;
- adding a bookmark (a committed, fsynced transaction), opening the store at start, recording a
  visit, "recently read", history by day.
The issue's budget is 20 ms median for opening, filtering and adding.  Run by hand; not in the tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(ROOT / "src"))

from common import machine, median, p, table

from healthreader.store import BookmarkOrder, UserStore

WORDS = [
    "肌肉",
    "萎缩",
    "康复",
    "训练",
    "脑卒中",
    "面瘫",
    "肌电图",
    "营养",
    "腰椎",
    "间盘",
    "突出",
    "神经",
    "检查",
    "饮食",
    "运动",
    "步行",
    "言语",
    "吞咽",
    "疼痛",
    "睡眠",
]
BUDGET_MS = 20.0


def _title(rng: random.Random) -> str:
    return "".join(rng.sample(WORDS, 3)) + rng.choice(["怎么办", "是怎么回事", "须知", "的方法", ""])


def seed(store: UserStore, n_bookmarks: int, n_history: int, rng: random.Random) -> None:
    now = dt.datetime.now(dt.UTC)
    folders = [f"文件夹{i}" for i in range(20)]
    bookmarks = []
    for i in range(n_bookmarks):
        t = (now - dt.timedelta(minutes=i * 7)).isoformat()
        bookmarks.append(
            {
                "entry_id": f"entry-{i}",
                "anchor": rng.choice(["", "", f"section-{i % 9}"]),
                "title": _title(rng),
                "section_title": rng.choice(["", "症状", "治疗", "预防"]),
                "note": rng.choice(["", "", "问医生" + rng.choice(WORDS), "每天练习" + rng.choice(WORDS)]),
                "folder": rng.choice(["", *folders]),
                "created_at": t,
                "updated_at": t,
            }
        )
    # Through the store's own import: one transaction, the real code path.
    store.import_data({"format": "healthreader-bookmarks", "version": 1, "bookmarks": bookmarks})
    # History goes in with one executemany on the store's connection: record_visit is one fsynced
    # transaction per row, and 100,000 of those would take minutes and measure nothing of interest.
    per_day = 250
    rows = []
    for i in range(n_history):
        day = now - dt.timedelta(days=i // per_day)
        ms = int(day.timestamp() * 1000) - (i % per_day) * 60_000
        rows.append((f"entry-{i % per_day + (i // per_day) % 7}", "", _title(rng), day.date().isoformat(), ms))
    conn = store._conn
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        "INSERT OR IGNORE INTO history (entry_id, anchor, title, day, visited_at) VALUES (?, ?, ?, ?, ?)", rows
    )
    conn.execute("COMMIT")


def pyside_drops_none() -> bool:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a void method
    (None is not immortal before 3.12); after a few thousand calls the process aborts with
    "none_dealloc".  The history tab alone makes thousands of such calls, so check first."""
    from PySide6.QtCore import QTimer

    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(100):
        timer.setInterval(5)
    return sys.getrefcount(None) < before - 50


def measure(fn: Callable[[int], object], runs: int) -> list[float]:
    fn(-1)  # warm up (first query plans, font caches)
    times = []
    for i in range(runs):
        t0 = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - t0) * 1000)
    return times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bookmarks", type=int, default=10_000)
    ap.add_argument("--history", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=50)
    args = ap.parse_args()

    from PySide6.QtWidgets import QApplication

    from healthreader.ui.bookmarks.panel import HISTORY_ROWS, PAGE_ROWS, BookmarksPanel
    from healthreader.ui.common.fonts import pick_chinese_family

    app = QApplication([sys.argv[0]])
    if pyside_drops_none():
        import PySide6

        print(
            f"PySide6 {PySide6.__version__} on Python {sys.version.split()[0]} drops a reference to None on "
            "every void call: this benchmark would abort midway (none_dealloc). Run it with PySide6 6.11.3 "
            "on Python 3.11, or on Python 3.12 or later.",
            file=sys.stderr,
        )
        return 2
    family = pick_chinese_family()
    if family:
        font = app.font()
        font.setFamilies([family, *font.families()])
        app.setFont(font)

    rng = random.Random(5)
    with tempfile.TemporaryDirectory(prefix="hr-bench-store-") as tmp:
        store = UserStore.open(Path(tmp) / "userdata.sqlite3")
        t0 = time.perf_counter()
        seed(store, args.bookmarks, args.history, rng)
        seeding = time.perf_counter() - t0
        n_b, n_h = store.count_bookmarks(), store.count_history()
        titles = {f"entry-{i}": "标题" for i in range(0, args.bookmarks, 2)}  # every other entry "gone"

        results: list[tuple[str, list[float], bool]] = []

        def run(name: str, fn: Callable[[int], object], budgeted: bool = False, runs: int = args.runs) -> None:
            results.append((name, measure(fn, runs), budgeted))

        page = PAGE_ROWS
        run(f"open panel: its query, newest first ({page} rows)", lambda i: store.list_bookmarks(limit=page), True)
        run(
            f"open panel: its query, by title ({page} rows)",
            lambda i: store.list_bookmarks(BookmarkOrder.TITLE, limit=page),
            True,
        )
        run("scroll: a further page at offset 5,000", lambda i: store.list_bookmarks(limit=page, offset=5000))
        run("all bookmarks at once (command line list, export)", lambda i: store.list_bookmarks(), runs=10)

        def open_panel(i: int) -> None:
            panel = BookmarksPanel(store, titles.get)
            panel.resize(480, 720)
            panel.show()
            panel.repaint()  # painted, not just built
            app.processEvents()
            panel.close()
            panel.deleteLater()
            app.processEvents()

        run("open panel: construct BookmarksPanel, shown and painted", open_panel, True, max(10, args.runs // 2))
        words = ["康复", "面瘫", "问医生", "文件夹7", "吞咽疼痛", "没有这个词"]
        run(
            f"filter by a word: the panel's query ({page} rows)",
            lambda i: store.list_bookmarks(text=words[i % len(words)], limit=page),
            True,
        )
        run("filter by a word: every match at once", lambda i: store.list_bookmarks(text=words[i % len(words)]))
        panel = BookmarksPanel(store, titles.get)
        panel.resize(480, 720)
        panel.show()
        app.processEvents()

        def type_filter(i: int) -> None:
            panel.filter_edit.setText(words[i % len(words)])
            panel.repaint()

        run("filter by a word: typed into the panel, repainted", type_filter, True)
        panel.filter_edit.clear()

        def show_history(i: int) -> None:
            panel.refresh_history()
            panel.tabs.setCurrentIndex(1)
            panel.repaint()

        run(f"history tab: {HISTORY_ROWS:,} rows grouped by day, painted", show_history, runs=10)
        panel.tabs.setCurrentIndex(0)
        run(
            "add a bookmark (committed, fsynced)",
            lambda i: store.add_bookmark(f"new-{i}", title=_title(rng), note="新笔记"),
            True,
        )
        path = store.path
        run("open the store at start (inspect, quick_check, WAL)", lambda i: UserStore.open(path).close(), runs=10)
        run("record a visit", lambda i: store.record_visit(f"visit-{i}", title="读过的文章"))
        run("recently read (10, home page)", lambda i: store.recent_history(10))
        run(f"history by day ({HISTORY_ROWS:,} rows, the panel's query)", lambda i: store.history_by_day(HISTORY_ROWS))
        store.close()

    print(f"machine: {machine()}")
    print("uname -a: " + subprocess.run(["uname", "-a"], capture_output=True, text=True, check=False).stdout.strip())
    print(f"store: {n_b:,} bookmarks, {n_h:,} history rows (seeded in {seeding:.1f} s); synchronous=FULL, WAL")
    rows = []
    for name, times, budgeted in results:
        ok = ("yes" if median(times) < BUDGET_MS else "NO") if budgeted else ""
        rows.append([name, len(times), f"{median(times):.2f}", f"{p(times, 0.95):.2f}", ok])
    print(table(["operation", "runs", "median ms", "p95 ms", f"< {BUDGET_MS:.0f} ms median"], rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
