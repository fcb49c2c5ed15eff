"""The kiosk's row of words for the pinyin a patient is still spelling on the on-screen keyboard.

The keyboard's pinyin (Qt VK, Google's engine) offers 面他 for "mianta", never 面瘫; the search box
hears the spelling (the input method's preedit) and the row under it offers the library's words that
start so.  Here the preedit comes as the keyboard sends it, a QInputMethodEvent to the box (the real
keyboard, clicked key by key, is in test_on_screen_keyboard.py).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QPushButton

from healthreader.config.kiosk import KioskPolicy
from healthreader.paths import DataPaths
from healthreader.ui.app import create_main_window
from healthreader.ui.kiosk.controller import KioskController
from healthreader.ui.reader.main_window import MainWindow
from healthreader.ui.reader.navigation import Location
from tests.conftest import REAL_LIBRARY


@pytest.fixture
def kiosk(qtbot, data_dir: Path, real_index: Path) -> Iterator[Callable[[], MainWindow]]:
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        paths = DataPaths.at(data_dir)
        shutil.copytree(real_index, paths.index_dir)  # as after a first start
        policy = KioskPolicy(enabled=True, ui_language="en", preview=True)
        window = create_main_window(paths, [REAL_LIBRARY], None, search=True, kiosk=policy)
        qtbot.addWidget(window)
        with qtbot.waitExposed(window):
            window.show()
        qtbot.waitUntil(lambda: window.search is not None and window.search.is_ready, timeout=30000)
        window.activateWindow()
        window.search_box.setFocus()
        qtbot.waitUntil(window.search_box.hasFocus)
        windows.append(window)
        return window

    yield make
    for window in windows:
        controller = window.findChild(KioskController)
        if controller is not None and not controller.is_unlocked:
            controller.unlock()


def spell(window: MainWindow, preedit: str, commit: str = "") -> None:
    """What the keyboard sends the box while a patient types: the pinyin so far, uncommitted."""
    event = QInputMethodEvent(preedit, [])
    if commit:
        event.setCommitString(commit)
    QApplication.sendEvent(window.search_box, event)


def shown_words(window: MainWindow) -> list[QPushButton]:
    row = window.findChild(KioskController).words
    return [b for b in row.buttons() if row.isVisible() and b.isVisible()]


def test_the_words_for_mianta_are_under_the_box_and_a_tap_on_mian_tan_searches_it(qtbot, kiosk) -> None:
    window = kiosk()
    box = window.search_box
    spell(window, "mian'ta")
    qtbot.waitUntil(lambda: len(shown_words(window)) > 0, timeout=20000)
    # CI saw 面神经麻痹（面瘫） 134 px wide for 200 px of words: the word that did not fit, shown with
    # the row before it was deleted.
    buttons = shown_words(window)
    assert [b.text() for b in buttons][0] == "面瘫"
    for b in buttons:  # a finger's size, whole, in a row under the box, inside the window
        assert b.height() >= 48 and b.width() >= 48
        assert b.fontMetrics().horizontalAdvance(b.text()) <= b.width()
        top_left = b.mapTo(window, b.rect().topLeft())
        assert top_left.y() >= box.mapTo(window, box.rect().bottomLeft()).y()
        assert top_left.x() + b.width() <= window.width()
    assert not box.completer_.popup().isVisible()  # no popup to take the keyboard's focus
    assert box.hasFocus()  # the keyboard keeps spelling into the box
    assert box.text() == ""  # nothing committed yet

    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "results" in window.viewer.toPlainText(), timeout=20000)
    assert box.text() == "面瘫"
    assert window.current_location() == Location(query="面瘫")
    assert window.windowTitle().startswith("面瘫")
    assert "面神经麻痹（面瘫）" in window.viewer.toPlainText()
    assert shown_words(window) == []


def test_words_follow_what_was_typed_before_and_the_characters_shown(qtbot, kiosk) -> None:
    window = kiosk()
    box = window.search_box
    window.actions_["traditional"].setChecked(True)
    spell(window, "", commit="左侧")  # picked on the keyboard first
    spell(window, "mian't")
    qtbot.waitUntil(lambda: [b.text() for b in shown_words(window)][:1] == ["面癱"])
    qtbot.mouseClick(shown_words(window)[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_location() == Location(query="左侧面癱"))
    assert box.text() == "左侧面癱"


def test_the_row_goes_when_the_spelling_is_rubbed_out_finds_nothing_or_the_next_patient_comes(qtbot, kiosk) -> None:
    window = kiosk()
    spell(window, "mian'ta")
    qtbot.waitUntil(lambda: len(shown_words(window)) > 0, timeout=20000)
    spell(window, "")  # backspace to nothing
    qtbot.waitUntil(lambda: shown_words(window) == [])
    spell(window, "xq'zzz'q")  # no word of the library is spelled so
    qtbot.wait(500)
    assert shown_words(window) == []
    spell(window, "mian'ta")
    qtbot.waitUntil(lambda: len(shown_words(window)) > 0, timeout=20000)
    window.findChild(KioskController).reset()
    assert shown_words(window) == []
    assert window.search_box.text() == ""


def test_the_words_stay_whole_when_their_type_grows_while_shown(qtbot, kiosk) -> None:
    # The row was sized once, when offered; type that grows after that (large type, here) must grow it
    # too, and drop the words that no longer fit.
    window = kiosk()
    spell(window, "mian'ta")
    qtbot.waitUntil(lambda: len(shown_words(window)) > 1, timeout=20000)
    window.actions_["large_type"].setChecked(True)
    qtbot.wait(100)
    for b in shown_words(window):
        assert b.fontMetrics().horizontalAdvance(b.text()) <= b.width(), (b.text(), b.width())
        assert b.mapTo(window, b.rect().topRight()).x() < window.width(), b.text()  # and on screen


def test_a_word_that_does_not_fit_is_never_on_screen(qtbot, kiosk) -> None:
    # The word left out was a child of the row until deleted, and showed with it, unplaced, at the
    # row's left over the first word: 面神经麻痹（面瘫） 134 px wide (CI, under load).
    window = kiosk()
    row = window.findChild(KioskController).words
    words = ["面瘫", "面神经麻痹（面瘫）", "面瘫后遗症和面肌痉挛"] * 6  # more than a row holds
    row.offer(words)
    shown = shown_words(window)
    assert 0 < len(shown) < len(words)
    laid_out = {row.layout().itemAt(i).widget() for i in range(row.layout().count())}
    assert all(b in laid_out for b in shown), [b.text() for b in shown if b not in laid_out]
