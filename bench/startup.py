#!/usr/bin/env python3
"""Reader benchmark: process start to the first article painted, and opening an entry.

    python bench/startup.py [--entries 10000] [--runs 15]

Generates a synthetic library (bench/genlib.py) into a temporary folder, then measures, offscreen:
- process start (the moment this script starts the process) to the viewer's first paint, with the
  catalogue cache cold (first start) and warm (every later start), median and p95 over --runs;
- in one process, opening an entry of about 5,000 characters, from the call to the painted viewer.
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


def start_once(lib: Path, data: Path, entry: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT / "src"))
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
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="hr-bench-"))
    try:
        lib = generate(tmp / "lib", args.entries)
        long_ids = add_long_entries(lib, 40)
        data = tmp / "data"
        cold = []
        for _ in range(max(3, args.runs // 3)):
            shutil.rmtree(data, ignore_errors=True)
            cold.append(start_once(lib, data, "a00001"))
        # A warm start is one after the first: the search index is built and the catalogue cached.
        # Build the index now, or every warm start would be rebuilding it in the background.
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
        subprocess.run(
            [sys.executable, "-m", "healthreader", "--no-bundled", "--library", str(lib), "--data-dir", str(data),
             "index", "build"],
            env=env, check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        warm = [start_once(lib, data, "a00001") for _ in range(args.runs)]
        opens = open_entries(lib, tmp / "data2", long_ids)
        print(f"Machine: {machine()}")
        print(f"Library: {args.entries} generated entries (+40 of ~5,000 characters), offscreen platform\n")
        rows = [
            ["start to first article painted, catalogue cache cold", len(cold), f"{median(cold):.0f}", f"{p(cold, 0.95):.0f}", "—"],
            ["start to first article painted, cache warm", len(warm), f"{median(warm):.0f}", f"{p(warm, 0.95):.0f}", "600"],
            ["open a 5,000-character entry, call to painted", len(opens), f"{median(opens):.1f}", f"{p(opens, 0.95):.1f}", "30"],
        ]  # fmt: skip
        print(table(["measure", "n", "median ms", "p95 ms", "target ms (median)"], rows))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    # Skip interpreter teardown: PySide6 can crash while collecting the window's wrappers at exit,
    # after every number has been printed.
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
