"""Every file dialog starts in the reader's Documents folder, even on a fresh account that has none."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog


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
