"""Waiting in a Qt program driven by a script, with the other threads running.

``QTest.qWait`` turns the event loop without giving up Python's GIL: the app's worker threads (the
search index opening, the speech engine) then run only in the moments between two waits, a twelfth
of their speed (measured: 1.08 s against 0.09 s for the same work), and a script that waited for the
search to be ready waited 12 s.  A ``QEventLoop`` gives the GIL up while it waits, as the app's own
loop does and as pytest-qt's ``qtbot.wait`` does.
"""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QTimer


def wait(ms: int) -> None:
    """Turn the event loop for ``ms`` milliseconds."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
