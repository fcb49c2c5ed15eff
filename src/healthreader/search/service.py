"""The search service the reader and the command line call: suggestions while typing, ranked results
with snippets, homophone correction, and the nearest titles when nothing matched.

Whoosh stays behind this class; callers get plain frozen dataclasses.
"""

from __future__ import annotations

import heapq
import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from healthreader.content import Entry, Library
from healthreader.search.engine import Engine
from healthreader.search.homophones import Homophones
from healthreader.search.index import IndexManager, OpenIndex, Progress
from healthreader.search.lexicon import Lexicon
from healthreader.search.query import ParsedQuery, parse_query
from healthreader.search.schema import entry_fields
from healthreader.search.snippets import make_snippet, pick_section
from healthreader.search.suggest import Suggester, Suggestion
from healthreader.search.text import clean_input, fold, runs

log = logging.getLogger(__name__)

MAX_QUERY_CHARS = 100
FEW_HITS = 2  # fewer hits than this and a homophone correction is tried
NEAREST_TITLES = 5
# This many candidates are ranked exactly (by how the entries are named) after a cheap first pass.
RERANK_FACTOR = 3
RERANK_MIN = 30
WORD_WEIGHT = 0.1  # per query word the entry contains as a word (not just as characters)

# Results.hint values: codes, not prose; the UI words them (and translates them).
HINT_EMPTY_QUERY = "empty-query"  # nothing searchable was typed (only punctuation, symbols...)
HINT_NO_MATCH = "no-match"  # searched, nothing found; see nearest_titles
HINT_UNAVAILABLE = "index-unavailable"  # the index failed while searching; it needs rebuilding


@dataclass(frozen=True)
class Hit:
    entry_id: str
    title: str
    type: str  # 'article' | 'qa'
    category: str
    anchor: str  # the section the match was found in; '' = the top of the entry
    section_title: str
    snippet_html: str  # matched words in <b class="match">…</b>, everything else HTML-escaped
    score: float
    terms: tuple[str, ...]  # folded words to highlight in the opened entry (compare case-insensitively)


@dataclass(frozen=True)
class Results:
    query: str  # what was typed (cleaned: control characters removed, at most 100 characters)
    effective_query: str  # what was searched: the query, or its homophone correction
    corrected_from: str | None  # the typed query when a correction was used ("显示 X 的结果")
    hits: list[Hit]
    total: int  # entries matching (for quoted text an upper bound: contiguity is checked for hits shown)
    nearest_titles: list[tuple[str, str]] = field(default_factory=list)  # (id, title) when no hits
    hint: str | None = None  # one of the HINT_* codes, or None


class SearchService:
    """Search over one library through one open index.

    Thread-safety: ``search`` may run on a worker thread; calls are serialised by a lock, because a
    Whoosh searcher is not safe for concurrent use (so one worker at a time per service is the model).
    ``suggest`` only reads in-memory structures and may be called from any thread.
    """

    def __init__(self, library: Library, index: OpenIndex, lexicon: Lexicon | None = None) -> None:
        self.library = library
        self.index = index
        self.lexicon = lexicon or Lexicon.from_library(library)
        self.damaged = False  # set when the index failed mid-search: the caller should rebuild it
        self._lock = threading.Lock()
        self._lazy_lock = threading.Lock()
        self._engine = Engine(index.searcher)
        self._names: dict[str, tuple[str, str]] = {}  # entry id -> folded title, folded aliases and tags
        self._suggester: Suggester | None = None
        self._homophones: Homophones | None = None

    @classmethod
    def open(
        cls,
        library: Library,
        user_index_dir: Path,
        *,
        prebuilt_dirs: Sequence[Path] | None = None,
        progress: Progress | None = None,
        cache_dir: Path | None = None,
    ) -> SearchService:
        """Open a current prebuilt or user index, or (re)build one into ``user_index_dir``.

        Slow when a build is needed (report it with ``progress(done, total)``); raises
        ``IndexBuildError`` only when building fails.  ``prebuilt_dirs`` defaults to
        ``prebuilt_index_dirs()``; ``cache_dir`` (the user's cache folder) lets later starts skip
        reading every entry to check the index is current.
        """
        manager = IndexManager(library, user_index_dir, prebuilt_dirs, cache_dir=cache_dir)
        return cls(library, manager.open_or_build(progress), manager.lexicon)

    @property
    def folder(self) -> Path:
        return self.index.folder

    def close(self) -> None:
        with self._lock:
            self.index.close()

    # --- suggestions ------------------------------------------------------------------------------

    def prepare(self) -> None:
        """Build the suggestion structures now (otherwise the first ``suggest`` does it): call it on
        the worker thread that opened the service."""
        self._get_suggester().prepare()

    def _get_suggester(self) -> Suggester:
        if self._suggester is None:
            with self._lazy_lock:
                if self._suggester is None:
                    entries = {e.id: (e.title, e.type.value) for e in self.library}
                    self._suggester = Suggester(self.index.suggest_tables, entries)
        return self._suggester

    def suggest(self, text: str, limit: int = 8) -> list[Suggestion]:
        """Titles, aliases and tags, and headings matching ``text`` by leading characters, pinyin or
        initials, then by characters anywhere; at most ``limit``, titles first."""
        return self._get_suggester().suggest(clean_input(text, MAX_QUERY_CHARS), limit)

    # --- full-text search --------------------------------------------------------------------------

    def _get_homophones(self) -> Homophones:
        if self._homophones is None:
            with self._lazy_lock:
                if self._homophones is None:
                    known: dict[str, list[str]] = {}
                    names: list[str] = []
                    for rec in self.index.records:
                        if rec.kind in ("title", "alias"):
                            word = fold(rec.text)
                            names.append(word)
                            known[word] = rec.pinyin.replace("|", " ").split()
                    words = sorted(self.lexicon.userdict, key=lambda w: -self.lexicon.userdict[w])
                    words += sorted(self.lexicon.words - set(words))
                    self._homophones = Homophones([*words, *names], self.lexicon, known)
        return self._homophones

    def search(
        self,
        text: str,
        limit: int = 20,
        type: str | None = None,  # noqa: A002 - the UI's name for the filter
        category: str | None = None,
        exact: bool = False,
    ) -> Results:
        """Entries matching every word of ``text``, best first, with the section and a snippet.

        ``exact=True`` searches what was typed even when it finds little (no homophone correction).
        Never raises for any input: an empty or unsearchable query, or a failing index, gives empty
        results with a ``hint``.
        """
        typed = clean_input(text, MAX_QUERY_CHARS)
        parsed = parse_query(typed, self.lexicon)
        if not parsed.units:
            return Results(typed, typed, None, [], 0, hint=HINT_EMPTY_QUERY)
        started = time.perf_counter()
        try:
            with self._lock:
                hits, total = self._run(parsed, limit, type, category)
                effective, corrected_from = typed, None
                if total < FEW_HITS and not exact:
                    fixed = self._get_homophones().correct(fold(typed))
                    if fixed is not None:
                        better = parse_query(fixed, self.lexicon)
                        hits2, total2 = self._run(better, limit, type, category)
                        if total2 > total:
                            hits, total, effective, corrected_from = hits2, total2, fixed, typed
        except Exception:  # noqa: BLE001 - a damaged index must not take the window down
            log.exception("search failed for %r; the index needs rebuilding", typed)
            self.damaged = True
            return Results(typed, typed, None, [], 0, hint=HINT_UNAVAILABLE)
        log.debug("search %r: %d hits in %.1f ms", typed, total, (time.perf_counter() - started) * 1000)
        if hits:
            return Results(typed, effective, corrected_from, hits, total)
        return Results(typed, effective, None, [], 0, self.nearest_titles(typed), HINT_NO_MATCH)

    def _run(self, parsed: ParsedQuery, limit: int, type_: str | None, category: str | None) -> tuple[list[Hit], int]:
        filters = [(field, value) for field, value in (("type", type_), ("category", category)) if value]
        matches = self._engine.match(parsed, filters)
        limit = max(1, limit)
        # Cheap ranking of every match (set lookups), then the exact one for the best few.
        best = matches.best(max(limit * RERANK_FACTOR, RERANK_MIN))
        ranked: list[tuple[float, int, Entry]] = []
        for doc in best:
            entry = self.library.find(self.index.doc_ids[doc])
            if entry is not None:
                words = matches.quick_rank(doc)[1]
                ranked.append((self._name_tier(entry, parsed) + WORD_WEIGHT * words, -doc, entry))
        ranked.sort(key=lambda t: (t[0], t[1]), reverse=True)
        phrases = [u.alternatives[0] for u in parsed.units if u.phrase]
        terms = parsed.terms
        hits: list[Hit] = []
        for score, _, entry in ranked:
            body = self._body(entry)
            if phrases:
                # Quoted text was matched as character pairs; keep only entries where it is contiguous.
                fields = entry_fields(entry, body).values()
                if not all(any(p in f for f in fields) for p in phrases):
                    continue
            hits.append(self._hit(entry, body, score, terms))
            if len(hits) >= limit:
                break
        return hits, len(matches.docs)

    @staticmethod
    def _body(entry: Entry) -> str:
        try:
            return entry.read_body()
        except (OSError, UnicodeDecodeError):
            return ""

    def _folded_names(self, entry: Entry) -> tuple[str, str]:
        names = self._names.get(entry.id)
        if names is None:
            names = (fold(entry.title), fold("\n".join((*entry.aliases, *entry.tags))))
            self._names[entry.id] = names
        return names

    def _name_tier(self, entry: Entry, parsed: ParsedQuery) -> float:
        """How well the entry's names say what was typed: per unit, 3 when the title contains the typed
        word (plus how much of the title it is), 2 for a synonym in the title, 1 in an alias or tag.

        BM25 alone ranks badly here: in a library about muscles, 肌肉萎缩 is in most entries, so its
        IDF is near zero and a rare synonym or a long body outweighs an entry titled 肌肉萎缩."""
        title, names = self._folded_names(entry)
        tier = 0.0
        for unit in parsed.units:
            typed = unit.alternatives[0]
            if typed in title:
                tier += 3 + len(typed) / max(len(title), 1)
            elif any(a in title for a in unit.alternatives):
                tier += 2
            elif any(a in names for a in unit.alternatives):
                tier += 1
        return tier

    def _hit(self, entry: Entry, body: str, score: float, terms: tuple[str, ...]) -> Hit:
        found = pick_section(body, entry.summary, terms)
        return Hit(
            entry_id=entry.id,
            title=entry.title,
            type=entry.type.value,
            category=entry.category,
            anchor=found.anchor,
            section_title=found.title,
            snippet_html=make_snippet(found.text, terms),
            score=round(score, 4),
            terms=terms,
        )

    def nearest_titles(self, text: str, limit: int = NEAREST_TITLES) -> list[tuple[str, str]]:
        """Titles sharing the most characters and character pairs with ``text`` (for an empty result)."""
        q = "".join(run for _, run, _ in runs(fold(text)))
        chars = set(q)
        pairs = {q[i : i + 2] for i in range(len(q) - 1)}
        if not chars:
            return []
        scored = []
        for n, entry in enumerate(self.library):
            title = self._folded_names(entry)[0]
            if chars.isdisjoint(title):
                continue
            score = 2 * sum(1 for p in pairs if p in title) + sum(1 for c in chars if c in title)
            scored.append((-score, n, entry.id, entry.title))
        return [(eid, title) for _, _, eid, title in heapq.nsmallest(limit, scored)]
