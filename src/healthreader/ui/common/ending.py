"""Ending on a signal the way Quit ends: SIGTERM (shutdown, systemd, ``kill``) and SIGHUP (a logout).

Python's default for SIGTERM ends the process at once: no settings saved, and a kiosk's private
session folder, with the last patient's store in it, left in ``/tmp``.  Python runs its signal
handlers only between bytecodes, and Qt's event loop is C++, so a handler alone would wait for the
next Python call; a socket pair written by the C-level handler (``signal.set_wakeup_fd``) and read
by a ``QSocketNotifier`` brings the loop back to Python at once.
"""

from __future__ import annotations

import logging
import signal
import socket

from PySide6.QtCore import QCoreApplication, QSocketNotifier

log = logging.getLogger(__name__)

SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def quit_on_signals(app: QCoreApplication) -> tuple[socket.socket, socket.socket, QSocketNotifier]:
    """Make SIGTERM and SIGHUP quit ``app`` through its event loop (``aboutToQuit`` runs).

    The caller keeps what this returns for as long as the loop runs: the wakeup fd writes to it."""
    reader, writer = socket.socketpair()
    for end in (reader, writer):
        end.setblocking(False)
    signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def drain() -> None:
        try:
            reader.recv(64)
        except BlockingIOError:
            pass

    notifier.activated.connect(drain)

    def ended(signum: int, _frame: object) -> None:
        log.info("%s received: quitting as Quit does", signal.Signals(signum).name)
        # exit(), not quit(): Qt 6's quit() first asks every window to close, and a kiosk window
        # refuses; aboutToQuit still runs when exec() returns, so the window saves and the kiosk cleans up.
        app.exit(0)

    for signum in SIGNALS:
        signal.signal(signum, ended)
    return reader, writer, notifier
