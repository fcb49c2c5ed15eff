"""Build a pack from a library folder: copy what a reader needs, prebuild its search index from
exactly those copies, list every file with its hash in the manifest, sign it, write one zip file.

What goes in: ``library.yaml``, the entry files under ``articles/`` and ``qa/``, and the word lists
under ``search/``; nothing else in the folder (editor backups, notes, a .git folder) ships.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from healthreader import __version__
from healthreader.content import Library, Problem, load_library
from healthreader.content.loader import ENTRY_DIRS, LIBRARY_FILE
from healthreader.packs.errors import BuildError
from healthreader.packs.keys import SigningKey
from healthreader.packs.manifest import (
    INDEX_PREFIX,
    LIBRARY_ID_RE,
    LIBRARY_PREFIX,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    VERSION_RE,
    EntryRecord,
    FileRecord,
    PackManifest,
    Signature,
    safe_member_name,
)

log = logging.getLogger(__name__)

SEARCH_DIR = "search"
Progress = Callable[[int, int], None]


@dataclass
class BuildResult:
    path: Path
    manifest: PackManifest
    problems: list[Problem] = field(default_factory=list)


def library_files(folder: Path) -> list[Path]:
    """The files of ``folder`` a pack carries, relative to it, sorted."""
    found: list[Path] = []
    if (folder / LIBRARY_FILE).is_file():
        found.append(Path(LIBRARY_FILE))
    for sub in ENTRY_DIRS:
        base = folder / sub
        if base.is_dir():
            found += [p.relative_to(folder) for p in base.rglob("*.md") if p.is_file() and not p.is_symlink()]
    search = folder / SEARCH_DIR
    if search.is_dir():
        found += [p.relative_to(folder) for p in search.glob("*.txt") if p.is_file() and not p.is_symlink()]
    return sorted(set(found))


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1024 * 1024), b""):
            h.update(chunk)
    return h.hexdigest()


def build_pack(
    folder: Path,
    key: SigningKey,
    out: Path,
    *,
    allow_problems: bool = False,
    min_reader: str = __version__,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> BuildResult:
    """Build ``out`` from the library ``folder``, signed with ``key``.

    Refuses (``BuildError``) a folder whose entries have problems unless ``allow_problems``: a pack
    goes to every PC of a clinic, so a broken entry should be fixed before, not found after.
    """
    folder = Path(folder)
    if not (folder / LIBRARY_FILE).is_file():
        raise BuildError(f"{folder} is not a library folder (it has no {LIBRARY_FILE})")
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=".hrpack-build-", dir=out.parent))
    except OSError as exc:
        raise BuildError(f"cannot write beside {out}: {exc.strerror or exc}") from None
    try:
        return _build(folder, key, out, stage, allow_problems, min_reader, progress, today or dt.date.today())
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _build(
    folder: Path,
    key: SigningKey,
    out: Path,
    stage: Path,
    allow_problems: bool,
    min_reader: str,
    progress: Progress | None,
    today: dt.date,
) -> BuildResult:
    from healthreader.search import IndexBuildError, build_index  # Whoosh only when building

    # The index is built from the copies under a folder named "library", as the installed pack's is:
    # the index's content hash names each word list by its folder, so the names must match.
    lib_stage = stage / "library"
    files = library_files(folder)
    for rel in files:
        name = LIBRARY_PREFIX + rel.as_posix()
        if not safe_member_name(name):
            raise BuildError(f"{folder / rel}: this file name cannot go into a pack (hidden or unusual characters)")
        dst = lib_stage / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        try:
            shutil.copyfile(folder / rel, dst)
        except OSError as exc:
            raise BuildError(f"cannot read {folder / rel}: {exc.strerror or exc}") from None
    library = load_library([lib_stage])
    problems = [Problem(folder / p.path.relative_to(lib_stage), p.line, p.message) for p in library.problems]
    if problems and not allow_problems:
        raise BuildError(
            f"{len(problems)} problem(s) in {folder}; fix them (healthreader content check) or pass --allow-problems:\n"
            + "\n".join(str(p) for p in problems[:20])
        )
    info = library.primary
    assert info is not None
    if not LIBRARY_ID_RE.match(info.id):
        raise BuildError(f"library.yaml: id {info.id!r} must be lower-case ASCII letters, digits and '-'")
    if not VERSION_RE.match(info.version):
        raise BuildError(
            f"library.yaml: version {info.version!r} must be a plain version such as 2026.12.1 (a pack needs one)"
        )
    index_dir = stage / "index"
    try:
        index_manifest = build_index(library, index_dir, progress=progress)
    except IndexBuildError as exc:
        raise BuildError(f"cannot build the search index: {exc}") from None

    records: dict[str, FileRecord] = {}
    for base, prefix in ((lib_stage, LIBRARY_PREFIX), (index_dir, INDEX_PREFIX)):
        for p in sorted(base.rglob("*")):
            if p.is_file():
                name = prefix + p.relative_to(base).as_posix()
                if not safe_member_name(name):
                    raise BuildError(f"unexpected file {name} in the built index")
                records[name] = FileRecord(p.stat().st_size, _sha256(p))
    entries = _entry_records(library, lib_stage, records)
    manifest = PackManifest(
        library_id=info.id,
        version=info.version,
        title=info.title,
        built=today.isoformat(),
        min_reader=min_reader,
        signer=key.public.id,
        entries=entries,
        files=records,
        index_hash=index_manifest.content_hash,
    )
    raw = manifest.to_bytes()
    signature = Signature(key.public.id, key.sign(raw)).to_bytes()
    tmp = stage / "pack.part"
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        # Manifest and signature first: a reader finds what to check before the bulk of the data.
        zf.writestr(MANIFEST_NAME, raw)
        zf.writestr(SIGNATURE_NAME, signature)
        for name in records:
            src = (
                lib_stage / name[len(LIBRARY_PREFIX) :]
                if name.startswith(LIBRARY_PREFIX)
                else index_dir / name[len(INDEX_PREFIX) :]
            )
            zf.write(src, name)
    try:
        os.replace(tmp, out)
    except OSError as exc:
        raise BuildError(f"cannot write {out}: {exc.strerror or exc}") from None
    return BuildResult(out, manifest, problems)


def _entry_records(library: Library, lib_stage: Path, files: dict[str, FileRecord]) -> dict[str, EntryRecord]:
    entries: dict[str, EntryRecord] = {}
    for entry in sorted(library, key=lambda e: e.id):
        name = LIBRARY_PREFIX + entry.path.relative_to(lib_stage).as_posix()
        entries[entry.id] = EntryRecord(
            path=name,
            sha256=files[name].sha256,
            title=entry.title,
            type=entry.type.value,
            moved_from=entry.moved_from,
        )
    return entries
