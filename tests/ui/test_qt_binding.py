"""Guard against a Qt binding that leaks references to None.

PySide6 6.12.0 on Python 3.11 drops one reference to None on every call of a Qt method returning
nothing; after a few thousand calls the process aborts ("none_dealloc").  The pin in pyproject.toml
avoids it; this test stops an upgrade from bringing it back.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_none_alive(qapp) -> None:
    label = QLabel()
    colour = QColor()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        colour.setRed(1)
    assert sys.getrefcount(None) - before > -100
