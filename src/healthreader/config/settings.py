"""The options registry and its JSON-backed store."""

from __future__ import annotations

import enum
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from healthreader.config.bounded import BoundedFileError, has_surrogates, read_json
from healthreader.paths import DataPaths

log = logging.getLogger(__name__)
SCHEMA_VERSION = 1
#: A settings file is a few hundred bytes; the window's saved geometry and state are the largest values.
MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 8
MAX_TEXT = 64 * 1024


class SettingsError(Exception):
    """Base of the config package's errors."""


class Scope(enum.Enum):
    PREFS = "prefs"
    SESSION = "session"


@dataclass(frozen=True)
class Option:
    name: str
    type: type
    default: Any
    scope: Scope
    doc: str
    check: Callable[[Any], bool] | None = None

    def valid(self, value: Any) -> bool:
        if self.type is int and isinstance(value, bool):
            return False
        if not isinstance(value, self.type):
            return False
        # Text must be writable back as UTF-8 and small: a value read from a damaged file goes on to
        # window titles, file names and Qt's restoreGeometry().
        if isinstance(value, str) and (len(value) > MAX_TEXT or has_surrogates(value)):
            return False
        return self.check(value) if self.check else True


ZOOM_STEPS = (70, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)

_ALL = [
    Option("zoom_percent", int, 110, Scope.PREFS, "Article text size in percent of the base size.",
           lambda v: v in ZOOM_STEPS),
    Option("ui_language", str, "auto", Scope.PREFS, "UI language: auto (system, else the library's), zh_CN, zh_TW or en.",
           lambda v: v in ("auto", "zh_CN", "zh_TW", "en")),
    Option("print_header", str, "", Scope.PREFS, "A line printed at the top of every page: the clinic's name and phone."),
    Option("large_print", bool, False, Scope.PREFS, "Print and export PDFs with large text (16 pt body instead of 12 pt)."),
    Option("theme", str, "system", Scope.PREFS, "Colours: system (follow the desktop's light/dark scheme), light, dark or contrast.",
           lambda v: v in ("system", "light", "dark", "contrast")),
    Option("large_type", bool, False, Scope.PREFS, "Large type: a bigger interface font and article text, in one step."),
    Option("traditional", bool, False, Scope.PREFS, "Show the library in traditional characters (converted at display time)."),
    Option("speech_rate", int, 0, Scope.PREFS, "Read-aloud speed, -5 (slowest) to 5 (fastest); 0 is the engine's normal rate.",
           lambda v: -5 <= v <= 5),
    Option("window_geometry", str, "", Scope.SESSION, "Main window geometry (base64 of Qt's saveGeometry)."),
    Option("window_state", str, "", Scope.SESSION, "Toolbar and dock state (base64 of Qt's saveState)."),
    Option("splitter_state", str, "", Scope.SESSION, "Sidebar/viewer splitter (base64 of Qt's saveState)."),
    Option("sidebar_visible", bool, True, Scope.SESSION, "Whether the sidebar is shown (F9 hides and shows it)."),
    Option("last_location", str, "", Scope.SESSION, "The last entry read, as entry:ID#anchor."),
]  # fmt: skip
OPTIONS: dict[str, Option] = {o.name: o for o in _ALL}


@dataclass(frozen=True)
class SettingsRecovery:
    """A settings file that could not be read: it was kept as ``kept_as`` (or left where it was, when
    the folder is read-only: ``kept_as == path``) and the defaults are used.  The UI tells the reader."""

    path: Path
    kept_as: Path
    reason: str


def _aside_name(path: Path) -> Path:
    """``settings.json.corrupt-20261203-112701`` (``-2``, ``-3``… if taken): an earlier copy is never replaced."""
    stem = f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}"
    candidate, n = path.with_name(stem), 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{stem}-{n}")
    return candidate


#: A save takes milliseconds; a temporary file older than this was left by a save that was killed.
STALE_TEMPORARY_S = 60.0


def _remove_stale_temporaries(path: Path) -> None:
    now = time.time()
    try:
        for tmp in path.parent.glob(f"{path.name}.*tmp"):
            if now - tmp.stat().st_mtime > STALE_TEMPORARY_S:
                tmp.unlink()
    except OSError:
        pass  # a read-only folder: nothing can be left there either


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable: until the folder itself is synced, a power cut can undo the
    rename and bring back the old settings after the app was told the new ones were saved."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return  # Windows opens no folders; there, the replace itself is what the system offers
    try:
        os.fsync(fd)
    except OSError:
        pass  # a file system that cannot sync folders (some network shares): the rename is done
    finally:
        os.close(fd)


class Settings:
    """Typed access to the declared options, saved atomically at every change."""

    def __init__(self, data: DataPaths) -> None:
        self._files = {Scope.PREFS: data.settings_file, Scope.SESSION: data.session_file}
        self._values: dict[Scope, dict[str, Any]] = {}
        # The options this window set or reset: a save writes these over what is in the file now, and
        # leaves the rest as another window may have saved it (not as this window read it at its start).
        self._changed: dict[Scope, set[str]] = {scope: set() for scope in Scope}
        self.problems: list[str] = []
        self.recovered: list[SettingsRecovery] = []
        for scope, path in self._files.items():
            self._values[scope] = self._read(path)
            _remove_stale_temporaries(path)

    def _read(self, path: Path) -> dict[str, Any]:
        try:
            data = read_json(path, max_bytes=MAX_FILE_BYTES, max_depth=MAX_DEPTH)
        except FileNotFoundError:
            return {}
        except BoundedFileError as exc:
            return self._move_aside(path, str(exc))
        if not isinstance(data, dict) or not isinstance(data.get("values"), dict):
            return self._move_aside(path, "is not a settings file")
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= SCHEMA_VERSION:
            return self._move_aside(path, f"has an unknown schema version {version!r}")
        return self._migrate(version, data["values"])

    def _move_aside(self, path: Path, reason: str) -> dict[str, Any]:
        aside = _aside_name(path)
        try:
            os.replace(path, aside)
        except OSError:
            aside = path
        msg = f"{path}: unreadable settings (the file {reason}); kept as {aside.name}, using defaults"
        log.warning(msg)
        self.problems.append(msg)
        self.recovered.append(SettingsRecovery(path, aside, reason))
        return {}

    @staticmethod
    def _migrate(version: int, values: dict[str, Any]) -> dict[str, Any]:
        # Version 1 is the first; later versions add steps here, oldest first.
        return values

    def get(self, name: str) -> Any:
        opt = OPTIONS[name]
        value = self._values[opt.scope].get(name, opt.default)
        return value if opt.valid(value) else opt.default

    def set(self, name: str, value: Any) -> None:
        opt = OPTIONS[name]
        if not opt.valid(value):
            raise SettingsError(f"invalid value for {name}: {value!r}")
        if self._values[opt.scope].get(name) == value:
            return
        self._values[opt.scope][name] = value
        self._changed[opt.scope].add(name)
        self._write(opt.scope)

    def is_set(self, name: str) -> bool:
        """Whether the reader chose a value (else the default, or the system's preference, applies)."""
        opt = OPTIONS[name]
        return name in self._values[opt.scope] and opt.valid(self._values[opt.scope][name])

    def reset(self, name: str) -> None:
        opt = OPTIONS[name]
        had = self._values[opt.scope].pop(name, None) is not None
        if had or name in self._on_disk(opt.scope):  # another window may have set it meanwhile
            self._changed[opt.scope].add(name)
            self._write(opt.scope)

    def _on_disk(self, scope: Scope) -> dict[str, Any]:
        """The values in the file now (another window may have saved since), or {} when it is missing
        or unreadable (it was judged, and moved aside if need be, at the start)."""
        try:
            data = read_json(self._files[scope], max_bytes=MAX_FILE_BYTES, max_depth=MAX_DEPTH)
        except (OSError, BoundedFileError):
            return {}
        values = data.get("values") if isinstance(data, dict) else None
        if not isinstance(values, dict) or data.get("version") != SCHEMA_VERSION:
            return {}
        return values

    def _write(self, scope: Scope) -> None:
        path = self._files[scope]
        values = self._on_disk(scope) | {k: v for k, v in self._values[scope].items() if k in self._changed[scope]}
        for name in self._changed[scope] - self._values[scope].keys():
            values.pop(name, None)  # reset here
        payload = {"version": SCHEMA_VERSION, "values": values}
        text = json.dumps(payload, ensure_ascii=False, indent=1)
        tmp: str | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # A temporary file of its own (two windows may save at once), synced before it replaces the
            # old one: a kill or a power cut leaves the old settings or the new, never half of a file.
            fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
            tmp = None
            _sync_folder(path.parent)
        except OSError as exc:
            log.warning("cannot save %s: %s", path, exc)
        finally:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
