"""The index on disk: build it into a temporary folder, describe it with a manifest, swap it into place,
and open it read-only after checking it is current and intact.

A folder holds the Whoosh files (non-compound: a compound segment is copied whole into memory when a
searcher opens), ``suggest.json`` (the suggestion records with their pinyin, computed once here because
pypinyin is slow) and ``manifest.json``, written last.  The manifest names the schema version, each
library's id and version, a hash over every entry file and word list, and each file's size and a
sampled CRC, so a truncated or overwritten file is noticed before Whoosh trips over it.

Opening never writes: a prebuilt index may sit in a read-only folder under /opt.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.index import Index
from whoosh.searching import Searcher

from healthreader.content import Library
from healthreader.paths import INSTALL_ROOT, installed_packs
from healthreader.search.errors import IndexBuildError, IndexUnusable
from healthreader.search.lexicon import Lexicon, lexicon_files
from healthreader.search.schema import SCHEMA_VERSION, SuggestRecord, entry_document, make_schema, suggest_records
from healthreader.search.suggest import KINDS, build_tables, records_of

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
SUGGEST = "suggest.json"
DOCS = "docs.json"  # entry ids in document-number order
FORMAT = "healthreader-search-index"
HASH_CACHE = "search-content-hash.json"
_SAMPLE = 4096
_SAMPLES = 16

Progress = Callable[[int, int], None]


def prebuilt_index_dirs() -> list[Path]:
    """Where a packaged index is looked for: ``index/`` beside the bundled ``content/``, then the index
    each installed content pack ships (each is used only when its manifest matches the library)."""
    return [INSTALL_ROOT / "index", *(pack.index_dir for pack in installed_packs())]


class IndexStatus(enum.StrEnum):
    OK = "ok"
    MISSING = "missing"
    STALE = "stale"
    CORRUPT = "corrupt"


# --- manifest -------------------------------------------------------------------------------------


def _source_files(library: Library) -> list[tuple[str, str | Path]]:
    """(label, file) for everything the index is made from, in a stable order.  Entry files are
    taken as stored (``Entry.file``): making ten thousand Path objects costs a tenth of a second."""
    files: list[tuple[str, str | Path]] = [(f"library.yaml:{i.id}", i.path / "library.yaml") for i in library.infos]
    files += [(f"{path.parent.parent.name}/{path.name}", path) for path in lexicon_files(library)]
    files += [(entry.id, entry.file) for entry in sorted(library, key=lambda e: e.id)]
    return files


def content_hash(library: Library) -> str:
    """A hash over everything the index is made from: library descriptions, word lists, entry files."""
    h = hashlib.blake2b(digest_size=20)
    for info in library.infos:
        h.update(f"library\0{info.id}\0{info.version}\0".encode())
    for label, path in _source_files(library):
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError:
            data = b"\0unreadable"
        h.update(f"{label}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def stat_signature(library: Library) -> str:
    """A cheap stand-in for ``content_hash`` on one machine: every source file's size and mtime."""
    h = hashlib.blake2b(digest_size=20)
    for label, path in _source_files(library):
        try:
            st = os.stat(path)
            h.update(f"{label}\0{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
        except OSError:
            h.update(f"{label}\0missing\n".encode())
    return h.hexdigest()


def cached_content_hash(library: Library, cache_file: Path | None) -> str:
    """``content_hash``, remembered in ``cache_file`` against ``stat_signature``.

    Reading every entry costs about a second at 10,000 entries; statting them costs a few tens of
    milliseconds.  The full hash is what the manifest holds (mtimes change when a library is copied
    or installed), so it is computed again whenever any file's size or mtime changed.
    """
    if cache_file is None:
        return content_hash(library)
    signature = stat_signature(library)
    try:
        cached = json.loads(cache_file.read_text(encoding="utf-8"))
        if cached.get("signature") == signature and isinstance(cached.get("content_hash"), str):
            return str(cached["content_hash"])
    except (OSError, ValueError, AttributeError):
        pass
    digest = content_hash(library)
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_file.with_name(cache_file.name + ".tmp")
        tmp.write_text(json.dumps({"signature": signature, "content_hash": digest}), encoding="utf-8")
        os.replace(tmp, cache_file)
    except OSError as exc:
        log.info("cannot remember the library's content hash in %s: %s", cache_file, exc)
    return digest


def _file_check(path: Path) -> int:
    """CRC32 of the whole file when small, else of 16 evenly spaced 4 KiB blocks (cheap at start-up)."""
    size = path.stat().st_size
    crc = 0
    with path.open("rb") as f:
        if size <= _SAMPLE * _SAMPLES * 4:
            return zlib.crc32(f.read())
        for i in range(_SAMPLES):
            f.seek((size - _SAMPLE) * i // (_SAMPLES - 1))
            crc = zlib.crc32(f.read(_SAMPLE), crc)
    return crc


@dataclass(frozen=True)
class Manifest:
    schema: int
    libraries: list[dict[str, str]]
    content_hash: str
    entries: int
    built: str
    files: dict[str, list[int]]  # name -> [size, sampled crc32]
    format: str = FORMAT

    @staticmethod
    def expected_libraries(library: Library) -> list[dict[str, str]]:
        return [{"id": i.id, "version": i.version} for i in library.infos]

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not a HealthReader index manifest")
        return cls(**data)

    def write(self, folder: Path) -> None:
        (folder / MANIFEST).write_text(json.dumps(asdict(self), ensure_ascii=False, indent=1), encoding="utf-8")


# --- an open index ---------------------------------------------------------------------------------


@dataclass
class OpenIndex:
    """An index checked and opened read-only: its searcher, manifest and document ids; the suggestion
    records are read on first use (tens of thousands of them: a fifth of a second at 10,000 entries)."""

    folder: Path
    index: Index
    searcher: Searcher
    manifest: Manifest
    doc_ids: list[str]  # entry id of each Whoosh document number
    _tables: dict[str, Any] | None = None

    @property
    def suggest_tables(self) -> dict[str, Any]:
        """What ``suggest.build_tables`` made when the index was built."""
        if self._tables is None:
            try:
                tables = json.loads((self.folder / SUGGEST).read_text(encoding="utf-8"))
                if not all(len(tables[k]) == len(KINDS) for k in ("keys", "rids", "starts")):
                    raise ValueError("suggestion tables of another shape")
                self._tables = tables
            except (OSError, ValueError, TypeError, KeyError) as exc:
                # The manifest check passed, so this is unlikely; search still works without them.
                log.warning("cannot read the suggestions of %s: %s", self.folder, exc)
                self._tables = build_tables([])
        return self._tables

    @property
    def records(self) -> list[SuggestRecord]:
        return records_of(self.suggest_tables)

    def close(self) -> None:
        self.searcher.close()
        self.index.close()


def check_index(folder: Path, library: Library, expected_hash: str | None = None) -> tuple[IndexStatus, str]:
    """Whether ``folder`` holds a current, intact index for ``library`` (reads only the manifest and
    samples of the files; see ``open_index`` for the full check)."""
    if not (folder / MANIFEST).is_file():
        return IndexStatus.MISSING, f"no index in {folder}"
    try:
        manifest = Manifest.read(folder)
    except (OSError, ValueError, TypeError) as exc:
        return IndexStatus.CORRUPT, f"unreadable manifest: {exc}"
    if manifest.schema != SCHEMA_VERSION:
        return IndexStatus.STALE, f"schema {manifest.schema}, expected {SCHEMA_VERSION}"
    if manifest.libraries != Manifest.expected_libraries(library):
        return IndexStatus.STALE, "built for other library versions"
    if manifest.content_hash != (expected_hash or content_hash(library)):
        return IndexStatus.STALE, "library content changed"
    for name, (size, crc) in manifest.files.items():
        path = folder / name
        try:
            if path.stat().st_size != size or _file_check(path) != crc:
                return IndexStatus.CORRUPT, f"{name} differs from the manifest"
        except OSError as exc:
            return IndexStatus.CORRUPT, f"{name}: {exc}"
    return IndexStatus.OK, ""


def open_index(folder: Path, library: Library, expected_hash: str | None = None) -> OpenIndex:
    """Check and open an index read-only; ``IndexUnusable`` (with its status) when it cannot be used."""
    status, reason = check_index(folder, library, expected_hash)
    if status != IndexStatus.OK:
        raise IndexUnusable(status, reason)
    manifest = Manifest.read(folder)
    try:
        index = FileStorage(str(folder), readonly=True).open_index()
        searcher = index.searcher()
        if searcher.doc_count() != manifest.entries:
            raise ValueError(f"{searcher.doc_count()} documents, manifest says {manifest.entries}")
        doc_ids = json.loads((folder / DOCS).read_text(encoding="utf-8"))
        last = len(doc_ids) - 1
        # Documents are numbered in the order they were added (one segment, nothing deleted).
        if len(doc_ids) != searcher.doc_count() or (
            doc_ids
            and (searcher.stored_fields(0)["id"], searcher.stored_fields(last)["id"]) != (doc_ids[0], doc_ids[last])
        ):
            raise ValueError("docs.json does not match the documents")
    except Exception as exc:  # noqa: BLE001 - Whoosh raises anything from EOFError to pickle errors on damage
        raise IndexUnusable(IndexStatus.CORRUPT, f"cannot open: {exc!r}") from exc
    return OpenIndex(folder, index, searcher, manifest, doc_ids)


# --- building ------------------------------------------------------------------------------------


def _swap_into_place(tmp: Path, target: Path) -> None:
    """Replace ``target`` by ``tmp``: two renames, so a reader sees the old index or the new one whole.
    A crash between them leaves no index (rebuilt next time), never a half-written one."""
    old: Path | None = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.rmdir(old)
        os.replace(target, old)
    os.replace(tmp, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def build_index(
    library: Library,
    target: Path,
    *,
    lexicon: Lexicon | None = None,
    progress: Progress | None = None,
    limitmb: int = 256,
) -> Manifest:
    """Index every entry of ``library`` into ``target`` (built beside it, then swapped in)."""
    lexicon = lexicon or Lexicon.from_library(library)
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.build-", dir=target.parent))
    except OSError as exc:
        raise IndexBuildError(f"cannot create {target}: {exc}") from exc
    try:
        digest = content_hash(library)
        index = FileStorage(str(tmp)).create_index(make_schema())
        writer = index.writer(limitmb=limitmb, compound=False)
        records: list[SuggestRecord] = []
        total = len(library)
        for done, entry in enumerate(library, 1):
            try:
                body = entry.read_body()
            except (OSError, UnicodeDecodeError) as exc:
                log.warning("indexing %s without its body: %s", entry.id, exc)
                body = ""
            writer.add_document(**entry_document(entry, body, lexicon))
            records.extend(suggest_records(entry, body, lexicon))
            if progress:
                progress(done, total)
        writer.commit(optimize=True)
        index.close()
        (tmp / SUGGEST).write_text(json.dumps(build_tables(records), ensure_ascii=False), "utf-8")
        (tmp / DOCS).write_text(json.dumps([e.id for e in library], ensure_ascii=False), "utf-8")
        files = {p.name: [p.stat().st_size, _file_check(p)] for p in sorted(tmp.iterdir()) if p.is_file()}
        manifest = Manifest(
            schema=SCHEMA_VERSION,
            libraries=Manifest.expected_libraries(library),
            content_hash=digest,
            entries=total,
            built=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            files=files,
        )
        manifest.write(tmp)
        _swap_into_place(tmp, target)
    except Exception as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, IndexBuildError):
            raise
        raise IndexBuildError(f"cannot build the index in {target}: {exc}") from exc
    return manifest


# --- choosing an index ---------------------------------------------------------------------------


class IndexManager:
    """Finds a usable index for a library (a prebuilt one first, then the user's) or builds one.

    ``open_or_build`` never raises for a missing, stale or corrupt index: it rebuilds into
    ``user_dir``.  It raises ``IndexBuildError`` only when building itself fails (disk full, no rights).
    """

    def __init__(
        self,
        library: Library,
        user_dir: Path,
        prebuilt_dirs: Sequence[Path] | None = None,
        lexicon: Lexicon | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        """``cache_dir``: the user's cache folder, where remembering the content hash saves reading
        every entry at each start (see ``cached_content_hash``); ``None`` reads them."""
        self.library = library
        self.hash_cache = cache_dir / HASH_CACHE if cache_dir else None
        self.user_dir = Path(user_dir)
        self.prebuilt_dirs = [Path(p) for p in (prebuilt_index_dirs() if prebuilt_dirs is None else prebuilt_dirs)]
        self._lexicon = lexicon
        self._hash: str | None = None

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = Lexicon.from_library(self.library)
        return self._lexicon

    @property
    def expected_hash(self) -> str:
        if self._hash is None:
            self._hash = cached_content_hash(self.library, self.hash_cache)
        return self._hash

    def candidates(self) -> list[Path]:
        return [*self.prebuilt_dirs, self.user_dir]

    def statuses(self) -> list[tuple[Path, IndexStatus, str]]:
        """Each place an index may be, with what is wrong with it (for ``index status`` and logs)."""
        return [(d, *check_index(d, self.library, self.expected_hash)) for d in self.candidates()]

    def open_existing(self) -> OpenIndex | None:
        """The first usable index, opened read-only; ``None`` when a build is needed."""
        for folder in self.candidates():
            try:
                return open_index(folder, self.library, self.expected_hash)
            except IndexUnusable as exc:
                if exc.status != IndexStatus.MISSING:
                    log.info("search index %s is %s: %s", folder, exc.status, exc.reason)
        return None

    def build(self, progress: Progress | None = None) -> Manifest:
        started = time.perf_counter()
        manifest = build_index(self.library, self.user_dir, lexicon=self.lexicon, progress=progress)
        log.info(
            "built search index of %d entries in %s in %.1f s",
            manifest.entries,
            self.user_dir,
            time.perf_counter() - started,
        )
        return manifest

    def open_or_build(self, progress: Progress | None = None) -> OpenIndex:
        found = self.open_existing()
        if found is not None:
            return found
        self.build(progress)
        try:
            return open_index(self.user_dir, self.library, self.expected_hash)
        except IndexUnusable as exc:
            raise IndexBuildError(f"the index just built in {self.user_dir} is unusable: {exc.reason}") from exc
