"""The check of the library's files that a start no longer waits for (content/snapshot.py).

The window starts from the snapshot of the last load; once it has painted, this stats every entry
file (and reads those that changed) on a thread of its own, and hands the library to use from now on,
with what changed, to the window through ``finished``.  The UI thread never waits for it.

The thread touches no Qt object: emitting from it on an object that a closing window is deleting
crashed the process.  It leaves its result in plain Python, and a timer owned by this object (so
gone with the window) looks for it.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from healthreader.content import Library
from healthreader.content.snapshot import Changes, check

log = logging.getLogger(__name__)


POLL_MS = 30  # how often the UI thread looks for the result: unnoticeable, and costs nothing meanwhile


class LibraryCheck(QObject):
    finished = Signal(object, object)  # (Library, Changes), on the UI thread

    def __init__(
        self, parent: QObject, library: Library, folders: list[Path], snapshot: Path, cache_file: Path | None
    ) -> None:
        super().__init__(parent)
        self._args = (library, list(folders), snapshot, cache_file)
        self._result: list[tuple[Library, Changes]] = []  # filled by the thread, once
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._deliver)

    def start(self) -> None:
        # Daemon: a check under way never holds up quitting (the snapshot is written to a temporary
        # file and renamed, so a check cut short leaves the old snapshot whole).
        threading.Thread(target=_run, args=(*self._args, self._result), name="library-check", daemon=True).start()
        self._poll.start()

    def _deliver(self) -> None:
        if self._result:
            self._poll.stop()
            self.finished.emit(*self._result[0])


def _run(
    library: Library, folders: list[Path], snapshot: Path, cache_file: Path | None, out: list[tuple[Library, Changes]]
) -> None:
    try:
        out.append(check(library, folders, snapshot, cache_file))
    except Exception:  # a bug here must not cost the reader the library already on screen
        log.exception("the library check failed; the library of the last start is kept")
        out.append((library, Changes()))
