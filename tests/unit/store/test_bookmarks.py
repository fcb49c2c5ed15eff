"""Bookmarks and folders: adding, toggling with exact undo, notes, folders, listing and filtering."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from healthreader.store import (
    NO_FOLDER,
    BookmarkNotFoundError,
    BookmarkOrder,
    InvalidNameError,
    StoreError,
    UserStore,
)
from healthreader.store.schema import APPLICATION_ID, SCHEMA_VERSION


def test_new_store_has_schema_wal_and_foreign_keys(store: UserStore, store_path: Path) -> None:
    conn = sqlite3.connect(store_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()
    assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.recovery is None and store.recovered_from is None


def test_reopening_keeps_everything(store_path: Path) -> None:
    with UserStore.open(store_path) as s:
        s.add_bookmark(
            "stroke", "walking", title="脑卒中后的康复", section_title="步行训练", note="每天", folder="康复"
        )
    with UserStore.open(store_path) as s:
        (b,) = s.list_bookmarks()
        assert (b.entry_id, b.anchor, b.title, b.section_title, b.note, b.folder) == (
            "stroke",
            "walking",
            "脑卒中后的康复",
            "步行训练",
            "每天",
            "康复",
        )
        assert s.recovery is None


def test_entry_and_its_sections_are_separate_bookmarks(store: UserStore) -> None:
    store.add_bookmark("stroke", title="脑卒中后的康复")
    store.add_bookmark("stroke", "walking", title="脑卒中后的康复", section_title="步行训练")
    assert store.is_bookmarked("stroke")
    assert store.is_bookmarked("stroke", "walking")
    assert not store.is_bookmarked("stroke", "diet")
    assert [b.anchor for b in store.bookmarks_for_entry("stroke")] == ["", "walking"]
    assert store.count_bookmarks() == 2


def test_adding_again_makes_no_duplicate_and_keeps_note(store: UserStore) -> None:
    first = store.add_bookmark("emg", title="肌电图", note="带报告", folder="检查")
    again = store.add_bookmark("emg", title="肌电图检查指南")
    assert store.count_bookmarks() == 1
    assert again.note == "带报告" and again.folder == "检查"
    assert again.title == "肌电图检查指南"
    assert again.created_at == first.created_at


def test_toggle_removes_and_restore_puts_back_exactly(store: UserStore) -> None:
    added = store.toggle_bookmark("emg", "prep", title="肌电图", section_title="检查前准备").added
    assert added is not None
    store.set_note("emg", "prep", "不要涂润肤霜")
    store.move_to_folder("emg", "prep", "检查")
    before = store.get_bookmark("emg", "prep")
    result = store.toggle_bookmark("emg", "prep", title="肌电图")
    assert result.added is None and result.removed == before
    assert not store.is_bookmarked("emg", "prep")
    store.delete_folder("检查")  # the undo must bring the folder back too
    restored = store.restore_bookmark(result.removed)
    assert restored == before


def test_remove_missing_returns_none(store: UserStore) -> None:
    assert store.remove_bookmark("nothing") is None


def test_note_and_folder_edits(store: UserStore) -> None:
    b = store.add_bookmark("facial-palsy", title="面神经麻痹（面瘫）")
    edited = store.set_note("facial-palsy", "", "  早期用眼罩  ")
    assert edited.note == "早期用眼罩"
    assert edited.updated_at > b.updated_at
    assert store.move_to_folder("facial-palsy", "", "  面部   问题 ").folder == "面部 问题"
    assert store.move_to_folder("facial-palsy", "", NO_FOLDER).folder == ""
    with pytest.raises(BookmarkNotFoundError):
        store.set_note("nope", "", "x")
    with pytest.raises(BookmarkNotFoundError):
        store.move_to_folder("nope", "", "x")


def test_folders_listed_with_counts_and_deleted_folder_keeps_bookmarks(store: UserStore) -> None:
    store.add_bookmark("a", title="甲", folder="康复")
    store.add_bookmark("b", title="乙", folder="康复")
    store.add_bookmark("c", title="丙", folder="检查")
    store.create_folder("空的")
    assert [(f.name, f.count) for f in store.list_folders()] == [("康复", 2), ("检查", 1), ("空的", 0)]
    assert store.delete_folder("康复") == 2
    assert store.count_bookmarks() == 3
    assert store.get_bookmark("a").folder == ""  # type: ignore[union-attr]
    store.rename_folder("检查", "化验和检查")
    assert store.get_bookmark("c").folder == "化验和检查"  # type: ignore[union-attr]
    with pytest.raises(InvalidNameError):
        store.rename_folder("化验和检查", "空的")
    with pytest.raises(InvalidNameError):
        store.create_folder("   ")
    with pytest.raises(StoreError):
        store.rename_folder("no such", "x")


def test_orders(store: UserStore) -> None:
    store.add_bookmark("s", title="脑卒中后的康复")
    store.add_bookmark("e", title="肌电图检查")
    store.add_bookmark("a", title="Atrophy basics")
    store.add_bookmark("f", title="面瘫")
    assert [b.entry_id for b in store.list_bookmarks()] == ["f", "a", "e", "s"]
    # pinyin: atrophy < ji(肌) < mian(面) < nao(脑)
    assert [b.entry_id for b in store.list_bookmarks(BookmarkOrder.TITLE)] == ["a", "e", "f", "s"]


def test_filter_by_words_in_any_field(store: UserStore) -> None:
    store.add_bookmark("s", "walk", title="脑卒中后的康复", section_title="步行训练", note="每天练习")
    store.add_bookmark("e", title="肌电图检查", folder="医院")
    store.add_bookmark("f", title="面瘫", note="100% 要热敷_早晚")
    ids = lambda text, **kw: {b.entry_id for b in store.list_bookmarks(text=text, **kw)}
    assert ids("康复") == {"s"}
    assert ids("步行") == {"s"}
    assert ids("练习") == {"s"}
    assert ids("医院") == {"e"}
    assert ids("康复 每天") == {"s"}
    assert ids("康复 医院") == set()
    assert ids("100%") == {"f"}
    assert ids("%") == {"f"}  # LIKE wildcards are matched literally
    assert ids("_") == {"f"}
    assert ids("") == {"s", "e", "f"}
    assert ids("", folder="医院") == {"e"}
    assert ids("", folder=NO_FOLDER) == {"s", "f"}
    assert ids("面瘫", folder=NO_FOLDER) == {"f"}


def test_a_failed_change_leaves_nothing_behind(store: UserStore) -> None:
    store.add_bookmark("a", title="甲", folder="旧")
    with pytest.raises(InvalidNameError):
        store.rename_folder("旧", "")
    with pytest.raises(StoreError):
        store.add_bookmark("", title="no id")
    with pytest.raises(StoreError):
        store.add_bookmark("a\x00", title="NUL in id")
    with pytest.raises(InvalidNameError):
        store.move_to_folder("a", "", "\x00")
    assert [f.name for f in store.list_folders()] == ["旧"]
    assert not store._conn.in_transaction


def test_revision_changes_on_every_change_including_other_connections(store: UserStore, store_path: Path) -> None:
    r0 = store.revision
    store.add_bookmark("a", title="甲")
    r1 = store.revision
    assert r1 != r0
    with UserStore.open(store_path) as other:
        other.add_bookmark("b", title="乙")
    assert store.revision != r1
    assert store.is_bookmarked("b")


def test_pages_cover_the_list_exactly_once(store: UserStore) -> None:
    for n in range(23):
        store.add_bookmark(f"e{n:02d}", title=f"条目{n}", note="笔记" if n % 2 else "")
    for order in BookmarkOrder:
        for text in ("", "笔记"):
            whole = store.list_bookmarks(order, text)
            pages = [store.list_bookmarks(order, text, limit=5, offset=o) for o in range(0, 30, 5)]
            assert [b for page in pages for b in page] == whole
