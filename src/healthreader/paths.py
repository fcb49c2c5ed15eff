"""Where things live: bundled content and resources, the search index, the user's data.

One lookup module for a source checkout, an installed wheel and a frozen (PyInstaller) bundle alike,
so no other module guesses at ``__file__``.  User data can be redirected with ``--data-dir`` (tests and
portable installs use it); otherwise the platform's per-user application data folder is used, the same
folder Qt's ``QStandardPaths.AppDataLocation`` names on Linux (``$XDG_DATA_HOME/HealthReader``).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from healthreader import APP_NAME


def _install_root() -> Path:
    """The folder that holds ``content/`` and ``resources/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    env = os.environ.get("HEALTHREADER_ROOT")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    # Source checkout or editable install: src/healthreader -> project root.
    checkout = here.parent.parent
    if (checkout / "content").is_dir() and (checkout / "resources").is_dir():
        return checkout
    # Installed wheel: data files shipped inside the package.
    return here / "data"


INSTALL_ROOT = _install_root()


def bundled_library() -> Path:
    return INSTALL_ROOT / "content"


def resources_dir() -> Path:
    return INSTALL_ROOT / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def library_folders(
    extra: list[str] | list[Path] | tuple[str | Path, ...] = (), include_bundled: bool = True
) -> list[Path]:
    """The bundled library (unless left out), then the folders given with ``--library``, in order."""
    return ([bundled_library()] if include_bundled else []) + [Path(d) for d in extra]


def default_data_dir() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME


def _temporary_folder() -> Path:
    """A private temporary folder named for this process (``HealthReader-<pid>-…``).  The window and the
    command line remove theirs when they end; a process killed (SIGKILL, a power cut) never does, so
    first the folders of processes that are gone are removed: a kiosk on a read-only home starts
    every morning, and each start must not leave one (with an index of megabytes) behind."""
    base = Path(tempfile.gettempdir())
    pattern = re.compile(re.escape(APP_NAME) + r"-(\d+)-")
    for folder in base.glob(f"{APP_NAME}-*"):
        m = pattern.match(folder.name)
        if m is None or int(m[1]) == os.getpid():
            continue
        try:
            if folder.stat().st_uid != os.getuid():
                continue  # another user's: not ours to judge
            os.kill(int(m[1]), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            pass  # alive (or not ours to signal)
    return Path(tempfile.mkdtemp(prefix=f"{APP_NAME}-{os.getpid()}-", dir=base))


@dataclass(frozen=True)
class DataPaths:
    """Every file of the user's own, under one root (``--data-dir`` or the default).

    ``for_this_run`` says when the root cannot be used as usual, for the app to tell the reader:
    ``temporary`` - the folder could not be made, so a private temporary one stands in and nothing of
    this session is kept; ``read_only`` - the folder is there (with the reader's bookmarks) but cannot be
    written, so it is read and the search index and caches go to ``scratch``, a temporary folder.
    """

    root: Path
    temporary: bool = False
    read_only: bool = False
    scratch: Path | None = None
    problem: str = ""  # why, for the log and the message: the error that made the folder unusable
    problem_errno: int = 0  # its errno, for the message in the reader's language (0: not known)

    @classmethod
    def at(cls, root: Path | str | None) -> DataPaths:
        return cls(Path(root).expanduser().resolve() if root else default_data_dir())

    def ensure(self) -> DataPaths:
        self.root.mkdir(parents=True, exist_ok=True)
        return self

    @classmethod
    def for_this_run(cls, root: Path | str | None) -> DataPaths:
        """``at(root)``, made to exist, or the next best thing, so that the app always starts (see the
        class).  ``OSError`` only if not even a temporary folder can be made."""
        paths = cls.at(root)
        try:
            paths.ensure()
        except OSError as exc:
            problem = exc.strerror or str(exc)
            temporary = _temporary_folder()
            return cls(temporary, temporary=True, problem=problem, problem_errno=exc.errno or 0)
        # os.access, not the mode bits: it also answers for a read-only mount, where root is refused too.
        if not os.access(paths.root, os.W_OK):
            scratch = _temporary_folder()
            return cls(paths.root, read_only=True, scratch=scratch, problem="read-only")
        return paths

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.json"

    @property
    def session_file(self) -> Path:
        return self.root / "session.json"

    @property
    def log_file(self) -> Path:
        return (self.scratch or self.root) / "healthreader.log"

    @property
    def cache_dir(self) -> Path:
        return (self.scratch or self.root) / "cache"

    @property
    def catalogue_file(self) -> Path:
        return self.cache_dir / "catalogue.bin"

    @property
    def content_snapshot(self) -> Path:
        """The library as last loaded (content/snapshot.py): what a start reads instead of every file."""
        return self.cache_dir / "content.sqlite"

    @property
    def index_dir(self) -> Path:
        return (self.scratch or self.root) / "index"

    @property
    def store_file(self) -> Path:
        return self.root / "userdata.sqlite3"

    @property
    def stats_file(self) -> Path:
        """Local search counts (only with the kiosk policy's consent; see ``healthreader.stats``)."""
        return self.root / "search-stats.sqlite3"


# --- installed content packs ---------------------------------------------------------------------

SYSTEM_PACKS_DIR = Path("/var/lib/healthreader/packs")
PACKS_ENV = "HEALTHREADER_PACKS_DIR"
SYSTEM_KEYS_DIR = Path("/etc/healthreader/keys")
KEYS_ENV = "HEALTHREADER_KEYS_DIR"
CURRENT_POINTER = "current"


def packs_dir() -> Path:
    """Where verified content packs are installed: ``$HEALTHREADER_PACKS_DIR`` (tests, odd installs) or
    /var/lib/healthreader/packs, one folder per library id, one subfolder per version."""
    env = os.environ.get(PACKS_ENV)
    return Path(env) if env else SYSTEM_PACKS_DIR


def trusted_keys_dir() -> Path:
    """The folder of public keys (``*.pub``) whose packs may be installed."""
    env = os.environ.get(KEYS_ENV)
    return Path(env) if env else SYSTEM_KEYS_DIR


@dataclass(frozen=True)
class InstalledPack:
    """The current version of one installed library: ``folder/library`` is read like any library
    folder, ``folder/index`` is its prebuilt search index."""

    library_id: str
    version: str
    folder: Path

    @property
    def library_dir(self) -> Path:
        return self.folder / "library"

    @property
    def index_dir(self) -> Path:
        return self.folder / "index"


def installed_packs(root: Path | None = None) -> list[InstalledPack]:
    """Every library under ``root`` (default ``packs_dir()``) whose ``current`` pointer names a version
    folder that exists, sorted by library id.  Reads only small pointer files: safe at every start."""
    root = packs_dir() if root is None else root
    found: list[InstalledPack] = []
    try:
        libraries = sorted(d for d in root.iterdir() if d.is_dir() and not d.name.startswith("."))
    except OSError:
        return found
    for lib in libraries:
        try:
            version = (lib / CURRENT_POINTER).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            continue
        folder = lib / version
        # A pointer is written by the installer only; still, never let one point outside its library.
        if version and "/" not in version and version not in (".", "..") and (folder / "library").is_dir():
            found.append(InstalledPack(lib.name, version, folder))
    return found


def _umask() -> int:
    """The process's umask, read without changing it (Linux); set and restored where /proc cannot tell."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_document(path: Path, data: bytes) -> None:
    """Write a file the reader asked for (a PDF handout, a bookmarks export) in one step.

    A synced temporary file beside ``path`` replaces it, so a full disk or a kill leaves the old file or
    the new, never half of one.  mkstemp makes it private (0600); a document is made to be shared or
    carried to another PC, so it gets the mode any program of the reader's gives a new file: 0666 less
    the umask.  Raises OSError (the temporary file is removed).
    """
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            os.fchmod(out.fileno(), 0o666 & ~_umask())
            out.write(data)
            out.flush()
            os.fsync(out.fileno())  # a full disk may only say so here
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
