"""The watched folder: a USB stick's mount point or a clinic's shared folder, named by the kiosk policy,
where staff drop new ``*.hrpack`` files.  Each scan installs what is new and verified; a bad file is
refused with its sentence and costs only itself.

A pack is tried once per (name, size, modification time): a refused pack is not tried again at every
scan, and a file still being copied (its size changes) is tried again when it has settled.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from healthreader.packs.errors import InstallError, PackError, PackRefused, Refusal
from healthreader.packs.install import InstallResult, PackStore
from healthreader.packs.keys import PublicKey

log = logging.getLogger(__name__)

SUFFIX = ".hrpack"
MAX_CANDIDATES = 200  # a folder of thousands of files is not a drop folder; look at the newest only


@dataclass
class ScanOutcome:
    path: Path
    installed: InstallResult | None = None
    refused: str = ""  # the sentence, when refused or failed
    kind: str = ""


@dataclass
class FolderWatch:
    folder: Path
    store: PackStore
    trusted: Mapping[str, PublicKey]
    _seen: dict[str, tuple[int, int]] = field(default_factory=dict)

    def candidates(self) -> list[Path]:
        try:
            with os.scandir(self.folder) as it:
                found = [
                    (de.stat().st_mtime_ns, Path(de.path))
                    for de in it
                    if de.name.endswith(SUFFIX) and not de.name.startswith(".") and de.is_file()
                ]
        except OSError as exc:
            log.info("watched pack folder %s unreadable: %s", self.folder, exc)
            return []
        found.sort()
        return [p for _, p in found[-MAX_CANDIDATES:]]

    def scan(self) -> list[ScanOutcome]:
        """Try each new pack file in the folder, oldest first; return what happened to each."""
        outcomes: list[ScanOutcome] = []
        for path in self.candidates():
            try:
                st = path.stat()
            except OSError:
                continue
            stamp = (st.st_size, st.st_mtime_ns)
            if self._seen.get(str(path)) == stamp:
                continue
            self._seen[str(path)] = stamp
            outcome = ScanOutcome(path)
            try:
                outcome.installed = self.store.install(path, self.trusted, unattended=True)
            except PackRefused as exc:
                outcome.refused, outcome.kind = str(exc), exc.kind.value
                if exc.kind in (Refusal.SAME_VERSION, Refusal.ROLLED_BACK):
                    outcome.refused = ""  # already there, or undone on purpose: nothing to say at every scan
            except (InstallError, PackError, OSError) as exc:
                outcome.refused, outcome.kind = str(exc), "failed"
                # A transient failure (stick pulled out, disk full) is worth another try later.
                self._seen.pop(str(path), None)
            if outcome.refused:
                log.warning("pack %s not installed: %s", path, outcome.refused)
            outcomes.append(outcome)
        return outcomes
