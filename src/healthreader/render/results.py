"""The results page shown in the viewer: count, filters, each hit with its section and snippet.

Links: ``hit:N`` opens the N-th hit at its section with the matches highlighted; ``more:`` asks for
the next page of results (shown below the ones already there);
``search:?q=…&type=…&category=…&exact=1`` is another search (a filter, or "search exactly").

Qt-free like the other pages: the words come in as ``ResultsLabels`` (the UI translates them), and
the results are read through the attributes the search service's ``Results`` has (render and search
are siblings, so neither imports the other).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Protocol
from urllib.parse import urlencode

from healthreader.content import Library
from healthreader.render.page import kind_badge

# The search service's Results.hint codes this page words (tests check they match search's own).
HINT_EMPTY_QUERY = "empty-query"
HINT_UNAVAILABLE = "index-unavailable"


class QueryLike(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def exact(self) -> bool: ...


class HitLike(Protocol):
    @property
    def title(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def section_title(self) -> str: ...
    @property
    def snippet_html(self) -> str: ...


class ResultsLike(Protocol):
    @property
    def effective_query(self) -> str: ...
    @property
    def corrected_from(self) -> str | None: ...
    @property
    def hint(self) -> str | None: ...
    @property
    def total(self) -> int: ...
    @property
    def hits(self) -> Sequence[HitLike]: ...
    @property
    def nearest_titles(self) -> Sequence[tuple[str, str]]: ...
    @property
    def not_found(self) -> Sequence[str]: ...


@dataclass(frozen=True)
class ResultsLabels:
    """The page's words; ``%1`` marks where a value goes."""

    heading: str = "Search: %1"
    show: str = "Show:"
    topic: str = "Topic:"
    showing: str = "Showing results for %1."
    search_exactly: str = "Search exactly for “%1” instead"
    all_kinds: str = "All"
    articles: str = "Articles"
    questions: str = "Questions"
    all_topics: str = "All topics"
    empty_query: str = "Type a word to search for, for example 面瘫 or jrws."
    unavailable: str = "Search is being repaired; please try again in a moment."
    count: str = "%1 results"
    not_found: str = "Not found: %1"  # typed words no result contains (a question's 多久, a filler's 我妈)
    nothing: str = "Nothing in the library matches these words."
    perhaps: str = "Perhaps you meant one of these:"
    article: str = "Article"
    question: str = "Q&A"
    searching: str = "Searching…"
    # What to do when nothing was found.
    tips: str = "You could try:"
    tip_shorter: str = "fewer words: only the one that matters most, such as 面瘫 instead of 面瘫多久能好"
    tip_pinyin: str = "pinyin or its initials, such as mianpi or jrws for 肌肉萎缩"
    tip_typo: str = "another character, if the input method picked one that sounds the same"
    browse: str = "Or browse a topic:"
    filtered: str = "Nothing with these filters."
    search_everything: str = "Search everything for “%1”"
    more: str = "More results"
    shown: str = "Showing %1 of %2."


def search_href(request: QueryLike, **changes: object) -> str:
    values: dict[str, object] = {
        "q": request.text,
        "type": request.type,
        "category": request.category,
        "exact": request.exact,
    }
    values.update(changes)
    query = {k: ("1" if v is True else v) for k, v in values.items() if v}
    return "search:?" + urlencode(query)


WORD_JOINER = "\u2060"


def whole(label: str) -> str:
    """``label`` kept on one line: Chinese may break between any two characters, and a topic's name
    ends a line as 营养与饮 with 食 on the next.  Qt's rich text has no inline ``nowrap`` for that,
    but its line breaking honours the word joiner (drawn as nothing) and the no-break space.

    >>> whole("营养与饮食") == "营\u2060养\u2060与\u2060饮\u2060食"
    True
    >>> whole("All topics") == "A\u2060l\u2060l\u2060\u00a0\u2060t\u2060o\u2060p\u2060i\u2060c\u2060s"
    True
    """
    return WORD_JOINER.join(label.replace(" ", "\u00a0"))


def _filter_link(label: str, href: str, active: bool) -> str:
    if active:
        return f'<b class="filter-active">{escape(whole(label))}</b>'
    return f'<a href="{escape(href)}">{escape(whole(label))}</a>'


def _bold_arg(template: str, value: str) -> str:
    """Escape a translated template and put ``value`` in bold where it says %1."""
    before, _, after = template.partition("%1")
    return f"{escape(before)}<b>{escape(value)}</b>{escape(after)}"


def _heading(request: QueryLike, labels: ResultsLabels) -> str:
    return f'<h1 class="title">{_bold_arg(labels.heading, request.text.strip())}</h1>'


def _nothing_found(
    request: QueryLike, results: ResultsLike, labels: ResultsLabels, browse: Sequence[tuple[str, str]]
) -> list[str]:
    """What to do next when nothing was found: the nearest titles, how else to type, topics to browse."""
    parts = [f"<p>{escape(labels.nothing)}</p>"]
    if request.type or request.category:
        everything = search_href(request, type="", category="")
        parts.append(
            f'<p>{escape(labels.filtered)} <a href="{escape(everything)}">'
            f"{escape(labels.search_everything.replace('%1', request.text.strip()))}</a></p>"
        )
    if results.nearest_titles:
        parts.append(f"<p>{escape(labels.perhaps)}</p>")
        items = "".join(
            f'<li><a href="entry:{escape(eid)}">{escape(title)}</a></li>' for eid, title in results.nearest_titles
        )
        parts.append(f"<ul>{items}</ul>")
    tips = "".join(f"<li>{escape(t)}</li>" for t in (labels.tip_shorter, labels.tip_pinyin, labels.tip_typo))
    parts.append(f'<p class="tips">{escape(labels.tips)}</p><ul class="tips">{tips}</ul>')
    if browse:
        links = " · ".join(f'<a href="{escape(href)}">{escape(whole(name))}</a>' for name, href in browse)
        parts.append(f'<p class="browse">{escape(labels.browse)} {links}</p>')
    return parts


def results_html(
    request: QueryLike,
    results: ResultsLike,
    library: Library,
    labels: ResultsLabels,
    browse: Sequence[tuple[str, str]] = (),
    more: bool = False,
) -> str:
    """The whole results page; ``browse`` is (topic, address) for each category, offered when nothing is
    found; ``more``: there are results beyond those shown, offered by a "More results" link (``more:``).

    >>> from types import SimpleNamespace as NS
    >>> from healthreader.content import Library
    >>> q = NS(text="面瘫", type="", category="", exact=False)
    >>> r = NS(effective_query="面瘫", corrected_from=None, hint=None, total=0, hits=[], nearest_titles=[], not_found=[])
    >>> "Nothing in the library" in results_html(q, r, Library(), ResultsLabels())
    True
    """
    parts = [_heading(request, labels)]
    if results.corrected_from:
        exact = search_href(request, q=results.corrected_from, exact=True)
        again = labels.search_exactly.replace("%1", results.corrected_from)
        parts.append(
            f'<p class="correction">{_bold_arg(labels.showing, results.effective_query)} '
            f'<a href="{escape(exact)}">{escape(again)}</a></p>'
        )
    # Filters only where they can filter something: over results, or to undo a filter that left none.
    if results.hits or request.type or request.category:
        kinds = [("", labels.all_kinds), ("article", labels.articles), ("qa", labels.questions)]
        links = [_filter_link(label, search_href(request, type=value), request.type == value) for value, label in kinds]
        parts.append(f'<p class="filters">{escape(labels.show)} {" · ".join(links)}</p>')
        cats = [("", labels.all_topics)] + [(c.name, c.name) for c in library.categories()]
        links = [
            _filter_link(label, search_href(request, category=value), request.category == value)
            for value, label in cats
        ]
        parts.append(f'<p class="filters">{escape(labels.topic)} {" · ".join(links)}</p>')

    if results.hint == HINT_EMPTY_QUERY:
        parts.append(f"<p>{escape(labels.empty_query)}</p>")
        return "\n".join(parts)
    if results.hint == HINT_UNAVAILABLE:
        parts.append(f"<p>{escape(labels.unavailable)}</p>")
        return "\n".join(parts)
    parts.append(f'<p class="meta">{escape(labels.count.replace("%1", str(results.total)))}</p>')
    if results.hits and results.not_found:
        # Best-match results: say which typed words they lack, as a question's form often is.
        parts.append(f'<p class="not-found">{_bold_arg(labels.not_found, "、".join(results.not_found))}</p>')
    if not results.hits:
        parts.extend(_nothing_found(request, results, labels, browse))
        return "\n".join(parts)
    kind_labels = {"article": labels.article, "qa": labels.question}
    for n, hit in enumerate(results.hits):
        section = f' <span class="section">› {escape(hit.section_title)}</span>' if hit.section_title else ""
        parts.append(
            f'<p class="hit-title"><a name="hit-{n}"></a><a href="hit:{n}">{escape(hit.title)}</a>'
            f"{kind_badge(kind_labels.get(hit.type, hit.type))}{section}</p>"
            f'<p class="snippet">{hit.snippet_html}</p>'
        )
    if more:
        shown = labels.shown.replace("%1", str(len(results.hits))).replace("%2", str(results.total))
        parts.append(f'<p class="more">{escape(shown)} <a href="more:">{escape(labels.more)}</a></p>')
    return "\n".join(parts)


def searching_html(request: QueryLike, labels: ResultsLabels) -> str:
    return f'{_heading(request, labels)}<p class="meta">{escape(labels.searching)}</p>'
