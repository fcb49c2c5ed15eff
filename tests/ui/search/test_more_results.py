"""The results page shows 20 results at a time: "更多结果" below the last one adds the next 20, and the
page moves on to the first new one; no link when everything found is already shown."""

from __future__ import annotations

import re

import pytest

from healthreader.config import Settings
from healthreader.paths import DataPaths
from tests.conftest import REAL_LIBRARY
from tests.ui.journeys.screen import click_link, first_line, search_for, visible_text


@pytest.fixture
def window(make_window, qtbot, data_dir):
    Settings(DataPaths.at(data_dir)).set("ui_language", "zh_CN")
    w = make_window(dirs=[REAL_LIBRARY], search=True, real_index=True, size=(1366, 800))
    qtbot.waitUntil(lambda: w.search is not None and w.search.is_ready, timeout=30_000)
    return w


def result_titles(window) -> list[str]:
    """The result rows on the page, in order: each is a title line with its kind (文章 or 问答)."""
    return [
        line
        for line in window.viewer.toPlainText().splitlines()
        if re.search(r"\S\s{2}(文章|问答)(\s|$)", line) and "·" not in line
    ]


def test_twenty_results_then_more_then_the_rest(qtbot, window) -> None:
    search_for(qtbot, window, "康复")
    first = window._results
    assert first.total > 20, "the query must find more than one page"
    text = window.viewer.toPlainText()
    assert f"共 {first.total} 条结果" in text
    assert len(result_titles(window)) == 20 == len(first.hits)
    assert f"已显示 20 条，共 {first.total} 条。" in text and "更多结果" in text
    assert len(window.sidebar.section_titles()) == 20

    click_link(qtbot, window.viewer, href="more:")
    qtbot.waitUntil(lambda: window._results is not first, timeout=10_000)
    rows = result_titles(window)
    assert len(rows) == len(window._results.hits) == min(40, first.total)
    # The first 20 are the same, in the same order; the new ones follow.
    assert [h.entry_id for h in window._results.hits[:20]] == [h.entry_id for h in first.hits]
    # The page has moved on to the first new result, not back to the top.
    new = window._results.hits[20]
    assert new.title in first_line(window.viewer), visible_text(window.viewer)[:200]
    assert len(window.sidebar.section_titles()) == len(rows)
    if first.total <= 40:
        assert "更多结果" not in window.viewer.toPlainText()
    assert window.current_location().is_search and window.current_location().query == "康复"


def test_few_results_show_no_more_link(qtbot, window) -> None:
    search_for(qtbot, window, "面瘫")
    assert 0 < window._results.total <= 20
    assert "更多结果" not in window.viewer.toPlainText()


def test_a_new_search_starts_again_at_twenty(qtbot, window) -> None:
    search_for(qtbot, window, "康复")
    first = window._results
    click_link(qtbot, window.viewer, href="more:")
    qtbot.waitUntil(lambda: window._results is not first and len(window._results.hits) > 20, timeout=10_000)
    search_for(qtbot, window, "神经")
    qtbot.waitUntil(lambda: window._results.effective_query == "神经", timeout=10_000)
    assert len(result_titles(window)) == 20
    assert first_line(window.viewer).startswith("搜索")
