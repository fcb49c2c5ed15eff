"""A start reads the library from its snapshot (no entry file read or statted before the first paint);
the files are checked after it, off the UI thread, and what changed while the app was closed shows."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

import pytest

from healthreader.paths import DataPaths
from healthreader.ui.app import create_main_window
from healthreader.ui.reader.navigation import Location

_WINDOWS: list = []


@pytest.fixture(autouse=True)
def _one_window_at_a_time():
    """Each window closed and deleted by itself (see ``_gone``), whatever the test left open."""
    yield
    import shiboken6

    while _WINDOWS:
        window = _WINDOWS.pop()
        if shiboken6.isValid(window):
            _gone(window)


def _start(qtbot, data_dir: Path, library: Path, target: str | None = None, *, search: bool = False):
    # The windows made before are gone first: a start follows the last window's end, as in the app.
    while _WINDOWS:
        _gone(_WINDOWS.pop())
    window = create_main_window(DataPaths.at(data_dir), [library], target, search=search)
    _WINDOWS.append(window)
    window.resize(900, 640)
    with qtbot.waitExposed(window):
        window.show()
    return window


def _gone(window) -> None:
    """Closed and deleted now, as the kiosk's window between two readers: each window puts back the
    application's look as it goes, and two going in one batch of deletions crashed Qt."""
    from PySide6.QtCore import QCoreApplication, QEvent

    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _checked(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.library_checked, timeout=10000)


def _touch(path: Path, text: str) -> None:
    st = path.stat()
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10_000_000))  # a coarse clock still sees the edit


def test_home_page_lists_the_library_after_a_cold_and_a_warm_start(qtbot, data_dir: Path, tiny_library: Path) -> None:
    first = _start(qtbot, data_dir, tiny_library)
    _checked(qtbot, first)
    for title in ("面部肌肉萎缩测试文章", "康复训练测试文章", "脸部肌肉萎缩是什么原因引起的"):
        assert title in first.viewer.toPlainText()
    first.close()
    assert DataPaths.at(data_dir).content_snapshot.is_file()

    second = _start(qtbot, data_dir, tiny_library)
    for title in ("面部肌肉萎缩测试文章", "康复训练测试文章", "脸部肌肉萎缩是什么原因引起的"):
        assert title in second.viewer.toPlainText()
    _checked(qtbot, second)
    assert "康复训练测试文章" in second.viewer.toPlainText()


def test_a_title_edited_while_closed_shows_after_the_check(qtbot, data_dir: Path, tiny_library: Path) -> None:
    _start(qtbot, data_dir, tiny_library).close()
    path = tiny_library / "articles" / "gamma.md"
    _touch(path, path.read_text("utf-8").replace("title: 康复训练测试文章", "title: 诊所改过的标题"))

    window = _start(qtbot, data_dir, tiny_library)
    qtbot.waitUntil(lambda: "诊所改过的标题" in window.viewer.toPlainText(), timeout=10000)
    assert "康复训练测试文章" not in window.viewer.toPlainText()
    # The article itself opens with its new title, and the next start has it at once.
    window.open_location(Location("gamma"))
    assert window.windowTitle().startswith("诊所改过的标题")
    window.close()
    again = _start(qtbot, data_dir, tiny_library)
    assert "诊所改过的标题" in again.viewer.toPlainText()


def test_the_entry_on_screen_follows_an_edit_made_while_closed(qtbot, data_dir: Path, tiny_library: Path) -> None:
    _start(qtbot, data_dir, tiny_library, "gamma").close()
    path = tiny_library / "articles" / "gamma.md"
    _touch(path, path.read_text("utf-8").replace("title: 康复训练测试文章", "title: 新标题的康复文章"))
    window = _start(qtbot, data_dir, tiny_library, "gamma")
    qtbot.waitUntil(lambda: window.windowTitle().startswith("新标题的康复文章"), timeout=10000)


def test_an_entry_deleted_while_closed_disappears_without_a_crash(qtbot, data_dir: Path, tiny_library: Path) -> None:
    _start(qtbot, data_dir, tiny_library).close()
    (tiny_library / "qa" / "qa-beta.md").unlink()
    added = tiny_library / "articles" / "delta.md"
    added.write_text(
        (tiny_library / "articles" / "gamma.md")
        .read_text("utf-8")
        .replace("id: gamma", "id: delta")
        .replace("title: 康复训练测试文章", "title: 新加的文章"),
        encoding="utf-8",
    )

    window = _start(qtbot, data_dir, tiny_library, "qa-beta")
    _checked(qtbot, window)
    assert "qa-beta" not in window.library
    window.open_location(Location())
    shown = window.viewer.toPlainText()
    assert "脸部肌肉萎缩是什么原因引起的" not in shown
    assert "新加的文章" in shown
    window.open_location(Location("qa-beta"))  # a link or bookmark to it: the not-found page, no traceback
    assert "qa-beta" in window.viewer.toPlainText()


@pytest.mark.parametrize("junk", [b"", b"\x00garbage{not sqlite", b"SQLite format 3\x00" + b"\xff" * 2000])
def test_a_corrupt_snapshot_costs_a_rebuild_not_the_start(qtbot, data_dir: Path, tiny_library: Path, junk) -> None:
    snapshot = DataPaths.at(data_dir).content_snapshot
    snapshot.parent.mkdir(parents=True)
    snapshot.write_bytes(junk)
    window = _start(qtbot, data_dir, tiny_library)
    assert "康复训练测试文章" in window.viewer.toPlainText()
    assert not window.infobar.isVisible()
    _checked(qtbot, window)
    with sqlite3.connect(snapshot) as db:  # rebuilt: a real snapshot again
        assert db.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == 3


def test_a_snapshot_of_another_sqlite_database_costs_a_rebuild(qtbot, data_dir: Path, tiny_library: Path) -> None:
    snapshot = DataPaths.at(data_dir).content_snapshot
    snapshot.parent.mkdir(parents=True)
    with sqlite3.connect(snapshot) as db:
        db.execute("CREATE TABLE meta (key TEXT, value TEXT)")
        db.execute("INSERT INTO meta VALUES ('header', 'someone else')")
    db.close()
    window = _start(qtbot, data_dir, tiny_library)
    assert "面部肌肉萎缩测试文章" in window.viewer.toPlainText()


def test_a_read_only_cache_folder_still_starts_and_lists_the_library(qtbot, data_dir: Path, tiny_library: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    cache = DataPaths.at(data_dir).cache_dir
    cache.mkdir(parents=True)
    cache.chmod(0o500)
    try:
        window = _start(qtbot, data_dir, tiny_library)
        assert "康复训练测试文章" in window.viewer.toPlainText()
        _checked(qtbot, window)
        window.open_location(Location("gamma"))
        assert window.windowTitle().startswith("康复训练测试文章")
    finally:
        cache.chmod(0o700)


def _search(qtbot, window, text: str) -> str:
    from PySide6.QtCore import Qt

    qtbot.waitUntil(lambda: window.search is not None and window.search.is_ready, timeout=60_000)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    window.search_box.clear()
    window.search_box.insert(text)  # as an input method commits it (QTest types no Chinese)
    window._results = None
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window._results is not None, timeout=20_000)
    return window.viewer.toPlainText()


def test_search_finds_a_body_edited_while_the_app_was_closed(
    qtbot, data_dir: Path, tiny_library: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="healthreader.ui.search.controller")

    first = _start(qtbot, data_dir, tiny_library, search=True)
    assert "康复训练测试文章" in _search(qtbot, first, "康复训练")
    # A second start from the snapshot: search opens the same index without reading the files first.
    second = _start(qtbot, data_dir, tiny_library, search=True)
    assert "康复训练测试文章" in _search(qtbot, second, "康复训练")
    assert "(the library as at the last start)" in caplog.text
    _checked(qtbot, second)

    path = tiny_library / "articles" / "gamma.md"
    _touch(path, path.read_text("utf-8") + "\n## 新的一节\n诊所新写的段落提到蝴蝶骨。\n")
    third = _start(qtbot, data_dir, tiny_library, search=True)
    _checked(qtbot, third)
    qtbot.waitUntil(lambda: third.search is not None and third.search.is_ready, timeout=60_000)
    assert "康复训练测试文章" in _search(qtbot, third, "蝴蝶骨")
