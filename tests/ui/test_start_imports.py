"""What the reader's start imports before its first paint: the window and the entry's page, not the
kiosk, QR codes, search statistics or the search engine (those come when they are used; search is
opened on its worker thread after the first paint).  A fresh process, as the app starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, TINY_LIBRARY

NOT_BEFORE_FIRST_PAINT = [
    "healthreader.ui.kiosk.controller",
    "healthreader.ui.kiosk.qr",
    "healthreader.ui.kiosk.staff",
    "healthreader.ui.kiosk.updates",
    "healthreader.stats",
    "segno",
    "urllib.request",
    "healthreader.search",
    "whoosh",
    # Printing: its page layout, print queues and preview only when a reader prints.
    "healthreader.ui.printing.document",
    "healthreader.ui.printing.preview",
    "healthreader.printjobs",
]

SCRIPT = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from healthreader.paths import DataPaths
from healthreader.ui.app import create_main_window
window = create_main_window(DataPaths.at(Path(sys.argv[1])), [Path(sys.argv[2])], "alpha", search=True)
modules = sorted(sys.modules)  # everything the first paint needs is made by now
window.show()
app.processEvents()
print(json.dumps({"title": window.windowTitle(), "modules": modules}), flush=True)
window.close()
"""


def test_the_first_screen_imports_no_kiosk_statistics_qr_or_search(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT / "src"))
    ran = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "data"), str(TINY_LIBRARY)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ran.returncode == 0, ran.stderr
    shown = json.loads(ran.stdout.strip().splitlines()[-1])
    assert "面部肌肉萎缩测试文章" in shown["title"]  # the entry is on screen
    loaded = set(shown["modules"])
    assert [m for m in NOT_BEFORE_FIRST_PAINT if m in loaded] == []


NOT_BEFORE_FIRST_PAINT_FROM_SNAPSHOT = ["yaml", "healthreader.content.loader", "healthreader.content.frontmatter"]


def test_a_start_from_the_content_snapshot_reads_no_yaml(tmp_path: Path) -> None:
    """The second start reads the library from its snapshot: the YAML parser and the loader come only
    with the check of the files, after the first paint."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT / "src"))
    runs = []
    for _ in range(2):
        ran = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(tmp_path / "data"), str(TINY_LIBRARY)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert ran.returncode == 0, ran.stderr
        runs.append(json.loads(ran.stdout.strip().splitlines()[-1]))
    cold, warm = (set(r["modules"]) for r in runs)
    assert "yaml" in cold  # the first start reads the files (and so the test can fail)
    assert "面部肌肉萎缩测试文章" in runs[1]["title"]
    assert [m for m in NOT_BEFORE_FIRST_PAINT_FROM_SNAPSHOT if m in warm] == []
