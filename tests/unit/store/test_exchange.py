"""Export to JSON and import back: round trip, merge without duplicates, invalid files refused whole."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthreader.store import ImportFileError, ImportProblem, UserStore

from .conftest import FakeClock


def _fill(s: UserStore) -> None:
    s.add_bookmark("stroke", title="脑卒中后的康复", note="问医生：何时开始步行", folder="康复")
    s.add_bookmark("stroke", "walking", title="脑卒中后的康复", section_title="步行训练")
    s.add_bookmark("gone", title="已删除的文章", note="条目已不在库中")
    s.create_folder("空文件夹")


def test_round_trip_through_a_wiped_store(store: UserStore, tmp_path: Path, clock: FakeClock) -> None:
    _fill(store)
    out = tmp_path / "书签.json"
    assert store.export_json(out) == 3
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == "healthreader-bookmarks" and doc["version"] == 1
    assert "问医生" in out.read_text(encoding="utf-8")  # readable Chinese, not \\u escapes
    before = store.list_bookmarks()
    with UserStore.open(tmp_path / "fresh" / "userdata.sqlite3", clock=clock) as fresh:
        result = fresh.import_json(out)
        assert (result.added, result.updated, result.unchanged) == (3, 0, 0)
        assert result.folders_added == 2
        assert fresh.list_bookmarks() == before
        assert [f.name for f in fresh.list_folders()] == ["康复", "空文件夹"]


def test_import_twice_adds_no_duplicates(store: UserStore, tmp_path: Path) -> None:
    _fill(store)
    out = tmp_path / "b.json"
    store.export_json(out)
    result = store.import_json(out)
    assert (result.added, result.updated, result.unchanged, result.folders_added) == (0, 0, 3, 0)
    assert store.count_bookmarks() == 3


def test_newer_copy_wins_on_merge(store: UserStore, tmp_path: Path) -> None:
    _fill(store)
    out = tmp_path / "b.json"
    store.export_json(out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    stroke = next(b for b in doc["bookmarks"] if b["entry_id"] == "stroke" and b["anchor"] == "")
    stroke["note"] = "新的笔记"
    stroke["folder"] = "新文件夹"
    stroke["updated_at"] = "2030-01-01T00:00:00+00:00"
    old = next(b for b in doc["bookmarks"] if b["entry_id"] == "gone")
    old["note"] = "older, must not win"
    old["updated_at"] = "2000-01-01T00:00:00+00:00"
    out.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = store.import_json(out)
    assert (result.added, result.updated, result.unchanged, result.folders_added) == (0, 1, 2, 1)
    assert store.get_bookmark("stroke").note == "新的笔记"  # type: ignore[union-attr]
    assert store.get_bookmark("stroke").folder == "新文件夹"  # type: ignore[union-attr]
    assert store.get_bookmark("gone").note == "条目已不在库中"  # type: ignore[union-attr]


def _valid() -> dict[str, Any]:
    return {
        "format": "healthreader-bookmarks",
        "version": 1,
        "folders": [{"name": "甲"}],
        "bookmarks": [{"entry_id": "a", "title": "甲"}, {"entry_id": "b", "title": "乙", "folder": "乙"}],
    }


def _broken(change: str) -> Any:
    doc = _valid()
    if change == "missing-id":
        del doc["bookmarks"][1]["entry_id"]
    elif change == "blank-id":
        doc["bookmarks"][1]["entry_id"] = "  "
    elif change == "number-title":
        doc["bookmarks"][1]["title"] = 5
    elif change == "bad-time":
        doc["bookmarks"][1]["created_at"] = "yesterday"
    elif change == "bookmarks-not-list":
        doc["bookmarks"] = {"a": 1}
    elif change == "record-not-object":
        doc["bookmarks"].append("c")
    elif change == "empty-folder-name":
        doc["folders"].append({"name": " "})
    elif change == "control-character-id":
        doc["bookmarks"][1]["entry_id"] = "b\x00"
    elif change == "version-text":
        doc["version"] = "1"
    return doc


@pytest.mark.parametrize(
    "change",
    [
        "missing-id",
        "number-title",
        "bad-time",
        "bookmarks-not-list",
        "record-not-object",
        "empty-folder-name",
        "version-text",
        "blank-id",
        "control-character-id",
    ],
)
def test_invalid_record_refuses_the_whole_file(store: UserStore, tmp_path: Path, change: str) -> None:
    store.add_bookmark("keep", title="原有")
    f = tmp_path / "bad.json"
    f.write_text(json.dumps(_broken(change)), encoding="utf-8")
    with pytest.raises(ImportFileError) as info:
        store.import_json(f)
    assert info.value.problem is ImportProblem.INVALID
    assert [b.entry_id for b in store.list_bookmarks()] == ["keep"]
    assert store.list_folders() == []


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"\xff\xfe not utf8 \xff", ImportProblem.UNREADABLE),
        (b"{not json", ImportProblem.NOT_JSON),
        (b'{"some": "other json"}', ImportProblem.NOT_BOOKMARKS),
        (b"[1, 2]", ImportProblem.NOT_BOOKMARKS),
        (b'{"format": "healthreader-bookmarks", "version": 99, "bookmarks": []}', ImportProblem.TOO_NEW),
    ],
)
def test_wrong_kind_of_file(store: UserStore, tmp_path: Path, content: bytes, problem: ImportProblem) -> None:
    f = tmp_path / "x.json"
    f.write_bytes(content)
    with pytest.raises(ImportFileError) as info:
        store.import_json(f)
    assert info.value.problem is problem
    assert str(info.value)
    assert store.count_bookmarks() == 0


def test_missing_file_is_unreadable(store: UserStore, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError) as info:
        store.import_json(tmp_path / "nowhere.json")
    assert info.value.problem is ImportProblem.UNREADABLE


def test_failure_half_way_through_the_database_writes_rolls_back(
    store: UserStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    import healthreader.store.userstore as us

    calls = {"n": 0}
    real = us.title_sort_key

    def fail_on_second(title: str) -> str:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk on fire")
        return real(title)

    monkeypatch.setattr(us, "title_sort_key", fail_on_second)
    with pytest.raises(RuntimeError):
        store.import_data(_valid())
    assert store.count_bookmarks() == 0 and store.list_folders() == []


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
_name = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=8)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    records=st.lists(
        st.tuples(_name.filter(str.strip), _text, _text, _text, _name),
        max_size=8,
    )
)
def test_any_store_content_survives_export_and_import(
    tmp_path_factory: pytest.TempPathFactory, records: list[tuple[str, str, str, str, str]]
) -> None:
    d = tmp_path_factory.mktemp("rt")
    with UserStore.open(d / "a.sqlite3") as a, UserStore.open(d / "b.sqlite3") as b:
        for entry_id, anchor, title, note, folder in records:
            a.add_bookmark(entry_id, anchor, title=title, note=note, folder=folder)
            a.set_note(entry_id, anchor, note)
        a.export_json(d / "x.json")
        b.import_json(d / "x.json")
        key = lambda bm: bm.key
        assert sorted(b.list_bookmarks(), key=key) == sorted(a.list_bookmarks(), key=key)


def test_an_export_file_gets_the_users_usual_file_mode(store: UserStore, tmp_path: Path) -> None:
    """An export is carried to another PC or handed on: 0666 less the umask, not mkstemp's 0600."""
    previous = os.umask(0o022)
    try:
        path = tmp_path / "bookmarks.json"
        store.export_json(path)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
