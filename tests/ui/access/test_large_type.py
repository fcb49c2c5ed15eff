"""Large type makes the whole window larger, not only the article: what is measured here is what is
drawn (menu rows, toolbar buttons and their icons, sidebar rows, tabs, the search drop-down, a message
box), in a normal window and in a kiosk, by the one shortcut Ctrl+Shift+L, and remembered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QStyle

from healthreader.config.kiosk import KioskPolicy
from healthreader.paths import DataPaths
from healthreader.ui.app import create_main_window
from healthreader.ui.kiosk.controller import KioskController

GROWTH = 1.2  # everything at least a fifth larger


def measures(window) -> dict[str, float]:
    QApplication.processEvents()
    style = QApplication.style()
    home = window.toolbar.widgetForAction(window.actions_["home"])
    menu = window.menuBar().actions()[0].menu() if window.menuBar().actions() else None
    sections = window.sidebar.sections
    box = QMessageBox(QMessageBox.Icon.Information, "t", "面部肌肉萎缩", parent=window)
    box.ensurePolished()
    popup = window.search_box.completer_.popup()
    popup.ensurePolished()
    found = {
        "toolbar button height": home.sizeHint().height(),
        "toolbar icon": home.iconSize().width(),
        "toolbar text": home.fontMetrics().height(),
        "menu icon": style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, menu),
        "sidebar row": sections.visualItemRect(sections.item(0)).height(),
        "sidebar row text": sections.fontMetrics().height(),
        "sidebar tab": window.sidebar.tabBar().sizeHint().height(),
        "sidebar tab text": window.sidebar.tabBar().fontMetrics().height(),
        "search drop-down text": popup.fontMetrics().height(),
        "message box text": box.fontMetrics().height(),
        "search box text": window.search_box.fontMetrics().height(),
    }
    if menu is not None:
        found["menu row"] = menu.actionGeometry(menu.actions()[0]).height()
        found["menu bar"] = window.menuBar().sizeHint().height()
    box.deleteLater()
    return found


def assert_grew(before: dict[str, float], after: dict[str, float], fixed: tuple[str, ...] = ()) -> None:
    small = {k: (before[k], after[k]) for k in before if k not in fixed and after[k] < before[k] * GROWTH}
    assert not small, f"did not grow by {GROWTH}: {small}"


def test_ctrl_shift_l_makes_the_whole_window_larger_and_is_remembered(qtbot, make_window) -> None:
    window = make_window("alpha", size=(1366, 800))
    before = measures(window)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.actions_["large_type"].isChecked()
    after = measures(window)
    assert_grew(before, after)
    window.close()
    again = make_window("alpha", size=(1366, 800))
    assert_grew(before, measures(again))
    qtbot.keyClick(again, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert measures(again)["toolbar icon"] == before["toolbar icon"]  # and back


@pytest.fixture
def kiosk_window(qtbot, data_dir: Path, tiny_library: Path, monkeypatch, tmp_path: Path):
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
    (tmp_path / "run").mkdir(mode=0o700)
    policy = KioskPolicy(enabled=True, exit_pin_hash="", ui_language="en")
    window = create_main_window(DataPaths.at(data_dir), [tiny_library], None, search=False, kiosk=policy)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    yield window
    window.findChild(KioskController).unlock()


def test_large_type_also_enlarges_a_kiosk(qtbot, kiosk_window) -> None:
    window = kiosk_window
    before = measures(window)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    after = measures(window)
    # A kiosk's rows and tabs are a finger's size (48 px) already and grow with their words, not by
    # the factor: grown by it, at 800×600 the toolbar folded A+ away and the sidebar took 41 % of the
    # window.  Their words grow.
    assert_grew(before, after, fixed=("sidebar row", "sidebar tab"))
    assert after["sidebar row"] >= max(48, after["sidebar row text"])
    assert after["sidebar tab"] >= max(48, after["sidebar tab text"])
