"""A renamed entry lists its old id under ``moved_from``; bookmarks and history follow it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from healthreader.content import load_library
from healthreader.store import UserStore
from tests.unit.packs.conftest import rename_entry


def test_moved_from_is_read_cached_and_mapped_to_the_new_id(tiny_library: Path, tmp_path: Path) -> None:
    rename_entry(tiny_library, "articles/alpha.md", "alpha-renamed")
    cache = tmp_path / "catalogue.bin"
    for _ in range(2):  # the second load comes from the catalogue cache
        library = load_library([tiny_library], cache_file=cache)
        assert library.problems == []
        assert library.get("alpha-renamed").moved_from == ("alpha",)
        assert library.renamed_ids() == {"alpha": "alpha-renamed"}


def test_an_old_id_still_in_use_is_not_a_rename(tiny_library: Path) -> None:
    path = tiny_library / "articles" / "gamma.md"
    path.write_text(path.read_text(encoding="utf-8").replace("id: gamma", "id: gamma\nmoved_from: [alpha]"), "utf-8")
    assert load_library([tiny_library]).renamed_ids() == {}


def test_a_bad_moved_from_is_a_problem_with_its_line(tiny_library: Path) -> None:
    path = tiny_library / "articles" / "gamma.md"
    path.write_text(path.read_text(encoding="utf-8").replace("id: gamma", "id: gamma\nmoved_from: [Old Name]"), "utf-8")
    library = load_library([tiny_library])
    assert [(p.line, p.message) for p in library.problems] == [
        (3, "moved_from lists 'Old Name': the entry's former ids, not its own")
    ]
    assert library.get("gamma").moved_from == ()


def test_bookmarks_and_history_follow_a_renamed_entry(tmp_path: Path) -> None:
    with UserStore.open(tmp_path / "u.sqlite3", tz=dt.UTC) as store:
        store.add_bookmark("alpha", title="面部肌肉萎缩测试文章")
        store.add_bookmark("alpha", "section-2", title="面部肌肉萎缩测试文章")
        store.add_bookmark("removed-entry", title="已删除的条目")
        store.record_visit("alpha", title="面部肌肉萎缩测试文章")
        assert store.remap_entries({"alpha": "alpha-renamed"}) == 3
        ids = sorted((b.entry_id, b.anchor) for b in store.list_bookmarks())
        assert ids == [("alpha-renamed", ""), ("alpha-renamed", "section-2"), ("removed-entry", "")]
        assert [h.entry_id for h in store.recent_history()] == ["alpha-renamed"]
        assert store.remap_entries({"alpha": "alpha-renamed"}) == 0, "a second start changes nothing"


def test_a_bookmark_of_both_ids_keeps_both(tmp_path: Path) -> None:
    with UserStore.open(tmp_path / "u.sqlite3", tz=dt.UTC) as store:
        store.add_bookmark("alpha", title="旧", note="我的笔记")
        store.add_bookmark("alpha-renamed", title="新")
        store.remap_entries({"alpha": "alpha-renamed"})
        notes = sorted((b.entry_id, b.note) for b in store.list_bookmarks())
        assert notes == [("alpha", "我的笔记"), ("alpha-renamed", "")], "nothing is lost"
