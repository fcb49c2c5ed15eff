"""The search service the reader and the command line call: suggestions while typing, ranked results
with snippets, homophone correction, and the nearest titles when nothing matched.

Keywords (面瘫, 腰突 萎缩) find the entries containing every one of them.  A question (面瘫多久能好), or
keywords that are never found together, finds the entries containing *any* of its subject words, best
first: question words and particles never have to match (``questions``), and the results say which
typed words no hit contains.  Ranking is BM25F over the words (``engine.Scorer``), then for the best few
what the entries are called: how close the title is to what was typed, and whether a Q&A's title, or a
section heading, asks what the question asks (``questions.INTENTS``).  A hit opens at the section
that answers the question.

Whoosh stays behind this class; callers get plain frozen dataclasses.
"""

from __future__ import annotations

import heapq
import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from healthreader.config.bounded import read_json
from healthreader.content import Entry, Library
from healthreader.search import questions
from healthreader.search.engine import Engine, PieceDocs, Scorer
from healthreader.search.errors import IndexUnusable
from healthreader.search.homophones import Homophones
from healthreader.search.index import IndexManager, OpenIndex, Progress, open_index, prebuilt_index_dirs
from healthreader.search.lexicon import Lexicon
from healthreader.search.query import MAX_RUN_AS_WORD, ParsedQuery, Piece, analyse, parse_query
from healthreader.search.schema import TEXT_FIELDS
from healthreader.search.snippets import make_snippet, pick_from
from healthreader.search.suggest import Suggester, Suggestion
from healthreader.search.text import clean_input, fold, has_cjk, is_cjk, runs

log = logging.getLogger(__name__)

MAX_QUERY_CHARS = 100
FEW_HITS = 2  # fewer hits than this and a homophone correction is tried
NEAREST_TITLES = 5
MEMO_ITEMS = 4096  # entries (or names) whose folded names and headings a service remembers
_K = TypeVar("_K")
_V = TypeVar("_V")
# Candidates scored exactly with BM25F (after grouping), and how many of those are ranked again by
# what the entries are called.
EXACT_FACTOR = 6
RERANK_FACTOR = 2
# Both counts are taken for at least this many hits, whatever fewer were asked for: which documents
# are ranked again decides the order, so asking for fewer (the command line's --limit, the question
# benchmark's 10) must not change which come first.  The results page's first page (20) costs the same.
STABLE_DEPTH = 20

# How much a query word counts, by kind (query.Piece.kind): the library's medical words above the
# everyday words; question words and fillers only a little (they never have to match).
PIECE_WEIGHTS = {"medical": 1.0, "word": 0.45, "other": 0.45, "question": 0.12, "filler": 0.08, "particle": 0.0}
SINGLE_CHAR = 0.5  # a one-character word says less than a longer one
TITLE_WEIGHT = 5.0  # × closeness of the title (or 0.8 × an alias) to the subject words typed
INTENT_TITLE = 2.0  # a Q&A whose title asks what the question asks
INTENT_SECTION = 1.0  # an entry with a section that answers it
ALIAS_CLOSENESS = 0.8
# Question suggestions: closeness at least this, plus this when the name asks what the question asks,
# and a little for a title (the entry itself) over an alias or a heading.
SUGGEST_MIN = 0.3
SUGGEST_INTENT = 0.15
SUGGEST_TITLE = 0.05
SUGGEST_KIND = {"alias": ALIAS_CLOSENESS, "tag": 0.5}  # an alias says less than the title, a tag less still
SUGGEST_PROBE = 200  # names looked at per subject word
SUGGEST_SECTIONS = 2  # the best this many entries are followed by their section that answers

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
    explain: tuple[tuple[str, float], ...] = ()  # why it ranks here: (what matched where, its score)


@dataclass(frozen=True)
class Results:
    query: str  # what was typed (cleaned: control characters removed, at most 100 characters)
    effective_query: str  # what was searched: the query, or its homophone correction
    corrected_from: str | None  # the typed query when a correction was used ("显示 X 的结果")
    hits: list[Hit]
    total: int  # entries matching (for quoted text an upper bound: contiguity is checked for hits shown)
    nearest_titles: list[tuple[str, str]] = field(default_factory=list)  # (id, title) when no hits
    hint: str | None = None  # one of the HINT_* codes, or None
    not_found: tuple[str, ...] = ()  # typed words (folded) that no hit contains: "没有找到：多久"


@dataclass
class _Outcome:
    hits: list[Hit]
    total: int
    not_found: tuple[str, ...]
    unknown: int  # subject words found in no entry at all (a homophone correction may find them)


class SearchService:
    """Search over one library through one open index.

    Thread-safety: ``search`` may run on a worker thread; calls are serialised by a lock, because a
    Whoosh searcher is not safe for concurrent use (so one worker at a time per service is the model).
    ``suggest`` only reads the catalogue (SQLite, serialised by itself) and may be called from any thread.
    """

    def __init__(self, library: Library, index: OpenIndex, lexicon: Lexicon | None = None) -> None:
        self.library = library
        self.index = index
        self.lexicon = lexicon or Lexicon.from_library(library)
        self.damaged = False  # set when the index failed mid-search: the caller should rebuild it
        self._lock = threading.Lock()
        self._lazy_lock = threading.Lock()
        self._engine = Engine(index.searcher, index.catalogue.field_lengths())
        # What was worked out for the entries searches met, bounded (see _Memo): never a copy of the
        # whole library, however long a kiosk runs.
        self._names: _Memo[str, tuple[str, str]] = _Memo()  # entry id -> folded title, aliases and tags
        self._names_memo: _Memo[str, _Names] = _Memo()
        self._grams_memo: _Memo[str, frozenset[str]] = _Memo()
        self._headings_memo: _Memo[str, list[tuple[str, str]]] = _Memo()
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

    @classmethod
    def open_known(
        cls, library: Library, user_index_dir: Path, content_hash: str, *, prebuilt_dirs: Sequence[Path] | None = None
    ) -> SearchService | None:
        """Open the first index (prebuilt, then the user's) built from content with this hash, without
        reading or statting the library's files (what ``open`` does to know its hash); None when none is.

        For a start from the content snapshot, with the hash ``open`` worked out for that same snapshot
        (``known_hash``): the caller still checks the files, and calls ``open`` when they changed."""
        folders = [*(prebuilt_index_dirs() if prebuilt_dirs is None else prebuilt_dirs), user_index_dir]
        for folder in folders:
            try:
                index = open_index(Path(folder), library, content_hash)
            except IndexUnusable:
                continue
            return cls(library, index)
        return None

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

    def prepare_corrections(self) -> None:
        """Build the homophone table now (importing pypinyin: a fifth of a second or more, and a second
        at 10,000 entries); until then suggestions offer no corrections, and the first search that
        needs one builds it.  Call it on the worker thread once search is usable."""
        try:
            self._get_homophones()
        except sqlite3.Error:
            log.exception("cannot read the names for corrections; the index needs rebuilding")
            self.damaged = True

    def _get_suggester(self) -> Suggester:
        if self._suggester is None:
            with self._lazy_lock:
                if self._suggester is None:
                    self._suggester = Suggester(self.index.catalogue, _Titles(self.library))
        return self._suggester

    def suggest(self, text: str, limit: int = 8) -> list[Suggestion]:
        """Titles, aliases and tags, and headings matching ``text`` by leading characters, pinyin or
        initials, then by characters anywhere, titles first; then, for a homophone slip, the same for
        its correction (肌肉委缩 → 肌肉萎缩); then, for a question, the names and sections it is about
        (面瘫多久能好 → 面神经麻痹（面瘫） › 恢复前景).  At most ``limit``.  Never raises: a catalogue that
        fails to read gives no suggestions and sets ``damaged``."""
        try:
            return self._suggest(text, limit)
        except sqlite3.Error:
            log.exception("suggestions failed for %r; the index needs rebuilding", text)
            self.damaged = True
            return []

    def _suggest(self, text: str, limit: int) -> list[Suggestion]:
        typed = clean_input(text, MAX_QUERY_CHARS)
        suggester = self._get_suggester()
        out = suggester.suggest(typed, limit)
        if len(out) >= limit or not has_cjk(typed):
            return out
        seen = {suggester.place(s) for s in out}

        def add(found: Sequence[Suggestion]) -> None:
            for s in found:
                if len(out) < limit and suggester.place(s) not in seen:
                    seen.add(suggester.place(s))
                    out.append(s)

        pieces = analyse(typed, self.lexicon)
        about, corrected = typed, ""
        if self._homophones is not None:  # built by prepare_corrections(); a keystroke never waits for it
            fixed = self._correction(typed, pieces)
            if fixed is not None:
                about, corrected = fixed, fixed
                add(suggester.suggest(fixed, limit, corrected=fixed))
                pieces = analyse(fixed, self.lexicon)
        squashed = "".join(fold(typed).split())
        if len(out) < limit and (any(not p.content for p in pieces) or len(squashed) > MAX_RUN_AS_WORD):
            add(self._about(suggester, about, pieces, corrected, limit))
        return out

    def _about(
        self, suggester: Suggester, text: str, pieces: Sequence[Piece], corrected: str, limit: int
    ) -> list[Suggestion]:
        """Names and headings a question is about, closest first: the records holding one of its
        subject words, by closeness to them and by asking what it asks; after an entry's name, its
        section that answers the question."""
        content = [p for p in pieces if p.content]
        if not content:
            return []
        intents = set(questions.intents_of(fold(text)))
        grams = _weighted_grams(pieces, self.lexicon, {p.text: PIECE_WEIGHTS[p.kind] for p in content})
        rids: set[int] = set()
        for p in content:
            found = {rid for alt in p.alternatives if len(alt) > 1 for rid in suggester.containing(alt, SUGGEST_PROBE)}
            if not found and len(p.text) > 2:
                # Nothing is called this (手没劲拿不住筷子): the names sharing its character pairs.
                pairs = {p.text[i : i + 2] for i in range(len(p.text) - 1)}
                found = {rid for pair in pairs for rid in suggester.containing(pair, SUGGEST_PROBE)}
            rids |= found
        # One place per entry name (shown by its title, whichever name matched) and per section.
        best: dict[tuple[str, str], tuple[float, int]] = {}
        for rid in rids:
            if not suggester.offered(rid):
                continue
            entry_id, kind, anchor, name = suggester.record(rid)
            folded = fold(name)
            score = _closeness(grams, self._suggest_grams(folded)) * SUGGEST_KIND.get(kind, 1.0)
            if (
                score
                and intents
                and intents.intersection(questions.intents_of(folded) + questions.heading_intents(folded))
            ):
                score += SUGGEST_INTENT
            if score < SUGGEST_MIN:
                continue
            if kind != "heading":
                title = suggester.title_of(entry_id)
                rid = rid if title is None else title
                anchor = ""
            place = (entry_id, anchor)
            if score > best.get(place, (0.0, 0))[0]:
                best[place] = (score, rid)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[1][1]))
        out: list[Suggestion] = []
        placed = set(best)
        for n, ((entry_id, anchor), (_, rid)) in enumerate(ranked[:limit]):
            out.append(suggester.make(rid, corrected, question=True))
            if intents and not anchor and n < SUGGEST_SECTIONS:
                # Right after an entry, its section that answers the question (恢复前景 for 多久).
                for hid in suggester.headings_of(entry_id):
                    _, _, h_anchor, heading = suggester.record(hid)
                    if (entry_id, h_anchor) not in placed and intents.intersection(
                        questions.heading_intents(fold(heading))
                    ):
                        placed.add((entry_id, h_anchor))
                        out.append(suggester.make(hid, corrected, question=True))
                        break
        return out

    def _suggest_grams(self, folded: str) -> frozenset[str]:
        grams = self._grams_memo.get(folded)
        if grams is None:
            grams = self._grams_memo[folded] = self._grams(folded)
        return grams

    # --- full-text search --------------------------------------------------------------------------

    def _get_homophones(self) -> Homophones:
        if self._homophones is None:
            with self._lazy_lock:
                if self._homophones is None:
                    known: dict[str, list[str]] = {}
                    names: list[str] = []
                    for text, pinyin in self.index.catalogue.names():
                        word = fold(text)
                        names.append(word)
                        known[word] = pinyin.replace("|", " ").split()
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
        """Entries matching ``text``, best first, with the section that answers it and a snippet.

        Keywords find the entries that contain all of them; a question, or keywords never found
        together, the entries that contain any of its subject words (``Results.not_found`` says which
        typed words no hit contains).  ``exact=True`` needs every typed word, as typed (no homophone
        correction).  Never raises for any input: an empty or unsearchable query, or a failing index,
        gives empty results with a ``hint``.
        """
        typed = clean_input(text, MAX_QUERY_CHARS)
        started = time.perf_counter()
        try:
            with self._lock:
                self._engine.begin()
                parsed = parse_query(typed, self.lexicon, self._engine.known)
                if not parsed.units:
                    return Results(typed, typed, None, [], 0, hint=HINT_EMPTY_QUERY)
                out = self._paged(parsed, limit, type, category, exact)
                effective, corrected_from = typed, None
                if not exact and (out.total < FEW_HITS or out.unknown):
                    fixed = self._correction(typed, parsed.pieces)
                    if fixed is not None:
                        better = parse_query(fixed, self.lexicon, self._engine.known)
                        out2 = self._paged(better, limit, type, category, exact)
                        if out2.hits and (
                            out2.unknown < out.unknown or (out.total < FEW_HITS and out2.total > out.total)
                        ):
                            out, effective, corrected_from = out2, fixed, typed
        except Exception as exc:  # noqa: BLE001 - a damaged index must not take the window down
            # One line for the reader's terminal and the log; the traceback only with --verbose.
            log.error("search failed for %r (%r); the index needs rebuilding", typed, exc)
            log.debug("the search failure", exc_info=True)
            self.damaged = True
            return Results(typed, typed, None, [], 0, hint=HINT_UNAVAILABLE)
        log.debug("search %r: %d hits in %.1f ms", typed, out.total, (time.perf_counter() - started) * 1000)
        if out.hits:
            return Results(typed, effective, corrected_from, out.hits, out.total, not_found=out.not_found)
        return Results(typed, effective, None, [], 0, self.nearest_titles(typed), HINT_NO_MATCH)

    def _correction(self, typed: str, pieces: Sequence[Piece]) -> str | None:
        """The query with homophone slips corrected: pinyin typed as letters becomes the word it spells;
        in Han text, each stretch of subject words is corrected, question words left as typed."""
        homophones = self._get_homophones()
        folded = fold(typed)
        letters = "".join(folded.split())
        if letters.isascii():
            return homophones.correct(folded)
        spans: dict[int, list[Piece]] = {}
        for piece in pieces:
            if piece.content and not piece.phrase:
                spans.setdefault(piece.span, []).append(piece)
        changed = False
        out = folded
        for pieces in spans.values():
            stretch = "".join(p.text for p in pieces)
            fixed = homophones.correct(stretch)
            if fixed is not None and fixed != stretch and stretch in out:
                out = out.replace(stretch, fixed, 1)
                changed = True
        return out if changed else None

    def _weight(self, piece: Piece) -> float:
        weight = PIECE_WEIGHTS.get(piece.kind, 0.0)
        return weight * SINGLE_CHAR if len(piece.text) == 1 else weight

    def _paged(self, parsed: ParsedQuery, limit: int, type_: str | None, category: str | None, exact: bool) -> _Outcome:
        """``_run`` a page (STABLE_DEPTH hits) at a time: each further page is what a deeper search
        ranks next after the pages before it, so asking for more ('More results') never reorders or
        drops the hits of the pages already shown.  One search for the first page, as before."""
        out = self._run(parsed, min(limit, STABLE_DEPTH), type_, category, exact)
        depth = STABLE_DEPTH
        while len(out.hits) == depth < limit and out.total > depth:
            depth = min(depth + STABLE_DEPTH, limit)
            deeper = self._run(parsed, depth, type_, category, exact)
            shown = {h.entry_id for h in out.hits}
            extra = [h for h in deeper.hits if h.entry_id not in shown][: depth - len(out.hits)]
            out = _Outcome(out.hits + extra, deeper.total, deeper.not_found, deeper.unknown)
        return out

    def _run(self, parsed: ParsedQuery, limit: int, type_: str | None, category: str | None, exact: bool) -> _Outcome:
        engine = self._engine
        filters = [(field, value) for field, value in (("type", type_), ("category", category)) if value]
        allowed = engine.allowed(filters)
        limit = max(1, limit)
        typed = [engine.piece_docs(p, self._weight(p)) for p in parsed.pieces if p.kind != "particle"]
        unknown = sum(1 for pd in typed if pd.piece.content and not pd.docs)
        keyword = exact or not parsed.asks
        docs = engine.match(parsed, allowed) if keyword else set()
        best_match = not docs and not exact and parsed.sentence
        pieces = typed + self._back_off(typed) if best_match else typed
        if not best_match:
            unknown = 0  # every unit typed was found (or, exact, nothing was): nothing to correct
        if best_match:
            # Any of the subject words (one character only when nothing longer is found: 做 or 手 alone
            # is in most entries); only when none of them is in the library, any typed word.
            content = [pd for pd in pieces if pd.piece.content and pd.docs]
            longer = [pd for pd in content if len(pd.piece.text) > 1]
            for pd in longer or content or [pd for pd in pieces if pd.docs]:
                docs |= pd.docs
            if allowed is not None:
                docs &= allowed
        if not docs:
            return _Outcome([], 0, (), unknown)
        not_found = tuple(dict.fromkeys(pd.piece.text for pd in typed if pd.docs.isdisjoint(docs)))

        scorer = Scorer(engine, pieces, self._headings_of_doc)
        depth = max(limit, STABLE_DEPTH)
        chosen = scorer.choose(docs, depth * EXACT_FACTOR)
        scorer.prepare(chosen)
        first = heapq.nlargest(depth * RERANK_FACTOR, ((scorer.score(d)[0], -d) for d in chosen))
        content_grams = self._query_grams(parsed, pieces)
        ranked: list[tuple[float, int, Entry, list[tuple[str, float]]]] = []
        for bm25, neg_doc in first:
            entry = self.library.find(self.index.catalogue.entry_id(-neg_doc))
            if entry is None:
                continue
            extra = self._name_features(entry, parsed, content_grams)
            ranked.append((bm25 + sum(v for _, v in extra), neg_doc, entry, extra))
        ranked.sort(key=lambda t: (t[0], t[1]), reverse=True)

        phrases = [u.alternatives[0] for u in parsed.units if u.phrase]
        terms = parsed.terms if not best_match and not parsed.asks else self._highlights(parsed, pieces)
        hits: list[Hit] = []
        for score, neg_doc, entry, extra in ranked:
            sections = self.index.catalogue.sections(-neg_doc)
            if phrases:
                # Quoted text was matched as character pairs; keep only entries where it is contiguous.
                names = self._folded_names(entry)
                fields = (names[0], names[1], fold(entry.summary), *(folded for *_, folded in sections))
                if not all(any(p in f for f in fields) for p in phrases):
                    continue
            parts = scorer.score(-neg_doc, explain=True)[1]
            explain = [(f"{_explained_word(p.word, p.via)}：{p.fields}", p.score) for p in parts] + extra
            about = any(t in self._folded_names(entry)[0] for t in parsed.content_terms)
            hits.append(self._hit(entry, sections, score, terms, parsed.intents, about, explain))
            if len(hits) >= limit:
                break
        return _Outcome(hits, len(docs), not_found, unknown)

    @staticmethod
    def _highlights(parsed: ParsedQuery, pieces: Sequence[PieceDocs]) -> tuple[str, ...]:
        """What to mark in a question's hits: its subject words, their synonyms and the words found
        inside them, longest first; single characters only when nothing longer was typed."""
        words = dict.fromkeys(a for pd in pieces if pd.piece.content and pd.docs for a in pd.piece.alternatives if a)
        longer = [w for w in words if len(w) > 1]
        return tuple(sorted(longer or words, key=lambda t: (-len(t), t))) or parsed.terms

    def _back_off(self, typed: list[PieceDocs]) -> list[PieceDocs]:
        """Partial matches: the words inside a long everyday word (做手术 → 手术, 控制不住 → 控制), so
        an entry that has only those still counts; and for a subject word found nowhere, its character
        pairs (腰疼腿麻 → 腰疼, 腿麻), or for two characters (脸歪) each character in the entries' names
        (a character anywhere in the text would be found in nearly every entry, and slowly)."""
        out: list[PieceDocs] = []
        have = {pd.piece.text for pd in typed}

        def add(text: str, kind: str, span: int, fields: tuple[str, ...] = TEXT_FIELDS) -> None:
            if text not in have:
                have.add(text)
                piece = Piece(text, self.lexicon.synonyms_of(text) or (text,), kind, span)
                out.append(self._engine.piece_docs(piece, self._weight(piece), fields))

        for pd in typed:
            piece = pd.piece
            if not piece.content or piece.phrase or len(piece.text) < 2 or not is_cjk(piece.text[0]):
                continue
            if piece.kind != "medical" and len(piece.text) > 2:
                for word in self._inner_words(piece.text):
                    add(word, "medical" if self.lexicon.is_word(word) else "word", piece.span)
            if pd.docs:
                continue
            if len(piece.text) > 2:
                for i in range(len(piece.text) - 1):
                    add(piece.text[i : i + 2], "other", piece.span)
            else:
                for ch in piece.text:
                    if questions.word_kind(ch) is None:
                        add(ch, "other", piece.span, ("names",))
        return out

    def _inner_words(self, text: str) -> list[str]:
        """The library's words inside ``text`` (shorter than it), commonest first where they overlap
        (做手术 → 手术, not 做手: the commoner word is the likelier reading)."""
        found = []
        for length in range(len(text) - 1, 1, -1):
            for i in range(len(text) - length + 1):
                w = text[i : i + length]
                if self.lexicon.is_word(w) or self._engine.known(w):
                    found.append((self._engine.reader.doc_frequency("words", w), length, i, w))
        taken: list[tuple[int, int]] = []
        words: list[str] = []
        for _, length, i, w in sorted(found, reverse=True):
            if all(i + length <= a or b <= i for a, b in taken):
                taken.append((i, i + length))
                words.append(w)
        return words

    # --- what the entries are called --------------------------------------------------------------

    def _grams(self, text: str) -> frozenset[str]:
        """The character pairs of what ``text`` is about: question words and particles left out,
        synonyms replaced by the first word of their group (腰椎间盘突出症 and 腰突 say the same)."""
        return _span_grams(analyse(text, self.lexicon), self.lexicon)

    def _query_grams(self, parsed: ParsedQuery, pieces: Sequence[PieceDocs]) -> dict[str, float]:
        """The query's character pairs, weighted by how much their word counts (kind and rarity)."""
        weights = {pd.piece.text: pd.weight * pd.idf for pd in pieces}
        return _weighted_grams(parsed.pieces, self.lexicon, weights)

    def _entry_names(self, entry: Entry) -> _Names:
        names = self._names_memo.get(entry.id)
        if names is None:
            title = fold(entry.title)
            names = _Names(
                self._grams(title),
                tuple(self._grams(fold(a)) for a in entry.aliases if a.strip()),
                # A Q&A's title is a question; an article's title may name what it answers (营养, 康复训练).
                tuple(dict.fromkeys(questions.intents_of(title) + questions.heading_intents(title))),
            )
            self._names_memo[entry.id] = names
        return names

    def _name_features(self, entry: Entry, parsed: ParsedQuery, grams: dict[str, float]) -> list[tuple[str, float]]:
        """How well the entry's names say what was asked: the title's (or an alias's) closeness to the
        subject words, and whether its title or one of its sections asks the same kind of question
        (counted as far as the entry is about the subject: asking 怎么回事 about something else is no
        answer)."""
        names = self._entry_names(entry)
        out: list[tuple[str, float]] = []
        title = _closeness(grams, names.title)
        alias = max((_closeness(grams, a) for a in names.aliases), default=0.0) * ALIAS_CLOSENESS
        close = max(title, alias)
        if close > 0:
            out.append((f"{'标题' if title >= alias else '别名'}相近 {close:.2f}", TITLE_WEIGHT * close))
        about = min(1.0, 2 * close)
        if parsed.intents and about > 0:
            asked = set(parsed.intents)
            same = asked.intersection(names.intents)
            if same:
                kinds = "、".join(questions.label_of(i) for i in parsed.intents if i in same)
                out.append((f"问的是同一类问题（{kinds}）", INTENT_TITLE * about))
            else:
                for _, heading in self._headings(entry.id):
                    if asked.intersection(questions.heading_intents(heading)):
                        out.append((f"有回答它的小节：{heading}", INTENT_SECTION * about))
                        break
        return out

    def _headings(self, entry_id: str) -> list[tuple[str, str]]:
        """(anchor, folded heading) of each section of an entry, from the catalogue."""
        folded = self._headings_memo.get(entry_id)
        if folded is None:
            folded = self._headings_memo[entry_id] = self.index.catalogue.headings(entry_id)
        return folded

    def _headings_of_doc(self, doc: int) -> str:
        return "\n".join(h for _, h in self._headings(self.index.catalogue.entry_id(doc)))

    def _folded_names(self, entry: Entry) -> tuple[str, str]:
        names = self._names.get(entry.id)
        if names is None:
            names = (fold(entry.title), fold("\n".join((*entry.aliases, *entry.tags))))
            self._names[entry.id] = names
        return names

    def _hit(
        self,
        entry: Entry,
        sections: Sequence[tuple[str, str, str, str]],
        score: float,
        terms: tuple[str, ...],
        intents: tuple[str, ...] = (),
        about: bool = False,
        explain: Sequence[tuple[str, float]] = (),
    ) -> Hit:
        found = pick_from(sections, entry.summary, terms, intents, about)
        return Hit(
            entry_id=entry.id,
            title=entry.title,
            type=entry.type.value,
            category=entry.category,
            anchor=found.anchor,
            section_title=found.title,
            snippet_html=make_snippet(found.text, terms, folded=found.folded),
            score=round(score, 4),
            terms=terms,
            explain=tuple((what, round(value, 3)) for what, value in explain),
        )

    def nearest_titles(self, text: str, limit: int = NEAREST_TITLES) -> list[tuple[str, str]]:
        """Titles sharing the most characters and character pairs with ``text`` (for an empty result),
        from the catalogue's index of title characters and pairs."""
        q = "".join(run for _, run, _ in runs(fold(text)))
        chars = set(q)
        pairs = {q[i : i + 2] for i in range(len(q) - 1)}
        if not chars:
            return []
        out: list[tuple[str, str]] = []
        for doc in self.index.catalogue.nearest_titles(chars, pairs, limit):
            entry = self.library.find(self.index.catalogue.entry_id(doc))
            if entry is not None:
                out.append((entry.id, entry.title))
        return out


class _Memo(dict[_K, _V]):
    """A memo that forgets everything when it holds ``MEMO_ITEMS``: what a few searches reuse stays,
    and memory does not grow with the library (clearing is cheaper than keeping an LRU order)."""

    def __setitem__(self, key: _K, value: _V) -> None:
        if len(self) >= MEMO_ITEMS:
            self.clear()
        super().__setitem__(key, value)


class _Titles(Mapping[str, tuple[str, str]]):
    """The library seen as entry id -> (title, type), as suggestions need it: looked up, not copied."""

    def __init__(self, library: Library) -> None:
        self._entries = library.entries

    def __getitem__(self, entry_id: str) -> tuple[str, str]:
        entry = self._entries[entry_id]
        return entry.title, entry.type.value

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


@dataclass(frozen=True)
class _Names:
    title: frozenset[str]  # character pairs of what the title is about (see SearchService._grams)
    aliases: tuple[frozenset[str], ...]
    intents: tuple[str, ...]  # what a Q&A's title asks


def _explained_word(word: str, via: Sequence[str]) -> str:
    """The typed word, and the synonyms that matched for it, for an editor tuning synonyms.txt.

    >>> _explained_word("脸歪", ("嘴歪", "嘴角歪")), _explained_word("面瘫", ())
    ('脸歪（同义词：嘴歪、嘴角歪）', '面瘫')
    """
    return f"{word}（同义词：{'、'.join(via)}）" if via else word


def _span_grams(pieces: Sequence[Piece], lexicon: Lexicon) -> frozenset[str]:
    """Character pairs within each stretch of subject words, synonyms as their group's first word."""
    return frozenset(_weighted_grams(pieces, lexicon, {}))


def _weighted_grams(pieces: Sequence[Piece], lexicon: Lexicon, weights: dict[str, float]) -> dict[str, float]:
    """The character pairs of each stretch of subject words (synonyms as their group's first word),
    each weighted by the word it comes from (``weights``: word -> weight, 1 when absent); a pair that
    straddles two words takes the lighter."""
    stretches: dict[int, list[tuple[str, float]]] = {}
    for piece in pieces:
        if piece.content:
            group = lexicon.synonyms_of(piece.text)
            stretches.setdefault(piece.span, []).append(
                (group[0] if group else piece.text, weights.get(piece.text, 1.0))
            )
    grams: dict[str, float] = {}

    def add(gram: str, weight: float) -> None:
        grams[gram] = max(weight, grams.get(gram, 0.0))

    for words in stretches.values():
        text = "".join(w for w, _ in words)
        owner = [weight for w, weight in words for _ in w]
        for _, run, start in runs(text):
            if len(run) < 2:
                add(run, owner[start])
            for i in range(start, start + len(run) - 1):
                add(text[i : i + 2], min(owner[i], owner[i + 1]))
    return grams


def _closeness(query: dict[str, float], name: frozenset[str]) -> float:
    """How much of what the query is about the name holds (weighted by the query's words), a little
    more when the name is little else (面瘫 is closer to 面瘫 than to 面瘫后遗症): 1.0 when the same."""
    total = sum(query.values())
    if not total or not name:
        return 0.0
    common = [g for g in query if g in name]
    if not common:
        return 0.0
    coverage = sum(query[g] for g in common) / total
    return coverage * (0.8 + 0.2 * len(common) / len(name))


KNOWN_HASH_FILE = "search-known-hash.json"


def known_hash(cache_dir: Path, snapshot_token: str) -> str | None:
    """The content hash ``remember_hash`` kept for this content snapshot, if it is the one kept."""
    try:
        data = read_json(cache_dir / KNOWN_HASH_FILE, max_bytes=4096, max_depth=2)
    except (OSError, ValueError):
        return None
    if not snapshot_token or not isinstance(data, dict) or data.get("snapshot") != snapshot_token:
        return None
    digest = data.get("content_hash")
    return digest if isinstance(digest, str) else None


def remember_hash(cache_dir: Path, snapshot_token: str, content_hash: str) -> None:
    """Keep the hash of the content an index was opened for, against the snapshot the library came from."""
    tmp = cache_dir / f"{KNOWN_HASH_FILE}.tmp"
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps({"snapshot": snapshot_token, "content_hash": content_hash}), encoding="utf-8")
        os.replace(tmp, cache_dir / KNOWN_HASH_FILE)
    except OSError as exc:
        log.info("cannot remember the content hash in %s: %s", cache_dir, exc)
