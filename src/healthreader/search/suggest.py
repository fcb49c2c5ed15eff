"""Suggestions while typing: titles, aliases and tags, and section headings, matched by their leading
characters, full pinyin or pinyin initials, or by characters anywhere inside.

Read from the index's catalogue (``catalogue.Catalogue``, SQLite) a few rows at a time, so one to three
characters answer in well under a millisecond and nothing is loaded at start: prefixes are a range in
the key B-tree (one per kind, titles first), and characters inside a name go through the character
and character-pair index.  Read-only: safe to call from any thread.

>>> from healthreader.search.catalogue import Catalogue
>>> s = Suggester(Catalogue.in_memory(["a"], [SuggestRecord("a", "title", "", "肌肉萎缩", "ji rou|wei suo")]), {"a": ("肌肉萎缩", "article")})
>>> [x.label for x in s.suggest("jrws")], [x.label for x in s.suggest("weisuo")], [x.label for x in s.suggest("萎")]
(['肌肉萎缩'], ['肌肉萎缩'], ['肌肉萎缩'])
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from healthreader.search.catalogue import KINDS, Catalogue, squash
from healthreader.search.schema import SuggestRecord

__all__ = ["KINDS", "Suggester", "Suggestion", "SuggestRecord"]

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


class Suggester:
    def __init__(self, catalogue: Catalogue, entries: Mapping[str, tuple[str, str]]) -> None:
        """``entries`` maps entry id to (title, type), and records of entries not in it are never
        offered."""
        self._cat = catalogue
        self._entries = entries

    def prepare(self) -> None:
        """Nothing to build: everything is read from the catalogue when asked for."""

    def __len__(self) -> int:
        return len(self._cat)

    def _prefix(self, kind_no: int, q: str) -> Iterator[int]:
        """Records with keys starting with ``q`` (capped): whole-name matches first, shorter first."""
        return self._cat.prefix(kind_no, q)

    def _exactly(self, q: str) -> list[int]:
        """Records whose text is ``q``, in kind order (one lookup: no prefix scan)."""
        return self._cat.exactly(q)

    def _inside(self, q: str) -> Iterator[int]:
        """Records whose text contains ``q`` anywhere, titles first."""
        return self._cat.containing(q)

    def make(self, rid: int, corrected: str = "", question: bool = False) -> Suggestion:
        entry_id, kind, anchor, text, _ = self._cat.record(rid)
        title, type_ = self._entries[entry_id]
        label = f"{title} › {text}" if kind == "heading" else text
        return Suggestion(
            entry_id, title, type_, anchor, label, "alias" if kind == "tag" else kind, corrected, question
        )

    # --- for question suggestions (service.SearchService.suggest) -----------------------------

    def record(self, rid: int) -> tuple[str, str, str, str]:
        """(entry id, kind, anchor, text) of a record."""
        entry_id, kind, anchor, text, _ = self._cat.record(rid)
        return entry_id, kind, anchor, text

    def offered(self, rid: int) -> bool:
        return self._cat.record(rid)[0] in self._entries

    def containing(self, text: str, cap: int) -> list[int]:
        """At most ``cap`` records whose text contains ``text`` (folded, no spaces), titles first."""
        out: list[int] = []
        for rid in self._inside(squash(text)):
            out.append(rid)
            if len(out) >= cap:
                break
        return out

    def title_of(self, entry_id: str) -> int | None:
        """The title record of an entry."""
        return self._cat.title_of(entry_id)

    def headings_of(self, entry_id: str) -> list[int]:
        """The heading records of an entry."""
        return self._cat.headings_of(entry_id)

    @staticmethod
    def place(s: Suggestion) -> tuple[str, str]:
        return (s.entry_id, s.anchor)

    def suggest(self, text: str, limit: int = 8, corrected: str = "") -> list[Suggestion]:
        """Names starting with ``text`` (characters, pinyin or initials), then names containing it:
        a name the same as ``text`` first, then titles, aliases and tags, headings."""
        q = squash(text)[:64]
        if not q or limit <= 0:
            return []
        out: list[Suggestion] = []
        seen: set[tuple[str, str]] = set()  # (entry, anchor): one suggestion per place, and one per label

        def take(rids: Iterable[int]) -> bool:
            for rid in rids:
                entry_id, kind, anchor, _, squashed = self._cat.record(rid)
                if entry_id not in self._entries:
                    continue
                key = (entry_id, anchor)
                label = ("", squashed) if kind in ("alias", "tag") else key
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
            if take(self._prefix(kind_no, q)):
                return out
        if not _ASCII_WORD_RE.match(q) or len(q) <= 3:
            take(self._inside(q))
        return out
