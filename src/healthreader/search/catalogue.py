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
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from healthreader.search.schema import SuggestRecord
from healthreader.search.text import fold

CATALOGUE = "catalogue.sqlite"
FORMAT = "healthreader-catalogue-4"
KINDS = ("title", "alias", "tag", "heading")  # in the order suggestions offer them
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


class CatalogueWriter:
    """Fills a new catalogue while the index is built: one ``add`` per entry, then ``finish``."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        self._records: list[SuggestRecord] = []
        self._doc = 0

    def add(
        self, entry_id: str, title: str, sections: Sequence[tuple[str, str, str, str]], records: Iterable[SuggestRecord]
    ) -> None:
        """One entry, in document-number order; ``sections``: (anchor, title, plain text, folded text)."""
        doc = self._doc
        self._doc += 1
        self.db.execute("INSERT INTO docs VALUES (?, ?)", (doc, entry_id))
        # One compressed row per entry: the plain and the folded text differ in a few characters (NFKC
        # punctuation, capitals), so zlib stores the second almost for nothing; decoding is C.
        packed = zlib.compress(json.dumps(sections, ensure_ascii=False).encode("utf-8"), 6)
        self.db.execute("INSERT INTO sections VALUES (?, ?)", (doc, packed))
        self.db.executemany("INSERT INTO title_grams VALUES (?, ?)", [(g, doc) for g in _grams_of(fold(title))])
        self._records.extend(records)

    def finish(self) -> None:
        """The suggestion records in kind order (titles first), their keys and character index."""
        order = {kind: i for i, kind in enumerate(KINDS)}
        ordered = sorted((r for r in self._records if r.kind in order), key=lambda r: order[r.kind])
        counts: dict[str, int] = {}
        by_kind: list[list[tuple[str, int, int, int]]] = [[] for _ in KINDS]  # (key, rid, start, len)
        db = self.db
        for rid, rec in enumerate(ordered):
            squashed = squash(rec.text)
            db.execute(
                "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (rid, rec.entry_id, rec.kind, rec.anchor, rec.text, rec.pinyin, squashed, fold(rec.text)),
            )
            kind = order[rec.kind]
            keys = {(squashed, 0)} if squashed else set()
            keys.update((k, w) for k, w in pinyin_keys(rec.pinyin, rec.kind != "heading") if k)
            db.executemany(
                "INSERT OR IGNORE INTO keys VALUES (?, ?, ?, ?, ?)", [(kind, k, rid, w, len(squashed)) for k, w in keys]
            )
            by_kind[kind].extend((k, rid, w, len(squashed)) for k, w in keys)
            grams = _grams_of(squashed)
            db.executemany("INSERT INTO grams VALUES (?, ?)", [(g, rid) for g in grams])
            for g in grams:
                counts[g] = counts.get(g, 0) + 1
        db.executemany("INSERT INTO gram_counts VALUES (?, ?)", counts.items())
        for kind, keyed in enumerate(by_kind):
            keyed.sort()
            db.executemany("INSERT INTO tops VALUES (?, ?, ?)", ((kind, p, r) for p, r in _tops(keyed)))
        db.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
        db.executescript(_INDEXES)
        db.commit()
        db.execute("VACUUM")  # pages in key order: a lookup touches fewer of them


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
