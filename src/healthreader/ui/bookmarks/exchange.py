"""Exporting and importing bookmarks from the menu: the file dialogs, and the store's errors in plain words.

Functions, not a widget: each takes the parent window and the store it should work on.  Messages go
through Qt Linguist (context ``BookmarkIO``); the store raises typed errors and this module words them.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from healthreader.store import (
    ImportFileError,
    ImportProblem,
    ImportResult,
    Recovery,
    RecoveryReason,
    StoreError,
    UserStore,
)
from healthreader.ui.common.files import ask_file_name, documents_folder
from healthreader.ui.common.user_data import explain_store_error


def explain_import_error(error: ImportFileError) -> str:
    """One or two sentences a reader understands; nothing was imported in every case."""
    reason = {
        ImportProblem.UNREADABLE: QCoreApplication.translate("BookmarkIO", "The file could not be read."),
        ImportProblem.TOO_LARGE: QCoreApplication.translate(
            "BookmarkIO", "The file is far larger than any bookmarks file HealthReader writes."
        ),
        ImportProblem.NOT_JSON: QCoreApplication.translate(
            "BookmarkIO", "The file is not a bookmarks file (it is not JSON)."
        ),
        ImportProblem.NOT_BOOKMARKS: QCoreApplication.translate(
            "BookmarkIO", "The file is not a HealthReader bookmarks file."
        ),
        ImportProblem.TOO_NEW: QCoreApplication.translate(
            "BookmarkIO", "The file was made by a newer HealthReader. Please update HealthReader first."
        ),
        ImportProblem.INVALID: QCoreApplication.translate("BookmarkIO", "Part of the file is damaged (%1).").replace(
            "%1", error.detail
        ),
    }[error.problem]
    return (
        reason
        + " "
        + QCoreApplication.translate("BookmarkIO", "Nothing was imported; your bookmarks are as they were.")
    )


def explain_recovery(recovery: Recovery) -> str:
    """What to tell the reader when the store file was unusable and a new one was started, or when a
    leftover file beside it was set aside (the store itself was fine)."""
    if recovery.reason is RecoveryReason.STRAY:
        return QCoreApplication.translate(
            "BookmarkIO",
            "A leftover file beside your bookmarks did not belong to them. It has been kept, untouched, as %1. "
            "Your bookmarks and history are as they were.",
        ).replace("%1", str(recovery.moved_to))
    what = {
        RecoveryReason.NOT_SQLITE: QCoreApplication.translate(
            "BookmarkIO", "The file that holds your bookmarks and history was not a bookmarks file."
        ),
        RecoveryReason.FOREIGN: QCoreApplication.translate(
            "BookmarkIO", "The file that holds your bookmarks and history belonged to another program."
        ),
        RecoveryReason.CORRUPT: QCoreApplication.translate(
            "BookmarkIO", "The file that holds your bookmarks and history was damaged."
        ),
    }[recovery.reason]
    return (
        what
        + " "
        + QCoreApplication.translate(
            "BookmarkIO", "It has been kept, untouched, as %1. New, empty bookmarks and history have been started."
        ).replace("%1", str(recovery.moved_to))
    )


def export_to(parent: QWidget, store: UserStore, path: Path) -> bool:
    """Write the export file; tell the reader how it went.  True when written."""
    try:
        count = store.export_json(path)
    except (StoreError, OSError) as exc:
        reason = explain_store_error(exc) if isinstance(exc, StoreError) else (exc.strerror or str(exc))
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("BookmarkIO", "Export bookmarks"),
            QCoreApplication.translate("BookmarkIO", "The bookmarks could not be saved to %1: %2")
            .replace("%1", str(path))
            .replace("%2", reason),
        )
        return False
    QMessageBox.information(
        parent,
        QCoreApplication.translate("BookmarkIO", "Export bookmarks"),
        QCoreApplication.translate("BookmarkIO", "%1 bookmark(s) with their notes were saved to %2.")
        .replace("%1", str(count))
        .replace("%2", str(path)),
    )
    return True


T = TypeVar("T")


def off_the_ui_thread(parent: QWidget, label: str, work: Callable[[], T]) -> T:
    """``work()`` on a worker thread while the window stays alive (it repaints; a busy dialog appears
    if it takes more than half a second); its result, or its exception raised here."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - handed back to the UI thread as it is
            outcome["error"] = exc

    worker = threading.Thread(target=run, name="bookmark-import", daemon=True)
    loop = QEventLoop()
    busy = QProgressDialog(label, "", 0, 0, parent)
    busy.setWindowModality(Qt.WindowModality.WindowModal)  # no other change to the bookmarks meanwhile
    busy.setCancelButton(None)
    busy.setMinimumDuration(500)
    poll = QTimer()
    poll.timeout.connect(lambda: None if worker.is_alive() else loop.quit())
    worker.start()
    poll.start(20)
    loop.exec()
    poll.stop()
    busy.reset()
    busy.deleteLater()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def _import_with_own_connection(path_of_store: Path, path: Path) -> ImportResult:
    # A store is used from one thread: the worker opens its own, on the same file, as another window would.
    with UserStore.open(path_of_store) as own:
        return own.import_json(path)


def import_from(parent: QWidget, store: UserStore, path: Path) -> ImportResult | None:
    """Merge an export file in; tell the reader what was added.  None when nothing was imported.

    Reading and checking a large file and computing its sort keys takes seconds, so it runs on a
    worker thread with its own connection to the store, while the window keeps repainting."""
    try:
        result = off_the_ui_thread(
            parent,
            QCoreApplication.translate("BookmarkIO", "Importing bookmarks…"),
            lambda: _import_with_own_connection(store.path, path),
        )
    except ImportFileError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("BookmarkIO", "Import bookmarks"), explain_import_error(exc)
        )
        return None
    except StoreError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("BookmarkIO", "Import bookmarks"),
            explain_store_error(exc)
            + " "
            + QCoreApplication.translate("BookmarkIO", "Nothing was imported; your bookmarks are as they were."),
        )
        return None
    QMessageBox.information(
        parent,
        QCoreApplication.translate("BookmarkIO", "Import bookmarks"),
        QCoreApplication.translate("BookmarkIO", "%1 new bookmark(s) added, %2 updated, %3 already there.")
        .replace("%1", str(result.added))
        .replace("%2", str(result.updated))
        .replace("%3", str(result.unchanged)),
    )
    return result


def export_bookmarks(parent: QWidget, store: UserStore, directory: Path | None = None) -> Path | None:
    """Ask where to save, then export.  The saved path, or None if cancelled or failed."""
    suggested = (directory or documents_folder()) / f"healthreader-bookmarks-{dt.date.today().isoformat()}.json"
    path = ask_file_name(
        parent,
        QCoreApplication.translate("BookmarkIO", "Export bookmarks"),
        suggested,
        QCoreApplication.translate("BookmarkIO", "Bookmarks (*.json);;All files (*)"),
        save=True,
    )
    if path is None:
        return None
    return path if export_to(parent, store, path) else None


def import_bookmarks(parent: QWidget, store: UserStore, directory: Path | None = None) -> ImportResult | None:
    """Ask for a file, then import it (merged, no duplicates).  The result, or None."""
    path = ask_file_name(
        parent,
        QCoreApplication.translate("BookmarkIO", "Import bookmarks"),
        directory or documents_folder(),
        QCoreApplication.translate("BookmarkIO", "Bookmarks (*.json);;All files (*)"),
        save=False,
    )
    if path is None:
        return None
    return import_from(parent, store, path)
