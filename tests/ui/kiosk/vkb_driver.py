"""Run by test_on_screen_keyboard.py in a process of its own (QT_IM_MODULE must be set before Qt
starts): a kiosk window, Qt Virtual Keyboard's pinyin panel, keys clicked, a candidate picked.
Prints one JSON line with what the search box holds and what the window shows."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"

from PySide6.QtCore import QLocale, QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtQuick import QQuickItem, QQuickWindow  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QFrame, QPushButton  # noqa: E402

from healthreader.config.kiosk import KioskPolicy  # noqa: E402
from healthreader.paths import DataPaths  # noqa: E402
from healthreader.ui.app import create_main_window  # noqa: E402
from healthreader.ui.kiosk.controller import KioskController  # noqa: E402
from tests.ui.event_loop import wait  # noqa: E402


def items(root: QQuickItem) -> list[QQuickItem]:
    out = [root]
    for child in root.childItems():
        out += items(child)
    return out


def click(window: QQuickWindow, item: QQuickItem) -> None:
    point = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
    QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    wait(60)
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    wait(60)


def main() -> None:
    typed, pick, data, library = sys.argv[1], sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])
    next_patient = "--next-patient" in sys.argv[5:]
    from_box = "--from-box" in sys.argv[5:]  # pick from the search box's drop-down, not the keyboard's list
    QLocale.setDefault(QLocale("zh_CN"))  # the keyboard opens in the locale's layout: pinyin
    app = QApplication([sys.argv[0]])
    # The preview's 1280 px window: on the 800 px offscreen screen a full-screen kiosk's toolbar would
    # put the search box in its overflow menu.
    window = create_main_window(
        DataPaths.at(data), [library], None, kiosk=KioskPolicy(enabled=True, ui_language="en", preview=True)
    )
    window.show()
    QTest.qWaitForWindowExposed(window)
    for _ in range(300):  # the search index, opened or built on its thread
        if window.search is not None and window.search.is_ready:
            break
        wait(100)
    box = window.search_box
    window.activateWindow()
    box.setFocus()
    wait(300)
    QGuiApplication.inputMethod().show()
    wait(500)
    panel = next(w for w in QGuiApplication.topLevelWindows() if isinstance(w, QQuickWindow))
    # The offscreen platform shows no tool windows by itself and gives the panel the focus when
    # shown; a window manager does neither.  Show it, and give the focus back to the search box.
    panel.show()
    wait(100)
    window.activateWindow()
    box.setFocus()
    QGuiApplication.inputMethod().update(Qt.InputMethodQuery.ImQueryAll)
    QGuiApplication.inputMethod().show()
    wait(200)
    keys = {}
    for item in items(panel.contentItem()):
        text = item.property("text")
        if isinstance(text, str) and text and item.isVisible() and item.property("key") is not None:
            keys.setdefault(text, item)

    def candidates() -> list[str]:
        """What the keyboard's candidate list offers now."""
        offered: list[str] = []
        for view in [it for it in items(panel.contentItem()) if "ListView" in it.metaObject().className()]:
            model = view.property("model")
            if model is not None and hasattr(model, "rowCount") and model.rowCount():
                offered = [model.data(model.index(r, 0), Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())]
        return offered

    def type_and_pick() -> list[str]:
        for letter in typed:
            click(panel, keys[letter])
        wait(300)
        offered = candidates()
        if from_box:
            row = window.findChild(QFrame, "spellingWords")
            for _ in range(100):  # the words come from the search thread: on a loaded machine, seconds
                if row.isVisible() and any(b.text() == pick for b in row.findChildren(QPushButton)):
                    break
                wait(100)
            wait(300)  # and any words for a later letter, still on their way
            in_box["suggested"] = [b.text() for b in row.findChildren(QPushButton)] if row.isVisible() else []
            button = next((b for b in row.findChildren(QPushButton) if b.text() == pick), None)
            if button is not None and row.isVisible():
                in_box["row_height"] = button.height()
                in_box["row_below_box"] = (
                    row.mapToGlobal(QPoint(0, 0)).y() >= box.mapToGlobal(QPoint(0, box.height())).y()
                )
                window.grab().save(str(data / "words.png"))
                QTest.mouseClick(button, Qt.MouseButton.LeftButton)
                for _ in range(100):  # the results, from the search thread
                    if window.current_location().is_search and "results" in window.viewer.toPlainText():
                        break
                    wait(100)
                wait(300)
                in_box["keyboard_after"] = candidates()
                in_box["row_after"] = row.isVisible()
                in_box["keyboard_shown_after"] = panel.isVisible()
            return offered
        delegate = next(
            (it for it in items(panel.contentItem()) if it.property("text") == pick and it.isVisible()), None
        )
        if delegate is not None:
            click(panel, delegate)
            wait(300)
            click(panel, keys["\n"])  # the keyboard's Enter: search
            wait(1500)
        return offered

    controller = window.findChild(KioskController)
    in_box: dict[str, object] = {}
    if "--keys" in sys.argv[5:]:
        # The keyboard as a patient finds it: how big its keys are, where, and which special keys.
        letters = [keys[c] for c in "qwertyuiopasdfghjklzxcvbnm"]
        tops = [panel.mapToGlobal(k.mapToScene(QPointF(0, 0)).toPoint()).y() for k in letters]
        classes = {it.metaObject().className().split("_QML")[0] for it in items(panel.contentItem()) if it.isVisible()}
        in_box["key_size"] = [round(min(k.width() for k in letters)), round(min(k.height() for k in letters))]
        in_box["keys_top"] = min(tops)
        in_box["box_bottom"] = box.mapToGlobal(QPoint(0, box.height())).y()
        in_box["special_keys"] = sorted(c for c in classes if c.endswith("Key"))
        symbols = next(
            it for it in items(panel.contentItem()) if it.metaObject().className().startswith("SymbolModeKey")
        )
        click(panel, symbols)
        wait(300)
        in_box["after_symbol_key"] = sorted(
            {
                t
                for it in items(panel.contentItem())
                if it.isVisible() and isinstance(t := it.property("text"), str) and t.isdigit()
            }
        )
        # The symbols' layout is another: its own key to hide the keyboard.
        hide = next(
            it for it in items(panel.contentItem()) if it.metaObject().className().startswith("HideKeyboardKey")
        )
        click(panel, hide)
        wait(500)
        in_box["shown_after_hide_key"] = QGuiApplication.inputMethod().isVisible()
    offered = [] if "--keys" in sys.argv[5:] else type_and_pick()
    found = {
        "box": box.text(),
        **in_box,
        "location": window.current_location().to_string(),
        "title": window.windowTitle(),
        "page": window.viewer.toPlainText()[:2000],
    }
    again: list[str] = []
    if next_patient:
        # The next patient, after the reset between patients: the same keys, and what is offered first.
        controller.reset()
        wait(200)
        window.activateWindow()
        box.setFocus()
        QGuiApplication.inputMethod().show()
        wait(300)
        again = type_and_pick()
    shot = data / "keyboard.png"
    panel.grabWindow().save(str(shot))
    print(
        json.dumps(
            {
                **found,
                "offered": offered[:10],
                "again": again[:10],
                "panel_shot": str(shot),
                "keyboard_files": sorted(
                    str(p)
                    for p in Path(os.environ.get("HOME", "/nonexistent")).rglob("*")
                    if "qtvirtualkeyboard" in str(p)
                ),
                "session": str(controller.session.root),
            },
            ensure_ascii=False,
        )
    )
    controller.unlock()
    app.quit()
    # Python's teardown frees the keyboard's pixmaps after the application: Qt aborts on that.  The
    # answer is printed; end here, as the process's last act.
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
