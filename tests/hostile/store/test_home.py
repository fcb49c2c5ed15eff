"""A read-only home and no --data-dir: the window starts on a temporary data folder and says that
nothing of this session will be kept; the command line says it cannot open the bookmarks."""

from __future__ import annotations

import os
from pathlib import Path

from tests.hostile.faults import needs_root, remount, run_cli, run_window, tmpfs


@needs_root
def test_read_only_home_without_data_dir_starts_in_a_temporary_folder(tmp_path: Path) -> None:
    with tmpfs("1m") as home:
        remount(home, "ro")
        env = {"HOME": str(home), "XDG_DATA_HOME": "", "XDG_CONFIG_HOME": "", "XDG_CACHE_HOME": "", "TMPDIR": ""}
        window = run_window(None, env=env)
        window.assert_clear(0)
        assert "[screenshot saved]" in window.out
        assert "this session's data is not kept" in window.err
        listed = run_cli("bookmarks", "list", env=env)
        listed.assert_clear(2)
        assert "could not be opened" in listed.err and "read-only" in listed.err
        assert not os.listdir(home)
