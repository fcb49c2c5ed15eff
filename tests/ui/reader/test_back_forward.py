"""Back and forward change the page on screen, by every route a reader takes: Alt+Left/Right, the
toolbar's buttons and the mouse's side buttons; afterwards Home and the star act on the page shown."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from healthreader.ui.reader.navigation import Location
from tests.ui.journeys.screen import click_link, click_tool, first_line, visible_text


def test_alt_left_from_an_article_opened_on_the_home_page_shows_the_home_page(qtbot, make_window) -> None:
    window = make_window()
    home_title = window.windowTitle()
    assert first_line(window.viewer) == "测试读本"
    click_link(qtbot, window.viewer, text="面部肌肉萎缩测试文章")
    assert first_line(window.viewer) == "面部肌肉萎缩测试文章"
    assert "面部肌肉萎缩测试文章" in window.windowTitle()

    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert first_line(window.viewer) == "测试读本"
    assert "康复与护理" in window.viewer.toPlainText()
    assert window.windowTitle() == home_title
    assert not window.actions_["back"].isEnabled() and window.actions_["forward"].isEnabled()
    assert not window.actions_["bookmark"].isEnabled()  # no star on the home page
    assert window.current_location() == Location()

    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert first_line(window.viewer) == "面部肌肉萎缩测试文章"
    assert window.actions_["bookmark"].isEnabled()
    window.actions_["bookmark"].trigger()
    assert window.store.is_bookmarked("alpha", "")  # the star acted on the page shown


def test_the_toolbar_buttons_go_back_and_forward_between_articles(qtbot, make_window) -> None:
    window = make_window("alpha")
    click_link(qtbot, window.viewer, text="康复训练")
    assert "训练方法" in visible_text(window.viewer)  # the link leads to a section
    assert window.viewer.current_section() == "训练方法"
    assert "康复训练测试文章" in window.windowTitle()
    click_tool(qtbot, window.toolbar, window.actions_["back"])
    assert first_line(window.viewer) == "面部肌肉萎缩测试文章"
    assert "面部肌肉萎缩测试文章" in window.windowTitle()
    click_tool(qtbot, window.toolbar, window.actions_["forward"])
    assert "训练方法" in visible_text(window.viewer)  # back at the section the link led to
    assert "康复训练测试文章" in window.windowTitle()
    click_tool(qtbot, window.toolbar, window.actions_["home"])
    assert first_line(window.viewer) == "测试读本"


def test_the_mouse_back_button_anywhere_changes_the_page(qtbot, make_window) -> None:
    window = make_window()
    click_link(qtbot, window.viewer, text="面部肌肉萎缩测试文章")
    related = window.sidebar.related
    qtbot.mouseClick(
        related.viewport(), Qt.MouseButton.LeftButton, pos=related.visualItemRect(related.item(0)).center()
    )
    assert first_line(window.viewer) == "脸部肌肉萎缩是什么原因引起的"
    qtbot.mouseClick(window.viewer.viewport(), Qt.MouseButton.BackButton, pos=QPoint(40, 40))
    assert first_line(window.viewer) == "面部肌肉萎缩测试文章"
    qtbot.mouseClick(window.sidebar.sections.viewport(), Qt.MouseButton.BackButton, pos=QPoint(10, 10))
    assert first_line(window.viewer) == "测试读本"
    qtbot.mouseClick(window.viewer.viewport(), Qt.MouseButton.ForwardButton, pos=QPoint(40, 40))
    assert first_line(window.viewer) == "面部肌肉萎缩测试文章"
