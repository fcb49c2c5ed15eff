"""The log of a kiosk that runs for months, or of one bad file that floods it, stays a few MB."""

from __future__ import annotations

import logging
from pathlib import Path

from healthreader.paths import DataPaths


def test_the_log_is_rotated(tmp_path: Path) -> None:
    from healthreader.ui.app import LOG_BACKUPS, LOG_BYTES, _log_to_file

    data = DataPaths(tmp_path / "data").ensure()
    data.log_file.write_bytes(b"an old line from an older version\n" * (LOG_BYTES // 3))  # 11 MB, from before
    root = logging.getLogger()
    before = list(root.handlers)
    _log_to_file(data)
    try:
        noisy = logging.getLogger("healthreader.test.flood")
        for n in range(25_000):  # a flood of warnings, as one bad file once gave (5 MB)
            noisy.warning("content problem %d: %s", n, "x" * 200)
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
    logs = sorted(data.root.glob("healthreader.log*"))
    assert 1 < len(logs) <= 1 + LOG_BACKUPS
    assert all(p.stat().st_size <= LOG_BYTES + 4096 for p in logs)


def test_a_log_that_is_a_named_pipe_or_a_folder_is_kept_aside_and_the_window_starts(tmp_path: Path) -> None:
    """Opening a named pipe to write waits for a reader: the window never appeared.  A folder in the
    log's place cost the log.  Each is kept aside as it is, and the log is written as usual."""
    import os

    from tests.hostile.faults import run_window

    for kind in ("pipe", "folder"):
        data = tmp_path / kind
        data.mkdir()
        log = data / "healthreader.log"
        os.mkfifo(log) if kind == "pipe" else log.mkdir()
        window = run_window(data)  # within PROCESS_BOUND_S, or TimeoutExpired
        window.assert_clear(0)
        assert "[screenshot saved]" in window.out
        kept = [p for p in data.iterdir() if p.name.startswith("healthreader.log.aside-")]
        assert len(kept) == 1 and (kept[0].is_fifo() if kind == "pipe" else kept[0].is_dir()), kind
        assert log.is_file() and "window shown" in log.read_text(encoding="utf-8")
