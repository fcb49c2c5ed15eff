"""The results page, rendered without Qt: what a reader reads for each kind of answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from healthreader import search
from healthreader.content import Library, load_library
from healthreader.render import results as page
from healthreader.render.results import ResultsLabels, results_html, search_href, searching_html


@dataclass(frozen=True)
class Query:
    text: str
    type: str = ""
    category: str = ""
    exact: bool = False


@dataclass(frozen=True)
class FakeHit:
    title: str
    type: str
    section_title: str
    snippet_html: str


@dataclass(frozen=True)
class FakeResults:
    effective_query: str
    corrected_from: str | None = None
    hint: str | None = None
    total: int = 0
    hits: list[FakeHit] = field(default_factory=list)
    nearest_titles: list[tuple[str, str]] = field(default_factory=list)
    not_found: tuple[str, ...] = ()


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([Path(__file__).resolve().parents[1] / "data" / "library"])


def test_hint_codes_are_the_search_services() -> None:
    assert page.HINT_EMPTY_QUERY == search.HINT_EMPTY_QUERY
    assert page.HINT_UNAVAILABLE == search.HINT_UNAVAILABLE


def test_hits_show_title_kind_section_and_snippet(library: Library) -> None:
    hits = [
        FakeHit("面神经麻痹", "article", "怎么治疗", '<b class="match">面瘫</b>要尽早'),
        FakeHit("问", "qa", "", "x"),
    ]
    html = results_html(Query("面瘫"), FakeResults("面瘫", total=2, hits=hits), library, ResultsLabels())
    assert '<a href="hit:0">面神经麻痹</a>' in html
    assert (
        '<span class="kind">&nbsp;Article&nbsp;</span>' in html
        and '<span class="kind">&nbsp;Q&amp;A&nbsp;</span>' in html
    )
    assert "› 怎么治疗" in html
    assert '<b class="match">面瘫</b>要尽早' in html  # the snippet is already escaped HTML
    assert "2 results" in html


def test_text_is_escaped(library: Library) -> None:
    html = results_html(Query("<script>"), FakeResults("<script>"), library, ResultsLabels())
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_correction_links_to_the_exact_search(library: Library) -> None:
    results = FakeResults("肌肉萎缩", corrected_from="肌肉委缩", total=1, hits=[FakeHit("t", "qa", "", "s")])
    html = results_html(Query("肌肉委缩"), results, library, ResultsLabels())
    assert "Showing results for <b>肌肉萎缩</b>." in html
    assert "exact=1" in html and "Search exactly for “肌肉委缩” instead" in html


def test_nothing_found_offers_nearest_titles(library: Library) -> None:
    results = FakeResults("xyz", hint=search.HINT_NO_MATCH, nearest_titles=[("alpha", "阿尔法")])
    html = results_html(Query("xyz"), results, library, ResultsLabels())
    assert "Nothing in the library matches these words." in html
    assert '<a href="entry:alpha">阿尔法</a>' in html


@pytest.mark.parametrize(
    ("hint", "words"),
    [(page.HINT_EMPTY_QUERY, "Type a word to search for"), (page.HINT_UNAVAILABLE, "Search is being repaired")],
)
def test_hints_are_worded(library: Library, hint: str, words: str) -> None:
    html = results_html(Query("？"), FakeResults("？", hint=hint), library, ResultsLabels())
    assert words in html and "results" not in html


def test_filters_mark_the_active_one_and_link_the_others(library: Library) -> None:
    html = results_html(Query("面瘫", type="qa"), FakeResults("面瘫"), library, ResultsLabels())
    assert f'<b class="filter-active">{page.whole("Questions")}</b>' in html  # kept whole on its line
    assert 'href="search:?q=%E9%9D%A2%E7%98%AB&amp;type=article"' in html
    assert search_href(Query("面瘫", type="qa"), type="article") == "search:?q=%E9%9D%A2%E7%98%AB&type=article"


def test_translated_labels_are_used(library: Library) -> None:
    labels = ResultsLabels(heading="搜索：%1", count="共 %1 条结果", searching="正在搜索……")
    html = results_html(Query("面瘫"), FakeResults("面瘫", total=0), library, labels)
    assert "搜索：<b>面瘫</b>" in html and "共 0 条结果" in html
    assert "正在搜索……" in searching_html(Query("面瘫"), labels)


def test_the_typed_words_no_hit_contains_are_named(library: Library) -> None:
    hits = [FakeHit("面神经麻痹（面瘫）", "article", "怎样治疗", "x")]
    results = FakeResults("我妈面瘫了怎么办", total=1, hits=hits, not_found=("我妈", "<b>"))
    labels = ResultsLabels(not_found="没有找到：%1")
    html = results_html(Query("我妈面瘫了怎么办"), results, library, labels)
    assert '<p class="not-found">没有找到：<b>我妈、&lt;b&gt;</b></p>' in html
    assert html.index("not-found") > html.index('class="meta"') and html.index("not-found") < html.index("hit:0")
    # Nothing to say when every word was found, or nothing was.
    assert "not-found" not in results_html(Query("面瘫"), FakeResults("面瘫", total=1, hits=hits), library, labels)
    empty = FakeResults("xyz", hint=search.HINT_NO_MATCH, not_found=("xyz",))
    assert "not-found" not in results_html(Query("xyz"), empty, library, labels)
