"""Suggestions while typing: titles, aliases and tags, and section headings, matched by their leading
characters, full pinyin or pinyin initials, or by characters anywhere inside.

Kept in memory and apart from the full-text index, so one to three characters answer in well under a
millisecond: prefixes are a binary search in sorted key lists (one list per kind, titles first), and
characters inside a name go through a small character and character-pair index.
Built once (the character index on first need), then read-only: safe to call from any thread.

>>> s = Suggester(build_tables([SuggestRecord("a", "title", "", "肌肉萎缩", "ji rou|wei suo")]), {"a": ("肌肉萎缩", "article")})
>>> [x.label for x in s.suggest("jrws")], [x.label for x in s.suggest("weisuo")], [x.label for x in s.suggest("萎")]
(['肌肉萎缩'], ['肌肉萎缩'], ['肌肉萎缩'])
"""

from __future__ import annotations

import re
import threading
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from healthreader.search.schema import SuggestRecord
from healthreader.search.text import fold

KINDS = ("title", "alias", "tag", "heading")  # in the order they are offered
_SCAN_CAP = 400  # keys looked at per kind for a short prefix such as one letter
_ASCII_WORD_RE = re.compile(r"^[a-z]+$")


@dataclass(frozen=True)
class Suggestion:
    entry_id: str
    title: str
    type: str  # 'article' | 'qa'
    anchor: str  # '' = the top of the entry
    label: str  # what to show: the title, "title › heading", or the alias matched
    kind: str  # 'title' | 'alias' (an alias or a tag) | 'heading'
    corrected: str = ""  # the homophone correction it was found for (肌肉萎缩 for 肌肉委缩), or ''
    question: bool = False  # found for what a question is about, not by its leading characters


def _squash(text: str) -> str:
    return "".join(fold(text).split())


def _pinyin_keys(pinyin: str, word_starts: bool) -> Iterator[tuple[str, int]]:
    """(key, word number): full pinyin and initials from the whole name and, for names, from each
    later word on (so jrws finds 面部肌肉萎缩)."""
    words = [w.split() for w in pinyin.split("|") if w]
    full = ["".join(w) for w in words]
    initials = ["".join(s[0] for s in w if s) for w in words]
    for start in range(len(words) if word_starts else min(1, len(words))):
        yield "".join(full[start:]), start
        yield "".join(initials[start:]), start


def build_tables(records: list[SuggestRecord]) -> dict[str, Any]:
    """The sorted key lists, computed once when the index is built and stored in ``suggest.json``
    (computing them at start-up took 1.7 s at 10,000 entries).  Plain lists, for JSON."""
    order = {kind: i for i, kind in enumerate(KINDS)}
    ordered = sorted((r for r in records if r.kind in order), key=lambda r: order[r.kind])
    texts = [_squash(r.text) for r in ordered]
    # Per kind: (key, record number, word the key starts at), sorted, split into lists for bisect.
    keyed: list[list[tuple[str, int, int]]] = [[] for _ in KINDS]
    for rid, rec in enumerate(ordered):
        bucket = keyed[order[rec.kind]]
        if texts[rid]:
            bucket.append((texts[rid], rid, 0))
        bucket.extend((k, rid, w) for k, w in _pinyin_keys(rec.pinyin, rec.kind != "heading") if k)
    for bucket in keyed:
        bucket.sort()
    return {
        "records": [[r.entry_id, r.kind, r.anchor, r.text, r.pinyin] for r in ordered],
        "texts": texts,
        "keys": [[k for k, _, _ in bucket] for bucket in keyed],
        "rids": [[r for _, r, _ in bucket] for bucket in keyed],
        "starts": [[w for _, _, w in bucket] for bucket in keyed],
    }


def records_of(tables: dict[str, Any]) -> list[SuggestRecord]:
    return [SuggestRecord(*r) for r in tables["records"]]


class Suggester:
    def __init__(self, tables: dict[str, Any], entries: Mapping[str, tuple[str, str]]) -> None:
        """``tables`` from ``build_tables``; ``entries`` maps entry id to (title, type), and records of
        entries not in it are never offered."""
        # Kept as loaded ([entry id, kind, anchor, text, pinyin]): 73,000 objects cost 0.14 s to make.
        self._records: list[list[str]] = tables["records"]
        self._entries = entries
        self._texts: list[str] = tables["texts"]
        self._keys: list[list[str]] = tables["keys"]
        self._rids: list[list[int]] = tables["rids"]
        self._starts: list[list[int]] = tables["starts"]
        self._grams_built: dict[str, array[int]] | None = None
        self._by_entry_built: tuple[dict[str, int], dict[str, list[int]]] | None = None
        self._lock = threading.Lock()

    @property
    def _grams(self) -> dict[str, array[int]]:
        """Characters and character pairs -> record numbers, ascending (so titles come first).
        Built on the first search inside names (0.4 s at 10,000 entries): prefixes need none."""
        if self._grams_built is None:
            with self._lock:
                if self._grams_built is None:
                    grams: dict[str, array[int]] = {}
                    for rid, text in enumerate(self._texts):
                        for g in set(text) | {text[i : i + 2] for i in range(len(text) - 1)}:
                            grams.setdefault(g, array("I")).append(rid)
                    self._grams_built = grams
        return self._grams_built

    def prepare(self) -> None:
        """Build everything now (the caller's worker thread), so no keystroke waits for it."""
        self._grams  # noqa: B018 - built on access
        self._by_entry()

    def __len__(self) -> int:
        return len(self._records)

    def _prefix(self, kind_no: int, q: str) -> Iterator[tuple[int, int]]:
        """(record, word the match starts at) for keys starting with ``q``, in key order, capped."""
        keys, rids, starts = self._keys[kind_no], self._rids[kind_no], self._starts[kind_no]
        i = bisect_left(keys, q)
        end = min(len(keys), i + _SCAN_CAP)
        while i < end and keys[i].startswith(q):
            yield rids[i], starts[i]
            i += 1

    def _exactly(self, q: str) -> Iterator[int]:
        """Records whose text is ``q``, in kind order (a bisect per kind: no prefix scan)."""
        for kind_no in range(len(KINDS)):
            keys, rids, starts = self._keys[kind_no], self._rids[kind_no], self._starts[kind_no]
            i = bisect_left(keys, q)
            while i < len(keys) and keys[i] == q:
                if starts[i] == 0 and self._texts[rids[i]] == q:
                    yield rids[i]
                i += 1

    def _inside(self, q: str) -> Iterator[int]:
        """Records whose text contains ``q`` anywhere, titles first."""
        grams = [q] if len(q) == 1 else [q[i : i + 2] for i in range(len(q) - 1)]
        postings = [self._grams.get(g) for g in grams]
        if any(p is None for p in postings):
            return
        rarest = min(postings, key=len)  # type: ignore[arg-type]
        for rid in rarest:  # type: ignore[union-attr]
            if q in self._texts[rid]:
                yield rid

    def make(self, rid: int, corrected: str = "", question: bool = False) -> Suggestion:
        entry_id, kind, anchor, text, _ = self._records[rid]
        title, type_ = self._entries[entry_id]
        label = f"{title} › {text}" if kind == "heading" else text
        return Suggestion(
            entry_id, title, type_, anchor, label, "alias" if kind == "tag" else kind, corrected, question
        )

    # --- for question suggestions (service.SearchService.suggest) -----------------------------

    def record(self, rid: int) -> tuple[str, str, str, str]:
        """(entry id, kind, anchor, text) of a record."""
        entry_id, kind, anchor, text, _ = self._records[rid]
        return entry_id, kind, anchor, text

    def offered(self, rid: int) -> bool:
        return self._records[rid][0] in self._entries

    def containing(self, text: str, cap: int) -> list[int]:
        """At most ``cap`` records whose text contains ``text`` (folded, no spaces), titles first."""
        out: list[int] = []
        for rid in self._inside(_squash(text)):
            out.append(rid)
            if len(out) >= cap:
                break
        return out

    def _by_entry(self) -> tuple[dict[str, int], dict[str, list[int]]]:
        """Each entry's title record, and its heading records (built once)."""
        if self._by_entry_built is None:
            with self._lock:
                if self._by_entry_built is None:
                    titles: dict[str, int] = {}
                    headings: dict[str, list[int]] = {}
                    for rid, rec in enumerate(self._records):
                        if rec[1] == "title":
                            titles.setdefault(rec[0], rid)
                        elif rec[1] == "heading":
                            headings.setdefault(rec[0], []).append(rid)
                    self._by_entry_built = (titles, headings)
        return self._by_entry_built

    def title_of(self, entry_id: str) -> int | None:
        """The title record of an entry."""
        return self._by_entry()[0].get(entry_id)

    def headings_of(self, entry_id: str) -> list[int]:
        """The heading records of an entry."""
        return self._by_entry()[1].get(entry_id, [])

    @staticmethod
    def place(s: Suggestion) -> tuple[str, str]:
        return (s.entry_id, s.anchor)

    def suggest(self, text: str, limit: int = 8, corrected: str = "") -> list[Suggestion]:
        """Names starting with ``text`` (characters, pinyin or initials), then names containing it:
        a name the same as ``text`` first, then titles, aliases and tags, headings."""
        q = _squash(text)[:64]
        if not q or limit <= 0:
            return []
        out: list[Suggestion] = []
        seen: set[tuple[str, str]] = set()  # (entry, anchor): one suggestion per place, and one per label

        def take(rids: Iterable[int]) -> bool:
            for rid in rids:
                entry_id, kind, anchor = self._records[rid][:3]
                if entry_id not in self._entries:
                    continue
                key = (entry_id, anchor)
                label = ("", self._texts[rid]) if kind in ("alias", "tag") else key
                if key not in seen and label not in seen:
                    seen.update((key, label))
                    out.append(self.make(rid, corrected))
                    if len(out) >= limit:
                        return True
            return False

        # The entry called exactly what was typed (an alias 面瘫) before longer titles that start so.
        if take(self._exactly(q)):
            return out
        for kind_no in range(len(KINDS)):
            # Within a kind, shortest names first: typing 肌 should offer 肌电图 before a long question.
            # Matches at the start of a name before matches at a later word.
            found = sorted(self._prefix(kind_no, q), key=lambda m: (m[1] > 0, len(self._texts[m[0]]), m[0]))
            if take(rid for rid, _ in found):
                return out
        if not _ASCII_WORD_RE.match(q) or len(q) <= 3:
            take(self._inside(q))
        return out
