"""Whole pages for the viewer: an entry, the home page, the "you are offline" page.

Labels come in from the caller (the UI translates them), so this module holds no UI strings.
Everything interpolated is escaped; the body HTML is already sanitised by ``render_markdown``.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from urllib.parse import quote

from healthreader.content import Entry, EntryType, Library


@dataclass(frozen=True)
class PageLabels:
    article: str = "Article"
    question: str = "Question"
    category: str = "Category"
    reviewed: str = "Reviewed"
    red_flags: str = "See a doctor at once if"
    sources: str = "Sources"
    disclaimer: str = "Disclaimer"
    about: str = "About this library"
    categories: str = "Topics"
    start_here: str = "Start here"
    recently_read: str = "Recently read"
    entries_count: str = "{n} entries"
    offline_title: str = "You are offline"
    offline_text: str = "HealthReader works without a network and does not open web pages. The address is:"
    back: str = "Back"
    not_found_title: str = "Entry not found"
    not_found_text: str = "The library has no entry with this id:"

    def kind(self, entry: Entry) -> str:
        return self.article if entry.type == EntryType.ARTICLE else self.question


def entry_href(entry_id: str, anchor: str = "") -> str:
    return "entry:" + quote(entry_id) + ("#" + quote(anchor) if anchor else "")


def _disclaimer(text: str, labels: PageLabels) -> str:
    if not text:
        return ""
    return (
        '<table class="disclaimer" width="100%" cellpadding="10" cellspacing="0"><tr><td>'
        f'<p class="disclaimer-title">{escape(labels.disclaimer)}</p>'
        f'<p class="disclaimer-text">{escape(text)}</p></td></tr></table>'
    )


def entry_page(entry: Entry, body_html: str, disclaimer: str, labels: PageLabels) -> str:
    meta = [f'<span class="kind">{escape(labels.kind(entry))}</span>']
    meta.append(f"{escape(labels.category)}：{escape(entry.category)}")
    if entry.reviewed:
        meta.append(f"{escape(labels.reviewed)}：{entry.reviewed.isoformat()}")
    parts = [
        f'<h1 class="title"><a name="top"></a>{escape(entry.title)}</h1>',
        f'<p class="meta">{" · ".join(meta)}</p>',
        f'<p class="summary">{escape(entry.summary)}</p>',
    ]
    if entry.red_flags:
        items = "".join(f"<li>{escape(x)}</li>" for x in entry.red_flags)
        parts.append(
            '<table class="redflags" width="100%" cellpadding="12" cellspacing="0"><tr><td>'
            f'<p class="redflags-title">⚠ {escape(labels.red_flags)}</p><ul>{items}</ul></td></tr></table>'
        )
    parts.append(f'<div class="body">{body_html}</div>')
    if entry.sources:
        items = "".join(f"<li>{escape(x)}</li>" for x in entry.sources)
        parts.append(f'<h4 class="sources-title">{escape(labels.sources)}</h4><ul class="sources">{items}</ul>')
    parts.append(_disclaimer(disclaimer, labels))
    return "\n".join(parts)


def _entry_list(entries: list[Entry], labels: PageLabels) -> str:
    items = [
        f'<li><a href="{entry_href(e.id)}">{escape(e.title)}</a> '
        f'<span class="kind">{escape(labels.kind(e))}</span><br/>'
        f'<span class="entry-summary">{escape(e.summary)}</span></li>'
        for e in entries
    ]
    return f'<ul class="entries">{"".join(items)}</ul>'


def home_page(
    library: Library,
    labels: PageLabels,
    category_anchor: dict[str, str] | None = None,
    recent: list[Entry] | None = None,
) -> str:
    """The library's title, its categories with their entries, what it is, and its disclaimer."""
    info = library.primary
    title = library.title or "HealthReader"
    parts = [f'<h1 class="title"><a name="top"></a>{escape(title)}</h1>']
    if info and info.description:
        parts.append(f'<p class="summary">{escape(info.description)}</p>')
    if info and (info.publisher or info.version):
        bits = [escape(x) for x in (info.publisher, info.version) if x]
        parts.append(f'<p class="meta">{" · ".join(bits)}</p>')
    if recent:
        parts.append(f'<h2 class="category"><a name="recent"></a>{escape(labels.recently_read)}</h2>')
        parts.append(_entry_list(recent, labels))
    featured = library.featured()
    if featured:
        parts.append(f'<h2 class="category"><a name="start"></a>{escape(labels.start_here)}</h2>')
        parts.append(_entry_list(featured, labels))
    anchors = category_anchor or {}
    for cat, members in library.by_category():
        anchor = anchors.get(cat.name, "")
        name = f'<a name="{escape(anchor)}"></a>' if anchor else ""
        count = escape(labels.entries_count.format(n=len(members)))
        parts.append(f'<h2 class="category">{name}{escape(cat.name)} <span class="count">{count}</span></h2>')
        if cat.description:
            parts.append(f'<p class="category-description">{escape(cat.description)}</p>')
        parts.append(_entry_list(members, labels))
    parts.append(_disclaimer(library.disclaimer_for(None), labels))
    return "\n".join(parts)


def offline_link_page(url: str, labels: PageLabels) -> str:
    return (
        f'<h1 class="title">{escape(labels.offline_title)}</h1>'
        f"<p>{escape(labels.offline_text)}</p>"
        f'<p class="address">{escape(url)}</p>'
    )


def not_found_page(entry_id: str, labels: PageLabels) -> str:
    return (
        f'<h1 class="title">{escape(labels.not_found_title)}</h1>'
        f'<p>{escape(labels.not_found_text)}</p><p class="address">{escape(entry_id)}</p>'
    )
