"""The bookmarks and history panel on a real store in a temporary folder (pytest-qt, offscreen)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLineEdit, QMenu, QMessageBox, QStyleOptionViewItem

from healthreader.store import NO_FOLDER, UserStore
from healthreader.ui.bookmarks.panel import GONE_ROLE, BookmarksPanel
from tests.ui.journeys.screen import answer_file_dialog

TITLES = {
    "stroke": "脑卒中后的康复",
    "emg": "肌电图检查须知",
    "palsy": "面神经麻痹（面瘫）",
}


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=1)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[UserStore]:
    s = UserStore.open(tmp_path / "data" / "userdata.sqlite3", clock=clock, tz=dt.UTC)
    s.add_bookmark("stroke", title="脑卒中后的康复", note="问医生何时开始步行", folder="康复")
    s.add_bookmark("stroke", "team", title="脑卒中后的康复", section_title="康复团队会做什么", folder="康复")
    s.add_bookmark("gone", title="已删除的旧文章", note="旧笔记")
    s.add_bookmark("emg", title="肌电图检查须知", note="不要涂润肤霜", folder="检查")
    yield s
    s.close()


@pytest.fixture
def make_panel(qtbot, store: UserStore) -> Callable[..., BookmarksPanel]:  # type: ignore[no-untyped-def]
    def make(titles: dict[str, str] | None = None) -> BookmarksPanel:
        panel = BookmarksPanel(store, (titles or TITLES).get, today=lambda: dt.date(2026, 3, 11))
        qtbot.addWidget(panel)
        panel.resize(480, 640)
        with qtbot.waitExposed(panel):
            panel.show()
        return panel

    return make


def keys(panel: BookmarksPanel) -> list[str]:
    return [panel.model.bookmark(r).ref for r in range(panel.model.rowCount())]


def select(panel: BookmarksPanel, ref: str) -> None:
    row = keys(panel).index(ref)
    panel.view.setCurrentIndex(panel.model.index(row))


def test_lists_newest_first_and_by_title(make_panel) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel()
    assert keys(panel) == ["emg", "gone", "stroke#team", "stroke"]
    panel.order_combo.setCurrentIndex(panel.order_combo.findData("title"))
    # pinyin: ji(肌) < nao(脑) < yi(已)
    assert keys(panel) == ["emg", "stroke", "stroke#team", "gone"]


def test_gone_entries_are_greyed_with_the_title_they_had(make_panel) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel({**TITLES, "stroke": "脑卒中后的康复（新版）"})
    model = panel.model
    rows = {model.bookmark(r).ref: model.index(r) for r in range(model.rowCount())}
    assert rows["gone"].data(GONE_ROLE) is True
    assert rows["gone"].data(Qt.ItemDataRole.DisplayRole) == "已删除的旧文章"
    assert rows["emg"].data(GONE_ROLE) is False
    # a renamed entry shows its current title; a section bookmark shows the section too
    assert rows["stroke"].data(Qt.ItemDataRole.DisplayRole) == "脑卒中后的康复（新版）"
    assert rows["stroke#team"].data(Qt.ItemDataRole.DisplayRole) == "脑卒中后的康复（新版） › 康复团队会做什么"


def test_filter_box_and_folder_filter(make_panel) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel()
    panel.filter_edit.setText("润肤霜")
    assert keys(panel) == ["emg"]
    panel.filter_edit.setText("没有这个词")
    assert keys(panel) == [] and panel.empty_label.isVisible() and not panel.view.isVisible()
    assert panel.empty_label.text() == "No bookmarks match."
    panel.filter_edit.clear()
    panel.folder_combo.setCurrentIndex(panel.folder_combo.findData("康复"))
    assert keys(panel) == ["stroke#team", "stroke"]
    panel.folder_combo.setCurrentIndex(panel.folder_combo.findData(NO_FOLDER))
    assert keys(panel) == ["gone"]
    assert panel.folder_combo.itemText(panel.folder_combo.findData("康复")) == "康复 (2)"


def test_empty_store_says_how_to_bookmark(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with UserStore.open(tmp_path / "empty.sqlite3") as s:
        panel = BookmarksPanel(s, TITLES.get)
        qtbot.addWidget(panel)
        panel.show()
        assert "Ctrl+D" in panel.empty_label.text()
        assert not panel.open_button.isEnabled()


def test_note_is_edited_in_place(qtbot, make_panel, store: UserStore) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel()
    select(panel, "emg")
    panel.edit_note_of_selected()
    editor = panel.view.findChild(QLineEdit, "noteEditor")
    assert editor is not None and editor.isVisible()
    assert editor.text() == "不要涂润肤霜"
    editor.setText("检查前洗头")  # keyClicks types ASCII only; an input method commits whole words anyway
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: store.get_bookmark("emg").note == "检查前洗头")  # type: ignore[union-attr]
    assert panel.selected_bookmark().note == "检查前洗头"  # type: ignore[union-attr]


def test_editing_keys_in_the_note_do_not_remove_the_bookmark(qtbot, make_panel, store: UserStore) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel()
    select(panel, "emg")
    panel.edit_note_of_selected()
    editor = panel.view.findChild(QLineEdit, "noteEditor")
    editor.setFocus()
    editor.home(False)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)  # deletes a character, not the bookmark
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.is_bookmarked("emg")
    assert editor.text() == "不要涂润肤霜"


def test_f2_edits_the_note(qtbot, make_panel) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel()
    select(panel, "gone")
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    assert panel.view.findChild(QLineEdit, "noteEditor") is not None


def test_move_to_folder_from_the_context_menu(make_panel, store: UserStore, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel()
    select(panel, "gone")
    menu = panel.build_context_menu()
    move = next(a.menu() for a in menu.actions() if a.text() == "Move to folder")
    assert isinstance(move, QMenu)
    names = [a.text() for a in move.actions() if not a.isSeparator()]
    assert names == ["No folder", "康复", "检查", "New folder…"]
    next(a for a in move.actions() if a.text() == "检查").trigger()
    assert store.get_bookmark("gone").folder == "检查"  # type: ignore[union-attr]
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: ("旧文章", True))
    menu = panel.build_context_menu()
    move = next(a.menu() for a in menu.actions() if a.text() == "Move to folder")
    next(a for a in move.actions() if a.text() == "New folder…").trigger()
    assert store.get_bookmark("gone").folder == "旧文章"  # type: ignore[union-attr]
    assert panel.folder_combo.findData("旧文章") >= 0
    assert panel.selected_bookmark().ref == "gone"  # type: ignore[union-attr]


def test_remove_then_undo_restores_exactly(qtbot, make_panel, store: UserStore) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel()
    before = store.get_bookmark("stroke")
    select(panel, "stroke")
    panel.remove_selected()
    assert not store.is_bookmarked("stroke")
    assert "stroke" not in keys(panel)
    assert panel.message.isVisible() and panel.message.action_button.text() == "Undo"
    qtbot.mouseClick(panel.message.action_button, Qt.MouseButton.LeftButton)
    assert store.get_bookmark("stroke") == before
    assert panel.selected_bookmark() == before
    assert not panel.message.isVisible()


def test_delete_key_removes_and_undo_lapses(qtbot, make_panel, store: UserStore) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel()
    select(panel, "emg")
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert not store.is_bookmarked("emg")
    panel.message.timer.timeout.emit()  # the few seconds have passed
    assert not panel.message.isVisible()
    panel.undo_remove()
    assert not store.is_bookmarked("emg")


def test_opening_a_bookmark_emits_entry_and_anchor(qtbot, make_panel) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel()
    select(panel, "stroke#team")
    with qtbot.waitSignal(panel.openRequested) as blocker:
        panel.view.activated.emit(panel.view.currentIndex())
    assert blocker.args == ["stroke", "team"]
    select(panel, "emg")
    with qtbot.waitSignal(panel.openRequested) as blocker:
        qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["emg", ""]


def test_a_gone_bookmark_does_not_open_but_says_why(qtbot, make_panel) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel()
    select(panel, "gone")
    with qtbot.assertNotEmitted(panel.openRequested):
        panel.open_selected()
    assert "no longer in the library" in panel.message.label.text()


def test_reloads_when_shown_after_a_change_elsewhere(qtbot, make_panel, store: UserStore) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel()
    panel.hide()
    store.add_bookmark("palsy", title="面神经麻痹（面瘫）")  # e.g. the toolbar star
    panel.show()
    assert keys(panel)[0] == "palsy"
    store.remove_bookmark("palsy")
    panel.refresh()
    assert "palsy" not in keys(panel)


def test_history_grouped_by_day_opens_and_clears(
    qtbot, make_panel, store: UserStore, clock: Clock, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    store.record_visit("emg", title="肌电图检查须知")
    clock.now += dt.timedelta(days=1)
    store.record_visit("stroke", "team", title="脑卒中后的康复")
    store.record_visit("gone", title="已删除的旧文章")
    panel = make_panel()
    assert panel.history_tree.topLevelItemCount() == 0  # read only when the tab is first shown
    panel.show_history()
    tree = panel.history_tree
    assert [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] == ["Today", "Yesterday"]
    today = tree.topLevelItem(0)
    assert [today.child(i).text(0) for i in range(today.childCount())] == ["已删除的旧文章", "脑卒中后的康复"]
    with qtbot.waitSignal(panel.openRequested) as blocker:
        tree.itemActivated.emit(today.child(1), 0)
    assert blocker.args == ["stroke", "team"]
    with qtbot.assertNotEmitted(panel.openRequested):
        tree.itemActivated.emit(today.child(0), 0)  # gone
        tree.itemActivated.emit(today, 0)  # a day heading

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    panel.clear_history_button.click()
    assert store.count_history() == 3
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.clear_history_button.click()
    assert store.count_history() == 0
    assert tree.topLevelItemCount() == 0 and panel.history_empty.isVisible()
    assert store.count_bookmarks() == 4


def test_older_days_are_named_by_date(make_panel, store: UserStore, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    clock.now -= dt.timedelta(days=5)
    store.record_visit("emg", title="肌电图检查须知")
    panel = make_panel()
    panel.tabs.setCurrentIndex(1)
    label = panel.history_tree.topLevelItem(0).text(0)
    assert label not in ("Today", "Yesterday") and "2026" in label


def test_rows_are_two_comfortable_lines_and_grow_with_the_font(make_panel) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel()
    delegate = panel.view.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(panel.view)
    index = panel.model.index(0)
    small = delegate.sizeHint(option, index).height()
    assert small >= 2 * panel.view.fontMetrics().lineSpacing() + 8
    big = QFont(option.font)
    big.setPointSizeF(option.font.pointSizeF() * 2)
    option.font = big
    assert delegate.sizeHint(option, index).height() > 1.6 * small


def test_the_panel_draws_chinese(make_panel, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel()
    image = panel.grab().toImage()
    assert not image.isNull() and image.width() >= 480


def test_many_bookmarks_are_read_a_page_at_a_time(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from healthreader.ui.bookmarks.panel import PAGE_ROWS

    with UserStore.open(tmp_path / "many.sqlite3") as s:
        s.import_data(
            {
                "format": "healthreader-bookmarks",
                "version": 1,
                "bookmarks": [
                    {
                        "entry_id": f"e{n}",
                        "title": f"条目 {n}",
                        "created_at": f"2026-01-01T00:{n // 60:02d}:{n % 60:02d}+00:00",
                    }
                    for n in range(PAGE_ROWS * 2 + 7)
                ],
            }
        )
        panel = BookmarksPanel(s, lambda _id: "在库中")
        qtbot.addWidget(panel)
        panel.resize(400, 500)
        panel.show()
        assert panel.model.rowCount() == PAGE_ROWS
        panel.view.scrollToBottom()  # the view asks for more as the reader scrolls
        qtbot.waitUntil(lambda: panel.model.rowCount() > PAGE_ROWS)
        panel.model.fetch_all()
        assert panel.model.rowCount() == PAGE_ROWS * 2 + 7
        assert panel.model.bookmark(PAGE_ROWS * 2 + 6).entry_id == "e0"  # oldest last, none twice
        assert len({panel.model.bookmark(r).entry_id for r in range(panel.model.rowCount())}) == PAGE_ROWS * 2 + 7


# ---------------------------------------------------------------- export and import from the menu


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes shown, as (kind, text), instead of blocking the test."""
    shown: list[tuple[str, str]] = []
    for kind in ("warning", "information"):
        monkeypatch.setattr(
            QMessageBox, kind, staticmethod(lambda parent, title, text, *a, _k=kind, **kw: shown.append((_k, text)))
        )
    return shown


def test_export_wipe_import_round_trip_through_the_dialogs(  # type: ignore[no-untyped-def]
    make_panel, qtbot, store: UserStore, tmp_path: Path, boxes, clock: Clock
) -> None:
    from healthreader.ui.bookmarks import exchange as bookmark_io

    panel = make_panel()
    target = tmp_path / "导出" / "bookmarks.json"
    target.parent.mkdir()
    answering = answer_file_dialog(qtbot, target)
    assert bookmark_io.export_bookmarks(panel, store) == target
    assert boxes[-1][0] == "information" and "4" in boxes[-1][1]
    before = store.list_bookmarks()

    with UserStore.open(tmp_path / "wiped" / "userdata.sqlite3", clock=clock) as fresh:
        answering = answer_file_dialog(qtbot, target)
        result = bookmark_io.import_bookmarks(panel, fresh)
        answering.stop()
        assert result is not None and result.added == 4
        assert fresh.list_bookmarks() == before
        assert "4 new bookmark(s) added" in boxes[-1][1]


def test_cancelled_dialogs_do_nothing(make_panel, qtbot, store: UserStore, boxes) -> None:  # type: ignore[no-untyped-def]
    from healthreader.ui.bookmarks import exchange as bookmark_io

    panel = make_panel()
    answering = answer_file_dialog(qtbot, None)  # Escape
    assert bookmark_io.export_bookmarks(panel, store) is None
    answering = answer_file_dialog(qtbot, None)
    assert bookmark_io.import_bookmarks(panel, store) is None
    answering.stop()
    assert boxes == []


def test_invalid_import_file_is_explained_and_nothing_imported(  # type: ignore[no-untyped-def]
    make_panel, store: UserStore, tmp_path: Path, boxes
) -> None:
    from healthreader.ui.bookmarks import exchange as bookmark_io

    panel = make_panel()
    bad = tmp_path / "照片.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not a bookmarks file")
    assert bookmark_io.import_from(panel, store, bad) is None
    kind, text = boxes[-1]
    assert kind == "warning" and "Nothing was imported" in text
    assert store.count_bookmarks() == 4


def test_recovery_is_explained_in_plain_words(tmp_path: Path) -> None:
    from healthreader.ui.bookmarks.exchange import explain_recovery

    path = tmp_path / "userdata.sqlite3"
    path.write_text("not a database")
    with UserStore.open(path) as s:
        assert s.recovery is not None
        text = explain_recovery(s.recovery)
    assert "was not a bookmarks file" in text and str(s.recovered_from) in text
