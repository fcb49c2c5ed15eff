"""Installed packs on disk: install a verified pack beside the current version, switch atomically,
keep the previous version for rollback, and remember what happened when.

Layout under the packs folder (``paths.packs_dir()``, /var/lib/healthreader/packs by default)::

    <library-id>/<version>/library/...      the library, read like any library folder
    <library-id>/<version>/index/...        its prebuilt search index
    <library-id>/<version>/hrpack.json|sig  the signed manifest, for ``pack info`` and audits
    <library-id>/current                    the version in use (one line, replaced atomically)
    <library-id>/previous                   the version ``pack rollback`` returns to
    <library-id>/history.jsonl              one line per install or rollback: when, what, which key

A new version is unpacked into a hidden staging folder, checked file by file against the signed
manifest, loaded once as a library, and only then renamed into place; the switch is the atomic
replacement of the one-line ``current`` file.  Until then the installed library is not touched, so a
refused or failed install leaves it byte for byte as it was.  A running app keeps reading the folder it
started with (it is kept as ``previous``) and moves to the new one at its next start or idle reset.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from healthreader import __version__
from healthreader.packs.errors import InstallError, PackRefused, Refusal
from healthreader.packs.keys import PublicKey
from healthreader.packs.manifest import MANIFEST_NAME, PackManifest, version_key
from healthreader.packs.verify import VerifiedPack, extract, open_pack
from healthreader.paths import CURRENT_POINTER, InstalledPack, installed_packs, packs_dir

log = logging.getLogger(__name__)

PREVIOUS_POINTER = "previous"
HISTORY = "history.jsonl"
LOCK = ".lock"


@dataclass(frozen=True)
class HistoryEvent:
    """One line of a library's history: what the clinic's staff see under "installed"."""

    when: str  # local date and time, to the minute: when a PC changed library, not who read what
    action: str  # "install" | "rollback"
    library_id: str
    version: str
    previous: str
    signer: str
    entries: int


@dataclass(frozen=True)
class InstallResult:
    library_id: str
    version: str
    previous: str
    entries: int


class PackStore:
    """The packs folder.  Every change holds an exclusive lock, so the app's watched-folder scan and an
    administrator's ``pack install`` never interleave."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else packs_dir()

    # --- reading ---------------------------------------------------------------------------------

    def installed(self) -> list[InstalledPack]:
        return installed_packs(self.root)

    def current(self, library_id: str) -> InstalledPack | None:
        return next((p for p in self.installed() if p.library_id == library_id), None)

    def previous_version(self, library_id: str) -> str:
        return _read_pointer(self.root / library_id / PREVIOUS_POINTER)

    def manifest_of(self, library_id: str, version: str) -> PackManifest:
        """The manifest an installed version was verified with."""
        raw = (self.root / library_id / version / MANIFEST_NAME).read_bytes()
        return PackManifest.from_bytes(raw)

    def history(self, library_id: str | None = None) -> list[HistoryEvent]:
        """Installs and rollbacks, oldest first (all libraries, or one)."""
        events: list[HistoryEvent] = []
        try:
            libs = [self.root / library_id] if library_id else sorted(d for d in self.root.iterdir() if d.is_dir())
        except OSError:
            return events
        for lib in libs:
            try:
                lines = (lib / HISTORY).read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                continue
            for line in lines[-1000:]:
                try:
                    events.append(HistoryEvent(**json.loads(line)))
                except (ValueError, TypeError):
                    continue  # a torn last line after a power cut costs only itself
        events.sort(key=lambda e: e.when)
        return events

    # --- changing --------------------------------------------------------------------------------

    @contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.root / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise InstallError(f"cannot write to the packs folder {self.root}: {exc.strerror or exc}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    def highest_installed(self, library_id: str) -> str:
        """The newest version of a library this PC ever installed (current, or rolled back from)."""
        versions = [e.version for e in self.history(library_id)] + [e.previous for e in self.history(library_id)]
        current = self.current(library_id)
        if current is not None:
            versions.append(current.version)
        return max((v for v in versions if v), key=version_key, default="")

    def check_installable(self, pack: VerifiedPack, *, unattended: bool = False) -> None:
        """Refuse a verified pack this PC must not switch to: too new a format, or not newer than the current.
        ``unattended`` (the watched folder): also not a version staff rolled back from, or any older one,
        so a pack left on the stick does not undo a rollback at the next scan."""
        m = pack.manifest
        if version_key(m.min_reader) > version_key(__version__):
            raise PackRefused(
                Refusal.INCOMPATIBLE,
                f"{pack.path.name} needs HealthReader {m.min_reader} or newer; this is {__version__}",
            )
        current = self.current(m.library_id)
        highest = self.highest_installed(m.library_id) if unattended else ""
        if (
            highest
            and current is not None
            and version_key(m.version) <= version_key(highest)
            and version_key(m.version) > version_key(current.version)
        ):
            raise PackRefused(
                Refusal.ROLLED_BACK,
                f"{pack.path.name} holds {m.library_id} {m.version}, which this PC was rolled back from; "
                "the watched folder installs only newer versions (install it by hand to go forward again)",
            )
        if current is None:
            return
        if version_key(m.version) < version_key(current.version):
            raise PackRefused(
                Refusal.OLDER,
                f"{pack.path.name} holds {m.library_id} {m.version}, older than the installed {current.version}; "
                "an old pack is never installed over a newer one (use 'pack rollback' to go back on purpose)",
            )
        if version_key(m.version) == version_key(current.version):
            raise PackRefused(
                Refusal.SAME_VERSION, f"{m.library_id} {m.version} is already installed; nothing was changed"
            )

    def install(self, path: Path, trusted: Mapping[str, PublicKey], *, unattended: bool = False) -> InstallResult:
        """Verify ``path`` against ``trusted`` and make it the current version of its library
        (``unattended``: see ``check_installable``)."""
        with self._locked():
            pack = open_pack(Path(path), trusted)
            self.check_installable(pack, unattended=unattended)
            return self._install(pack)

    def _install(self, pack: VerifiedPack) -> InstallResult:
        m = pack.manifest
        lib_dir = self.root / m.library_id
        try:
            lib_dir.mkdir(parents=True, exist_ok=True)
            stage = Path(tempfile.mkdtemp(prefix=f".staging-{m.version}-", dir=lib_dir))
        except OSError as exc:
            raise InstallError(f"cannot write to {lib_dir}: {exc.strerror or exc}") from None
        try:
            try:
                extract(pack, stage)
                (stage / MANIFEST_NAME).write_bytes(m.to_bytes())
                _copy_signature(pack, stage)
            except OSError as exc:
                raise InstallError(f"cannot unpack into {lib_dir}: {exc.strerror or exc}") from None
            _check_readable(pack, stage)
            stage.chmod(0o755)  # mkdtemp makes it 0700: every user of the PC reads the library
            os.sync()  # the files must be on disk before the pointer that names them
            target = lib_dir / m.version
            if target.exists():  # left over from a rollback; the new copy replaces it whole
                aside = Path(tempfile.mkdtemp(prefix=f".old-{m.version}-", dir=lib_dir))
                os.rmdir(aside)
                os.replace(target, aside)
                shutil.rmtree(aside, ignore_errors=True)
            os.replace(stage, target)
        except BaseException:
            shutil.rmtree(stage, ignore_errors=True)
            raise
        current = _read_pointer(lib_dir / CURRENT_POINTER)
        try:
            if current:
                _write_pointer(lib_dir / PREVIOUS_POINTER, current)
            _write_pointer(lib_dir / CURRENT_POINTER, m.version)
        except OSError as exc:
            raise InstallError(f"cannot switch {m.library_id} to {m.version}: {exc.strerror or exc}") from None
        self._log(lib_dir, "install", m.library_id, m.version, current, m.signer, len(m.entries))
        self._prune(lib_dir)
        log.info("installed %s %s (was %s)", m.library_id, m.version, current or "none")
        return InstallResult(m.library_id, m.version, current, len(m.entries))

    def rollback(self, library_id: str) -> InstallResult:
        """Make the previous version current again (and the current one the previous)."""
        with self._locked():
            lib_dir = self.root / library_id
            current = _read_pointer(lib_dir / CURRENT_POINTER)
            previous = _read_pointer(lib_dir / PREVIOUS_POINTER)
            if not current:
                raise InstallError(f"no version of {library_id} is installed in {self.root}")
            if not previous or not (lib_dir / previous / "library").is_dir():
                raise InstallError(f"{library_id} {current} has no previous version to roll back to")
            try:
                manifest = self.manifest_of(library_id, previous)
            except (OSError, PackRefused) as exc:
                raise InstallError(f"the previous version {previous} of {library_id} is unreadable: {exc}") from None
            try:
                _write_pointer(lib_dir / PREVIOUS_POINTER, current)
                _write_pointer(lib_dir / CURRENT_POINTER, previous)
            except OSError as exc:
                raise InstallError(f"cannot switch {library_id} back to {previous}: {exc.strerror or exc}") from None
            self._log(lib_dir, "rollback", library_id, previous, current, manifest.signer, len(manifest.entries))
            log.info("rolled %s back from %s to %s", library_id, current, previous)
            return InstallResult(library_id, previous, current, len(manifest.entries))

    def _log(
        self, lib_dir: Path, action: str, library_id: str, version: str, previous: str, signer: str, n: int
    ) -> None:
        event = HistoryEvent(
            when=dt.datetime.now().isoformat(timespec="minutes"),
            action=action,
            library_id=library_id,
            version=version,
            previous=previous,
            signer=signer,
            entries=n,
        )
        try:
            with (lib_dir / HISTORY).open("a", encoding="utf-8") as f:
                f.write(json.dumps(event.__dict__, ensure_ascii=False) + "\n")
        except OSError as exc:
            log.warning("cannot record the %s of %s %s: %s", action, library_id, version, exc)

    def _prune(self, lib_dir: Path) -> None:
        """Remove versions that are neither current nor previous, and staging left by a crash."""
        keep = {_read_pointer(lib_dir / CURRENT_POINTER), _read_pointer(lib_dir / PREVIOUS_POINTER)}
        for d in lib_dir.iterdir():
            if d.is_dir() and d.name not in keep:
                shutil.rmtree(d, ignore_errors=True)


def _copy_signature(pack: VerifiedPack, stage: Path) -> None:
    import zipfile

    from healthreader.packs.manifest import SIGNATURE_NAME

    with zipfile.ZipFile(pack.path) as zf:
        (stage / SIGNATURE_NAME).write_bytes(zf.read(SIGNATURE_NAME))


def _check_readable(pack: VerifiedPack, stage: Path) -> None:
    """Load the unpacked library as the app will: every entry the manifest lists must be there."""
    from healthreader.content import load_library

    library = load_library([stage / "library"])
    missing = sorted(set(pack.manifest.entries) - set(library.entries))
    if missing:
        raise PackRefused(
            Refusal.INCOMPATIBLE,
            f"{pack.path.name}: this HealthReader cannot read {len(missing)} of its entries (first: {missing[0]})",
        )


def _read_pointer(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def _write_pointer(path: Path, version: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("w", encoding="utf-8") as f:
        f.write(version + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def tree_digest(root: Path) -> str:
    """A hash of every file name and byte under ``root`` (tests and ``pack`` audits compare it)."""
    import hashlib

    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        if p.is_file() and not p.name == LOCK:
            h.update(f"{rel}\0".encode())
            h.update(p.read_bytes())
        elif p.is_dir():
            h.update(f"{rel}/\0".encode())
    return h.hexdigest()
