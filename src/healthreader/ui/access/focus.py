"""A text field reached by Tab is announced by the screen reader like any other control.

QLineEdit selects its text inside its focus-in handler, before Qt tells the accessibility bus that
focus moved.  Orca then sees the field's caret move first, takes the field as already focused, and
says nothing when the focus event follows: Tab into the search box (or the bookmarks filter, or a
file name) is silent.  This filter lets the field take focus without selecting, and selects right
after, once the focus event has gone out, so the reader hears "搜索 文本" and then what is selected.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QLineEdit

# The reasons for which QLineEdit selects all of its text on focus.
_SELECTING = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason, Qt.FocusReason.ShortcutFocusReason)


class SelectAfterFocus(QObject):
    """Installed on the application (and removed with its parent): applies to every line edit."""

    def __init__(self, app: QApplication, parent: QObject) -> None:
        super().__init__(parent)
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.FocusIn
            and isinstance(watched, QLineEdit)
            and isinstance(event, QFocusEvent)
            and event.reason() in _SELECTING
        ):
            # The same focus-in, for a reason QLineEdit does not select on; this filter lets it through.
            QApplication.sendEvent(watched, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.OtherFocusReason))
            if watched.text() and not watched.hasSelectedText():
                QTimer.singleShot(0, watched, watched.selectAll)
            return True
        return False
