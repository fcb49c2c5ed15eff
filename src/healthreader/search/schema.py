"""What goes into the index: the Whoosh schema, its tokenizer, and an entry's fields.

One Whoosh document per entry (not per section): results list entries, ranking by entry needs no
collapsing of section documents, and the index stays several times smaller (an article has about eight
sections).  The section a match was found in is worked out for the few hits shown, from the body on
disk (see ``snippets``).

Whoosh pickles the schema, with this tokenizer, into the index's TOC: ``BigramTokenizer`` must stay
importable at ``healthreader.search.schema`` and keep no state, or old indexes stop opening.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from whoosh.analysis import Token, Tokenizer
from whoosh.fields import ID, KEYWORD, TEXT, Schema

from healthreader.content import Entry
from healthreader.content.sections import split_sections
from healthreader.search.lexicon import Lexicon
from healthreader.search.text import fold, index_tokens, plain_text

# Bump when the schema, the tokens, the field contents or the posting format change: older indexes are
# then stale.  4: catalogue.sqlite (sections, suggestion keys) instead of suggest.json and docs.json;
# 5: postings in ArrayCodec's format, without positions.
SCHEMA_VERSION = 5

# Text fields searched for every query term.  Two, not one per kind of text: each field multiplies
# the term lookups of every query (a synonym group of eight words already makes dozens).
TEXT_FIELDS = ("names", "body")


class BigramTokenizer(Tokenizer):  # type: ignore[misc]
    """Whoosh tokenizer over already folded text: Han bigrams plus each run's last character, and
    other words whole (see ``text.index_tokens``)."""

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, (text, start) in enumerate(index_tokens(value), start_pos):
            t.text = text
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = text
            if positions:
                t.pos = pos
            if chars:
                t.startchar = start_char + start
                t.endchar = start_char + start + len(text)
            yield t


def make_schema() -> Schema:
    """The fields, each holding only what search reads from it.

    No positions anywhere (``phrase=False``): quoted text is matched as its character pairs and then
    checked to be contiguous in the few hits shown (``service``), so positions were written and decoded
    for nothing.  ``type`` and ``category`` are filters, matched through their postings, not stored;
    ``id`` is stored for the check that the documents are in the catalogue's order.  ``words`` is
    looked up (does the library use this word, in how many entries), never scored: no lengths.
    """
    bigrams = BigramTokenizer()
    return Schema(
        id=ID(stored=True, unique=True),
        type=ID(),
        category=ID(),
        # Title, aliases and tags: what the entry is called.
        names=TEXT(analyzer=bigrams, field_boost=4.0, phrase=False),
        body=TEXT(analyzer=bigrams, phrase=False),  # summary and body with its headings
        # Whole words (rjieba plus the library's dictionary), pre-cut and space-separated: matching one
        # lifts an entry above entries that only contain the characters.
        words=KEYWORD(lowercase=False, field_boost=2.0),
    )


@dataclass(frozen=True)
class SuggestRecord:
    """One thing a suggestion can point at: a title, an alias or tag, or a section heading."""

    entry_id: str
    kind: str  # 'title' | 'alias' | 'tag' | 'heading'
    anchor: str
    text: str  # the title, alias or heading as written
    pinyin: str  # pinyin by word, syllables joined by ' ', words by '|'


def entry_fields(entry: Entry, body: str) -> dict[str, str]:
    """The searchable text of an entry, folded, per field (the recall tests scan the same text)."""
    return {
        "names": fold("\n".join((entry.title, *entry.aliases, *entry.tags))),
        "body": fold(entry.summary + "\n" + plain_text(body)),
    }


def entry_document(entry: Entry, body: str, lexicon: Lexicon) -> dict[str, Any]:
    fields = entry_fields(entry, body)
    words = lexicon.index_words("\n".join(fields.values()))
    return {
        "id": entry.id,
        "type": entry.type.value,
        "category": entry.category,
        **fields,
        "words": " ".join(words),
    }


def _pinyin(lexicon: Lexicon, text: str) -> str:
    return "|".join(" ".join(word) for word in lexicon.pinyin_words(text))


def suggest_records(entry: Entry, body: str, lexicon: Lexicon) -> list[SuggestRecord]:
    records = [SuggestRecord(entry.id, "title", "", entry.title, _pinyin(lexicon, entry.title))]
    names = {name: "alias" for name in entry.aliases}
    names.update({name: "tag" for name in entry.tags if name not in names})
    for name, kind in names.items():
        if name.strip() and name != entry.title:
            records.append(SuggestRecord(entry.id, kind, "", name, _pinyin(lexicon, name)))
    for section in split_sections(body)[1:]:
        if section.title.strip():
            records.append(
                SuggestRecord(entry.id, "heading", section.anchor, section.title, _pinyin(lexicon, section.title))
            )
    return records
