"""Spoken feedback: a change the reader caused, said by the screen reader in words.

Every message shown to the eye for a moment (the info bar, the status bar, the results count, a
bookmark added) goes through ``announce``, so a reader who cannot see it still hears it.

Qt's own route, QAccessibleAnnouncementEvent (AT-SPI's ``object:announcement``), is not heard by
the Orca that Debian 12 ships (43 has no handler for it; it came in Orca 46).  What every Orca
speaks, old and new, is a *notification* object that appears: the window holds one
``SpokenNotice``, invisible to the eye (the screen-reader-only text of the web), that shows each
message in turn.  Only one of the two routes is used, so a newer Orca does not say it twice.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QWidget


class SpokenNotice(QWidget):
    """The window's notice board for screen readers: one pixel, nothing painted, never focused."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("spokenNotice")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setGeometry(0, 0, 1, 1)
        self._text = ""
        self.hide()

    def text(self) -> str:
        return self._text

    def say(self, text: str) -> None:
        # Hidden, then shown again: the screen reader speaks a notification when it starts showing,
        # so the same words twice (a second Ctrl+D) are said twice.
        self.hide()
        self._text = text
        self.show()


class _NoticeAccessible(QAccessibleWidget):
    def __init__(self, notice: SpokenNotice) -> None:
        super().__init__(notice, QAccessible.Role.Notification)
        self._notice = notice

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._notice.text()
        return super().text(kind)


def accessible_for(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    """Qt's accessibility factory for the widgets Qt has no fitting interface for (the notice)."""
    if isinstance(obj, SpokenNotice):
        return _NoticeAccessible(obj)
    return None


def install_accessible_factory() -> None:
    """Give Qt ``accessible_for``: once per process, since Qt keeps its factories for the process."""
    if not getattr(install_accessible_factory, "done", False):
        QAccessible.installFactory(accessible_for)
        install_accessible_factory.done = True  # type: ignore[attr-defined]


def _notice_for(source: QObject) -> SpokenNotice | None:
    widget = source if isinstance(source, QWidget) else None
    while widget is not None:
        window = widget.window()
        notice = window.findChild(SpokenNotice, "spokenNotice")
        if notice is not None:
            return notice
        widget = window.parentWidget()  # a dialog: the window it belongs to holds the notice
    return None


def announce(source: QObject, text: str, *, urgent: bool = False) -> None:
    """Have a screen reader say ``text``; ``urgent`` interrupts what it is saying (errors, red flags)."""
    if not text or not QAccessible.isActive():
        return
    notice = _notice_for(source)
    if notice is not None:
        notice.say(text)  # a notification interrupts, as an urgent message must
        return
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive if urgent else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)
