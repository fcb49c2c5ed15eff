"""What the reader sees when their own data is damaged, full or read-only: the window starts, shows
what can be shown, flags what is damaged, offers nothing that could only fail, and says why in words.

The full disk and read-only folders are real (a small tmpfs, remounted read-only), so those cases need
root; CI runs as root.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from healthreader.config import Settings
from healthreader.paths import DataPaths
from healthreader.store import UserStore
from healthreader.ui.app import create_main_window
from healthreader.ui.bookmarks import exchange as bookmark_io
from healthreader.ui.reader.navigation import Location
from tests.hostile.faults import fill, needs_root, other_programs_wal, remount, tmpfs


def _window(qtbot, data: DataPaths, library: Path, target: str = "alpha", english: bool = True):  # type: ignore[no-untyped-def]
    if english:  # the sentences are checked in the source language (the translations are checked elsewhere)
        Settings(data).set("ui_language", "en")
    window = create_main_window(data, [library], target, search=False)
    qtbot.addWidget(window)
    window.resize(900, 640)
    with qtbot.waitExposed(window):
        window.show()
    return window


def _bookmarks(path: Path, n: int = 3) -> None:
    with UserStore.open(path) as s:
        for i in range(n):
            s.add_bookmark(f"e{i}", title=f"收藏 {i}", note="笔记")


def _infobar(window) -> str:  # type: ignore[no-untyped-def]
    assert window.infobar.isVisible(), "the message bar is not shown"
    return window.infobar.text()


def _panel_rows(window) -> list[str]:  # type: ignore[no-untyped-def]
    panel = window.bookmarks
    window.show_bookmarks()
    return [str(panel.model.index(r).data(Qt.ItemDataRole.DisplayRole)) for r in range(panel.model.rowCount())]


def test_a_damaged_row_is_listed_and_marked(qtbot, tmp_path: Path, tiny_library: Path) -> None:  # type: ignore[no-untyped-def]
    data = DataPaths(tmp_path / "data")
    _bookmarks(data.store_file)
    conn = sqlite3.connect(data.store_file)
    conn.execute("UPDATE bookmarks SET created_at = -62135646400000 WHERE entry_id = 'e1'")  # year 0
    conn.execute("UPDATE bookmarks SET title = CAST(X'FFFE' AS TEXT) WHERE entry_id = 'e2'")
    conn.commit()
    conn.close()
    window = _window(qtbot, data, tiny_library)
    rows = _panel_rows(window)
    assert len(rows) == 3
    assert sum("(partly unreadable)" in r for r in rows) == 2
    assert any(r.startswith("收藏 0") and "unreadable" not in r for r in rows)


def test_a_stray_log_beside_the_store_is_reported_and_the_bookmarks_shown(
    qtbot, tmp_path: Path, tiny_library: Path
) -> None:  # type: ignore[no-untyped-def]
    data = DataPaths(tmp_path / "data")
    _bookmarks(data.store_file)
    Path(str(data.store_file) + "-wal").write_bytes(other_programs_wal(tmp_path))
    window = _window(qtbot, data, tiny_library)
    text = _infobar(window)
    assert "did not belong to them" in text and "userdata.sqlite3-wal.stray-" in text
    assert len(_panel_rows(window)) == 3


def test_unreadable_settings_are_reported(qtbot, tmp_path: Path, tiny_library: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    data = DataPaths(tmp_path / "data").ensure()
    data.settings_file.write_text('{"version": 1, "values": ' + "[" * 100_000 + "]" * 100_000 + "}")
    window = _window(qtbot, data, tiny_library, english=False)  # the settings are gone: the reader's language
    said = QCoreApplication.translate(
        "UserData", "Your settings could not be read, so the defaults are used. The old file was kept as %1."
    )
    assert said.split("%1")[0] in _infobar(window)
    assert "settings.json.corrupt-" in _infobar(window)


def test_a_temporary_data_folder_is_announced(qtbot, tmp_path: Path, tiny_library: Path) -> None:  # type: ignore[no-untyped-def]
    data = DataPaths(tmp_path / "tmpdata", temporary=True, problem="Read-only file system").ensure()
    window = _window(qtbot, data, tiny_library)
    text = _infobar(window)
    assert "Read-only file system" in text and "Nothing you do in this session will be kept" in text
    window.toggle_bookmark()  # bookmarking works, for this session
    assert window.actions_["bookmark"].isChecked()


def test_an_import_refused_says_why_and_changes_nothing(qtbot, tmp_path: Path, tiny_library: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    data = DataPaths(tmp_path / "data")
    _bookmarks(data.store_file)
    window = _window(qtbot, data, tiny_library)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a, **k: shown.append(text)))
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "healthreader-bookmarks", "version": ' + "9" * 5000 + ', "bookmarks": []}')
    assert bookmark_io.import_from(window, window.store, bad) is None
    assert shown and "Nothing was imported" in shown[0] and "5000 digits" in shown[0]
    assert len(_panel_rows(window)) == 3


def test_an_import_runs_while_the_window_goes_on(qtbot, tmp_path: Path, tiny_library: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Reading, checking and sorting thousands of bookmarks takes seconds: it runs off the UI thread,
    and the window's event loop turns meanwhile (timers fire, it repaints)."""
    import threading

    from PySide6.QtCore import QTimer

    data = DataPaths(tmp_path / "data")
    window = _window(qtbot, data, tiny_library)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda p, t, text, *a, **k: shown.append(text)))
    big = tmp_path / "big.json"
    doc = {
        "format": "healthreader-bookmarks",
        "version": 1,
        "bookmarks": [{"entry_id": f"e{i}", "title": f"导入的条目第{i}号"} for i in range(3000)],
    }
    big.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    ticks: list[int] = []
    beat = QTimer()
    beat.timeout.connect(lambda: ticks.append(1))
    seen: dict[str, object] = {}
    real_import = UserStore.import_json

    def watched(self: UserStore, path: Path):  # type: ignore[no-untyped-def]
        seen["thread"] = threading.get_ident()
        first = len(ticks)
        result = real_import(self, path)
        deadline = time.monotonic() + 5.0  # generous: the UI thread only has to turn twice
        while len(ticks) < first + 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        seen["ui_turned"] = len(ticks) >= first + 2
        return result

    monkeypatch.setattr(UserStore, "import_json", watched)
    beat.start(10)
    result = bookmark_io.import_from(window, window.store, big)
    beat.stop()
    assert seen["thread"] != threading.get_ident() and seen["ui_turned"]
    assert result is not None and result.added == 3000
    assert "3000 new bookmark(s) added" in shown[0]
    window.bookmarks_changed()
    assert window.bookmarks.model.rowCount() > 0


@needs_root
def test_disk_full_the_window_reads_and_saying_why_saving_fails(qtbot, tmp_path: Path, tiny_library: Path) -> None:  # type: ignore[no-untyped-def]
    with tmpfs("8m") as mnt:
        data = DataPaths(mnt / "data")
        _bookmarks(data.store_file)
        window = _window(qtbot, data, tiny_library, target="")
        fill(mnt)
        window.open_location(Location("alpha"))  # its history cannot be saved
        assert "the disk is full" in _infobar(window)
        window.toggle_bookmark()
        assert "This change could not be saved: the disk is full" in _infobar(window)
        assert not window.actions_["bookmark"].isChecked()
        assert len(_panel_rows(window)) == 3
        (mnt / "filler").unlink()
        window.toggle_bookmark()  # space again: it saves
        assert window.actions_["bookmark"].isChecked()
        window.close()


@needs_root
def test_read_only_folder_the_window_reads_and_offers_no_changes(qtbot, tmp_path: Path, tiny_library: Path) -> None:  # type: ignore[no-untyped-def]
    with tmpfs("8m") as mnt:
        data = DataPaths(mnt / "data")
        _bookmarks(data.store_file)
        Settings(data).set("ui_language", "en")  # while it can still be saved
        remount(mnt, "ro")
        window = _window(qtbot, data, tiny_library, english=False)
        assert "can be read but not changed" in _infobar(window)
        assert not window.actions_["bookmark"].isEnabled()
        assert len(_panel_rows(window)) == 3
        panel = window.bookmarks
        panel.view.setCurrentIndex(panel.model.index(0))
        assert panel.open_button.isEnabled()
        assert not (panel.remove_button.isEnabled() or panel.note_button.isEnabled() or panel.move_button.isEnabled())
        window.close()
        assert sorted(os.listdir(data.root)) == ["settings.json", "userdata.sqlite3"]
