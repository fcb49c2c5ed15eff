"""A results page keeps each topic link whole on its line with word joiners (drawn as nothing): Find in
page and copying see the words as they are drawn, not the joiners between their characters."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import REAL_LIBRARY
from tests.ui.journeys.screen import search_for, type_text, visible_text


@pytest.fixture
def window(make_window, qtbot):
    w = make_window(dirs=[REAL_LIBRARY], search=True, real_index=True, size=(1366, 800))
    qtbot.waitUntil(lambda: w.search is not None and w.search.is_ready, timeout=30_000)
    return w


def test_find_in_page_finds_a_topic_link_as_drawn(qtbot, window) -> None:
    search_for(qtbot, window, "肌肉萎缩")
    assert "营养与饮食" in visible_text(window.viewer)  # the topic filter link, on screen
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    type_text(qtbot, bar.field, "营养与饮食")
    assert bar.isVisible() and bar.count.text() not in ("No matches", "没有找到", "")
    marked = [s.cursor.selectedText().replace("\u2060", "") for s in window.viewer.extraSelections()]
    assert marked and all(text == "营养与饮食" for text in marked)


def test_copying_a_topic_link_copies_its_words_without_joiners(qtbot, window) -> None:
    search_for(qtbot, window, "肌肉萎缩")
    viewer = window.viewer
    viewer.setFocus()
    qtbot.keyClick(viewer, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(viewer, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QApplication.clipboard().mimeData()
    assert "营养与饮食" in copied.text() and "\u2060" not in copied.text()
    html = copied.html()
    assert "\u2060" not in html and "&#8288;" not in html and "&#x2060;" not in html and "营养与饮食" in html
