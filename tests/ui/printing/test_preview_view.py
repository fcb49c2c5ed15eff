"""The print preview as a reader first sees it: a large window, the page as wide as the view."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QGraphicsView


def _page_on_screen(preview: QPrintPreviewWidget) -> tuple[int, int]:
    """How wide the first page is drawn, and how wide the view it is drawn in is, in pixels."""
    view = preview.findChild(QGraphicsView)
    assert view is not None
    pages = [item for item in view.scene().items() if item.boundingRect().width() > 100]
    widest = max(view.mapFromScene(item.sceneBoundingRect()).boundingRect().width() for item in pages)
    return widest, view.viewport().width()


@pytest.mark.parametrize("size", [(780, 580), (400, 300)])
def test_the_preview_opens_large_with_the_page_as_wide_as_the_view(qtbot, make_window, monkeypatch, tmp_path, size):
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-print-server.sock"))  # the locale's paper, quickly
    window = make_window("alpha", size=size)
    screen = window.screen().availableGeometry()
    seen: dict[str, Any] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QPrintPreviewDialog):
            QTimer.singleShot(25, look)
            return
        try:
            preview = dialog.findChild(QPrintPreviewWidget)
            qtbot.waitUntil(lambda: preview.pageCount() > 0, timeout=20_000)
            QApplication.processEvents()
            seen["size"] = dialog.size()
            seen["page, view"] = _page_on_screen(preview)
            fit_width = dialog.findChild(QAction, "fitWidthAction")
            seen["fit width checked"] = fit_width is not None and fit_width.isChecked()
        except Exception as exc:  # noqa: BLE001 - reported below, after the dialog is closed
            seen["error"] = repr(exc)
        finally:
            dialog.reject()  # always: a failure in here would leave the dialog open and the test hung

    QTimer.singleShot(0, look)
    window.actions_["print_preview"].trigger()
    qtbot.waitUntil(lambda: "size" in seen or "error" in seen, timeout=40_000)
    assert "error" not in seen, seen
    # Most of the screen, whatever the window's size, and all of it on the screen.
    assert seen["size"].width() >= 0.8 * screen.width() and seen["size"].height() >= 0.8 * screen.height(), seen
    assert seen["size"].width() <= screen.width() and seen["size"].height() <= screen.height(), seen
    page, view = seen["page, view"]
    assert page >= 0.85 * view, seen  # fit to width: the text is read at the page's width, not at 40 %
    assert seen["fit width checked"], seen  # and the toolbar says so
