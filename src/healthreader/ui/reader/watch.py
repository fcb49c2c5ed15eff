"""``--library DIR --watch``: reload the entry being read whenever its file changes, so a writer sees
their work as patients will, a moment after saving it.

A ``QFileSystemWatcher`` on the shown entry's file only.  Editors often save by writing a new file
and renaming it over the old one, which ends the watch: the path is watched again after each change.
A save that leaves the front matter broken shows its problem in the info bar and keeps the last good
version on screen; the next good save shows again.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

from healthreader.content import Entry
from healthreader.content.frontmatter import entry_from_text
from healthreader.ui.reader.main_window import MainWindow

log = logging.getLogger(__name__)

MAX_ENTRY_BYTES = 4 * 1024 * 1024  # a writer's entry is a few KB; a runaway file is not read whole
SETTLE_MS = 150  # editors write in several steps; read once they have finished


class EntryWatcher(QObject):
    """Follows the window's current entry and reloads it when its file changes."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._changed)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.reload)
        self.reloads = 0
        window.locationChanged.connect(self._follow)
        self._follow(window.current_location().to_string())

    def watched(self) -> list[str]:
        return self.watcher.files()

    def _follow(self, location: str) -> None:
        entry = self.window.current_entry()
        wanted = str(entry.path) if entry is not None else ""
        files = self.watcher.files()
        if files and files != [wanted]:
            self.watcher.removePaths(files)
        if wanted and wanted not in self.watcher.files():
            self.watcher.addPath(wanted)

    def _changed(self, path: str) -> None:
        self._settle.start()

    def reload(self) -> None:
        entry = self.window.current_entry()
        if entry is None:
            return
        path = entry.path
        if str(path) not in self.watcher.files() and path.exists():
            self.watcher.addPath(str(path))  # saved by rename: watch the new file
        fresh = self._read(entry, path)
        if fresh is None:
            return
        self.window.reload_entry(fresh)
        self.reloads += 1
        self.window.statusBar().showMessage(self.tr("Reloaded %1").replace("%1", path.name), 5000)
        log.info("reloaded %s after a change", path)

    def _read(self, old: Entry, path: Path) -> Entry | None:
        try:
            if path.stat().st_size > MAX_ENTRY_BYTES:
                raise OSError(f"larger than {MAX_ENTRY_BYTES // (1024 * 1024)} MB")
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            self._problem(self.tr("%1 could not be read: %2").replace("%1", path.name).replace("%2", str(exc)))
            return None
        entry, problems, _ = entry_from_text(text, path, old.library_id)
        if entry is None or entry.id != old.id:
            first = (
                str(problems[0])
                if problems
                else self.tr("its id changed to %1").replace("%1", entry.id if entry else "")
            )
            self._problem(
                self.tr("%1 has a problem; showing the last good version: %2")
                .replace("%1", path.name)
                .replace("%2", first)
            )
            return None
        if problems:
            self._problem("\n".join(str(p) for p in problems[:3]))
        else:
            self.window.infobar.hide()
        return entry

    def _problem(self, text: str) -> None:
        self.window.infobar.show_message(text)
        log.warning("watched entry: %s", text)
