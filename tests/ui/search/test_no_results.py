"""When nothing is found the page offers what to do next: the nearest topics as links, how to type
(words, pinyin, fewer characters), the categories to browse; no filters that filter nothing; the
sidebar lists the nearest entries and the topics instead of standing empty."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from healthreader.ui.reader.navigation import Location
from tests.conftest import REAL_LIBRARY
from tests.ui.journeys.screen import (
    click_link,
    click_row,
    first_line,
    is_shown,
    page_text,
    search_for,
    visible_text,
)


@pytest.fixture
def window(make_window, qtbot):
    w = make_window(dirs=[REAL_LIBRARY], search=True, real_index=True, size=(1366, 800))
    qtbot.waitUntil(lambda: w.search is not None and w.search.is_ready, timeout=30_000)
    return w


def page_links(viewer) -> list[str]:
    hrefs = []
    block = viewer.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            href = it.fragment().charFormat().anchorHref()
            if href and href not in hrefs:
                hrefs.append(href)
            it += 1
        block = block.next()
    return hrefs


def test_nothing_found_offers_nearest_topics_typing_tips_and_categories(qtbot, window) -> None:
    search_for(qtbot, window, "火星探测器")
    text = page_text(window.viewer)
    links = page_links(window.viewer)
    assert window.labels and "辅助器具和家庭呼吸支持" in text  # the nearest titles...
    assert any(h.startswith("entry:") for h in links)  # ...as links
    assert "拼音" in text  # how to type: pinyin, fewer words
    categories = [c.name for c in window.library.categories()]
    assert all(name in text for name in categories)
    assert sum(h.startswith("home:#") for h in links) == len(categories)  # each a way in to browse
    assert not any(h.startswith("search:") and "type=" in h for h in links)  # no filters of nothing

    # The sidebar is not empty: the nearest entries and the topics.
    assert is_shown(window.sidebar.related) and window.sidebar.related.count() >= 1
    assert window.sidebar.section_titles() == categories
    click_row(qtbot, window.sidebar.sections, 1)
    assert categories[1] in visible_text(window.viewer)  # the home page, at that topic
    assert window.current_location().is_home


def test_a_nearest_topic_opens_and_back_returns_to_the_page(qtbot, window) -> None:
    search_for(qtbot, window, "火星探测器")
    click_link(qtbot, window.viewer, href="entry:")
    assert window.current_location().entry_id
    title = first_line(window.viewer)
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window._results is not None, timeout=10_000)
    assert "火星探测器" in first_line(window.viewer) and title not in first_line(window.viewer)


def test_a_word_with_nothing_near_still_gets_tips_and_categories(qtbot, window) -> None:
    search_for(qtbot, window, "qqqq")
    text = page_text(window.viewer)
    assert "拼音" in text and window.library.categories()[0].name in text


def test_a_filter_that_leaves_nothing_offers_to_search_everything(qtbot, window) -> None:
    window.open_location(Location(query="面瘫", qcategory="营养与饮食"))  # 面瘫 is not about food
    qtbot.waitUntil(lambda: window._results is not None, timeout=10_000)
    assert window._results.total == 0
    links = page_links(window.viewer)
    everything = [h for h in links if h.startswith("search:") and "type=" not in h and "category=" not in h]
    assert everything, links
    click_link(qtbot, window.viewer, href=everything[0])
    qtbot.waitUntil(lambda: window._results is not None and window._results.total > 0, timeout=10_000)


def test_with_results_the_sidebar_lists_them_and_opens_one(qtbot, window) -> None:
    search_for(qtbot, window, "面瘫")
    hit = window._results.hits[2]
    assert window.sidebar.section_titles()[2] == hit.title
    click_row(qtbot, window.sidebar.sections, 2)
    assert window.current_location().entry_id == hit.entry_id
    assert hit.title in window.windowTitle()
