"""Where file dialogs start: one folder for every feature (saving a PDF, exporting and importing bookmarks).

A fresh account often has no Documents folder yet; Qt's dialog then falls back to the process's working
directory, so each dialog opened somewhere else.  The folder is made instead, and home is the fallback.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QStandardPaths

log = logging.getLogger(__name__)


def documents_folder() -> Path:
    """The user's Documents folder (made if missing); the home folder if it cannot be made."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if not location:
        return Path.home()
    folder = Path(location)
    try:
        folder.mkdir(parents=True, exist_ok=True)  # a file of that name raises FileExistsError too
    except OSError as exc:
        log.info("no Documents folder (%s): file dialogs start in the home folder", exc)
        return Path.home()
    return folder
