"""Every file dialog starts in the reader's Documents folder, even on a fresh account that has none."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QListView, QStyle, QTreeView

from healthreader.ui.common import files


@pytest.mark.parametrize("action_id", ["export_bookmarks", "import_bookmarks"])
def test_bookmark_dialogs_open_in_documents_on_a_fresh_account(make_window, qtbot, action_id) -> None:
    documents = Path.home() / "Documents"
    assert not documents.exists()  # a fresh account: no Documents folder yet
    window = make_window("alpha")
    seen: dict[str, str] = {}

    def read_and_cancel() -> None:
        # Only read here and always close: an assertion failing inside this callback would leave the
        # modal dialog open and trigger() would never return.
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            seen["directory"] = f"no file dialog open: {dialog!r}"
            if dialog is not None:
                dialog.close()
            return
        try:
            look_in = dialog.findChild(QComboBox, "lookInCombo")
            seen["look_in"] = look_in.currentText() if look_in is not None else ""
            seen["directory"] = dialog.directory().absolutePath()
        finally:
            dialog.reject()

    QTimer.singleShot(300, read_and_cancel)
    window.actions_[action_id].trigger()
    qtbot.waitUntil(lambda: "directory" in seen, timeout=5000)
    assert seen["directory"] == str(documents), seen
    assert seen["look_in"].endswith("Documents"), seen  # what the reader sees in 查找范围
    assert documents.is_dir()


def _file_dialog_measures(ticks: list[int]) -> dict[str, object]:
    """What the open file dialog shows, read as a person would look at it: its size, whether each
    column's heading and a file's date are drawn whole, whether the places on the left are cut."""
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible())
    tree = dialog.findChild(QTreeView, "treeView")
    header = tree.header()
    margin = 2 * (tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1)
    cut: list[str] = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            cut.append(f"column {section} hidden")
            continue
        title = str(tree.model().headerData(section, Qt.Orientation.Horizontal))
        if header.sectionSize(section) < header.sectionSizeHint(section):
            cut.append(f"heading {title!r}: {header.sectionSize(section)} < {header.sectionSizeHint(section)}")
        if header.sectionViewportPosition(section) + header.sectionSize(section) > tree.viewport().width():
            cut.append(f"column {title!r} runs past the view's right edge")
    model, root = tree.model(), tree.rootIndex()
    for row in range(model.rowCount(root)):
        for column in range(1, header.count()):
            index = model.index(row, column, root)
            text = str(index.data() or "")
            if tree.visualRect(index).width() < tree.fontMetrics().horizontalAdvance(text) + margin:
                cut.append(f"cell {text!r} (column {column})")
    sidebar = dialog.findChild(QListView, "sidebar")
    for row in range(sidebar.model().rowCount()):
        index = sidebar.model().index(row, 0)
        if sidebar.viewport().width() < sidebar.sizeHintForIndex(index).width():  # its icon and text
            cut.append(f"place {index.data()!r}")
    return {
        "size": dialog.size(),
        "rows": model.rowCount(root),
        "cut": cut,
        "font": dialog.fontMetrics().height(),
        "ticks": len(ticks),
    }


@pytest.mark.parametrize("action_id", ["export_pdf", "export_bookmarks", "import_bookmarks"])
def test_file_dialogs_show_every_column_whole_at_normal_and_large_type(make_window, qtbot, action_id) -> None:
    documents = Path.home() / "Documents"
    documents.mkdir()
    for name in ("上次打印的讲义.pdf", "healthreader-bookmarks-2026-11-30.json"):
        (documents / name).write_bytes(b"{}")
    window = make_window("alpha", size=(780, 580))
    screen = window.screen().availableGeometry()
    seen: list[dict[str, object]] = []
    ticks: list[int] = []
    ticker = QTimer()
    ticker.timeout.connect(lambda: ticks.append(1))
    ticker.start(10)  # the window's event loop, while the dialog is open

    def read_and_cancel() -> None:
        # Only read here and always close: an assertion failing in this callback would leave the
        # modal dialog open and trigger() would never return.
        dialog = QApplication.activeModalWidget()
        try:
            if not isinstance(dialog, QFileDialog):
                seen.append({"error": f"no file dialog open: {dialog!r}"})
            else:
                tree = dialog.findChild(QTreeView, "treeView")
                if tree.model().rowCount(tree.rootIndex()) < 2 and not waited:  # read in the background
                    waited.append(1)
                    QTimer.singleShot(500, read_and_cancel)
                    return
                seen.append(_file_dialog_measures(ticks))
        except Exception as exc:  # noqa: BLE001 - reported by the test, after the dialog is closed
            seen.append({"error": repr(exc)})
        if dialog is not None:
            dialog.close()

    for large in (False, True):
        if large:
            with qtbot.waitActive(window):  # back from the dialog
                window.activateWindow()
            qtbot.keyClick(
                window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
            )
            assert window.actions_["large_type"].isChecked()
        count = len(seen)
        ticks.clear()
        waited: list[int] = []
        QTimer.singleShot(300, read_and_cancel)
        window.actions_[action_id].trigger()
        assert len(seen) > count  # the dialog has been read and closed when trigger() returns
        found = seen[-1]
        assert "error" not in found, found
        assert found["cut"] == [], found
        size = found["size"]
        # Large: most of the window (or of the screen, when the window is small), and all of it on screen.
        assert size.width() >= 0.7 * min(window.width(), screen.width()), found
        assert size.height() >= 0.7 * min(window.height(), screen.height()), found
        assert size.width() <= screen.width() and size.height() <= screen.height(), found
        assert found["ticks"] >= 10, found  # the event loop kept turning while the dialog was open
    normal, large_type = seen[-2], seen[-1]
    assert large_type["font"] > normal["font"], (normal, large_type)
    # Wider at large type, unless it already had the screen's width (as on the offscreen 800x600 screen
    # when earlier tests left a larger interface font).
    at_cap = large_type["size"].width() >= round(files.SCREEN_SHARE * screen.width())
    assert large_type["size"].width() > normal["size"].width() or at_cap, (normal, large_type)
    ticker.stop()
