"""What the reader is told when their own data cannot be read or saved as usual, in their language.

The store, the settings and the data folder report faults as typed values (``StoreAccessError`` with
its problem and action, ``SettingsRecovery``, ``DataPaths.temporary``); this module words them, once,
for every feature (the reader window, the bookmarks panel, the start-up message).  Context
``UserData`` in Qt Linguist.
"""

from __future__ import annotations

import errno

from PySide6.QtCore import QCoreApplication

from healthreader.config import SettingsRecovery
from healthreader.paths import DataPaths
from healthreader.store import (
    InvalidNameError,
    InvalidValueError,
    StoreAccessError,
    StoreAction,
    StoreError,
    StoreProblem,
)


def _why(problem: StoreProblem, detail: str) -> str:
    return {
        StoreProblem.DISK_FULL: QCoreApplication.translate(
            "UserData", "the disk is full. Free some space and try again; everything saved before is safe."
        ),
        StoreProblem.READ_ONLY: QCoreApplication.translate(
            "UserData", "the bookmarks file or its folder is read-only. What was saved before can still be read."
        ),
        StoreProblem.BUSY: QCoreApplication.translate(
            "UserData", "another HealthReader window is busy with the same file. Try again in a moment."
        ),
        StoreProblem.DAMAGED: QCoreApplication.translate(
            "UserData",
            "the bookmarks file is damaged. Restart HealthReader to have it checked and, if need be, set aside.",
        ),
        StoreProblem.OTHER: QCoreApplication.translate("UserData", "the computer reported an error (%1).").replace(
            "%1", detail
        ),
    }[problem]


def explain_store_error(error: StoreError) -> str:
    """One or two sentences for any error of the store: what could not be done, and why."""
    if isinstance(error, StoreAccessError):
        what = {
            StoreAction.OPEN: QCoreApplication.translate("UserData", "Your bookmarks and history could not be opened:"),
            StoreAction.READ: QCoreApplication.translate("UserData", "Your bookmarks and history could not be read:"),
            StoreAction.SAVE: QCoreApplication.translate("UserData", "This change could not be saved:"),
        }[error.action]
        return what + " " + _why(error.problem, error.detail)
    if isinstance(error, InvalidNameError | InvalidValueError):
        return QCoreApplication.translate("UserData", "This cannot be saved: %1").replace("%1", str(error))
    return QCoreApplication.translate("UserData", "Something went wrong with your bookmarks: %1").replace(
        "%1", str(error)
    )


def explain_read_only(error: StoreAccessError) -> str:
    """The start-up message of a store that opened for reading only."""
    if error.problem is StoreProblem.DISK_FULL:
        return QCoreApplication.translate(
            "UserData",
            "The disk is full: your bookmarks and history can be read, but changes cannot be saved "
            "until some space is freed.",
        )
    return QCoreApplication.translate(
        "UserData",
        "Your bookmarks and history can be read but not changed: the bookmarks file or its folder is read-only.",
    )


def _system_error(code: int) -> str:
    """The usual reasons a folder cannot be made, in the reader's language ("" for others: the system's
    own words are shown then)."""
    if code == errno.EROFS:
        return QCoreApplication.translate("UserData", "the disk is read-only")
    if code in (errno.EACCES, errno.EPERM):
        return QCoreApplication.translate("UserData", "no permission to write there")
    if code in (errno.ENOSPC, errno.EDQUOT):
        return QCoreApplication.translate("UserData", "the disk is full")
    return ""


def explain_data_folder(data: DataPaths) -> str | None:
    """The start-up message when the data folder could not be used as usual, or None."""
    if data.temporary:
        return QCoreApplication.translate(
            "UserData",
            "HealthReader could not create its folder for your data (%1), so it is using a temporary one. "
            "Nothing you do in this session will be kept: bookmarks, reading history and settings are "
            "lost when HealthReader closes.",
        ).replace("%1", _system_error(data.problem_errno) or data.problem or "?")
    if data.read_only:
        return QCoreApplication.translate(
            "UserData",
            "The folder with your data (%1) is read-only. Your bookmarks can be read, but nothing new will be kept.",
        ).replace("%1", str(data.root))
    return None


def explain_settings_recovery(recovery: SettingsRecovery) -> str:
    if recovery.kept_as == recovery.path:
        return QCoreApplication.translate("UserData", "Your settings could not be read, so the defaults are used.")
    return QCoreApplication.translate(
        "UserData", "Your settings could not be read, so the defaults are used. The old file was kept as %1."
    ).replace("%1", recovery.kept_as.name)
