"""The reader as a user drives it: open, sections, related, links, back/forward, zoom, state."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QKeySequence, QTextDocument

from healthreader.ui.reader.navigation import Location


def click_text(qtbot, viewer, text: str) -> None:
    """Click on the first occurrence of ``text`` in the viewer, as a user would."""
    cursor = viewer.document().find(text)
    assert not cursor.isNull(), text
    viewer.setTextCursor(cursor)
    viewer.ensureCursorVisible()
    rect = viewer.cursorRect(cursor)
    pos = QPoint(rect.left() - 4, rect.center().y())
    qtbot.mouseClick(viewer.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_home_page_lists_categories_and_entries(make_window) -> None:
    window = make_window()
    text = window.viewer.toPlainText()
    assert "测试读本" in text
    assert "神经与肌肉" in text and "康复与护理" in text
    assert "面部肌肉萎缩测试文章" in text and "脸部肌肉萎缩是什么原因引起的" in text
    assert "不能代替医生的诊断和治疗" in text  # the disclaimer
    assert window.sidebar.section_titles() == [window.labels.start_here, "神经与肌肉", "康复与护理"]
    # The featured entry comes first, before the topics.
    assert text.index("面部肌肉萎缩测试文章") < text.index("神经与肌肉")


def test_open_entry_shows_article_and_sidebar(make_window) -> None:
    window = make_window("alpha")
    text = window.viewer.toPlainText()
    assert text.startswith("面部肌肉萎缩测试文章")
    assert "神经与肌肉" in text and "2026-11-01" in text
    assert "请立即拨打120" in text  # red flags
    assert "《神经病学》" in text  # sources
    assert "不能代替医生的诊断和治疗" in text  # disclaimer
    assert window.sidebar.section_titles() == ["面神经麻痹（面瘫）", "日常护理", "什么时候需要就医"]
    assert window.sidebar.related_ids() == ["qa-beta", "gamma"]
    assert "面部肌肉萎缩测试文章" in window.windowTitle()


def test_clicking_a_section_scrolls_and_highlights(qtbot, make_window) -> None:
    window = make_window("alpha")
    bar = window.viewer.verticalScrollBar()
    assert bar.value() == 0
    item = window.sidebar.sections.item(2)
    rect = window.sidebar.sections.visualItemRect(item)
    qtbot.mouseClick(window.sidebar.sections.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert bar.value() > 0
    assert window.viewer.current_section() == "什么时候需要就医"
    assert window.sidebar.highlighted_section() == "什么时候需要就医"
    # The heading is in view.
    cursor = window.viewer.document().find("什么时候需要就医", 0, QTextDocument.FindFlag(0))
    assert window.viewer.viewport().rect().contains(window.viewer.cursorRect(cursor).center())


def test_scrolling_highlights_the_current_section(qtbot, make_window) -> None:
    window = make_window("alpha")
    assert window.sidebar.highlighted_section() == ""
    bar = window.viewer.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert window.sidebar.highlighted_section() == "什么时候需要就医"
    window.viewer.scroll_to("日常护理")
    assert window.sidebar.highlighted_section() == "日常护理"
    bar.setValue(0)
    assert window.sidebar.highlighted_section() == ""


def test_clicking_a_related_question_opens_it_and_back_forward_work(qtbot, make_window) -> None:
    window = make_window("alpha")
    item = window.sidebar.related.item(0)
    rect = window.sidebar.related.visualItemRect(item)
    qtbot.mouseClick(window.sidebar.related.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.viewer.toPlainText().startswith("脸部肌肉萎缩是什么原因引起的")
    assert window.current_location() == Location("qa-beta")
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_location() == Location("alpha")
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_location() == Location("qa-beta")
    assert window.actions_["back"].isEnabled() and not window.actions_["forward"].isEnabled()


def test_mouse_back_button_goes_back(qtbot, make_window) -> None:
    window = make_window("alpha")
    window.open_location(Location("gamma"))
    qtbot.mouseClick(window.viewer.viewport(), Qt.MouseButton.BackButton, pos=QPoint(50, 50))
    assert window.current_location() == Location("alpha")
    qtbot.mouseClick(window.viewer.viewport(), Qt.MouseButton.ForwardButton, pos=QPoint(50, 50))
    assert window.current_location() == Location("gamma")


def test_internal_link_to_a_section_of_another_entry(qtbot, make_window) -> None:
    window = make_window("alpha")
    click_text(qtbot, window.viewer, "康复训练")
    assert window.current_location() == Location("gamma", "训练方法")
    assert window.viewer.toPlainText().startswith("康复训练测试文章")
    assert window.viewer.current_section() == "训练方法"


def test_outside_link_is_not_followed(qtbot, make_window) -> None:
    window = make_window("alpha")
    click_text(qtbot, window.viewer, "某网站")
    assert window.current_location() == Location("alpha")  # still here
    assert window.infobar.isVisible()
    assert "https://example.org/page" in window.infobar.text()
    assert window.infobar.copy_button.isVisible()


def test_unknown_entry_says_so(make_window) -> None:
    window = make_window()
    window.open_url(QUrl("entry:no-such-entry"))
    assert "no-such-entry" in window.viewer.toPlainText()


def test_zoom_keys_change_text_size_and_are_remembered(qtbot, make_window, data_dir: Path) -> None:
    window = make_window("alpha")
    before = window.viewer.base_font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    bigger = window.viewer.base_font().pointSizeF()
    assert bigger > before
    assert window.viewer.zoom == 150
    saved = json.loads((data_dir / "settings.json").read_text("utf-8"))["values"]
    assert saved["zoom_percent"] == 150
    window.close()
    again = make_window("alpha")
    assert again.viewer.zoom == 150
    assert again.viewer.base_font().pointSizeF() == bigger
    qtbot.keyClick(again, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert again.viewer.zoom == 125
    qtbot.keyClick(again, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert again.viewer.zoom == 110


def test_window_state_and_last_entry_are_restored(qtbot, make_window) -> None:
    window = make_window("alpha")
    window.resize(700, 520)
    window.splitter.setSizes([200, 500])
    window.sidebar.sections.item(1).setSelected(True)
    window.viewer.scroll_to("日常护理")
    sizes = window.splitter.sizes()
    window.close()
    again = make_window(size=None)
    assert again.current_location().entry_id == "alpha"
    assert again.viewer.current_section() == "日常护理"
    assert (again.size().width(), again.size().height()) == (700, 520)
    assert again.splitter.sizes() == sizes


def test_broken_entry_is_skipped_with_a_message(make_window, tiny_library: Path) -> None:
    bad = tiny_library / "qa" / "broken.md"
    bad.write_text("---\nid: broken\ntitle: [unclosed\n---\n", "utf-8")
    window = make_window()
    assert window.infobar.isVisible()
    assert f"{bad}:3:" in window.infobar.text()
    assert "面部肌肉萎缩测试文章" in window.viewer.toPlainText()  # the rest is shown


def test_shortcuts_are_registered() -> None:
    from healthreader.ui.common.actions import specs

    by_id = {s.id: s for s in specs()}
    assert "Ctrl+=" in by_id["zoom_in"].shortcuts and "Ctrl+0" in by_id["zoom_reset"].shortcuts
    assert QKeySequence("Alt+Left").toString() == "Alt+Left"


def test_a_section_near_the_end_stays_current_until_the_reader_scrolls(qtbot, make_window) -> None:
    window = make_window("alpha")
    window.open_location(Location("alpha", "日常护理"))
    bar = window.viewer.verticalScrollBar()
    window.viewer.scroll_to("什么时候需要就医")  # cannot reach the top: the page ends first
    assert window.sidebar.highlighted_section() == "什么时候需要就医"
    bar.setValue(0)
    assert window.sidebar.highlighted_section() == ""


def test_an_answer_without_sections_gives_the_sidebar_to_related_entries(make_window) -> None:
    window = make_window("qa-beta")
    assert window.sidebar.section_titles() == []
    assert not window.sidebar.sections.isVisible()
    assert window.sidebar.related.isVisible() and window.sidebar.related_ids() == ["alpha"]
    window.open_location(Location("alpha"))
    assert window.sidebar.sections.isVisible()
