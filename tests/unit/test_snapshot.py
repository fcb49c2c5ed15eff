"""The content snapshot: a start from it reads no entry file; a check finds what changed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from healthreader.content.snapshot import check, open_library


def test_a_start_from_the_snapshot_reads_no_entry_file(tiny_library: Path, tmp_path: Path) -> None:
    snap = tmp_path / "cache" / "content.sqlite"
    first = open_library([tiny_library], snap)
    assert not first.needs_check and len(first.library) == 3
    # The entry folders gone: had the start statted or read them, the titles could not be there.
    moved = tmp_path / "away"
    shutil.move(tiny_library / "articles", moved)
    warm = open_library([tiny_library], snap)
    assert warm.needs_check
    lib = warm.library
    assert [e.title for e in lib] == ["面部肌肉萎缩测试文章", "康复训练测试文章", "脸部肌肉萎缩是什么原因引起的"]
    assert lib.get("gamma").title == "康复训练测试文章" and "alpha" in lib and "nope" not in lib
    assert [c.name for c in lib.categories()] == [c.name for c in first.library.categories()]
    assert [e.id for e in lib.related(lib.get("alpha"))] == [e.id for e in first.library.related(lib.get("alpha"))]
    # The check sees both articles gone.
    fresh, changes = check(lib, [tiny_library], snap)
    assert changes.removed == {"alpha", "gamma"} and not changes.added and len(fresh) == 1
    assert len(open_library([tiny_library], snap).library) == 1


def test_a_check_of_an_unchanged_library_keeps_the_library(tiny_library: Path, tmp_path: Path) -> None:
    snap = tmp_path / "content.sqlite"
    open_library([tiny_library], snap)
    lib = open_library([tiny_library], snap).library
    same, changes = check(lib, [tiny_library], snap)
    assert same is lib and not changes


def test_an_edit_is_a_change_of_that_entry_only(tiny_library: Path, tmp_path: Path) -> None:
    snap = tmp_path / "content.sqlite"
    open_library([tiny_library], snap)
    lib = open_library([tiny_library], snap).library
    path = tiny_library / "qa" / "qa-beta.md"
    st = path.stat()
    path.write_text(path.read_text("utf-8").replace("脸部肌肉萎缩是什么原因引起的", "改过的问题"), "utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10_000_000))
    fresh, changes = check(lib, [tiny_library], snap)
    assert changes.changed == {"qa-beta"} and not changes.removed and not changes.added
    assert fresh.get("qa-beta").title == "改过的问题"


def test_a_snapshot_of_other_folders_is_not_used(tiny_library: Path, tmp_path: Path) -> None:
    snap = tmp_path / "content.sqlite"
    open_library([tiny_library], snap)
    other = tmp_path / "other"
    shutil.copytree(tiny_library, other)
    (other / "articles" / "gamma.md").unlink()
    opened = open_library([other], snap)
    assert not opened.needs_check and len(opened.library) == 2


def test_a_body_edited_while_closed_is_a_change_and_a_new_snapshot(tiny_library: Path, tmp_path: Path) -> None:
    """The search index is made from bodies too: an edit below the front matter is a change."""
    snap = tmp_path / "content.sqlite"
    open_library([tiny_library], snap)
    lib = open_library([tiny_library], snap).library
    path = tiny_library / "articles" / "alpha.md"
    st = path.stat()
    path.write_text(path.read_text("utf-8") + "\n新加的一段正文。\n", "utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10_000_000))
    fresh, changes = check(lib, [tiny_library], snap)
    assert changes.changed == {"alpha"}
    assert fresh.token != lib.token  # type: ignore[attr-defined]
    again, none = check(fresh, [tiny_library], snap)
    assert not none and again is fresh


def test_a_changed_word_list_is_a_change_of_the_library(tiny_library: Path, tmp_path: Path) -> None:
    snap = tmp_path / "content.sqlite"
    open_library([tiny_library], snap)
    lib = open_library([tiny_library], snap).library
    (tiny_library / "search").mkdir(exist_ok=True)
    (tiny_library / "search" / "userdict.txt").write_text("面瘫 10 n\n", "utf-8")
    _, changes = check(lib, [tiny_library], snap)
    assert changes.infos
