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

Bounded by construction: a body over any of ``content.limits`` never reaches Python-Markdown (whose
recursion and bracket scanning a hostile file can turn into a crash or a minute's work); it is shown
as plain paragraphs instead, in time linear in its length, and ``Rendered.limits`` says why.  Control
characters and bidirectional overrides are removed first.

A claim may cite the entry's sources by number, ``[1]`` or ``[1, 3]``: with ``sources=`` the number
of sources, each becomes a superscript that points to the numbered list of sources under the article.

>>> render_markdown("多数人可以完全恢复[1]。\\n", sources=1).html
'<p>多数人可以完全恢复<sup class="citation">[1]</sup>。</p>'
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

from healthreader.content.limits import MAX_BODY_CHARS, body_problems, remove_controls
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
# "[1]", "[1, 3]", "[1，2]": numbers of the entry's sources.
CITATION_RE = re.compile(r"\[(\d{1,2}(?:\s*[,，、]\s*\d{1,2})*)\]")
_TAG_RE = re.compile(r"(<[^>]*>)")
_NO_CITATIONS_IN = ("a", "code", "pre")


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
    limits: tuple[str, ...] = ()  # the limits the body exceeds: then it is shown as plain text

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


def citation_numbers(text: str) -> list[int]:
    """The source numbers a citation such as ``[1, 3]`` names.

    >>> citation_numbers("[1，3]")
    [1, 3]
    """
    return [int(n) for n in re.findall(r"\d+", text)]


def citations(body: str) -> list[tuple[int, int]]:
    """(1-based line, source number) of every citation in ``body``, outside code, for ``content check``."""
    found: list[tuple[int, int]] = []
    for n, line in enumerate(body.splitlines(), 1):
        line = re.sub(r"`[^`]*`", "", line)
        for m in CITATION_RE.finditer(line):
            if line[m.end() : m.end() + 1] == "(":  # "[1](entry:x)" is a link, not a citation
                continue
            found.extend((n, k) for k in citation_numbers(m.group(1)))
    return found


def _mark_citations(html_text: str, sources: int) -> str:
    """Raise ``[n]`` in the text (not in links or code) to a superscript, when source ``n`` exists.

    Not a link: the viewer treats every anchor in a page as a section, and the numbered list of
    sources under the article is a glance away.
    """
    if sources <= 0 or "[" not in html_text:
        return html_text
    inside: list[str] = []
    out = []
    for part in _TAG_RE.split(html_text):
        if part.startswith("<"):
            name = part.strip("</>").split(" ", 1)[0].lower()
            if name in _NO_CITATIONS_IN:
                if part.startswith("</"):
                    if inside and inside[-1] == name:
                        inside.pop()
                elif not part.endswith("/>"):
                    inside.append(name)
            out.append(part)
        elif inside:
            out.append(part)
        else:

            def mark(m: re.Match[str]) -> str:
                numbers = citation_numbers(m.group(1))
                if not all(1 <= k <= sources for k in numbers):
                    return m.group(0)
                return f'<sup class="citation">[{", ".join(map(str, numbers))}]</sup>'

            out.append(CITATION_RE.sub(mark, part))
    return "".join(out)


def plain_paragraphs(body: str) -> str:
    """The body as escaped paragraphs, no Markdown: what a body over the limits is shown as."""
    paragraphs = [p.strip() for p in body[:MAX_BODY_CHARS].split("\n\n")]
    text = "".join(f"<p>{html.escape(p).replace(chr(10), '<br/>')}</p>" for p in paragraphs if p)
    return '<p class="plain-text-notice"></p>' + text  # the page fills in why (render.page.PLAIN_TEXT_MARK)


_LIST_TAG_RE = re.compile(r"<(/?)(ol|ul|li)\b([^>]*)>(\s*<p\b[^>]*>)?")


def _mark_list_items(html_text: str) -> str:
    """Each list item's number or bullet as text at its start, and the list drawn without markers.

    Qt draws list markers beside the text, not in it, so a screen reader (and a copy) lost them:
    "1. 对着镜子坐好" was read "对着镜子坐好".  Numbers follow ``start`` and restart in each list.
    """
    counters: list[list[int] | None] = []  # per open list: [next number] for <ol>, None for <ul>

    def mark(m: re.Match[str]) -> str:
        closing, tag, attrs, para = m[1], m[2], m[3], m[4] or ""
        if tag != "li":
            if closing:
                if counters:
                    counters.pop()
                return m[0]
            start = re.search(r'start="(\d+)"', attrs) if tag == "ol" else None
            counters.append([int(start[1]) if start else 1] if tag == "ol" else None)
            return f'<{tag}{attrs} style="list-style-type: none">{para}'
        if closing or not counters:
            return m[0]
        counter = counters[-1]
        if counter is None:
            return f"{m[0]}• "
        counter[0] += 1
        return f"{m[0]}{counter[0] - 1}. "

    return _LIST_TAG_RE.sub(mark, html_text)


def render_markdown(body: str, sources: int = 0) -> Rendered:
    """Markdown in; sanitised HTML, sections (``##``), links and raw-HTML lines out.

    ``sources`` is how many sources the entry lists, so that ``[n]`` citations can link to them.
    """
    body = remove_controls(body)
    over = body_problems(body)
    if over:
        return Rendered(plain_paragraphs(body), (), (), (), tuple(p.message for p in over))
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
    clean = _mark_citations(clean, sources)
    clean = _mark_list_items(clean)

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
