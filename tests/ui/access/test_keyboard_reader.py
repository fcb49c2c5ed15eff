"""Where the keyboard is, for a reader who uses no mouse (and hears, rather than sees, where it is)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_reader_starts_in_the_article(make_window, qtbot) -> None:
    window = make_window("alpha")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget() is window.viewer, type(QApplication.focusWidget()).__name__
    assert window.viewer.toPlainText().startswith("面部肌肉萎缩测试文章")


def test_ctrl_b_takes_the_keyboard_to_the_bookmark_just_made(make_window, qtbot) -> None:
    window = make_window("alpha")
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)
    panel = window.bookmarks
    assert panel.isVisible() and panel.view.isVisible()
    qtbot.waitUntil(lambda: panel.view.hasFocus())
    current = panel.view.currentIndex()
    assert current.isValid() and current.row() == 0
    assert "面部肌肉萎缩测试文章" in current.data()


def test_ctrl_b_with_no_bookmarks_yet_lands_on_how_to_make_one(make_window, qtbot) -> None:
    window = make_window("alpha")
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)
    message = window.bookmarks.empty_label
    qtbot.waitUntil(message.hasFocus)
    assert message.isVisible() and not window.bookmarks.view.isVisible()
    assert "Ctrl+D" in message.text()


def test_tab_into_a_text_field_still_selects_what_it_holds(make_window, qtbot) -> None:
    window = make_window("alpha")
    box = window.search_box
    box.setText("面瘫")
    window.viewer.setFocus()
    box.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: box.selectedText() == "面瘫")
    assert box.hasFocus()


def test_tab_into_the_topics_list_chooses_its_first_row_without_opening_it(make_window, qtbot) -> None:
    window = make_window()  # the home page: the sidebar lists the topics
    topics = window.sidebar.sections
    topics.clearSelection()  # nothing marked, as on a results page
    assert topics.count() > 0
    home = window.viewer.toPlainText()
    topics.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: bool(topics.selectedItems()))
    assert topics.selectedItems()[0] is topics.item(0)  # marked on screen, and said by a screen reader
    assert window.viewer.toPlainText() == home  # chosen, not opened
    qtbot.keyClick(topics, Qt.Key.Key_Down)
    assert topics.currentRow() == 1
