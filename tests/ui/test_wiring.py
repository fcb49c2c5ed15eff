"""Bookmarks, history and printing as they appear in the reader window."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import Qt

from healthreader.store import UserStore
from healthreader.ui.reader.navigation import Location
from tests.ui.journeys.screen import answer_file_dialog


def test_ctrl_d_bookmarks_and_again_removes_with_undo(qtbot, make_window, data_dir: Path) -> None:
    window = make_window("alpha")
    star = window.actions_["bookmark"]
    assert star.isEnabled() and not star.isChecked()
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert star.isChecked()
    assert window.store.is_bookmarked("alpha", "")
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not star.isChecked() and not window.store.is_bookmarked("alpha", "")
    assert window.infobar.isVisible() and window.infobar.action_button.isVisible()
    qtbot.mouseClick(window.infobar.action_button, Qt.MouseButton.LeftButton)  # Undo
    assert window.store.is_bookmarked("alpha", "") and star.isChecked()
    # It is on disk, not only in memory.
    with UserStore.open(data_dir / "userdata.sqlite3") as store:
        assert [b.entry_id for b in store.list_bookmarks()] == ["alpha"]


def test_bookmark_a_section_from_the_sidebar_and_open_it_from_the_panel(qtbot, make_window) -> None:
    window = make_window("alpha")
    menu = window.sidebar.section_menu("日常护理")
    next(a for a in menu.actions() if a.data() == "bookmark").trigger()
    mark = window.store.get_bookmark("alpha", "日常护理")
    assert mark is not None and mark.section_title == "日常护理"
    window.open_location(Location())
    window.show_bookmarks()
    assert window.sidebar.currentWidget() is window.bookmarks
    with qtbot.waitSignal(window.bookmarks.openRequested):
        window.bookmarks.view.setCurrentIndex(window.bookmarks.view.model().index(0, 0))
        window.bookmarks.open_selected()
    assert window.current_location() == Location("alpha", "日常护理")
    assert window.viewer.current_section() == "日常护理"


def test_reading_history_and_recently_read_on_the_home_page(qtbot, make_window) -> None:
    window = make_window("gamma")
    window.open_location(Location("qa-beta"))
    window.open_location(Location())
    text = window.viewer.toPlainText()
    assert window.labels.recently_read in text
    recent = text[text.index(window.labels.recently_read) : text.index(window.labels.start_here)]
    assert "脸部肌肉萎缩是什么原因引起的" in recent and "康复训练测试文章" in recent
    assert [i.entry_id for i in window.store.recent_history(5)][:2] == ["qa-beta", "gamma"]


def test_print_actions_need_an_entry(make_window) -> None:
    window = make_window()
    assert not window.actions_["print"].isEnabled() and not window.actions_["export_pdf"].isEnabled()
    window.open_location(Location("alpha"))
    assert window.actions_["print"].isEnabled() and window.actions_["export_pdf"].isEnabled()


def test_export_pdf_from_the_window_and_a_section_from_the_sidebar(
    qtbot, make_window, tmp_path: Path, monkeypatch
) -> None:
    window = make_window("alpha")
    target = tmp_path / "handout.pdf"
    answering = answer_file_dialog(qtbot, target)
    window.actions_["export_pdf"].trigger()
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert "面部肌肉萎缩测试文章" in text and "什么时候需要就医" in text
    section = tmp_path / "section.pdf"
    answering = answer_file_dialog(qtbot, section)
    menu = window.sidebar.section_menu("日常护理")
    next(a for a in menu.actions() if a.data() == "pdf").trigger()
    answering.stop()
    text = subprocess.run(["pdftotext", str(section), "-"], capture_output=True, text=True).stdout
    assert "鼓腮" in text and "什么时候需要就医" not in text


def test_corrupt_store_is_kept_aside_and_the_reader_told(make_window, data_dir: Path) -> None:
    (data_dir / "userdata.sqlite3").write_bytes(b"this is not a database" * 50)
    window = make_window("alpha")
    assert window.infobar.isVisible()
    [kept] = data_dir.glob("userdata.sqlite3.broken-*")
    assert kept.read_bytes().startswith(b"this is not a database")  # never overwritten
    assert window.store is not None and window.store.recovery is not None
