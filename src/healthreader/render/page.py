"""Whole pages for the viewer: an entry, the home page, the "you are offline" page.

Labels come in from the caller (the UI translates them), so this module holds no UI strings.
Everything interpolated is escaped; the body HTML is already sanitised by ``render_markdown``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from urllib.parse import quote

from healthreader.content import Entry, EntryType, Library
from healthreader.content.model import Tier

# A shape for each tier, so that the tier shows without colour too (grey-scale paper, colour-blind
# readers); all three are in GB2312, so every Chinese font has them.
TIER_ICONS = {Tier.EMERGENCY: "▲", Tier.SAME_DAY: "◆", Tier.SOON: "●"}
# Where ``render_markdown`` put a body it showed as plain text: the page puts its explanation there.
PLAIN_TEXT_MARK = '<p class="plain-text-notice"></p>'


@dataclass(frozen=True)
class PageLabels:
    article: str = "Article"
    question: str = "Question"
    category: str = "Category"
    reviewed: str = "Reviewed"
    reviewer: str = "Reviewed by"
    next_review: str = "Next review"
    review_due: str = "Due for review"
    review_due_text: str = "The date for this entry's next medical review has passed: some of it may be out of date."
    red_flags: str = "When to get medical help"
    tier_emergency: str = "Call 120 now"
    tier_same_day: str = "See a doctor today"
    tier_soon: str = "See a doctor within a few days"
    plain_text: str = (
        "This entry is too long or too deeply nested to show with its formatting; it is shown as plain text."
    )
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
    colon: str = ": "  # between a label and its value: "Category: …" in English, "分类：…" in Chinese

    def kind(self, entry: Entry) -> str:
        return self.article if entry.type == EntryType.ARTICLE else self.question

    def tier(self, tier: Tier) -> str:
        return {Tier.EMERGENCY: self.tier_emergency, Tier.SAME_DAY: self.tier_same_day, Tier.SOON: self.tier_soon}[tier]


def kind_badge(label: str) -> str:
    """The 文章/问答 badge: a space inside its coloured box on each side (Qt draws no padding on
    inline text), and one before it, so it never touches the title it follows."""
    return f'&nbsp;<span class="kind">&nbsp;{escape(label)}&nbsp;</span>'


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


def _provenance(entry: Entry, labels: PageLabels) -> str:
    bits = []
    if entry.reviewer:
        bits.append(f"{escape(labels.reviewer)}{escape(labels.colon)}{escape(entry.reviewer)}")
    if entry.reviewed:
        bits.append(f"{escape(labels.reviewed)}{escape(labels.colon)}{entry.reviewed.isoformat()}")
    if entry.next_review:
        bits.append(f"{escape(labels.next_review)}{escape(labels.colon)}{entry.next_review.isoformat()}")
    return f'<p class="provenance">{" · ".join(bits)}</p>' if bits else ""


def _red_flags(entry: Entry, labels: PageLabels) -> str:
    """One box per tier, most urgent first; the tier is a line of text above its list, not only a colour."""
    tiers = entry.red_flags.tiers()
    if not tiers:
        return ""
    parts = [f'<p class="redflags-title">{escape(labels.red_flags)}</p>']
    for tier, items in tiers:
        cls = f"flags-{tier.value.replace('_', '-')}"
        lis = "".join(f"<li>{escape(x)}</li>" for x in items)
        parts.append(
            f'<table class="{cls}" width="100%" cellpadding="8" cellspacing="0"><tr><td>'
            f'<p class="{cls}-title">{TIER_ICONS[tier]} {escape(labels.tier(tier))}</p>'
            f'<ul class="{cls}">{lis}</ul></td></tr></table>'
        )
    return "\n".join(parts)


def entry_page(entry: Entry, body_html: str, disclaimer: str, labels: PageLabels, today: dt.date | None = None) -> str:
    """The entry as the reader and every handout show it.

    Under the title: its kind and category, then who reviewed it and when, and "due for review" once
    ``next_review`` is before ``today`` (default: the computer's date).  Then the summary, the warning
    signs in their tiers, the body, the numbered sources its ``[n]`` citations point to, and the
    library's disclaimer.
    """
    meta = [kind_badge(labels.kind(entry)).removeprefix("&nbsp;")]  # first on its line: no space before
    meta.append(f"{escape(labels.category)}{escape(labels.colon)}{escape(entry.category)}")
    parts = [
        f'<h1 class="title"><a name="top"></a>{escape(entry.title)}</h1>',
        f'<p class="meta">{" · ".join(meta)}</p>',
        _provenance(entry, labels),
    ]
    if entry.review_due(today or dt.date.today()):
        parts.append(
            '<table class="review-due" width="100%" cellpadding="6" cellspacing="0"><tr><td>'
            f'<p class="review-due"><b>{escape(labels.review_due)}</b>{escape(labels.colon)}{escape(labels.review_due_text)}</p>'
            "</td></tr></table>"
        )
    parts.append(f'<p class="summary">{escape(entry.summary)}</p>')
    parts.append(_red_flags(entry, labels))
    body_html = body_html.replace(PLAIN_TEXT_MARK, f'<p class="plain-text-notice">{escape(labels.plain_text)}</p>', 1)
    parts.append(f'<div class="body">{body_html}</div>')
    if entry.sources:
        items = "".join(f"<li>{escape(x)}</li>" for x in entry.sources)
        parts.append(f'<h4 class="sources-title">{escape(labels.sources)}</h4><ol class="sources">{items}</ol>')
    parts.append(_disclaimer(disclaimer, labels))
    return "\n".join(p for p in parts if p)


def _entry_list(entries: list[Entry], labels: PageLabels) -> str:
    items = [
        f'<li><a href="{entry_href(e.id)}">{escape(e.title)}</a>{kind_badge(labels.kind(e))}<br/>'
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
