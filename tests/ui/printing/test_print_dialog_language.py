"""Qt's own print dialog (File > Print's 打印 button, the preview's printer button) in the Chinese UI:
every label Qt writes is Chinese, on the dialog and on its printer properties ("Page Set",
"Pages per sheet" were English: PySide6's qtbase translations carry Qt 5's wording of them).

What the printer's driver says of itself (its model name, the PPD's own options) is the driver's
language, not ours; those widgets are left out.  A real private cupsd provides the printers, so the
properties dialog has a CUPS queue to show.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QWidget,
)

from healthreader.config import Settings
from healthreader.paths import DataPaths
from tests.printjobs.conftest import cups, cups_server  # noqa: F401  (fixtures)
from tests.printjobs.cupsd import CupsServer

# A word of two Latin letters or more, in a text with no Chinese: English left on the screen.
_ENGLISH = re.compile(r"[A-Za-z]{2,}")
_CHINESE = re.compile(r"[\u4e00-\u9fff]")
# The driver's own words: the printer list, its model and location, paper names from its PPD.
_DRIVER_WIDGETS = {"printers", "type", "location", "pageSizeCombo", "paperSource", "filename"}


def _qt_texts(dialog: QWidget) -> list[tuple[str, str]]:
    """(widget name, text) of every label, button, group, tab and list item Qt's forms made that the
    reader can see, on every tab of the dialog (each tab is opened in turn, as a reader would).

    Qt's .ui forms name their widgets; the PPD option tree's editors are made unnamed, per option.
    """
    out: list[tuple[str, str]] = []
    for tabs in dialog.findChildren(QTabWidget):
        if tabs.isVisible():
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                out += _visible_texts(dialog)
            tabs.setCurrentIndex(0)
    return out + _visible_texts(dialog)


def _visible_texts(dialog: QWidget) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for widget in dialog.findChildren(QWidget):
        name = widget.objectName()
        if not widget.isVisible() or not name or name.startswith("qt_") or name in _DRIVER_WIDGETS:
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            out.append((name, widget.text()))
        elif isinstance(widget, QGroupBox):
            out.append((name, widget.title()))
        elif isinstance(widget, QTabWidget):
            out += [(name, widget.tabText(i)) for i in range(widget.count())]
        elif isinstance(widget, QComboBox):
            out += [(name, widget.itemText(i)) for i in range(widget.count())]
    return out


def _english(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(n, t) for n, t in texts if _ENGLISH.search(t) and not _CHINESE.search(t)]


@pytest.mark.parametrize(
    ("language", "page_set", "per_sheet"),
    [("zh_CN", "打印页面(&S)：", "每张页数(&P)："), ("zh_TW", "列印頁面(&S)：", "每張頁數(&P)：")],
)
def test_qt_print_dialog_and_its_properties_speak_the_ui_language(
    make_window,
    qtbot,
    data_dir,
    cups: CupsServer,  # noqa: F811
    language: str,
    page_set: str,
    per_sheet: str,
) -> None:
    Settings(DataPaths.at(data_dir)).set("ui_language", language)
    window = make_window("alpha")
    printer = QPrinter(QPrinterInfo.printerInfo("a4"), QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, window)
    dialog.show()
    seen: dict[str, list[tuple[str, str]]] = {}
    try:
        qtbot.waitExposed(dialog)
        # The copies, page set and duplex settings are behind "Options >>", as a reader finds them.
        more = next(b for b in dialog.findChildren(QPushButton) if b.text().endswith(">>"))
        assert _CHINESE.search(more.text()), more.text()
        qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
        texts = _qt_texts(dialog)
        assert ("pageSetLabel", page_set) in texts, repr(texts)
        assert _english(texts) == [], _english(texts)

        def read_properties() -> None:
            # The properties dialog is modal: read it from inside its own event loop, then close it.
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QDialog) and widget is not dialog and widget.isVisible():
                    seen["properties"] = _qt_texts(widget)
                    widget.reject()

        properties = next(b for b in dialog.findChildren(QPushButton) if b.objectName() == "properties")
        QTimer.singleShot(300, read_properties)
        qtbot.mouseClick(properties, Qt.MouseButton.LeftButton)
        assert "properties" in seen, "the printer properties dialog did not open"
        props = seen["properties"]
        assert any(t == per_sheet for _, t in props), props
        assert _english(props) == [], _english(props)
    finally:
        dialog.reject()


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW"])
def test_qt_print_preview_toolbar_speaks_the_ui_language(
    make_window,
    qtbot,
    data_dir,
    cups: CupsServer,  # noqa: F811
    language: str,
) -> None:
    Settings(DataPaths.at(data_dir)).set("ui_language", language)
    window = make_window("alpha")
    printer = QPrinter(QPrinterInfo.printerInfo("a4"), QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer, window)
    dialog.show()
    try:
        qtbot.waitExposed(dialog)
        tips = [(a.objectName(), a.toolTip() or a.text()) for a in dialog.findChildren(QAction) if a.isVisible()]
        assert len(tips) > 10, tips  # zoom, fit, orientation, pages, page setup, print
        assert _english(tips) == [], _english(tips)
    finally:
        dialog.reject()
