"""Which documents match a query, and how well, from the Whoosh index's posting lists.

Matching is set algebra: each term's postings are decoded once, with their term frequencies, and kept
in a small cache (typing repeats terms); the rarest term of a word is read first, and when few
candidates are left the remaining terms are checked by skipping through their posting lists rather
than decoding them whole.  Keyword queries need every unit (``match``); questions need any of their
subject words (``PieceDocs`` per word, united by the service).

Ranking is BM25F over the query's words (``Scorer``): a word is a concept (the typed word or any of
its synonyms; its document frequency is that of the concept, so a rare synonym does not outweigh the
common name), its frequency in a field is the smallest frequency of its character pairs there, and the
fields are weighted: what the entry is called (title, aliases, tags) above its section headings above
its body.  Whoosh's own scored search decodes and scores every posting of every term in Python (55 ms
median at 10,000 entries); here documents are first grouped by which words they contain in which
field, the groups are taken best first, and only a few hundred documents are scored exactly.

Not thread-safe: the service calls it under its lock.
"""

from __future__ import annotations

import dataclasses
import heapq
import math
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator, KeysView
from dataclasses import dataclass

from whoosh.matching.wrappers import FilterMatcher
from whoosh.query import Term
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from healthreader.search.codec import BLOCK_POSTINGS
from healthreader.search.query import ParsedQuery, Piece, Unit
from healthreader.search.schema import TEXT_FIELDS
from healthreader.search.text import cjk_bigrams, runs

CACHE_POSTINGS = 600_000  # decoded postings kept, all terms together (tens of MB at most)
BLOCK = BLOCK_POSTINGS  # skip-checking beats decoding a whole list when candidates < postings / BLOCK
EMPTY: dict[int, float] = {}

# BM25F.  Names are short and say what the entry is; a heading says what its section answers.
K1 = 1.2
B = {"names": 0.3, "body": 0.75}
FIELD_WEIGHTS = {"names": 4.0, "headings": 2.0, "body": 1.0}
FIELD_LABELS = {"names": "名称", "headings": "小标题", "body": "正文"}


@dataclass
class PieceDocs:
    """The documents containing one query word (any of its alternatives), per field."""

    piece: Piece
    weight: float  # how much the word counts (see service.PIECE_WEIGHTS)
    per_field: dict[str, list[tuple[str, Collection[int]]]]  # field -> [(alternative, documents)]
    names: set[int] = dataclasses.field(default_factory=set)
    body: set[int] = dataclasses.field(default_factory=set)
    docs: set[int] = dataclasses.field(default_factory=set)  # names | body
    idf: float = 0.0


@dataclass(frozen=True)
class Part:
    """One word's share of a document's score, for ``--explain``."""

    word: str
    fields: str  # e.g. "名称 1 · 正文 3"
    score: float
    via: tuple[str, ...] = ()  # the word's synonyms found in the document (脸歪 found as 嘴歪)


class Engine:
    def __init__(self, searcher: Searcher, field_lengths: dict[str, int] | None = None) -> None:
        """``field_lengths``: each text field's total length over the live documents (the catalogue
        keeps it exact; Whoosh's totals count the documents an update marked deleted)."""
        self.searcher = searcher
        self.reader: IndexReader = searcher.reader()
        self.doc_count = max(1, searcher.doc_count())
        self._cache: OrderedDict[tuple[str, str], dict[int, float]] = OrderedDict()
        self._cached = 0
        self._filters: dict[tuple[str, str], frozenset[int]] = {}
        self._lengths: dict[str, dict[int, int]] = {f: {} for f in TEXT_FIELDS}
        self._matched: dict[tuple[str, str], set[int]] = {}
        self._leaves: list[tuple[IndexReader, int]] = list(self.reader.leaf_readers())
        totals = {f: (field_lengths or {}).get(f, self.reader.field_length(f)) for f in TEXT_FIELDS}
        self._avg = {f: max(1.0, totals[f] / self.doc_count) for f in TEXT_FIELDS}

    # --- posting lists ------------------------------------------------------------------------

    def _decode(self, field: str, term: str) -> dict[int, float]:
        if (field, term) not in self.reader:
            return EMPTY
        tfs: dict[int, float] = {}
        # Segment by segment (an incremental update adds small ones): each leaf's documents are
        # numbered from its offset, and those an update replaced are marked deleted in it.
        for leaf, offset in self._leaves:
            if (field, term) not in leaf:
                continue
            m = leaf.postings(field, term)
            deleted: frozenset[int] = (
                getattr(leaf, "deleted_docs_set", frozenset()) if leaf.has_deletions() else frozenset()
            )
            if isinstance(m, FilterMatcher):
                m = m.child  # the leaf matcher itself; deletions are dropped below, a block at a time
            if hasattr(m, "_read_ids") and hasattr(m, "_read_weights") and hasattr(m, "_next_block"):
                # Whole blocks at a time (the codec's leaf matcher): ids and weights come out of one
                # block, so the frequencies cost almost nothing extra.
                while m.is_active():
                    m._read_ids()
                    m._read_weights()
                    ids = map(offset.__add__, m._ids) if offset else m._ids
                    tfs.update(zip(ids, m._weights, strict=False))
                    m._next_block()
            else:
                tfs.update((doc + offset, 1.0) for doc in m.all_ids())
            # A few documents, taken out after the blocks went in whole (filtering every posting in
            # Python made a search after an update four times slower).
            for doc in deleted:
                tfs.pop(doc + offset, None)
        return tfs

    def _skipping(self, field: str, term: str, docs: list[int]) -> Iterator[tuple[int, float]]:
        """(document, frequency) of those of ``docs`` (sorted, none deleted) that contain ``term``, by
        skipping through each segment's own postings (Whoosh's multi-segment matcher and its filter
        of deleted documents cost a Python call per step)."""
        at = 0
        for leaf, offset in self._leaves:
            end = offset + leaf.doc_count_all()
            first = at
            while at < len(docs) and docs[at] < end:
                at += 1
            if first == at or (field, term) not in leaf:
                continue
            m = leaf.postings(field, term)
            if isinstance(m, FilterMatcher):
                m = m.child  # the documents asked about are live: no filter needed
            for doc in docs[first:at]:
                if not m.is_active():
                    break
                m.skip_to(doc - offset)
                if m.is_active() and m.id() == doc - offset:
                    yield doc, m.weight()

    def tfs(self, field: str, term: str) -> dict[int, float]:
        """Document -> frequency of ``term`` in ``field``."""
        key = (field, term)
        hit = self._cache.get(key)
        if hit is not None:
            self._cache.move_to_end(key)
            return hit
        tfs = self._decode(field, term)
        self._cache[key] = tfs
        self._cached += len(tfs)
        while self._cached > CACHE_POSTINGS and len(self._cache) > 1:
            _, old = self._cache.popitem(last=False)
            self._cached -= len(old)
        return tfs

    def ids(self, field: str, term: str) -> KeysView[int]:
        return self.tfs(field, term).keys()

    def known(self, word: str) -> bool:
        """Whether the library's text uses ``word`` as a word (the ``words`` field's vocabulary)."""
        return ("words", word) in self.reader

    def _keep_having(self, field: str, term: str, candidates: set[int]) -> set[int]:
        """The candidates whose documents contain ``term``, found by skipping through its postings."""
        if (field, term) not in self.reader:
            return set()
        return {doc for doc, _ in self._skipping(field, term, sorted(candidates))}

    def _prefix_ids(self, field: str, prefix: str) -> KeysView[int]:
        key = (field, prefix + "\0*")
        hit = self._cache.get(key)
        if hit is not None:
            return hit.keys()
        docs: dict[int, float] = {}
        for raw in self.reader.expand_prefix(field, prefix):
            term = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            docs.update(dict.fromkeys(self.ids(field, term), 1.0))
        self._cache[key] = docs
        self._cached += len(docs)
        return docs.keys()

    def _all_of(self, field: str, terms: list[str]) -> set[int]:
        """Documents containing every term in ``field``: rarest first, then skip-checks."""
        df = {t: self.reader.doc_frequency(field, t) for t in set(terms)}
        docs: set[int] | None = None
        for term in sorted(df, key=df.__getitem__):
            if docs is None:
                docs = set(self.ids(field, term))
            elif len(docs) * BLOCK < df[term] and (field, term) not in self._cache:
                # Each candidate costs at most one block: cheaper than decoding all of them.
                docs = self._keep_having(field, term, docs)
            else:
                docs &= self.ids(field, term)
            if not docs:
                return set()
        return docs or set()

    # --- matching -----------------------------------------------------------------------------

    def begin(self) -> None:
        """A new query: forget the previous one's matches (a query asks for the same text several
        times: as a unit, as a word, as a synonym of another word)."""
        self._matched.clear()

    def text_in_field(self, field: str, text: str) -> set[int]:
        """Documents whose ``field`` contains ``text`` (its character pairs, its words as prefixes).
        The set returned may be shared: callers must not change it."""
        key = (field, text)
        found = self._matched.get(key)
        if found is None:
            found = self._matched[key] = self._text_in_field(field, text)
        return found

    def _text_in_field(self, field: str, text: str) -> set[int]:
        docs: set[int] | None = None
        for is_cjk, run, _ in runs(text):
            if not is_cjk:
                found = set(self._prefix_ids(field, run))
            elif len(run) == 1:
                # One character: the run-final token, or any pair that starts with it (text.index_tokens).
                found = set(self.ids(field, run)) | set(self._prefix_ids(field, run))
            else:
                found = self._all_of(field, cjk_bigrams(run))
            docs = found if docs is None else docs & found
            if not docs:
                return set()
        return docs or set()

    def _unit(self, unit: Unit) -> set[int]:
        anywhere: set[int] = set()
        for alt in unit.alternatives:
            for field in TEXT_FIELDS:
                anywhere |= self.text_in_field(field, alt)
        return anywhere

    def filter_docs(self, field: str, value: str) -> frozenset[int]:
        key = (field, value)
        if key not in self._filters:
            self._filters[key] = frozenset(self.searcher.docs_for_query(Term(field, value)))
        return self._filters[key]

    def allowed(self, filters: Iterable[tuple[str, str]]) -> set[int] | None:
        """Documents the filters let through; ``None`` when there are no filters."""
        docs: set[int] | None = None
        for field, value in filters:
            allowed = self.filter_docs(field, value)
            docs = set(allowed) if docs is None else docs & allowed
        return docs

    def match(self, parsed: ParsedQuery, allowed: set[int] | None = None) -> set[int]:
        """Documents containing every unit of the query (keyword search)."""
        docs = allowed
        for unit in parsed.units:
            anywhere = self._unit(unit)
            docs = anywhere if docs is None else docs & anywhere
            if not docs:
                return set()
        return docs or set()

    def piece_docs(self, piece: Piece, weight: float, fields: tuple[str, ...] = TEXT_FIELDS) -> PieceDocs:
        """Where one query word is found (in ``fields``), and its inverse document frequency as a
        concept."""
        pd = PieceDocs(piece, weight, {f: [] for f in TEXT_FIELDS})
        for alt in piece.alternatives:
            for f in fields:
                docs = self.text_in_field(f, alt)
                if docs:
                    pd.per_field[f].append((alt, docs))
                    (pd.names if f == "names" else pd.body).update(docs)
        pd.docs = pd.names | pd.body
        df = len(pd.docs)
        pd.idf = math.log(1 + (self.doc_count - df + 0.5) / (df + 0.5))
        return pd

    # --- scoring ------------------------------------------------------------------------------

    def length(self, field: str, doc: int) -> int:
        lengths = self._lengths[field]
        n = lengths.get(doc)
        if n is None:
            n = lengths[doc] = self.reader.doc_field_length(doc, field, 0)
        return n

    def tf_of(self, field: str, term: str, docs: list[int]) -> dict[int, float]:
        """The frequency of ``term`` in each of ``docs`` (sorted) that has it: from the cache, or by
        decoding the postings, or, for a common term and few documents, by skipping through them."""
        cached = self._cache.get((field, term))
        if cached is None:
            df = self.reader.doc_frequency(field, term)
            if not df:
                return {}
            if len(docs) * BLOCK >= df:
                cached = self.tfs(field, term)
            else:
                return dict(self._skipping(field, term, docs))
        return {d: cached[d] for d in docs if d in cached}

    def alt_tfs(self, field: str, alt: str, docs: list[int]) -> dict[int, float]:
        """How often ``alt`` occurs in each of ``docs`` (sorted, all containing it): the least frequent
        of its character pairs (an upper bound; exact for one pair).  Single characters and prefixes
        count once."""
        out: dict[int, float] = {}
        for is_cjk, run, _ in runs(alt):
            if is_cjk and len(run) == 1:
                continue
            for term in cjk_bigrams(run) if is_cjk else [run]:
                for doc, n in self.tf_of(field, term, docs).items():
                    out[doc] = min(n, out.get(doc, n))
        return out


class Scorer:
    """BM25F of documents for a query's words.  ``headings(doc)`` gives a document's section headings
    (folded, one per line), a third field taken from the suggestion records rather than the index."""

    def __init__(self, engine: Engine, pieces: list[PieceDocs], headings: Callable[[int], str]) -> None:
        self.engine = engine
        self.pieces = [p for p in pieces if p.weight > 0 and p.docs]
        self.headings = headings
        self._tfs: dict[tuple[int, str, str], dict[int, float]] = {}

    def prepare(self, docs: Iterable[int]) -> None:
        """Read the term frequencies ``score`` needs for these documents, a term at a time."""
        chosen = sorted(set(docs))
        for n, pd in enumerate(self.pieces):
            for f in TEXT_FIELDS:
                for alt, having in pd.per_field[f]:
                    here = [d for d in chosen if d in having]
                    if here:
                        self._tfs[(n, f, alt)] = self.engine.alt_tfs(f, alt, here)

    @staticmethod
    def _saturate(x: float) -> float:
        return x * (K1 + 1) / (x + K1)

    def estimate(self, pd: PieceDocs, in_names: bool) -> float:
        """A word's score in a document of average length where it occurs once (in the names or not)."""
        x = FIELD_WEIGHTS["body"] + (FIELD_WEIGHTS["names"] if in_names else 0.0)
        return pd.weight * pd.idf * self._saturate(x)

    def choose(self, candidates: set[int], budget: int) -> list[int]:
        """At most ``budget`` candidates worth scoring exactly: documents are grouped by which words
        they have in their names and which only in their text, and groups are taken best first; in a
        group too big to take whole, the documents with the most occurrences of its best word."""
        groups: list[tuple[set[int], float]] = [(candidates, 0.0)]
        for pd in sorted(self.pieces, key=lambda p: -self.estimate(p, True)):
            split: list[tuple[set[int], float]] = []
            for docs, est in groups:
                named = docs & pd.names
                texted = (docs - named) & pd.body
                rest = docs - named - texted
                for part, add in ((named, self.estimate(pd, True)), (texted, self.estimate(pd, False)), (rest, 0.0)):
                    if part:
                        split.append((part, est + add))
            groups = split
            if len(groups) > budget:
                break  # finer groups would not change which documents are taken
        groups.sort(key=lambda g: -g[1])
        chosen: list[int] = []
        best = max(self.pieces, key=lambda p: self.estimate(p, True), default=None)
        for docs, _ in groups:
            need = budget - len(chosen)
            if need <= 0:
                break
            if len(docs) <= need:
                chosen.extend(sorted(docs))
            elif best is not None:
                tfs = self.engine.tfs("body", _rarest_pair(self.engine, best.piece.alternatives[0]))
                chosen.extend(heapq.nlargest(need, docs, key=lambda d: (tfs.get(d, 0.0), -d)))
            else:
                chosen.extend(heapq.nsmallest(need, docs))
        return chosen

    def score(self, doc: int, explain: bool = False) -> tuple[float, list[Part]]:
        engine = self.engine
        total = 0.0
        parts: list[Part] = []
        heads: str | None = None
        for n, pd in enumerate(self.pieces):
            x = 0.0
            seen: list[str] = []
            via: dict[str, None] = {}
            for f in TEXT_FIELDS:
                tf = 0.0
                for alt, docs in pd.per_field[f]:
                    if doc in docs:
                        if explain and alt != pd.piece.text:
                            via[alt] = None
                        tfs = self._tfs.get((n, f, alt))
                        if tfs is None:
                            tfs = self._tfs[(n, f, alt)] = engine.alt_tfs(f, alt, [doc])
                        tf = max(tf, tfs.get(doc, 1.0))
                if tf:
                    norm = 1 - B[f] + B[f] * engine.length(f, doc) / engine._avg[f]
                    x += FIELD_WEIGHTS[f] * tf / norm
                    seen.append(f"{FIELD_LABELS[f]} {tf:g}")
            if x and doc in pd.body:
                if heads is None:
                    heads = self.headings(doc)
                n = sum(heads.count(alt) for alt in pd.piece.alternatives) if heads else 0
                if n:
                    x += FIELD_WEIGHTS["headings"] * n
                    seen.append(f"{FIELD_LABELS['headings']} {n}")
            if x:
                s = pd.weight * pd.idf * self._saturate(x)
                total += s
                if explain:
                    parts.append(Part(pd.piece.text, " · ".join(seen), s, tuple(via)))
        return total, parts


def _rarest_pair(engine: Engine, text: str) -> str:
    """The term of ``text`` with the fewest documents in the body (what a group is ordered by)."""
    terms = [t for is_cjk, run, _ in runs(text) for t in (cjk_bigrams(run) if is_cjk and len(run) > 1 else [run])]
    return min(terms, key=lambda t: engine.reader.doc_frequency("body", t), default=text)
