"""A named pipe where the app expects one of its small files (settings, the kiosk policy, an import).

Opening a pipe to read waits for a writer, forever, and a window stuck there does not even end on
SIGTERM (Python retries the interrupted open).  Each is refused as "not a regular file", like any
other unreadable file of its kind: settings moved aside, the kiosk locked, the import refused."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.hostile.faults import run_cli, run_window


def test_settings_json_a_named_pipe_is_moved_aside_and_the_window_starts(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    os.mkfifo(data / "settings.json")
    window = run_window(data)  # within PROCESS_BOUND_S, or TimeoutExpired
    window.assert_clear(0)
    assert "[screenshot saved]" in window.out
    kept = [p for p in data.iterdir() if p.name.startswith("settings.json.corrupt-")]
    assert len(kept) == 1 and kept[0].is_fifo()
    assert "not a regular file" in window.err


def test_a_kiosk_policy_that_is_a_named_pipe_locks_the_kiosk(tmp_path: Path) -> None:
    f = tmp_path / "kiosk.toml"
    os.mkfifo(f)
    checked = run_cli("kiosk", "check", "--policy", str(f), tiny=False)
    checked.assert_clear(1)
    assert checked.out.startswith("problem: ") and "not a regular file" in checked.out
    window = run_window(tmp_path / "data", env={"HEALTHREADER_KIOSK_POLICY": str(f)})
    window.assert_clear(0)
    assert "[screenshot saved]" in window.out


def test_importing_a_named_pipe_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_cli("bookmarks", "add", "alpha", data=data).rc == 0
    f = tmp_path / "bookmarks.json"
    os.mkfifo(f)
    ran = run_cli("bookmarks", "import", str(f), data=data)
    ran.assert_clear(2)
    assert "nothing was imported" in ran.err and "not a regular file" in ran.err
    listed = run_cli("bookmarks", "list", "--json", data=data)
    assert [b["entry_id"] for b in json.loads(listed.out)["bookmarks"]] == ["alpha"]
