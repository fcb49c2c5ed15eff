"""Small things a reader notices: the undo bar names the section removed, link clicks are quiet, the
English page says "Category:" with an English colon, the kind badges stand apart from the titles."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.journeys.screen import click_link, click_row, visible_text


def test_the_undo_bar_after_removing_a_section_bookmark_names_the_section(qtbot, make_window) -> None:
    window = make_window("alpha")
    menu = window.sidebar.section_menu("日常护理")
    next(a for a in menu.actions() if a.data() == "bookmark").trigger()
    window.show_bookmarks()
    panel = window.bookmarks
    qtbot.waitUntil(lambda: panel.view.model().rowCount() == 1)
    rect = panel.view.visualRect(panel.view.model().index(0, 0))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert panel.message.isVisible()
    text = panel.message.label.text()
    assert "面部肌肉萎缩测试文章" in text and "日常护理" in text, text


def test_clicking_links_prints_no_qt_warnings(qtbot, qtlog, make_window) -> None:
    window = make_window("alpha")
    click_link(qtbot, window.viewer, href="entry:gamma")
    assert "训练方法" in visible_text(window.viewer)
    click_row(qtbot, window.sidebar.related, 0)
    window.viewer.setFocus()
    messages = [r.message for r in qtlog.records]
    assert not [m for m in messages if "QUrl" in m], messages
