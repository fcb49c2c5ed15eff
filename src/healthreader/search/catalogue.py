"""What search knows about each entry besides its postings, in one SQLite file in the index folder,
read on demand: the document numbers' entry ids, the suggestion records (titles, aliases, tags,
headings with their pinyin) and their prefix and character keys, each entry's sections as plain and
folded text (snippets are cut from these), and the character pairs of the titles (the nearest titles
when nothing matched).

Nothing here is loaded whole: a query reads the few rows it needs through B-tree lookups, so opening
the index and the first query cost the same for a thousand entries or fifty thousand, and memory does
not grow with the library beyond the page cache.  Opened read-only and ``immutable`` (a prebuilt index
may sit under /opt; nothing writes it once built).

>>> from healthreader.search.schema import SuggestRecord
>>> cat = Catalogue.in_memory(["a"], [SuggestRecord("a", "title", "", "肌肉萎缩", "ji rou|wei suo")])
>>> cat.entry_id(0), [cat.record(r)[3] for r in cat.prefix(0, "jrws")]
('a', ['肌肉萎缩'])
"""

from __future__ import annotations

import json
import sqlite3
import threading
import zlib
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from healthreader.search.schema import SuggestRecord
from healthreader.search.text import fold

CATALOGUE = "catalogue.sqlite"
FORMAT = "healthreader-catalogue-5"
KINDS = ("title", "alias", "tag", "heading")  # in the order suggestions offer them
# A record's number is its kind's number shifted by this, plus its place among the records of its kind:
# records added by an incremental update then still come after every title when they are aliases, and
# before every alias when they are titles (suggestions and "contains" offer them in record order).
RID_KIND_SHIFT = 28
_ROW_CACHE = 20_000  # suggestion records kept after a lookup (a keystroke reads a few hundred)
PREFIX_CAP = 400  # keys looked at per kind for a short prefix such as one letter
# A prefix that more than TOP_MIN_KEYS keys of a kind start with has its offered order worked out when
# the index is built (its first TOP_KEEP records, in ``tops``): reading hundreds of key rows into
# Python cost about a millisecond per keystroke at 10k entries; fewer keys are read as they are.
TOP_MIN_KEYS = 64
TOP_KEEP = 48

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE docs(doc INTEGER PRIMARY KEY, id TEXT NOT NULL);
CREATE TABLE records(
    rid INTEGER PRIMARY KEY, entry TEXT NOT NULL, kind TEXT NOT NULL, anchor TEXT NOT NULL,
    text TEXT NOT NULL, pinyin TEXT NOT NULL, squashed TEXT NOT NULL, folded TEXT NOT NULL);
CREATE TABLE keys(kind INTEGER, key TEXT, rid INTEGER, start INTEGER, len INTEGER NOT NULL,
    PRIMARY KEY(kind, key, rid, start)) WITHOUT ROWID;
CREATE TABLE grams(gram TEXT, rid INTEGER, PRIMARY KEY(gram, rid)) WITHOUT ROWID;
CREATE TABLE gram_counts(gram TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE tops(kind INTEGER, prefix TEXT, rids BLOB NOT NULL, PRIMARY KEY(kind, prefix)) WITHOUT ROWID;
CREATE TABLE title_grams(gram TEXT, doc INTEGER, PRIMARY KEY(gram, doc)) WITHOUT ROWID;
CREATE TABLE sections(doc INTEGER PRIMARY KEY, packed BLOB NOT NULL);
CREATE TABLE sources(entry TEXT PRIMARY KEY, doc INTEGER NOT NULL, digest TEXT NOT NULL, lengths TEXT NOT NULL)
    WITHOUT ROWID;
"""
_INDEXES = "CREATE INDEX records_entry ON records(entry, kind);"

# An upper bound for every key starting with a prefix (keys are compared as UTF-8 bytes, which orders
# them by code point, as Python does).
_AFTER = "\U0010ffff"


def squash(text: str) -> str:
    """Folded, without spaces: the form names are matched in."""
    return "".join(fold(text).split())


def _safe(text: str) -> str:
    # SQLite takes UTF-8: a lone surrogate (hostile input) cannot be bound, and matches nothing anyway.
    return text.encode("utf-8", "ignore").decode("utf-8")


def pinyin_keys(pinyin: str, word_starts: bool) -> Iterator[tuple[str, int]]:
    """(key, word number): full pinyin and initials from the whole name and, for names, from each
    later word on (so jrws finds 面部肌肉萎缩)."""
    words = [w.split() for w in pinyin.split("|") if w]
    full = ["".join(w) for w in words]
    initials = ["".join(s[0] for s in w if s) for w in words]
    for start in range(len(words) if word_starts else min(1, len(words))):
        yield "".join(full[start:]), start
        yield "".join(initials[start:]), start


def _grams_of(text: str) -> set[str]:
    return set(text) | {text[i : i + 2] for i in range(len(text) - 1)}


def offered_order(keyed: Sequence[tuple[str, int, int, int]]) -> list[int]:
    """The records of some (key, rid, start, len) in the order a prefix offers them: a record once,
    names that start with the prefix before those where a later word does, shorter names first."""
    best: dict[int, tuple[bool, int, int]] = {}
    for _, rid, start, length in keyed:
        rank = (start > 0, length, rid)
        if rid not in best or rank < best[rid]:
            best[rid] = rank
    return [rid for _, _, rid in sorted(best.values())]


def _tops(keyed: list[tuple[str, int, int, int]]) -> Iterator[tuple[str, bytes]]:
    """(prefix, first records offered, packed) for every prefix more than TOP_MIN_KEYS of the sorted
    ``keyed`` start with, found by splitting ranges of the sorted keys on their next character."""
    stack = [(0, len(keyed), 0)]  # a range of keys sharing their first ``depth`` characters
    while stack:
        lo, hi, depth = stack.pop()
        i = lo
        while i < hi:
            if len(keyed[i][0]) <= depth:
                i += 1
                continue
            ch = keyed[i][0][depth]
            j = i
            while j < hi and len(keyed[j][0]) > depth and keyed[j][0][depth] == ch:
                j += 1
            if j - i > TOP_MIN_KEYS:
                prefix = keyed[i][0][: depth + 1]
                yield prefix, array("I", offered_order(keyed[i : min(j, i + PREFIX_CAP)])[:TOP_KEEP]).tobytes()
                stack.append((i, j, depth + 1))
            i = j


def _add_doc(
    db: sqlite3.Connection,
    doc: int,
    entry_id: str,
    title: str,
    sections: Sequence[tuple[str, str, str, str]],
    digest: str,
    lengths: Mapping[str, int],
) -> None:
    db.execute("INSERT INTO docs VALUES (?, ?)", (doc, entry_id))
    # One compressed row per entry: the plain and the folded text differ in a few characters (NFKC
    # punctuation, capitals), so zlib stores the second almost for nothing; decoding is C.
    packed = zlib.compress(json.dumps(sections, ensure_ascii=False).encode("utf-8"), 6)
    db.execute("INSERT INTO sections VALUES (?, ?)", (doc, packed))
    db.executemany("INSERT INTO title_grams VALUES (?, ?)", [(g, doc) for g in _grams_of(fold(title))])
    db.execute("INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?)", (entry_id, doc, digest, json.dumps(lengths)))


def _add_lengths(totals: dict[str, int], lengths: Mapping[str, int], sign: int = 1) -> None:
    for field, n in lengths.items():
        totals[field] = totals.get(field, 0) + sign * int(n)


def _record_keys(kind: str, squashed: str, pinyin: str) -> set[tuple[str, int]]:
    keys = {(squashed, 0)} if squashed else set()
    keys.update((k, w) for k, w in pinyin_keys(pinyin, kind != "heading") if k)
    return keys


def _add_record(
    db: sqlite3.Connection, rid: int, kind_no: int, rec: SuggestRecord
) -> tuple[list[tuple[str, int, int]], set[str]]:
    """Insert one suggestion record with its keys and character grams; returns (key, word, length)
    of its keys and its grams (the caller counts them)."""
    squashed = squash(rec.text)
    db.execute(
        "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (rid, rec.entry_id, rec.kind, rec.anchor, rec.text, rec.pinyin, squashed, fold(rec.text)),
    )
    keys = [(k, w, len(squashed)) for k, w in _record_keys(rec.kind, squashed, rec.pinyin)]
    db.executemany("INSERT OR IGNORE INTO keys VALUES (?, ?, ?, ?, ?)", [(kind_no, k, rid, w, n) for k, w, n in keys])
    grams = _grams_of(squashed)
    db.executemany("INSERT INTO grams VALUES (?, ?)", [(g, rid) for g in grams])
    return keys, grams


class CatalogueWriter:
    """Fills a new catalogue while the index is built: one ``add`` per entry, then ``finish``."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        self._records: list[SuggestRecord] = []
        self._doc = 0
        self._lengths: dict[str, int] = {}

    def add(
        self,
        entry_id: str,
        title: str,
        sections: Sequence[tuple[str, str, str, str]],
        records: Iterable[SuggestRecord],
        digest: str = "",
        lengths: Mapping[str, int] | None = None,
    ) -> None:
        """One entry, in document-number order; ``sections``: (anchor, title, plain text, folded text);
        ``digest``: its file's hash, how an incremental update tells it changed; ``lengths``: its
        fields' exact lengths in the index (Whoosh keeps each document's only approximately, and an
        update must take the replaced documents' out of the totals that ranking averages)."""
        doc = self._doc
        self._doc += 1
        _add_doc(self.db, doc, entry_id, title, sections, digest, lengths or {})
        _add_lengths(self._lengths, lengths or {})
        self._records.extend(records)

    def finish(self, frame: str = "") -> None:
        """The suggestion records in kind order (titles first), their keys and character index;
        ``frame``: the hash of what every entry's index depends on (see ``index``)."""
        order = {kind: i for i, kind in enumerate(KINDS)}
        ordered = sorted((r for r in self._records if r.kind in order), key=lambda r: order[r.kind])
        counts: dict[str, int] = {}
        by_kind: list[list[tuple[str, int, int, int]]] = [[] for _ in KINDS]  # (key, rid, start, len)
        db = self.db
        placed = [0] * len(KINDS)
        for rec in ordered:
            kind = order[rec.kind]
            rid = (kind << RID_KIND_SHIFT) + placed[kind]
            placed[kind] += 1
            keys, grams = _add_record(db, rid, kind, rec)
            by_kind[kind].extend((k, rid, w, n) for k, w, n in keys)
            for g in grams:
                counts[g] = counts.get(g, 0) + 1
        db.executemany("INSERT INTO gram_counts VALUES (?, ?)", counts.items())
        db.execute("INSERT INTO meta VALUES ('frame', ?)", (frame,))
        db.execute("INSERT INTO meta VALUES ('lengths', ?)", (json.dumps(self._lengths),))
        for kind, keyed in enumerate(by_kind):
            keyed.sort()
            db.executemany("INSERT INTO tops VALUES (?, ?, ?)", ((kind, p, r) for p, r in _tops(keyed)))
        db.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
        db.executescript(_INDEXES)
        db.commit()
        db.execute("VACUUM")  # pages in key order: a lookup touches fewer of them


class CatalogueUpdater:
    """Brings a copy of a catalogue up to date with an incremental index update: ``remove`` the entries
    that changed or went, ``add`` the new or changed ones under their new document numbers, then
    ``finish`` (the common prefixes' offered order, worked out again where a key changed).

    Works on a copy in a build folder (nothing journalled: a kill costs the copy, never the index in
    use).
    """

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
        (fmt,) = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone() or ("",)
        if fmt != FORMAT:
            raise sqlite3.DatabaseError(f"catalogue of another format ({fmt!r})")
        self._keys: set[tuple[int, str]] = set()  # (kind, key) added or removed
        row = db.execute("SELECT value FROM meta WHERE key = 'lengths'").fetchone()
        self._lengths: dict[str, int] = json.loads(row[0]) if row else {}
        self._counts: dict[str, int] = {}
        self._next = [
            int(db.execute("SELECT coalesce(max(rid) + 1, ?) FROM records WHERE rid >= ? AND rid < ?", (lo, lo, hi))
                .fetchone()[0])
            for lo, hi in ((k << RID_KIND_SHIFT, (k + 1) << RID_KIND_SHIFT) for k in range(len(KINDS)))
        ]  # fmt: skip

    def remove(self, entry_ids: Iterable[str]) -> None:
        db = self.db
        order = {kind: i for i, kind in enumerate(KINDS)}
        docs: list[int] = []
        for entry_id in entry_ids:
            row = db.execute("SELECT doc, lengths FROM sources WHERE entry = ?", (entry_id,)).fetchone()
            if row is not None:
                docs.append(int(row[0]))
                _add_lengths(self._lengths, json.loads(row[1]), -1)
            db.execute("DELETE FROM sources WHERE entry = ?", (entry_id,))
            for rid, kind, squashed, pinyin in db.execute(
                "SELECT rid, kind, squashed, pinyin FROM records WHERE entry = ?", (entry_id,)
            ).fetchall():
                kind_no = order[kind]
                for k, w in _record_keys(kind, squashed, pinyin):
                    db.execute(
                        "DELETE FROM keys WHERE kind = ? AND key = ? AND rid = ? AND start = ?", (kind_no, k, rid, w)
                    )
                    self._keys.add((kind_no, k))
                for g in _grams_of(squashed):
                    db.execute("DELETE FROM grams WHERE gram = ? AND rid = ?", (g, rid))
                    self._counts[g] = self._counts.get(g, 0) - 1
                db.execute("DELETE FROM records WHERE rid = ?", (rid,))
        for doc in docs:
            db.execute("DELETE FROM docs WHERE doc = ?", (doc,))
            db.execute("DELETE FROM sections WHERE doc = ?", (doc,))
        if docs:
            marks = ",".join("?" * len(docs))
            db.execute(f"DELETE FROM title_grams WHERE doc IN ({marks})", docs)  # noqa: S608 - only placeholders

    def add(
        self,
        doc: int,
        entry_id: str,
        title: str,
        sections: Sequence[tuple[str, str, str, str]],
        records: Iterable[SuggestRecord],
        digest: str,
        lengths: Mapping[str, int],
    ) -> None:
        _add_doc(self.db, doc, entry_id, title, sections, digest, lengths)
        _add_lengths(self._lengths, lengths)
        order = {kind: i for i, kind in enumerate(KINDS)}
        for rec in sorted((r for r in records if r.kind in order), key=lambda r: order[r.kind]):
            kind_no = order[rec.kind]
            rid = self._next[kind_no]
            self._next[kind_no] += 1
            keys, grams = _add_record(self.db, rid, kind_no, rec)
            self._keys.update((kind_no, k) for k, _, _ in keys)
            for g in grams:
                self._counts[g] = self._counts.get(g, 0) + 1

    def finish(self) -> None:
        db = self.db
        for gram, n in self._counts.items():
            if n:
                db.execute(
                    "INSERT INTO gram_counts VALUES (?, ?) ON CONFLICT(gram) DO UPDATE SET n = n + excluded.n",
                    (gram, n),
                )
        db.execute("DELETE FROM gram_counts WHERE n <= 0")
        db.execute("INSERT OR REPLACE INTO meta VALUES ('lengths', ?)", (json.dumps(self._lengths),))
        # The same rule as the build's ``_tops``: a prefix more than TOP_MIN_KEYS keys start with keeps
        # its first records in offered order; only prefixes of keys that came or went can have changed.
        prefixes = {(kind, key[:n]) for kind, key in self._keys for n in range(1, len(key) + 1)}
        for kind, prefix in sorted(prefixes):
            keyed = db.execute(
                "SELECT key, rid, start, len FROM keys WHERE kind = ? AND key >= ? AND key < ? "
                "ORDER BY key, rid, start LIMIT ?",
                (kind, prefix, prefix + _AFTER, max(PREFIX_CAP, TOP_MIN_KEYS + 1)),
            ).fetchall()
            if len(keyed) > TOP_MIN_KEYS:
                rids = array("I", offered_order(keyed[:PREFIX_CAP])[:TOP_KEEP]).tobytes()
                db.execute("INSERT OR REPLACE INTO tops VALUES (?, ?, ?)", (kind, prefix, rids))
            else:
                db.execute("DELETE FROM tops WHERE kind = ? AND prefix = ?", (kind, prefix))
        db.commit()


class Catalogue:
    """A catalogue opened read-only.  Safe to use from several threads (SQLite serialises them)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self._rows: dict[int, tuple[str, str, str, str, str]] = {}
        self._lock = threading.Lock()
        (fmt,) = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone() or ("",)
        if fmt != FORMAT:
            raise sqlite3.DatabaseError(f"catalogue of another format ({fmt!r})")

    @classmethod
    def open(cls, path: Path) -> Catalogue:
        """Open read-only; ``sqlite3.DatabaseError`` when it is no catalogue of this format."""
        uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
        # Not memory-mapped: a file cut short under a running reader (a failing disk, a hand with a
        # shell) must give an error to recover from, not SIGBUS; the OS page cache serves the reads.
        return cls(sqlite3.connect(uri, uri=True, check_same_thread=False))

    @classmethod
    def in_memory(cls, doc_ids: Sequence[str], records: Iterable[SuggestRecord]) -> Catalogue:
        """A catalogue of a few records, for examples and tests: entries without sections."""
        db = sqlite3.connect(":memory:", check_same_thread=False)
        writer = CatalogueWriter(db)
        for n, entry_id in enumerate(doc_ids):
            writer.add(entry_id, "", [], records if n == 0 else [])
        writer.finish()
        return cls(db)

    def close(self) -> None:
        self.db.close()

    # --- documents ------------------------------------------------------------------------------

    def doc_count(self) -> int:
        (n,) = self.db.execute("SELECT count(*) FROM docs").fetchone()
        return int(n)

    def doc_range(self) -> tuple[int, int] | None:
        """The first and last document numbers, ``None`` when there are none."""
        lo, hi = self.db.execute("SELECT min(doc), max(doc) FROM docs").fetchone()
        return None if lo is None else (int(lo), int(hi))

    def meta(self, key: str) -> str:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return "" if row is None else str(row[0])

    def field_lengths(self) -> dict[str, int]:
        """Each field's total length over the documents not deleted (exact: see ``CatalogueWriter.add``)."""
        try:
            found = json.loads(self.meta("lengths") or "{}")
        except ValueError:
            return {}
        return {str(k): int(v) for k, v in found.items()} if isinstance(found, dict) else {}

    def sources(self) -> dict[str, tuple[int, str]]:
        """Entry id -> (document number, hash of its file when indexed)."""
        return {str(e): (int(d), str(h)) for e, d, h in self.db.execute("SELECT entry, doc, digest FROM sources")}

    def entry_id(self, doc: int) -> str:
        row = self.db.execute("SELECT id FROM docs WHERE doc = ?", (doc,)).fetchone()
        if row is None:
            raise KeyError(doc)
        return str(row[0])

    def sections(self, doc: int) -> list[tuple[str, str, str, str]]:
        """(anchor, title, plain text, folded text) of each section of a document, the lead first."""
        row = self.db.execute("SELECT packed FROM sections WHERE doc = ?", (doc,)).fetchone()
        if row is None:
            return []
        return [(a, t, text, f) for a, t, text, f in json.loads(zlib.decompress(row[0]))]

    def nearest_titles(self, chars: set[str], pairs: set[str], limit: int) -> list[int]:
        """Documents whose titles share the most of ``pairs`` (counted twice) and ``chars``; ties in
        document order."""
        grams = [_safe(g) for g in (*chars, *pairs) if _safe(g)]
        if not grams:
            return []
        marks = ",".join("?" * len(grams))
        rows = self.db.execute(
            f"SELECT doc, sum(CASE WHEN length(gram) = 2 THEN 2 ELSE 1 END) AS score FROM title_grams "  # noqa: S608 - only placeholders
            f"WHERE gram IN ({marks}) GROUP BY doc ORDER BY score DESC, doc LIMIT ?",
            (*grams, limit),
        ).fetchall()
        return [int(doc) for doc, _ in rows]

    # --- suggestion records ---------------------------------------------------------------------

    def record(self, rid: int) -> tuple[str, str, str, str, str]:
        """(entry id, kind, anchor, text, squashed text) of a record."""
        row = self._rows.get(rid)
        if row is None:
            found = self.db.execute(
                "SELECT entry, kind, anchor, text, squashed FROM records WHERE rid = ?", (rid,)
            ).fetchone()
            if found is None:
                raise KeyError(rid)
            row = self._remember(rid, found)
        return row

    def _remember(self, rid: int, row: tuple[str, str, str, str, str]) -> tuple[str, str, str, str, str]:
        with self._lock:
            if len(self._rows) >= _ROW_CACHE:
                self._rows.clear()  # bounded: what a few keystrokes read, not the whole library
            self._rows[rid] = row
        return row

    def prefix(self, kind_no: int, q: str) -> Iterator[int]:
        """Records with a key of the kind starting with ``q``, among the first ``PREFIX_CAP`` such keys,
        in ``offered_order``: for a common prefix its first records as worked out at build time, then
        (rarely needed) the rest from the keys themselves."""
        q = _safe(q)
        row = self.db.execute("SELECT rids FROM tops WHERE kind = ? AND prefix = ?", (kind_no, q)).fetchone()
        given = 0
        if row is not None:
            top = array("I")
            top.frombytes(row[0])
            yield from self._records_in_order(list(top))
            given = len(top)
        keyed = self.db.execute(
            "SELECT key, rid, start, len FROM keys WHERE kind = ? AND key >= ? AND key < ? "
            "ORDER BY key, rid, start LIMIT ?",
            (kind_no, q, q + _AFTER, PREFIX_CAP),
        ).fetchall()
        yield from self._records_in_order(offered_order(keyed)[given:])

    def _records_in_order(self, rids: list[int]) -> Iterator[int]:
        """``rids`` one by one, their records read 16 at a time into the row cache."""
        for i in range(0, len(rids), 16):
            chunk = [r for r in rids[i : i + 16] if r not in self._rows]
            if chunk:
                marks = ",".join("?" * len(chunk))
                for rid, *rec in self.db.execute(
                    f"SELECT rid, entry, kind, anchor, text, squashed FROM records WHERE rid IN ({marks})",  # noqa: S608
                    chunk,
                ):
                    self._remember(rid, tuple(rec))
            yield from rids[i : i + 16]

    def exactly(self, q: str) -> list[int]:
        """Records whose squashed text is ``q``, in kind order."""
        q = _safe(q)
        rows = self.db.execute(
            "SELECT k.rid FROM keys k JOIN records r ON r.rid = k.rid "
            # kind IN (...): the key B-tree starts with the kind, so each kind is one seek, not a scan.
            f"WHERE k.kind IN ({','.join(str(i) for i in range(len(KINDS)))}) AND k.key = ? AND k.start = 0 "
            "AND r.squashed = ? ORDER BY k.kind, k.rid",
            (q, q),
        ).fetchall()
        return [int(rid) for (rid,) in rows]

    def containing(self, q: str) -> Iterator[int]:
        """Records whose squashed text contains ``q``, in record order (titles first), read from the
        postings of its rarest character or character pair."""
        q = _safe(q)
        grams = [q] if len(q) == 1 else [q[i : i + 2] for i in range(len(q) - 1)]
        if not grams:
            return
        counts = []
        for g in dict.fromkeys(grams):
            row = self.db.execute("SELECT n FROM gram_counts WHERE gram = ?", (g,)).fetchone()
            if row is None:
                return
            counts.append((row[0], g))
        rarest = min(counts)[1]
        cursor = self.db.execute(
            "SELECT g.rid, r.entry, r.kind, r.anchor, r.text, r.squashed FROM grams g "
            "JOIN records r ON r.rid = g.rid WHERE g.gram = ? AND instr(r.squashed, ?) ORDER BY g.rid",
            (rarest, q),
        )
        try:
            while batch := cursor.fetchmany(32):
                for rid, *row in batch:
                    self._remember(rid, tuple(row))
                    yield int(rid)
        finally:
            cursor.close()

    def title_of(self, entry_id: str) -> int | None:
        row = self.db.execute(
            "SELECT rid FROM records WHERE entry = ? AND kind = 'title' ORDER BY rid LIMIT 1", (entry_id,)
        ).fetchone()
        return None if row is None else int(row[0])

    def headings_of(self, entry_id: str) -> list[int]:
        rows = self.db.execute(
            "SELECT rid FROM records WHERE entry = ? AND kind = 'heading' ORDER BY rid", (entry_id,)
        ).fetchall()
        return [int(rid) for (rid,) in rows]

    def headings(self, entry_id: str) -> list[tuple[str, str]]:
        """(anchor, folded heading) of each section heading of an entry."""
        rows = self.db.execute(
            "SELECT anchor, folded FROM records WHERE entry = ? AND kind = 'heading' ORDER BY rid", (entry_id,)
        ).fetchall()
        return [(str(a), str(f)) for a, f in rows]

    def names(self) -> Iterator[tuple[str, str]]:
        """(text, pinyin) of every title and alias (for the homophone table, built once)."""
        for text, pinyin in self.db.execute("SELECT text, pinyin FROM records WHERE kind IN ('title', 'alias')"):
            yield str(text), str(pinyin)

    def __len__(self) -> int:
        (n,) = self.db.execute("SELECT count(*) FROM records").fetchone()
        return int(n)
