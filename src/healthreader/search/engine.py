"""Which documents match a parsed query, from the Whoosh index's posting lists, as sets.

Whoosh's scored search decodes and scores every posting of every query term in Python (about 2 µs
each); in a library about muscles the commonest character pairs are in nine entries out of ten, so a
BM25 search cost 55 ms at the median and 140 ms at p95 on 10,000 entries.  Matching here is plain set
algebra instead: each term's documents are decoded once and kept in a small cache (typing repeats
terms), the rarest term of a word is read first, and when few candidates are left the remaining
terms are checked by skipping through their posting lists rather than decoding them whole.  Ranking
is done by the service from what the entries are called, not from term frequencies.

Not thread-safe: the service calls it under its lock.
"""

from __future__ import annotations

import heapq
from collections import OrderedDict
from collections.abc import Iterable

from whoosh.query import Term
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from healthreader.search.query import ParsedQuery, Unit
from healthreader.search.schema import TEXT_FIELDS
from healthreader.search.text import cjk_bigrams, runs

CACHE_POSTINGS = 600_000  # decoded document numbers kept, all terms together (tens of MB at most)
BLOCK = 128  # postings per Whoosh block: skip-checking beats decoding when candidates < postings / BLOCK
EMPTY: frozenset[int] = frozenset()
RANK_AT_MOST = 2000  # documents ranked one by one in the cheap first pass


class Matches:
    """A query's matching documents, and for each unit the documents that match it in their names."""

    def __init__(self, docs: set[int], names: list[set[int]], words: list[frozenset[int]]) -> None:
        self.docs = docs
        self.names = names  # per unit: documents whose title, aliases or tags contain it
        self.words = words  # per ranking word: documents that contain it as a word

    def quick_rank(self, doc: int) -> tuple[int, int, int]:
        """Units found in the names, ranking words found, then library order."""
        return (sum(doc in s for s in self.names), sum(doc in s for s in self.words), -doc)

    def best(self, k: int) -> list[int]:
        """The ``k`` best documents by ``quick_rank``, without ranking thousands one by one: entries
        named by the query first, then those containing its words, then the rest in library order."""
        named = self.docs.intersection(set().union(*self.names))
        best = heapq.nlargest(k, named, key=self.quick_rank)
        if len(best) >= k:
            return best
        rest = self.docs - named
        worded = rest.intersection(set().union(*self.words)) if self.words else set()
        if len(worded) <= RANK_AT_MOST:
            best += heapq.nlargest(k - len(best), worded, key=self.quick_rank)
        else:
            best += heapq.nsmallest(k - len(best), worded)
        if len(best) < k:
            best += heapq.nsmallest(k - len(best), rest - worded)
        return best


class Engine:
    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        self.reader: IndexReader = searcher.reader()
        self._cache: OrderedDict[tuple[str, str], frozenset[int]] = OrderedDict()
        self._cached = 0
        self._filters: dict[tuple[str, str], frozenset[int]] = {}

    # --- posting lists ------------------------------------------------------------------------

    def _decode(self, field: str, term: str) -> frozenset[int]:
        if (field, term) not in self.reader:
            return EMPTY
        m = self.reader.postings(field, term)
        docs: set[int] = set()
        if hasattr(m, "_read_ids") and hasattr(m, "_next_block"):
            # Whole blocks at a time (Whoosh's W3 leaf matcher): no per-posting method calls.
            while m.is_active():
                m._read_ids()
                docs.update(m._ids)
                m._next_block()
        else:
            docs.update(m.all_ids())
        return frozenset(docs)

    def ids(self, field: str, term: str) -> frozenset[int]:
        key = (field, term)
        hit = self._cache.get(key)
        if hit is not None:
            self._cache.move_to_end(key)
            return hit
        docs = self._decode(field, term)
        self._cache[key] = docs
        self._cached += len(docs)
        while self._cached > CACHE_POSTINGS and len(self._cache) > 1:
            _, old = self._cache.popitem(last=False)
            self._cached -= len(old)
        return docs

    def _keep_having(self, field: str, term: str, candidates: set[int]) -> set[int]:
        """The candidates whose documents contain ``term``, found by skipping through its postings."""
        if (field, term) not in self.reader:
            return set()
        m = self.reader.postings(field, term)
        kept: set[int] = set()
        for doc in sorted(candidates):
            if not m.is_active():
                break
            m.skip_to(doc)
            if m.is_active() and m.id() == doc:
                kept.add(doc)
        return kept

    def _prefix_ids(self, field: str, prefix: str) -> frozenset[int]:
        key = (field, prefix + "\0*")
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        docs: set[int] = set()
        for raw in self.reader.expand_prefix(field, prefix):
            term = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            docs |= self.ids(field, term)
        frozen = frozenset(docs)
        self._cache[key] = frozen
        self._cached += len(frozen)
        return frozen

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

    # --- query --------------------------------------------------------------------------------

    def _text_in_field(self, field: str, text: str) -> set[int]:
        docs: set[int] | None = None
        for is_cjk, run, _ in runs(text):
            if not is_cjk:
                found = set(self._prefix_ids(field, run))
            elif len(run) == 1:
                # One character: the run-final token, or any pair that starts with it (text.index_tokens).
                found = set(self.ids(field, run) | self._prefix_ids(field, run))
            else:
                found = self._all_of(field, cjk_bigrams(run))
            docs = found if docs is None else docs & found
            if not docs:
                return set()
        return docs or set()

    def _unit(self, unit: Unit) -> tuple[set[int], set[int]]:
        """(documents matching the unit anywhere, documents matching it in their names)."""
        anywhere: set[int] = set()
        names: set[int] = set()
        for alt in unit.alternatives:
            for field in TEXT_FIELDS:
                found = self._text_in_field(field, alt)
                anywhere |= found
                if field == "names":
                    names |= found
        return anywhere, names

    def filter_docs(self, field: str, value: str) -> frozenset[int]:
        key = (field, value)
        if key not in self._filters:
            self._filters[key] = frozenset(self.searcher.docs_for_query(Term(field, value)))
        return self._filters[key]

    def match(self, parsed: ParsedQuery, filters: Iterable[tuple[str, str]] = ()) -> Matches:
        docs: set[int] | None = None
        for field, value in filters:
            allowed = self.filter_docs(field, value)
            docs = set(allowed) if docs is None else docs & allowed
        names: list[set[int]] = []
        # Units with the fewest matches first would be cheaper, but that needs them all first anyway.
        for unit in parsed.units:
            anywhere, in_names = self._unit(unit)
            docs = anywhere if docs is None else docs & anywhere
            names.append(in_names)
            if not docs:
                return Matches(set(), names, [])
        words = [self.ids("words", w) for w in parsed.words]
        return Matches(docs or set(), names, words)
