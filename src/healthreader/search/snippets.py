"""Where in an entry the query matched, and a short excerpt with the matches marked.

Each entry's sections are split (with the anchors the viewer uses), reduced to plain text and folded
like the index once, when the index is built (``section_texts``; stored in the catalogue); a search
scans the stored folded text of the few hits it shows for the query's terms (``pick_from``).  The section with the most different terms (then the most matches) wins; when the
query is a question, a section whose heading answers it (``questions.heading_intents``) comes
first, if it holds one of the terms or the entry as a whole is about them.

>>> pick_section("导语\\n## 病因\\n面瘫常见于受凉。\\n", "", ("面瘫",)).anchor
'病因'
>>> pick_section("导语\\n## 病因\\n面瘫常见于受凉。\\n## 恢复前景\\n多数人能完全恢复。\\n", "", ("面瘫",), ("recovery",), True).anchor
'恢复前景'
>>> make_snippet("病毒<感染>可引起面瘫", ("面瘫",))
'病毒&lt;感染&gt;可引起<b class="match">面瘫</b>'
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from healthreader.content.sections import split_sections
from healthreader.search.questions import heading_intents
from healthreader.search.text import fold, plain_text

SNIPPET_CHARS = 90
LEAD_CHARS = 20  # context shown before the first match
MARK_OPEN = '<b class="match">'
MARK_CLOSE = "</b>"


@dataclass(frozen=True)
class Found:
    anchor: str
    title: str
    text: str  # plain text of the section (or the summary), for the snippet
    folded: str | None = None  # the same folded, when known


def _flat(markdown: str) -> str:
    return " ".join(plain_text(markdown).split())


def _count(folded: str, terms: Sequence[str]) -> tuple[int, int]:
    counts = [folded.count(t) for t in terms if t]
    return sum(1 for c in counts if c), sum(counts)


Section = tuple[str, str, str, str]  # anchor, title, plain text (heading first), folded plain text


def section_texts(body: str) -> list[Section]:
    """The sections of a body as stored in the catalogue: anchor, title, plain text and folded text."""
    sections = split_sections(body)
    texts = [_flat(f"{section.title}\n{section.text}") for section in sections]
    # One fold for the whole body (each call has a fixed cost); NUL survives NFKC and OpenCC.
    folded = fold("\0".join(texts)).split("\0")
    if len(folded) != len(texts):
        folded = [fold(t) for t in texts]
    return [(s.anchor, s.title, t, f) for s, t, f in zip(sections, texts, folded, strict=True)]


def pick_section(
    body: str, summary: str, terms: Sequence[str], intents: Sequence[str] = (), about: bool = False
) -> Found:
    """``pick_from`` the sections of ``body``."""
    return pick_from(section_texts(body), summary, terms, intents, about)


def pick_from(
    sections: Sequence[Section], summary: str, terms: Sequence[str], intents: Sequence[str] = (), about: bool = False
) -> Found:
    """The section that matches best; the summary (anchor ``""``) when only the title or names did.

    ``intents``: what the question asks (``questions.INTENTS``); ``about``: the entry's names hold the
    query's subject, so its answering section is the answer even where the subject is not repeated."""
    best: Found | None = None
    best_score = (0, 0, 0)
    for anchor, title, text, folded_text in sections:
        distinct, matches = _count(folded_text, terms)
        heading = folded_text[: len(title)] if title and intents else ""
        answering = bool(heading and set(intents).intersection(heading_intents(heading)) and (about or distinct))
        score = (int(answering), distinct, matches)
        if score > best_score:
            best, best_score = Found(anchor, title, text, folded_text), score
    return best or Found("", "", _flat(summary))


def _spans(folded: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for term in terms:
        if not term:
            continue
        i = folded.find(term)
        while i >= 0:
            spans.append((i, i + len(term)))
            i = folded.find(term, i + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def make_snippet(text: str, terms: Sequence[str], width: int = SNIPPET_CHARS, folded: str | None = None) -> str:
    """About ``width`` characters of ``text`` around its first match, HTML-escaped, matches in
    ``<b class="match">``; ``folded``: ``text`` folded, when already known."""
    folded = fold(text) if folded is None else folded
    if len(folded) != len(text):
        # Folding changed the length (rare NFKC cases): show the folded text so offsets stay right.
        text = folded
    spans = _spans(folded, terms)
    start = max(0, spans[0][0] - LEAD_CHARS) if spans else 0
    if start and len(text) - start < width:
        start = max(0, len(text) - width)
    end = min(len(text), start + width)
    out = ["…" if start else ""]
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(html.escape(text[pos:s], quote=False))
        out.append(MARK_OPEN + html.escape(text[s:e], quote=False) + MARK_CLOSE)
        pos = e
    out.append(html.escape(text[pos:end], quote=False))
    out.append("…" if end < len(text) else "")
    return "".join(out)
