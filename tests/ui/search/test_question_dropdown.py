"""The search drop-down for a whole question, as a reader sees it: the rows shown in the open popup
(the entries and Q&A titles the question is about, the correction of a slip), chosen with the keys."""

from __future__ import annotations

from PySide6.QtCore import Qt

from healthreader.ui.reader.navigation import Location
from tests.ui.search.test_search_ui import type_query, wait_results, window  # noqa: F401 - the fixture

CORRECTION = ("Did you mean “{}”?", "你要找的是不是“{}”？")


def shown_rows(box) -> list[str]:
    """The rows of the open drop-down that are on screen (inside its viewport), top to bottom."""
    popup = box.completer_.popup()
    assert popup.isVisible()
    model = popup.model()
    viewport = popup.viewport().rect()
    rows = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if popup.visualRect(index).intersects(viewport):
            rows.append(index.data())
    return rows


def choose(qtbot, box, row: int) -> None:
    """Move down to ``row`` with the arrow key and press Enter, as a reader does."""
    popup = box.completer_.popup()
    for _ in range(row + 1):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    assert popup.currentIndex().row() == row
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def test_a_question_with_a_slip_offers_the_corrected_question_first(qtbot, window) -> None:  # noqa: F811
    box = window.search_box
    type_query(qtbot, window, "肌肉委缩吃什么好")  # 委 for 萎: the input method's slip, in a question
    wanted = {c.format("肌肉萎缩吃什么好") for c in CORRECTION}
    qtbot.waitUntil(lambda: box.completer_.popup().isVisible() and shown_rows(box)[0] in wanted, timeout=10_000)
    rows = shown_rows(box)
    # Then what the corrected question is about: the nutrition article and its section on protein.
    assert rows[1].startswith("肌肉萎缩的营养支持"), rows
    assert any(r.startswith("肌肉萎缩的营养支持 › 蛋白质") for r in rows[1:4]), rows
    assert rows[-1].startswith(("All results for “肌肉委缩吃什么好”", "查看“肌肉委缩吃什么好”的全部结果")), rows
    choose(qtbot, box, 0)
    wait_results(qtbot, window)
    assert box.text() == "肌肉萎缩吃什么好"
    assert window._results.hits[0].entry_id == "muscle-atrophy-nutrition"
    text = window.viewer.toPlainText()
    assert "没有找到与" not in text and "Nothing in the library" not in text
    assert "肌肉萎缩的营养支持" in text


def test_a_question_close_to_a_qa_title_shows_that_title_first(qtbot, window) -> None:  # noqa: F811
    box = window.search_box
    type_query(qtbot, window, "腰突卧床怎么防止肌肉萎缩")
    qtbot.waitUntil(lambda: box.completer_.popup().isVisible() and len(shown_rows(box)) > 3, timeout=10_000)
    rows = shown_rows(box)
    assert rows[0].startswith("腰突症卧床期间如何预防肌肉萎缩？"), rows
    assert rows[0].endswith(("Q&A", "问答")), rows
    choose(qtbot, box, 0)
    assert window.current_location().entry_id == "qa-disc-bedrest-prevent-atrophy"
    assert "腰突症卧床期间如何预防肌肉萎缩" in window.windowTitle() or "腰突症卧床期间如何预防肌肉萎缩" in (
        window.viewer.toPlainText()
    )


def test_a_question_in_lay_words_shows_the_entry_and_the_section_that_answers_it(
    qtbot,
    window,  # noqa: F811
) -> None:
    box = window.search_box
    type_query(qtbot, window, "脸歪了怎么办")  # 脸歪 is in no entry; the synonyms make it 嘴歪, 口角歪斜
    qtbot.waitUntil(lambda: box.completer_.popup().isVisible() and len(shown_rows(box)) > 2, timeout=10_000)
    rows = shown_rows(box)
    entry = next(i for i, r in enumerate(rows) if r.startswith("面神经麻痹（面瘫）    ·"))
    assert entry < 3, rows
    assert any(r.startswith("面神经麻痹（面瘫） › 怎样治疗") for r in rows), rows
    row = next(i for i, r in enumerate(rows) if r.startswith("面神经麻痹（面瘫） › 怎样治疗"))
    choose(qtbot, box, row)
    assert window.current_location() == Location("facial-palsy", "怎样治疗")
