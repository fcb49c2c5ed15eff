"""The results page shown in the viewer: count, filters, each hit with its section and snippet.

Links: ``hit:N`` opens the N-th hit at its section with the matches highlighted;
``search:?q=…&type=…&category=…&exact=1`` is another search (a filter, or "search exactly").
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from PySide6.QtCore import QCoreApplication

from healthreader.content import Library
from healthreader.ui.search_controller import SearchRequest

if TYPE_CHECKING:
    from healthreader.search import Results


def search_href(request: SearchRequest, **changes: object) -> str:
    values = {"q": request.text, "type": request.type, "category": request.category, "exact": request.exact}
    values.update(changes)
    query = {k: ("1" if v is True else v) for k, v in values.items() if v}
    return "search:?" + urlencode(query)


def _filter_link(label: str, href: str, active: bool) -> str:
    if active:
        return f'<b class="filter-active">{escape(label)}</b>'
    return f'<a href="{escape(href)}">{escape(label)}</a>'


def _bold_arg(template: str, value: str) -> str:
    """Escape a translated template and put ``value`` in bold where it says %1."""
    before, _, after = template.partition("%1")
    return f"{escape(before)}<b>{escape(value)}</b>{escape(after)}"


def results_html(request: SearchRequest, results: Results, library: Library) -> str:
    # Imported here: Whoosh costs a tenth of a second, which the window's first paint should not pay.
    from healthreader.search import HINT_EMPTY_QUERY, HINT_UNAVAILABLE

    # lupdate cannot see calls inside f-string braces: translate into names first.
    heading = QCoreApplication.translate("Results", "Search: %1")
    show = QCoreApplication.translate("Results", "Show:")
    topic = QCoreApplication.translate("Results", "Topic:")
    showing = QCoreApplication.translate("Results", "Showing results for %1.")
    parts = [f'<h1 class="title">{_bold_arg(heading, request.text.strip())}</h1>']
    if results.corrected_from:
        exact = search_href(request, q=results.corrected_from, exact=True)
        again = QCoreApplication.translate("Results", "Search exactly for “%1” instead").replace(
            "%1", results.corrected_from
        )
        parts.append(
            f'<p class="correction">{_bold_arg(showing, results.effective_query)} '
            f'<a href="{escape(exact)}">{escape(again)}</a></p>'
        )
    kinds = [
        ("", QCoreApplication.translate("Results", "All")),
        ("article", QCoreApplication.translate("Results", "Articles")),
        ("qa", QCoreApplication.translate("Results", "Questions")),
    ]
    links = [_filter_link(label, search_href(request, type=value), request.type == value) for value, label in kinds]
    parts.append(f'<p class="filters">{escape(show)} {" · ".join(links)}</p>')
    cats = [("", QCoreApplication.translate("Results", "All topics"))] + [
        (c.name, c.name) for c in library.categories()
    ]
    links = [
        _filter_link(label, search_href(request, category=value), request.category == value) for value, label in cats
    ]
    parts.append(f'<p class="filters">{escape(topic)} {" · ".join(links)}</p>')

    if results.hint == HINT_EMPTY_QUERY:
        text = QCoreApplication.translate("Results", "Type a word to search for, for example 面瘫 or jrws.")
        parts.append(f"<p>{escape(text)}</p>")
        return "\n".join(parts)
    if results.hint == HINT_UNAVAILABLE:
        text = QCoreApplication.translate("Results", "Search is being repaired; please try again in a moment.")
        parts.append(f"<p>{escape(text)}</p>")
        return "\n".join(parts)
    count = QCoreApplication.translate("Results", "%1 results").replace("%1", str(results.total))
    parts.append(f'<p class="meta">{escape(count)}</p>')
    if not results.hits:
        nothing = QCoreApplication.translate("Results", "Nothing in the library matches these words.")
        parts.append(f"<p>{escape(nothing)}</p>")
        if results.nearest_titles:
            perhaps = QCoreApplication.translate("Results", "Perhaps you meant one of these:")
            parts.append(f"<p>{escape(perhaps)}</p>")
            items = "".join(
                f'<li><a href="entry:{escape(eid)}">{escape(title)}</a></li>' for eid, title in results.nearest_titles
            )
            parts.append(f"<ul>{items}</ul>")
        return "\n".join(parts)
    labels = {
        "article": QCoreApplication.translate("Results", "Article"),
        "qa": QCoreApplication.translate("Results", "Q&A"),
    }
    for n, hit in enumerate(results.hits):
        section = f' <span class="section">› {escape(hit.section_title)}</span>' if hit.section_title else ""
        parts.append(
            f'<p class="hit-title"><a name="hit-{n}"></a><a href="hit:{n}">{escape(hit.title)}</a> '
            f'<span class="kind">{escape(labels.get(hit.type, hit.type))}</span>{section}</p>'
            f'<p class="snippet">{hit.snippet_html}</p>'
        )
    return "\n".join(parts)


def searching_html(request: SearchRequest) -> str:
    heading = QCoreApplication.translate("Results", "Search: %1")
    searching = QCoreApplication.translate("Results", "Searching…")
    return f'<h1 class="title">{_bold_arg(heading, request.text.strip())}</h1><p class="meta">{escape(searching)}</p>'
