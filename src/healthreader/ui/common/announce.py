"""Spoken feedback: a change the reader caused, said by the screen reader in words.

Qt sends a QAccessibleAnnouncementEvent to the accessibility bus (AT-SPI's Announcement signal), which
Orca speaks without moving focus.  Every message shown to the eye for a moment (the info bar, the
status bar, the results count) goes through here too, so a reader who cannot see it still hears it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent


def announce(source: QObject, text: str, *, urgent: bool = False) -> None:
    """Have a screen reader say ``text``; ``urgent`` interrupts what it is saying (errors, red flags)."""
    if not text or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive if urgent else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)
