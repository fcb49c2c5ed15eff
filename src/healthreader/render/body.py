"""Render an entry's Markdown body.

>>> r = render_markdown("## 面神经麻痹（面瘫）\\n正文[见](entry:emg-guide)\\n")
>>> [(s.anchor, s.title) for s in r.sections]
[('面神经麻痹面瘫', '面神经麻痹（面瘫）')]
>>> r.links[0].target, r.links[0].line
('emg-guide', 2)

Every ``##`` heading is a section.  Its anchor is the heading's text without punctuation (stable while
the heading is), or an explicit ``{#anchor}`` written after the heading.  The HTML is cleaned with
nh3: only the tags QTextBrowser renders and our content uses survive; ``script``/``style`` and their
content, images, and links other than ``entry:``, ``http(s):`` and ``mailto:`` are removed.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

import markdown as md_lib
import nh3
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension

from healthreader.content.sections import slugify, unique_slug

ALLOWED_TAGS = {
    "a", "b", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "i", "li", "ol", "p",
    "pre", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRS = {
    "a": {"href", "title"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "td": {"align"},
    "th": {"align"},
    "ol": {"start"},
}
URL_SCHEMES = {"entry", "http", "https", "mailto"}

_RAW_HTML_RE = re.compile(r"<\s*/?\s*[A-Za-z][A-Za-z0-9-]*(\s[^>]*)?/?>|<!--")
_LINK_RE = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HEADING_ID_RE = re.compile(r'<(h[2-4]) id="([^"]*)">')


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str
    level: int = 2


@dataclass(frozen=True)
class LinkRef:
    href: str
    line: int  # 1-based line within the Markdown body

    @property
    def is_entry(self) -> bool:
        return self.href.startswith("entry:")

    @property
    def target(self) -> str:
        return unquote(self.href[len("entry:") :].split("#", 1)[0]) if self.is_entry else ""

    @property
    def anchor(self) -> str:
        return unquote(self.href.split("#", 1)[1]) if "#" in self.href else ""


@dataclass(frozen=True)
class Rendered:
    html: str
    sections: tuple[Section, ...]
    links: tuple[LinkRef, ...] = ()
    raw_html_lines: tuple[int, ...] = field(default=())

    def section(self, anchor: str) -> Section | None:
        return next((s for s in self.sections if s.anchor == anchor), None)


def _raw_html_lines(body: str) -> tuple[int, ...]:
    lines = []
    in_fence = False
    for n, line in enumerate(body.splitlines(), 1):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        stripped = re.sub(r"`[^`]*`", "", line)
        if _RAW_HTML_RE.search(stripped):
            lines.append(n)
    return tuple(lines)


def render_markdown(body: str) -> Rendered:
    """Markdown in; sanitised HTML, sections (``##``), links and raw-HTML lines out."""
    seen: dict[str, int] = {}

    def _slug(value: str, separator: str) -> str:
        return unique_slug(slugify(value, separator), seen)

    md = md_lib.Markdown(
        # Extension objects, not names: names make Markdown scan every installed package's entry
        # points, which costs about 45 ms on the first render.
        extensions=[
            AttrListExtension(),
            SaneListExtension(),
            TableExtension(),
            TocExtension(slugify=_slug, toc_depth="2-4"),
        ],
        output_format="html",
    )
    raw = md.convert(body)
    clean = nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRS,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    # QTextBrowser scrolls to <a name>, so every heading id gets one.
    clean = _HEADING_ID_RE.sub(lambda m: f'<{m[1]} id="{m[2]}"><a name="{m[2]}"></a>', clean)

    sections: list[Section] = []

    def walk(tokens: list[dict[str, Any]]) -> None:
        for tok in tokens:
            if tok["level"] == 2:
                sections.append(Section(tok["id"], html.unescape(tok["name"]), 2))
            walk(tok.get("children", []))

    walk(getattr(md, "toc_tokens", []))
    links = []
    for n, line in enumerate(body.splitlines(), 1):
        for m in _LINK_RE.finditer(line):
            links.append(LinkRef(m.group(1), n))
    return Rendered(clean, tuple(sections), tuple(links), _raw_html_lines(body))
