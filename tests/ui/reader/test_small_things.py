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


def test_the_english_page_uses_an_english_colon_and_chinese_a_chinese_one(make_window, data_dir) -> None:
    from healthreader.config import Settings
    from healthreader.paths import DataPaths

    Settings(DataPaths.at(data_dir)).set("ui_language", "en")
    window = make_window("alpha")
    text = visible_text(window.viewer)
    assert "Category: 神经与肌肉" in text and "：" not in text.split("\n")[1], text[:200]
    window.close()
    Settings(DataPaths.at(data_dir)).set("ui_language", "zh_CN")
    chinese = make_window("alpha")
    assert "分类：神经与肌肉" in visible_text(chinese.viewer)


def badge_fragments(viewer) -> list[tuple[str, str]]:
    """(text before, badge text) for every run of text drawn on the badge's coloured background."""
    found = []
    block = viewer.document().begin()
    while block.isValid():
        it = block.begin()
        before = ""
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().background().style() != Qt.BrushStyle.NoBrush:
                found.append((before, fragment.text()))
            before = fragment.text()
            it += 1
        block = block.next()
    return found


def test_the_kind_badges_stand_apart_from_the_titles(make_window) -> None:
    window = make_window()
    badges = badge_fragments(window.viewer)
    assert badges, "no badges on the home page"
    for before, badge in badges:
        # Room inside the coloured box, and a space between it and the title before it.
        assert badge[0].isspace() and badge[-1].isspace(), repr(badge)
        assert not before or before[-1].isspace(), repr(before + badge)  # first on its line, or after a space
