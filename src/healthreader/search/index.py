"""The index on disk: build it into a temporary folder, describe it with a manifest, swap it into place,
and open it read-only after checking it is current and intact.

A folder holds the Whoosh files (non-compound: a compound segment is copied whole into memory when a
searcher opens), ``catalogue.sqlite`` (document ids, the suggestion records with their pinyin, computed
once here because pypinyin is slow, and each entry's sections as folded text: see ``catalogue``; read
on demand, never loaded whole) and ``manifest.json``, written last.  The manifest names the schema version, each
library's id and version, a hash over every entry file and word list, and each file's size and a
sampled CRC and its whole CRC, so a truncated or overwritten file is noticed before Whoosh trips over it:
files up to ``WHOLE_CHECK_BYTES`` are checked whole at every opening, larger ones by their samples
(``index status --verify`` checks every file whole).

A build works in ``.index.build-*`` beside the index, holding a lock on ``.index.build-*.lock``; the
folders of builds that were killed (their lock free) are removed at the next build or start.

Opening never writes: a prebuilt index may sit in a read-only folder under /opt.
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import ctypes
import datetime as dt
import enum
import hashlib
import json
import logging
import multiprocessing
import os
import pickle
import shutil
import sqlite3
import tempfile
import time
import zlib
from collections.abc import Callable, Generator, Sequence
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.index import Index
from whoosh.searching import Searcher
from whoosh.writing import SegmentWriter

from healthreader.config.bounded import read_json
from healthreader.content import Entry, Library
from healthreader.paths import INSTALL_ROOT, installed_packs
from healthreader.search.catalogue import CATALOGUE, Catalogue, CatalogueUpdater, CatalogueWriter
from healthreader.search.codec import ArrayCodec
from healthreader.search.errors import IndexBuildError, IndexUnusable
from healthreader.search.lexicon import Lexicon, lexicon_files
from healthreader.search.schema import (
    SCHEMA_VERSION,
    TEXT_FIELDS,
    SuggestRecord,
    entry_document,
    make_schema,
    suggest_records,
)
from healthreader.search.snippets import section_texts

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
#: A manifest names a few dozen files: far below this, whatever the library's size.
MAX_MANIFEST_BYTES = 1024 * 1024
FORMAT = "healthreader-search-index"
HASH_CACHE = "search-content-hash.json"
MAX_HASH_CACHE_BYTES = 64 * 1024  # two hex digests and their names
_SAMPLE = 4096
_SAMPLES = 16
#: Files up to this size are checked whole at every opening (a few milliseconds); larger ones by samples.
WHOLE_CHECK_BYTES = 2 * 1024 * 1024
#: A build folder with no lock file (made by an older version, or a kill between the two) is left alone
#: this long, in case its build has only just begun.
STALE_UNLOCKED_BUILD_S = 600.0

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


def _frame_files(library: Library) -> list[tuple[str, str | Path]]:
    """The library descriptions and word lists: what every entry's index depends on."""
    files: list[tuple[str, str | Path]] = [(f"library.yaml:{i.id}", i.path / "library.yaml") for i in library.infos]
    files += [(f"{path.parent.parent.name}/{path.name}", path) for path in lexicon_files(library)]
    return files


def _source_files(library: Library) -> list[tuple[str, str | Path]]:
    """(label, file) for everything the index is made from, in a stable order.  Entry files are
    taken as stored (``Entry.file``): making ten thousand Path objects costs a tenth of a second."""
    return _frame_files(library) + [(entry.id, entry.file) for entry in sorted(library, key=lambda e: e.id)]


@dataclass(frozen=True)
class Digests:
    content_hash: str  # over everything (the manifest's)
    frame: str  # over the library descriptions and word lists: when it changes, every entry may have
    entries: dict[str, str]  # entry id -> hash of its file


def source_digests(library: Library) -> Digests:
    """``content_hash`` and, from the same reading of every file, the frame's and each entry's hash."""
    h = hashlib.blake2b(digest_size=20)
    frame = hashlib.blake2b(digest_size=20)
    for info in library.infos:
        h.update(f"library\0{info.id}\0{info.version}\0".encode())
        frame.update(f"library\0{info.id}\0{info.version}\0".encode())
    n_frame = len(_frame_files(library))
    entries: dict[str, str] = {}
    for n, (label, path) in enumerate(_source_files(library)):
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError:
            data = b"\0unreadable"
        head = f"{label}\0{len(data)}\0".encode()
        h.update(head)
        h.update(data)
        if n < n_frame:
            # Named without its folder: a copied or moved library keeps its word lists' hash.
            frame.update(f"{Path(path).name}\0{len(data)}\0".encode())
            frame.update(data)
        else:
            entries[label] = hashlib.blake2b(data, digest_size=16).hexdigest()
    return Digests(h.hexdigest(), frame.hexdigest(), entries)


def content_hash(library: Library) -> str:
    """A hash over everything the index is made from: library descriptions, word lists, entry files."""
    return source_digests(library).content_hash


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


def cached_content_hash(
    library: Library, cache_file: Path | None, compute: Callable[[Library], str] | None = None
) -> str:
    """``content_hash``, remembered in ``cache_file`` against ``stat_signature``.

    Reading every entry costs about a second at 10,000 entries; statting them costs a few tens of
    milliseconds.  The full hash is what the manifest holds (mtimes change when a library is copied
    or installed), so it is computed again whenever any file's size or mtime changed.
    """
    compute = compute or content_hash
    if cache_file is None:
        return compute(library)
    signature = stat_signature(library)
    try:
        # Bounded: a damaged cache (100,000 brackets, a named pipe) costs a rehash, never the start.
        cached = read_json(cache_file, max_bytes=MAX_HASH_CACHE_BYTES, max_depth=2)
        if cached.get("signature") == signature and isinstance(cached.get("content_hash"), str):
            return str(cached["content_hash"])
    except (OSError, ValueError, AttributeError):
        pass
    digest = compute(library)
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_file.with_name(cache_file.name + ".tmp")
        tmp.write_text(json.dumps({"signature": signature, "content_hash": digest}), encoding="utf-8")
        os.replace(tmp, cache_file)
    except OSError as exc:
        log.info("cannot remember the library's content hash in %s: %s", cache_file, exc)
    return digest


def _whole_crc(path: Path) -> int:
    crc = 0
    with path.open("rb") as f:
        while block := f.read(1024 * 1024):
            crc = zlib.crc32(block, crc)
    return crc


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
    files: dict[str, list[int]]  # name -> [size, sampled crc32, whole crc32] (older indexes: no whole crc)
    format: str = FORMAT

    @staticmethod
    def expected_libraries(library: Library) -> list[dict[str, str]]:
        return [{"id": i.id, "version": i.version} for i in library.infos]

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        """The manifest in ``folder``; ``ValueError`` (or ``OSError``) for anything a damaged disk or an
        older or foreign program may have left: it is read at every start, so a bad one must cost a
        rebuild, never the start (bounded, and every field checked for its type)."""
        data = read_json(folder / MANIFEST, max_bytes=MAX_MANIFEST_BYTES, max_depth=4)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not a HealthReader index manifest")
        names = {f.name for f in fields(cls)}
        if set(data) != names:
            raise ValueError(f"manifest fields {sorted(set(data) ^ names)} missing or unknown")
        ints = all(type(data[k]) is int for k in ("schema", "entries"))
        texts = all(isinstance(data[k], str) for k in ("content_hash", "built"))
        libraries = isinstance(data["libraries"], list) and all(
            isinstance(i, dict) and all(isinstance(v, str) for v in i.values()) for i in data["libraries"]
        )
        files = isinstance(data["files"], dict) and all(
            isinstance(r, list) and all(type(n) is int for n in r) for r in data["files"].values()
        )
        if not (ints and texts and libraries and files):
            raise ValueError("a manifest field has the wrong type")
        return cls(**data)

    def write(self, folder: Path) -> None:
        (folder / MANIFEST).write_text(json.dumps(asdict(self), ensure_ascii=False, indent=1), encoding="utf-8")


# --- an open index ---------------------------------------------------------------------------------


@dataclass
class OpenIndex:
    """An index checked and opened read-only: its searcher, manifest and catalogue (document ids,
    suggestion records, sections: read on demand)."""

    folder: Path
    index: Index
    searcher: Searcher
    manifest: Manifest
    catalogue: Catalogue

    def close(self) -> None:
        self.searcher.close()
        self.index.close()
        self.catalogue.close()


def check_index(
    folder: Path, library: Library, expected_hash: str | None = None, *, verify: bool = False
) -> tuple[IndexStatus, str]:
    """Whether ``folder`` holds a current, intact index for ``library``: reads the manifest, small files
    whole and samples of large ones (``verify``: every file whole; see ``open_index`` for the rest)."""
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
    return check_files(folder, manifest, verify=verify)


def check_files(folder: Path, manifest: Manifest, *, verify: bool = False) -> tuple[IndexStatus, str]:
    """Whether every file the manifest names is in ``folder`` as it was written (see ``check_index``)."""
    for name, record in manifest.files.items():
        path = folder / name
        try:
            size, crc, whole = (list(record) + [None])[:3]
            if path.stat().st_size != size:
                return IndexStatus.CORRUPT, f"{name} differs from the manifest (size)"
            if whole is not None and (verify or size <= WHOLE_CHECK_BYTES):
                if _whole_crc(path) != whole:
                    return IndexStatus.CORRUPT, f"{name} differs from the manifest"
            elif _file_check(path) != crc:
                return IndexStatus.CORRUPT, f"{name} differs from the manifest"
        except OSError as exc:
            return IndexStatus.CORRUPT, f"{name}: {exc}"
        except (TypeError, ValueError):
            return IndexStatus.CORRUPT, f"unreadable manifest entry for {name}"
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
        catalogue = Catalogue.open(folder / CATALOGUE)
        count = catalogue.doc_count()
        # Documents are numbered across the segments in the order they were added; an update marks the
        # old numbers of what it replaced deleted.  The catalogue must name the same live documents.
        span = catalogue.doc_range()
        reader = searcher.reader()
        if count != searcher.doc_count() or (
            span is not None
            and (
                span[1] >= reader.doc_count_all()
                or any(reader.is_deleted(d) for d in span)
                or [searcher.stored_fields(d)["id"] for d in span] != [catalogue.entry_id(d) for d in span]
            )
        ):
            raise ValueError(f"{CATALOGUE} does not match the documents")
    except Exception as exc:  # noqa: BLE001 - Whoosh raises anything from EOFError to pickle errors on damage
        raise IndexUnusable(IndexStatus.CORRUPT, f"cannot open: {exc!r}") from exc
    return OpenIndex(folder, index, searcher, manifest, catalogue)


# --- building ------------------------------------------------------------------------------------


_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    done = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(done == 0)


def _swap_into_place(tmp: Path, target: Path) -> None:
    """Replace ``target`` by ``tmp`` so that a reader, or a kill at any moment, sees the old index or
    the new one whole: one atomic exchange where the system has it, else two renames (a kill between
    those leaves no index, rebuilt next time, never a half-written one)."""
    old: Path | None = None
    if target.exists() and _exchange(tmp, target):
        shutil.rmtree(tmp, ignore_errors=True)  # now the old index
        return
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
    workers: int | None = None,
) -> Manifest:
    """Index every entry of ``library`` into ``target`` (built beside it, then swapped in);
    ``workers``: processes preparing entries while this one writes (``None``: ``build_workers()``)."""
    lexicon = lexicon or Lexicon.from_library(library)
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_builds(target)
        lock = _BuildLock.beside(target)
        tmp = lock.build_dir
    except OSError as exc:
        raise IndexBuildError(f"cannot create {target}: {exc}") from exc
    with lock:
        return _build_into(library, target, tmp, lexicon, progress, limitmb, workers)


Prepared = tuple[dict[str, Any], list[tuple[str, str, str, str]], list[SuggestRecord]]
#: Entries per task sent to a preparing process, and tasks in flight (what waits for the writer stays
#: bounded, whatever the library's size).
PREPARE_CHUNK = 64
PREPARE_AHEAD = 8
#: Below this many entries a build prepares them itself: starting a process (imports, word lists,
#: rjieba and pypinyin) costs about a second.
PARALLEL_MIN = 1500


def prepare_entry(entry: Entry, lexicon: Lexicon) -> Prepared:
    """What indexing an entry needs, worked out from its file: its Whoosh document (folded fields,
    rjieba words), its sections' plain and folded text, its suggestion records with their pinyin."""
    try:
        body = entry.read_body()
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("indexing %s without its body: %s", entry.id, exc)
        body = ""
    return entry_document(entry, body, lexicon), section_texts(body), suggest_records(entry, body, lexicon)


_worker_lexicon: Lexicon | None = None


def _init_preparer(lexicon_paths: list[Path]) -> None:
    global _worker_lexicon  # noqa: PLW0603 - one per preparing process, made once
    _worker_lexicon = Lexicon.from_files(lexicon_paths)


def _prepare_chunk(entries: list[Entry]) -> list[Prepared]:
    assert _worker_lexicon is not None
    return [prepare_entry(e, _worker_lexicon) for e in entries]


def build_workers() -> int:
    """Processes that prepare entries while this one writes: one fewer than the cores this process
    may use (the writer keeps one), none on one core."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(0, cores - 1)


def _prepared(
    entries: list[Entry], library: Library, lexicon: Lexicon, workers: int | None
) -> Generator[Prepared, None, None]:
    """Each entry's ``prepare_entry``, in library order: from ``workers`` other processes while this
    one writes (Whoosh's writer and SQLite stay in one process, so documents keep library order), or
    here when the library is small, there is one core, or processes cannot be started."""
    workers = build_workers() if workers is None else workers
    if workers < 1 or len(entries) < PARALLEL_MIN:
        for entry in entries:
            yield prepare_entry(entry, lexicon)
        return
    chunks = [entries[i : i + PREPARE_CHUNK] for i in range(0, len(entries), PREPARE_CHUNK)]
    done = 0
    try:
        # spawn, not fork: the reader builds from a worker thread of a Qt process, and a forked child
        # of a threaded process may inherit a lock held by another thread.
        context = multiprocessing.get_context("spawn")
        with concurrent.futures.ProcessPoolExecutor(
            workers, mp_context=context, initializer=_init_preparer, initargs=(lexicon_files(library),)
        ) as pool:
            pending: collections.deque[concurrent.futures.Future[list[Prepared]]] = collections.deque()
            for chunk in chunks[: PREPARE_AHEAD * workers]:
                pending.append(pool.submit(_prepare_chunk, chunk))
            following = PREPARE_AHEAD * workers
            while pending:
                prepared = pending.popleft().result()
                if following < len(chunks):
                    pending.append(pool.submit(_prepare_chunk, chunks[following]))
                    following += 1
                yield from prepared
                done += 1
    except (OSError, RuntimeError, concurrent.futures.process.BrokenProcessPool, pickle.PicklingError) as exc:
        # A process that could not start or died (memory, a kill): the rest is prepared here.
        log.info("preparing the index's entries in this process after chunk %d: %r", done, exc)
        for chunk in chunks[done:]:
            for entry in chunk:
                yield prepare_entry(entry, lexicon)


def _build_into(
    library: Library,
    target: Path,
    tmp: Path,
    lexicon: Lexicon,
    progress: Progress | None,
    limitmb: int,
    workers: int | None = None,
) -> Manifest:
    try:
        digests = source_digests(library)
        digest = digests.content_hash
        index = FileStorage(str(tmp)).create_index(make_schema())
        writer = index.writer(limitmb=limitmb, compound=False, codec=ArrayCodec())
        entries = list(library)
        total = len(entries)
        with (
            contextlib.closing(sqlite3.connect(tmp / CATALOGUE)) as db,
            # Closed on the way out, also when writing fails: its processes end with it.
            contextlib.closing(_prepared(entries, library, lexicon, workers)) as prepared,
        ):
            catalogue = CatalogueWriter(db)
            for done, (entry, (document, sections, records)) in enumerate(zip(entries, prepared, strict=True), 1):
                catalogue.add(
                    entry.id,
                    entry.title,
                    sections,
                    records,
                    digests.entries.get(entry.id, ""),
                    _add_document(writer, document),
                )
                if progress:
                    progress(done, total)
            writer.commit(optimize=True)
            index.close()
            catalogue.finish(digests.frame)
        manifest = _seal(tmp, library, digest, total)
        _swap_into_place(tmp, target)
    except Exception as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, IndexBuildError):
            raise
        raise IndexBuildError(f"cannot build the index in {target}: {exc}") from exc
    return manifest


def _add_document(writer: SegmentWriter, document: dict[str, Any]) -> dict[str, int]:
    """Add a document; returns its scored fields' exact lengths (Whoosh keeps only the totals exact)."""
    totals = writer.perdocwriter._fieldlengths
    before = dict(totals)
    writer.add_document(**document)
    return {f: totals[f] - before.get(f, 0) for f in TEXT_FIELDS if totals.get(f, 0) != before.get(f, 0)}


def _seal(tmp: Path, library: Library, digest: str, total: int) -> Manifest:
    """Write the manifest of the finished index in ``tmp`` (last: a folder without one is no index)."""
    files = {p.name: [p.stat().st_size, _file_check(p), _whole_crc(p)] for p in sorted(tmp.iterdir()) if p.is_file()}
    manifest = Manifest(
        schema=SCHEMA_VERSION,
        libraries=Manifest.expected_libraries(library),
        content_hash=digest,
        entries=total,
        built=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        files=files,
    )
    manifest.write(tmp)
    return manifest


# --- updating ------------------------------------------------------------------------------------

#: An update adds a segment for what changed and marks what it replaced deleted in the older ones.
#: Past this many segments, or once more than SMALL_SHARE of the documents (at least SMALL_MIN) live
#: outside the first segment or are deleted in it, the next change is a full build instead: one
#: segment again, numbered in library order, the catalogue compacted.
MAX_SEGMENTS = 8
SMALL_SHARE = 0.10
SMALL_MIN = 200


def _link_or_copy(src: Path, dest: Path) -> None:
    # Whoosh never rewrites a segment's files (a commit writes new ones and a new TOC), so the new
    # folder may share them with the old one; another file system, or none that links, gets copies.
    try:
        os.link(src, dest)
    except OSError:
        shutil.copy2(src, dest)


def update_index(
    library: Library,
    base: Path,
    target: Path,
    *,
    lexicon: Lexicon | None = None,
    progress: Progress | None = None,
    digests: Digests | None = None,
) -> Manifest | None:
    """Bring the index in ``base`` up to date with ``library`` into ``target`` (``base`` itself, or a
    prebuilt index the user's folder starts from) by indexing only the entries whose files changed,
    came or went: a new small segment, the old documents marked deleted, the catalogue edited.

    ``None`` when it cannot be done incrementally (another schema or catalogue format, other
    libraries, changed word lists, damaged files, too many small segments): build in full.  Worked in
    a build folder and swapped in whole, like a build, so a kill leaves the old index as it was.
    """
    base, target = Path(base), Path(target)

    def full(reason: str) -> Manifest | None:
        log.info("the index in %s is built in full, not updated: %s", base, reason)
        return None

    try:
        manifest = Manifest.read(base)
    except (OSError, ValueError, TypeError) as exc:
        return full(f"unreadable manifest ({exc})")
    if manifest.schema != SCHEMA_VERSION or [i.get("id") for i in manifest.libraries] != [i.id for i in library.infos]:
        return full("another schema or other libraries")
    status, reason = check_files(base, manifest)
    if status != IndexStatus.OK:
        return full(reason)
    digests = digests or source_digests(library)
    try:
        with contextlib.closing(Catalogue.open(base / CATALOGUE)) as cat:
            if cat.meta("frame") != digests.frame:
                return full("the word lists or library descriptions changed")
            indexed = cat.sources()
        with contextlib.closing(FileStorage(str(base), readonly=True).open_index()) as ix:
            segments = ix._segments()
            outside = ix.doc_count_all() - (segments[0].doc_count() if segments else 0)
    except Exception as exc:  # noqa: BLE001 - a damaged catalogue or TOC: a full build, never a failure
        return full(repr(exc))
    changed = [e for e in library if indexed.get(e.id, (0, ""))[1] != digests.entries.get(e.id)]
    ids = {e.id for e in library}
    gone = [eid for eid in indexed if eid not in ids or indexed[eid][1] != digests.entries.get(eid)]
    if len(segments) + 1 > MAX_SEGMENTS or outside + len(changed) + len(gone) > max(SMALL_MIN, SMALL_SHARE * len(ids)):
        return full(f"{len(segments)} segments, {outside} documents outside the first or deleted: time to merge")
    lexicon = lexicon or Lexicon.from_library(library)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_builds(target)
        lock = _BuildLock.beside(target)
        tmp = lock.build_dir
    except OSError as exc:
        raise IndexBuildError(f"cannot create {target}: {exc}") from exc
    with lock:
        try:
            for name in manifest.files:
                if name == CATALOGUE:
                    shutil.copyfile(base / name, tmp / name)
                else:
                    _link_or_copy(base / name, tmp / name)
            ix = FileStorage(str(tmp)).open_index()
            writer = ix.writer(compound=False, codec=ArrayCodec())
            first_new = ix.doc_count_all()
            with contextlib.closing(sqlite3.connect(tmp / CATALOGUE)) as db:
                catalogue = CatalogueUpdater(db)
                for eid in gone:
                    writer.delete_document(indexed[eid][0])
                catalogue.remove(gone)
                for n, entry in enumerate(changed):
                    try:
                        body = entry.read_body()
                    except (OSError, UnicodeDecodeError) as exc:
                        log.warning("indexing %s without its body: %s", entry.id, exc)
                        body = ""
                    catalogue.add(
                        first_new + n,
                        entry.id,
                        entry.title,
                        section_texts(body),
                        suggest_records(entry, body, lexicon),
                        digests.entries.get(entry.id, ""),
                        _add_document(writer, entry_document(entry, body, lexicon)),
                    )
                    if progress:
                        progress(n + 1, len(changed))
                # No merging: a merge would renumber the documents the catalogue names.
                writer.commit(merge=False)
                ix.close()
                catalogue.finish()
            new = _seal(tmp, library, digests.content_hash, len(ids))
            _swap_into_place(tmp, target)
        except Exception as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            raise IndexBuildError(f"cannot update the index in {target}: {exc}") from exc
    log.info("updated the search index in %s: %d entries indexed again, %d removed", target, len(changed), len(gone))
    return new


class _BuildLock:
    """An exclusive lock on ``<build folder>.lock`` for as long as the build runs: a build whose lock is
    free is one whose process died, so its folder may go.  The lock is made and held before its folder
    exists, so a folder with no lock beside it is always a dead build's (a build killed between making
    its folder and its lock left one that every start kept for ten minutes)."""

    def __init__(self, fd: int, path: Path) -> None:
        self._fd = fd
        self.path = path
        self.build_dir = path.with_name(path.name.removesuffix(".lock"))

    @classmethod
    def beside(cls, target: Path) -> _BuildLock:
        """A new build folder for ``target``, locked."""
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.build-", suffix=".lock", dir=target.parent)
        lock = cls(fd, Path(name))
        try:
            _flock(fd, blocking=True)
            os.mkdir(lock.build_dir, 0o755)
        except OSError:
            lock.__exit__()
            raise
        return lock

    def __enter__(self) -> _BuildLock:
        return self

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink()
        os.close(self._fd)


try:
    import fcntl as _fcntl
except ImportError:  # Windows: no advisory locks here; stale folders go by age alone
    _fcntl = None  # type: ignore[assignment]
_HAVE_FLOCK = _fcntl is not None


def _flock(fd: int, *, blocking: bool) -> bool:
    if _fcntl is None:
        return True
    try:
        _fcntl.flock(fd, _fcntl.LOCK_EX | (0 if blocking else _fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


def remove_stale_builds(target: Path) -> int:
    """Remove what killed builds of ``target`` left beside it (``.index.build-*`` folders whose lock
    is free, and ``.index.old-*`` folders of a swap cut short); returns how many went.  Never raises."""
    removed = 0
    try:
        leftovers = [p for p in target.parent.glob(f".{target.name}.build-*") if p.is_dir()]
        olds = [p for p in target.parent.glob(f".{target.name}.old-*") if p.is_dir()]
    except OSError:
        return 0
    for folder in leftovers:
        lock = folder.with_name(folder.name + ".lock")
        try:
            fd = os.open(lock, os.O_RDWR)
        except FileNotFoundError:
            # A build makes its lock before its folder: no lock, no build, except where there are no
            # locks (Windows), and where the folder was made by a build older than the locks.
            try:
                if not _HAVE_FLOCK and time.time() - folder.stat().st_mtime < STALE_UNLOCKED_BUILD_S:
                    continue
            except OSError:
                continue
            fd = -1
        except OSError:
            continue
        try:
            if fd >= 0 and not _flock(fd, blocking=False):
                continue  # a build in progress, in this process or another
            shutil.rmtree(folder, ignore_errors=True)
            with contextlib.suppress(OSError):
                lock.unlink()
            removed += not folder.exists()
        finally:
            if fd >= 0:
                os.close(fd)
    for folder in olds:
        shutil.rmtree(folder, ignore_errors=True)
        removed += not folder.exists()
    for lock in target.parent.glob(f".{target.name}.build-*.lock"):
        if lock.with_suffix("").exists():
            continue
        # Its folder is gone (or, if the lock is held, not made yet): a free lock of nothing goes.
        try:
            fd = os.open(lock, os.O_RDWR)
        except OSError:
            continue
        try:
            if _flock(fd, blocking=False):
                with contextlib.suppress(OSError):
                    lock.unlink()
        finally:
            os.close(fd)
    if removed:
        log.info("removed %d folder(s) left by interrupted index builds beside %s", removed, target)
    return removed


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
        self._digests: Digests | None = None

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = Lexicon.from_library(self.library)
        return self._lexicon

    @property
    def expected_hash(self) -> str:
        if self._hash is None:
            self._hash = cached_content_hash(self.library, self.hash_cache, self._read_digests)
        return self._hash

    def _read_digests(self, library: Library) -> str:
        # Reading every file for the hash gives each entry's hash too: an update that follows (the
        # files changed) needs them, and need not read the files again.
        self._digests = source_digests(library)
        return self._digests.content_hash

    def candidates(self) -> list[Path]:
        return [*self.prebuilt_dirs, self.user_dir]

    def statuses(self, *, verify: bool = False) -> list[tuple[Path, IndexStatus, str]]:
        """Each place an index may be, with what is wrong with it (for ``index status`` and logs);
        ``verify`` checks every file whole."""
        return [(d, *check_index(d, self.library, self.expected_hash, verify=verify)) for d in self.candidates()]

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

    def update(self, progress: Progress | None = None) -> Manifest | None:
        """Bring the user's index (or, when it has none, a prebuilt one copied there) up to date by
        indexing only what changed; ``None`` when a full build is needed instead."""
        started = time.perf_counter()
        for base in [self.user_dir, *self.prebuilt_dirs]:
            if not (base / MANIFEST).is_file():
                continue
            try:
                manifest = update_index(
                    self.library, base, self.user_dir, lexicon=self.lexicon, progress=progress, digests=self._digests
                )
            except IndexBuildError as exc:
                log.info("%s", exc)
                return None
            if manifest is not None:
                log.info("updated the search index in %.1f s", time.perf_counter() - started)
                return manifest
            if base == self.user_dir:
                return None  # the user's own index is past updating: build, not an older prebuilt one
        return None

    def open_or_build(self, progress: Progress | None = None) -> OpenIndex:
        remove_stale_builds(self.user_dir)
        found = self.open_existing()
        if found is not None:
            return found
        if self.update(progress) is not None:
            try:
                return open_index(self.user_dir, self.library, self.expected_hash)
            except IndexUnusable as exc:
                log.info("the updated index in %s is unusable (%s): building it in full", self.user_dir, exc.reason)
        self.build(progress)
        try:
            return open_index(self.user_dir, self.library, self.expected_hash)
        except IndexUnusable as exc:
            raise IndexBuildError(f"the index just built in {self.user_dir} is unusable: {exc.reason}") from exc
