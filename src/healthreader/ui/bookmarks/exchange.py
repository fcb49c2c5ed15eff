"""Exporting and importing bookmarks from the menu: the file dialogs, and the store's errors in plain words.

Functions, not a widget: each takes the parent window and the store it should work on.  Messages go
through Qt Linguist (context ``BookmarkIO``); the store raises typed errors and this module words them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from healthreader.store import (
    ImportFileError,
    ImportProblem,
    ImportResult,
    Recovery,
    RecoveryReason,
    StoreError,
    UserStore,
)


def explain_import_error(error: ImportFileError) -> str:
    """One or two sentences a reader understands; nothing was imported in every case."""
    reason = {
        ImportProblem.UNREADABLE: QCoreApplication.translate("BookmarkIO", "The file could not be read."),
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
    """What to tell the reader when the store file was unusable and a new one was started."""
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


def _default_dir() -> Path:
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs) if docs else Path.home()


def export_to(parent: QWidget, store: UserStore, path: Path) -> bool:
    """Write the export file; tell the reader how it went.  True when written."""
    try:
        count = store.export_json(path)
    except (StoreError, OSError) as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("BookmarkIO", "Export bookmarks"),
            QCoreApplication.translate("BookmarkIO", "The bookmarks could not be saved to %1: %2")
            .replace("%1", str(path))
            .replace("%2", str(exc)),
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


def import_from(parent: QWidget, store: UserStore, path: Path) -> ImportResult | None:
    """Merge an export file in; tell the reader what was added.  None when nothing was imported."""
    try:
        result = store.import_json(path)
    except ImportFileError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("BookmarkIO", "Import bookmarks"), explain_import_error(exc)
        )
        return None
    except StoreError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("BookmarkIO", "Import bookmarks"),
            QCoreApplication.translate("BookmarkIO", "The bookmarks could not be imported: %1").replace("%1", str(exc))
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
    suggested = (directory or _default_dir()) / f"healthreader-bookmarks-{dt.date.today().isoformat()}.json"
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("BookmarkIO", "Export bookmarks"),
        str(suggested),
        QCoreApplication.translate("BookmarkIO", "Bookmarks (*.json);;All files (*)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if export_to(parent, store, path) else None


def import_bookmarks(parent: QWidget, store: UserStore, directory: Path | None = None) -> ImportResult | None:
    """Ask for a file, then import it (merged, no duplicates).  The result, or None."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("BookmarkIO", "Import bookmarks"),
        str(directory or _default_dir()),
        QCoreApplication.translate("BookmarkIO", "Bookmarks (*.json);;All files (*)"),
    )
    if not name:
        return None
    return import_from(parent, store, Path(name))
