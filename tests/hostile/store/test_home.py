"""A read-only home and no --data-dir: the window and the command line both run on a temporary data
folder and say that nothing of this run will be kept.  Reading works (search, content check, listing
bookmarks); saving a bookmark is refused with a sentence, since it would be thrown away."""

from __future__ import annotations

import os
from pathlib import Path

from tests.hostile.faults import needs_root, remount, run_cli, run_window, tmpfs

NOT_KEPT = "nothing of this run is kept"


def _env(home: Path, tmp: Path) -> dict[str, str]:
    return {"HOME": str(home), "XDG_DATA_HOME": "", "XDG_CONFIG_HOME": "", "XDG_CACHE_HOME": "", "TMPDIR": str(tmp)}


@needs_root
def test_read_only_home_without_data_dir_starts_in_a_temporary_folder(tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    with tmpfs("1m") as home:
        remount(home, "ro")
        window = run_window(None, env=_env(home, scratch))
        window.assert_clear(0)
        assert "[screenshot saved]" in window.out
        assert "this session's data is not kept" in window.err
        assert not os.listdir(home)
    # A kiosk on a read-only home starts every morning: each start must not leave a folder behind.
    assert not os.listdir(scratch), "the window's temporary data folder is removed when it closes"


@needs_root
def test_read_only_home_the_command_line_reads_on_a_temporary_folder_and_says_so(tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    with tmpfs("1m") as home:
        remount(home, "ro")
        env = _env(home, scratch)
        found = run_cli("search", "面瘫", env=env, tiny=False)  # the bundled library: it has the answer
        found.assert_clear(0)
        assert "面瘫" in found.out
        assert found.err.count(NOT_KEPT) == 1, found.err  # said once, not per file it could not write
        assert "Read-only file system" in found.err and "Traceback" not in found.err
        checked = run_cli("content", "check", env=env)
        checked.assert_clear(0)
        listed = run_cli("bookmarks", "list", env=env)
        listed.assert_clear(0)
        assert listed.out == "" and NOT_KEPT in listed.err
        added = run_cli("bookmarks", "add", "alpha", env=env)
        added.assert_clear(2)
        assert "nothing was saved" in added.err and NOT_KEPT in added.err
        assert not os.listdir(home)
    assert not os.listdir(scratch), "the temporary data folders are removed when the command ends"


@needs_root
def test_a_read_only_data_folder_searches_with_the_index_in_a_temporary_folder(tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    with tmpfs("4m") as mnt:
        data = mnt / "data"
        assert run_cli("bookmarks", "add", "alpha", data=data).rc == 0
        remount(mnt, "ro")
        env = {"TMPDIR": str(scratch)}
        found = run_cli("search", "面瘫", data=data, env=env, tiny=False)
        found.assert_clear(0)
        assert "面瘫" in found.out and "read-only" in found.err
        listed = run_cli("bookmarks", "list", data=data, env=env)
        listed.assert_clear(0)
        assert listed.out.startswith("alpha")
        added = run_cli("bookmarks", "add", "beta", data=data, env=env)
        added.assert_clear(2)
    assert not os.listdir(scratch)
