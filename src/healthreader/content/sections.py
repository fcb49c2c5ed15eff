"""An entry body's sections and their anchors, without rendering it.

The anchor rule lives here, below both ``render`` and ``search``, so that the viewer (which scrolls
to a section) and search (which says in which section a match was found) agree on every anchor
without importing each other.

>>> [(s.anchor, s.title) for s in split_sections("导语\\n## 面神经麻痹（面瘫）\\n正文\\n## 标题 {#my-anchor}\\n")]
[('', ''), ('面神经麻痹面瘫', '面神经麻痹（面瘫）'), ('my-anchor', '标题')]
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

from healthreader.content.limits import MAX_BODY_CHARS, body_problems

# An ATX heading the way Python-Markdown reads one: 1-6 '#' at the start of a line, optional closing '#'s.
_HEADING_RE = re.compile(r"^(#{1,6})(.*?)#*\s*$")
# attr_list's trailing "{#id}", "{: #id .class }" on a heading.
_ATTR_RE = re.compile(r"\s*\{:?([^}]*)\}\s*$")
_ATTR_ID_RE = re.compile(r"#([^\s}]+)")
_IDCOUNT_RE = re.compile(r"^(.*)_([0-9]+)$")
# Inline Markdown whose markers are not part of a heading's visible text.
_INLINE_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_INLINE_MARK_RE = re.compile(r"[*`]+|(?<!\w)_+|_+(?!\w)")


def slugify(text: str, separator: str = "-") -> str:
    """The anchor for a heading: its letters and digits, lower-cased, punctuation dropped.

    >>> slugify("1. 面神经麻痹（面瘫）")
    '1-面神经麻痹面瘫'
    >>> slugify("What to do?")
    'what-to-do'
    """
    text = unicodedata.normalize("NFKC", text).strip().lower()
    out: list[str] = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat[0] in "LN":
            out.append(ch)
        elif (ch.isspace() or ch in "-_.") and out and out[-1] != separator:
            out.append(separator)
    return "".join(out).strip(separator) or "section"


def unique_slug(slug: str, seen: dict[str, int]) -> str:
    """``slug``, or ``slug-2``, ``slug-3``... when a heading with the same text came before."""
    if slug not in seen:
        seen[slug] = 1
        return slug
    seen[slug] += 1
    return f"{slug}-{seen[slug]}"


def _toc_unique(anchor: str, used: set[str]) -> str:
    # Python-Markdown's toc extension appends _1, _2 when an id is already taken (by an explicit id).
    while anchor in used or not anchor:
        m = _IDCOUNT_RE.match(anchor)
        anchor = f"{m.group(1)}_{int(m.group(2)) + 1}" if m else f"{anchor}_1"
    used.add(anchor)
    return anchor


def heading_text(raw: str) -> str:
    """The visible text of a heading's Markdown: link text kept, emphasis and code markers dropped."""
    text = _INLINE_LINK_RE.sub(r"\1", raw)
    text = _INLINE_MARK_RE.sub("", text)
    return html.unescape(text).strip()


@dataclass(frozen=True)
class SectionText:
    """One ``##`` section of a body; the lead before the first heading has anchor and title ``""``."""

    anchor: str
    title: str
    text: str  # the section's Markdown, heading line excluded


def split_sections(body: str) -> list[SectionText]:
    """Split a body at its ``##`` headings, with the anchors ``render_markdown`` gives them.

    Every heading level takes part in the numbering of duplicates (as in the rendered page), but only
    ``##`` headings start a section.  The lead is returned even when empty, so index 0 is always the top.
    A body over ``content.limits`` is rendered as plain text, without sections: so it is here too
    (and no regular expression ever sees a 20,000-character heading).
    """
    if body_problems(body):
        return [SectionText("", "", body[:MAX_BODY_CHARS])]
    lines = body.splitlines()
    headings: list[tuple[int, int, str, str | None]] = []  # line index, level, text, explicit id
    used: set[str] = set()
    for i, line in enumerate(lines):
        m = _HEADING_RE.match(line)
        if not m or not m.group(2).strip():
            continue
        raw = m.group(2)
        explicit: str | None = None
        attr = _ATTR_RE.search(raw)
        if attr:
            found = _ATTR_ID_RE.search(attr.group(1))
            if found:
                explicit = found.group(1)
                used.add(explicit)
            raw = raw[: attr.start()]
        headings.append((i, len(m.group(1)), heading_text(raw), explicit))

    seen: dict[str, int] = {}
    sections: list[SectionText] = []
    start, anchor, title = 0, "", ""
    for i, level, text, explicit in headings:
        this_anchor = explicit if explicit is not None else _toc_unique(unique_slug(slugify(text), seen), used)
        if level != 2:
            continue
        sections.append(SectionText(anchor, title, "\n".join(lines[start:i])))
        start, anchor, title = i + 1, this_anchor, text
    sections.append(SectionText(anchor, title, "\n".join(lines[start:])))
    return sections
