"""Search in the window, as a reader uses it: suggestions, results page, filters, highlights, find in page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from healthreader.ui.reader.navigation import Location
from tests.conftest import REAL_LIBRARY
from tests.ui.reader.test_reader import click_text


@pytest.fixture
def window(make_window, qtbot):
    w = make_window(dirs=[REAL_LIBRARY], search=True, size=(790, 590))
    qtbot.waitUntil(lambda: w.search is not None and w.search.is_ready, timeout=60_000)
    return w


def type_text(qtbot, widget, text: str) -> None:
    """Type as a reader does: ASCII on the keys, Chinese committed by the input method."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def click_link(qtbot, viewer, href_prefix: str) -> None:
    """Click the first link whose address starts with ``href_prefix``."""
    block = viewer.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.charFormat().anchorHref().startswith(href_prefix):
                cursor = QTextCursor(viewer.document())
                cursor.setPosition(frag.position() + 1)
                viewer.setTextCursor(cursor)
                viewer.ensureCursorVisible()
                qtbot.mouseClick(viewer.viewport(), Qt.MouseButton.LeftButton, pos=viewer.cursorRect(cursor).center())
                return
            it += 1
        block = block.next()
    raise AssertionError(f"no link to {href_prefix}")


def type_query(qtbot, window, text: str) -> None:
    box = window.search_box
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert box.hasFocus()
    box.clear()
    type_text(qtbot, box, text)


def wait_results(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window._results is not None, timeout=10_000)


def test_suggestions_drop_down_while_typing_and_open_an_entry(qtbot, window) -> None:
    type_query(qtbot, window, "面瘫")
    popup = window.search_box.completer_.popup()
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    labels = window.search_box.suggestion_labels()
    assert any("面神经麻痹（面瘫）" in label for label in labels), labels
    assert labels[-1].startswith("All results") or labels[-1].startswith("查看")
    row = next(i for i, label in enumerate(labels) if "面神经麻痹（面瘫）" in label)
    popup.setCurrentIndex(window.search_box.completer_.completionModel().index(row, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert window.current_location().entry_id == "facial-palsy"


def test_a_screen_reader_hears_each_suggestion_as_words_not_layout(qtbot, window) -> None:
    """The row's padding and middle dot line the kind up for the eye; a screen reader gets 'title, kind'."""
    type_query(qtbot, window, "面瘫")
    popup = window.search_box.completer_.popup()
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    view = QAccessible.queryAccessibleInterface(popup)
    names = [view.child(i).text(QAccessible.Text.Name) for i in range(view.childCount())]
    names = [n for n in names if n]
    assert any(n.startswith("面神经麻痹（面瘫）") for n in names), names
    for name in names:
        assert "  " not in name and "·" not in name, name
    shown = window.search_box.suggestion_labels()
    assert any("    ·  " in label for label in shown)  # what the eye sees keeps its layout


def test_in_a_small_window_each_suggestion_is_whole_and_the_drop_down_stays_in_the_window(qtbot, window) -> None:
    """At 800×600 the box is narrow, and a drop-down only as wide as the box cut every longer title
    (面部肌肉萎缩 → 脸部肌肉萎缩症状…) and the kind after it (seen in the Xvfb journeys).  A narrower
    window than the fixture's, so that the box has its least width here too, whatever the fonts."""
    window.resize(640, 590)
    qtbot.waitUntil(lambda: window.search_box.width() < 320, timeout=2000)
    type_query(qtbot, window, "面部肌肉")
    popup = window.search_box.completer_.popup()
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    qtbot.waitUntil(lambda: popup.model().rowCount() > 3, timeout=5000)
    qtbot.wait(50)
    metrics = popup.fontMetrics()
    for row in range(popup.model().rowCount()):
        index = popup.model().index(row, 0)
        text = index.data()
        # What is drawn of the row: the list never scrolls sideways, so the viewport's width.
        room = min(popup.visualRect(index).right(), popup.viewport().width()) - popup.visualRect(index).left()
        assert metrics.horizontalAdvance(text) < room, f"{text!r} needs {metrics.horizontalAdvance(text)} of {room} px"
    assert not popup.horizontalScrollBar().isVisible()
    frame = window.frameGeometry()
    shown = popup.geometry()
    assert frame.left() <= shown.left() and shown.right() <= frame.right(), (shown, frame)


def test_suggestions_answered_after_enter_do_not_cover_the_results(qtbot, window) -> None:
    """Enter pressed before the drop-down came (a quick typist, a slow machine): the late suggestions
    for the same words must not open over the results page (seen in the Xvfb journeys)."""
    type_query(qtbot, window, "肌肉萎缩怎么办")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)  # before the suggestions have come back
    popup = window.search_box.completer_.popup()
    wait_results(qtbot, window)
    qtbot.wait(300)  # the suggestion answers are in by now
    assert "肌肉萎缩应该怎么办" in window.viewer.toPlainText()
    assert not popup.isVisible(), window.search_box.suggestion_labels()
    # Typing again asks for suggestions again.
    type_text(qtbot, window.search_box, "吗")
    qtbot.waitUntil(popup.isVisible, timeout=5000)


def test_pinyin_initials_suggest(qtbot, window) -> None:
    type_query(qtbot, window, "jrws")
    qtbot.waitUntil(lambda: window.search_box.model.rowCount() > 1, timeout=5000)
    assert any("肌肉萎缩" in label for label in window.search_box.suggestion_labels())


def test_enter_shows_results_and_a_hit_opens_at_its_section_highlighted(qtbot, window) -> None:
    type_query(qtbot, window, "腰突 萎缩")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    wait_results(qtbot, window)
    text = window.viewer.toPlainText()
    assert window.current_location().is_search
    assert window._results.total >= 1
    assert "腰椎间盘突出病人出现肌肉萎缩是什么原因" in text or "腰椎间盘突出症" in text
    first = window._results.hits[0]
    click_text(qtbot, window.viewer, first.title)
    assert window.current_location() == Location(first.entry_id, first.anchor)
    assert window.highlighted_count() > 0
    # Back returns to the results page.
    window.go_back()
    wait_results(qtbot, window)
    assert window.current_location().is_search


def test_homophone_slip_is_corrected_with_a_way_back(qtbot, window) -> None:
    type_query(qtbot, window, "肌肉委缩")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    wait_results(qtbot, window)
    assert window._results.corrected_from == "肌肉委缩"
    text = window.viewer.toPlainText()
    assert "肌肉萎缩" in text
    click_link(qtbot, window.viewer, "search:")  # the "search exactly" link comes first
    wait_results(qtbot, window)
    assert window.current_location().exact
    assert window._results.corrected_from is None


def test_type_filter(qtbot, window) -> None:
    window.open_location(Location(query="肌肉萎缩"))
    wait_results(qtbot, window)
    everything = window._results.total
    window.open_location(Location(query="肌肉萎缩", qtype="qa"))
    wait_results(qtbot, window)
    assert 0 < window._results.total < everything
    assert {h.type for h in window._results.hits} == {"qa"}


@pytest.mark.parametrize("query", ['"(AND*:', "NOT", "***", "((((((((((", "面瘫 OR:", "\x00\x01"])
def test_query_syntax_is_never_the_readers_problem(qtbot, window, query: str) -> None:
    window.open_location(Location(query=query))
    if window.current_location().is_search:
        wait_results(qtbot, window)
        assert window.viewer.toPlainText()  # a page, not a traceback


def test_nothing_found_offers_nearest_titles(qtbot, window) -> None:
    window.open_location(Location(query="面部肌肉萎缩怎么回事啊xyz"))
    wait_results(qtbot, window)
    assert window._results.total == 0 or window._results.hits


def test_find_in_page(qtbot, window) -> None:
    window.open_location(Location("facial-muscle-atrophy"))
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    type_text(qtbot, bar.field, "面瘫")
    n = bar.match_count()
    assert n >= 3
    assert bar.count.text() in (f"1 of {n}", f"第 1 处，共 {n} 处")
    assert len(window.viewer.extraSelections()) == n
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.current_index() == 1
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current_index() == 0
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.viewer.extraSelections() == []


def test_stale_results_are_dropped(qtbot, window) -> None:
    from healthreader.ui.search.controller import SearchRequest

    seen = []
    window.search.resultsReady.connect(lambda request, results: seen.append(request.text))
    for text in ("肌", "肌肉", "肌肉萎", "肌肉萎缩"):
        window.search.search(SearchRequest(text))
    qtbot.waitUntil(lambda: "肌肉萎缩" in seen, timeout=10_000)
    qtbot.wait(200)
    assert seen == ["肌肉萎缩"]


def test_corrupt_index_is_rebuilt_at_start(qtbot, make_window, data_dir: Path) -> None:
    first = make_window(dirs=[REAL_LIBRARY], search=True)
    qtbot.waitUntil(lambda: first.search.is_ready, timeout=60_000)
    first.close()
    damaged = 0
    for f in (data_dir / "index").iterdir():
        if f.is_file() and f.suffix in (".seg", ".toc", ".trm", ".pst", ".json"):
            f.write_bytes(b"\x00garbage" * 10)
            damaged += 1
    assert damaged
    again = make_window(dirs=[REAL_LIBRARY], search=True)
    qtbot.waitUntil(lambda: again.search.is_ready, timeout=60_000)
    again.open_location(Location(query="面瘫"))
    qtbot.waitUntil(lambda: again._results is not None, timeout=10_000)
    assert again._results.total > 0


def test_search_box_stays_visible_in_a_narrow_window(qtbot, make_window) -> None:
    window = make_window("alpha", size=(640, 480))
    qtbot.waitUntil(lambda: window.search_box.isVisible(), timeout=2000)
    assert window.search_box.width() >= 200


def test_a_question_typed_into_the_box_finds_its_answer(qtbot, window) -> None:
    type_query(qtbot, window, "面瘫多久能好")
    box = window.search_box
    # The drop-down offers what the question is about, and the section that answers it.
    qtbot.waitUntil(lambda: any("恢复前景" in label for label in box.suggestion_labels()), timeout=5000)
    assert box.completer_.popup().isVisible()
    labels = box.suggestion_labels()
    assert any(label.startswith("面神经麻痹（面瘫） › 恢复前景") for label in labels), labels
    qtbot.keyClick(box, Qt.Key.Key_Return)
    wait_results(qtbot, window)
    text = window.viewer.toPlainText()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert not any(line.startswith(("Nothing in the library", "没有找到与")) for line in lines)
    # The first three hits answer it: the article (opening at 恢复前景) and the Q&A on slow recovery.
    titles = [hit.title for hit in window._results.hits[:3]]
    assert "面神经麻痹（面瘫）" in titles and "面瘫三个月了还没好，会留下后遗症吗" in titles
    assert any(line.startswith("面神经麻痹（面瘫）") and line.endswith("› 恢复前景") for line in lines), lines
    for title in titles:
        assert text.index(title) < text.index("面部肌肉萎缩是怎么回事")  # above entries merely mentioning 面瘫
    # Opening the article lands on that section, with 面瘫 (not 多久, not 能好) marked.
    click_text(qtbot, window.viewer, "面神经麻痹（面瘫）")
    assert window.current_location() == Location("facial-palsy", "恢复前景")
    assert window.highlighted_count() > 0
    marked = {s.cursor.selectedText() for s in window.viewer.extraSelections()}
    assert marked <= {
        "面瘫",
        "面神经麻痹",
        "口眼歪斜",
        "贝尔麻痹",
        "特发性面神经麻痹",
        "周围性面瘫",
        "歪嘴风",
        "吊线风",
    }, marked


def test_the_results_page_names_the_typed_words_it_could_not_find(qtbot, window) -> None:
    window.open_location(Location(query="我妈面瘫了怎么办"))
    wait_results(qtbot, window)
    lines = [line.strip() for line in window.viewer.toPlainText().splitlines()]
    assert "Not found: 我妈" in lines or "没有找到：我妈" in lines
    assert window._results.hits[0].entry_id == "facial-palsy"
    window.open_location(Location(query="面瘫"))
    wait_results(qtbot, window)
    assert not any(line.startswith(("Not found:", "没有找到：")) for line in window.viewer.toPlainText().splitlines())


def test_the_drop_down_offers_the_homophone_correction(qtbot, window) -> None:
    type_query(qtbot, window, "肌肉委缩")
    box = window.search_box
    qtbot.waitUntil(lambda: box.model.rowCount() > 2, timeout=5000)
    labels = box.suggestion_labels()
    assert labels[0] in ("Did you mean “肌肉萎缩”?", "你要找的是不是“肌肉萎缩”？"), labels
    assert all("肌肉萎缩" in label for label in labels[1:4]), labels
    popup = box.completer_.popup()
    popup.setCurrentIndex(box.completer_.completionModel().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    wait_results(qtbot, window)
    assert box.text() == "肌肉萎缩"
    assert window.current_location().query == "肌肉萎缩"
    assert window._results.corrected_from is None and window._results.hits
