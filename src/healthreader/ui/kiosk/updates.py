"""A kiosk's library updates: scan the policy's watched folder for new packs off the UI thread, and
move to a newly installed library at the next idle reset.

The switch is a restart of the app (``restart``, given by app.py): the library, its index, the
bookmarks' renamed ids and every cache are then built exactly as at any start, with nothing of the
old library left in memory.  It happens only when nobody is reading: right after an idle reset, or at
a scan while the screen has not been touched since the last one.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from healthreader.config.kiosk import KioskPolicy
from healthreader.packs import folders
from healthreader.ui.kiosk.controller import KioskController

log = logging.getLogger(__name__)

SCAN_INTERVAL_MS = 60_000
# End-to-end tests set this to a second or two: an idle kiosk otherwise waits a minute to switch.
SCAN_ENV = "HEALTHREADER_PACK_SCAN_SECONDS"


def scan_interval_ms() -> int:
    try:
        return max(1000, int(float(os.environ[SCAN_ENV]) * 1000))
    except (KeyError, ValueError):
        return SCAN_INTERVAL_MS


@dataclass(frozen=True)
class DropEvent:
    """What the watched folder brought, for the staff view: when, which file, and what became of it."""

    when: str
    file: str
    result: str  # "installed 2026.12.1" or the refusal's sentence


class LibraryUpdates(QObject):
    switchWanted = Signal()  # a newer library is installed and the kiosk is idle
    scanned = Signal(object)  # list[DropEvent] of one scan (from the scanning thread, queued)

    def __init__(
        self,
        controller: KioskController,
        policy: KioskPolicy,
        restart: Callable[[], None],
        *,
        packs_root: Path | None = None,
        interval_ms: int | None = None,
    ) -> None:
        super().__init__(controller)
        self.controller = controller
        self.policy = policy
        self.packs_root = packs_root
        self.loaded = folders.signature(packs_root)  # what this run of the app reads
        self.events: list[DropEvent] = []
        self._restart = restart
        self._scanning = False
        self._watch = None
        self.problems: list[str] = []
        if policy.pack_folder:
            from healthreader.packs import FolderWatch, PackStore, trusted_keys
            from healthreader.paths import trusted_keys_dir

            keys, self.problems = trusted_keys(list(policy.trusted_keys), trusted_keys_dir())
            for problem in self.problems:
                log.warning("kiosk trusted keys: %s", problem)
            self._watch = FolderWatch(Path(policy.pack_folder), PackStore(packs_root), keys)
        self.scanned.connect(self._after_scan)
        self.switchWanted.connect(self._switch)
        controller.resetDone.connect(self._at_reset)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms if interval_ms is not None else scan_interval_ms())
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    @property
    def pending(self) -> bool:
        """Another library version is installed than the one this run reads."""
        return folders.signature(self.packs_root) != self.loaded

    def tick(self) -> None:
        self.scan()
        self._maybe_switch(idle_only=True)

    def _at_reset(self) -> None:
        self.scan()
        self._maybe_switch(idle_only=False)

    def scan(self) -> None:
        """Look in the watched folder on a worker thread (verifying 10,000 entries takes seconds)."""
        if self._watch is None or self._scanning:
            return
        self._scanning = True
        watch = self._watch

        def work() -> None:
            events = []
            try:
                for outcome in watch.scan():
                    result = (
                        self.tr("installed %1").replace("%1", outcome.installed.version)
                        if outcome.installed
                        else self.refusal_words(outcome.kind, outcome.refused)
                    )
                    if result:
                        events.append(
                            DropEvent(dt.datetime.now().isoformat(timespec="minutes"), outcome.path.name, result)
                        )
            except Exception:  # noqa: BLE001 - a scan must never take the kiosk down
                log.exception("scanning the watched pack folder failed")
            self.scanned.emit(events)

        threading.Thread(target=work, name="pack-scan", daemon=True).start()

    def refusal_words(self, kind: str, sentence: str) -> str:
        """The refusal in the staff's language (the packs package speaks English, for logs and IT)."""
        words = {
            "not-a-pack": self.tr("Refused: not a HealthReader pack."),
            "truncated": self.tr("Refused: the file is incomplete (still copying, or a broken download)."),
            "unsigned": self.tr("Refused: the pack is not signed."),
            "untrusted-key": self.tr("Refused: signed with a key this PC does not trust."),
            "tampered": self.tr("Refused: the pack was changed after it was signed."),
            "older": self.tr("Refused: older than the library in use."),
            "incompatible": self.tr("Refused: this HealthReader is too old for the pack."),
            "unreadable": self.tr("Refused: the file cannot be read."),
        }.get(kind)
        return f"{words} ({sentence})" if words else sentence

    def _after_scan(self, events: list[DropEvent]) -> None:
        self._scanning = False
        self.events.extend(events)
        del self.events[:-50]
        if events:
            self._maybe_switch(idle_only=True)

    def _maybe_switch(self, idle_only: bool) -> None:
        if not self.pending:
            return
        if idle_only and not self.controller.is_idle:
            log.info("kiosk: a new library is installed; switching at the next idle reset")
            return
        self.switchWanted.emit()

    def _switch(self) -> None:
        now = folders.signature(self.packs_root)
        log.info("kiosk: switching library %s -> %s; restarting", self.loaded, now)
        self.timer.stop()
        self._restart()
