"""The index on disk: manifest, staleness, corruption, read-only prebuilt indexes, atomic swap."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from healthreader.content import load_library
from healthreader.search import IndexManager, IndexStatus, SearchService, build_index
from healthreader.search.index import MANIFEST, SCHEMA_VERSION, check_index


@pytest.fixture
def library_dir(real_copy: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "content"
    shutil.copytree(real_copy, dest)
    return dest


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.rglob("*"))}


def test_build_writes_a_manifest_and_reports_progress(library_dir: Path, tmp_path: Path) -> None:
    library = load_library([library_dir])
    calls: list[tuple[int, int]] = []
    manifest = build_index(library, tmp_path / "ix", progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (len(library), len(library)) and len(calls) == len(library)
    data = json.loads((tmp_path / "ix" / MANIFEST).read_text(encoding="utf-8"))
    assert data["schema"] == SCHEMA_VERSION == manifest.schema
    assert data["libraries"] == [{"id": "healthreader-core", "version": library.infos[0].version}]
    assert data["entries"] == len(library) and len(data["content_hash"]) == 40
    assert "catalogue.sqlite" in data["files"] and any(n.endswith(".seg") or n.endswith(".trm") for n in data["files"])
    assert not any(n.endswith(".seg") and "compound" in n for n in data["files"])
    # Built beside the target and renamed: nothing else is left in the parent folder.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "ix"]
    build_index(library, tmp_path / "ix")  # again, replacing the first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "ix"]


def test_changed_content_makes_the_index_stale_and_it_is_rebuilt(library_dir: Path, tmp_path: Path) -> None:
    user = tmp_path / "user" / "index"
    service = SearchService.open(load_library([library_dir]), user, prebuilt_dirs=[])
    assert service.search("独一无二的新词语", exact=True).total == 0
    service.close()

    article = library_dir / "articles" / "facial-palsy.md"
    article.write_text(article.read_text(encoding="utf-8") + "\n独一无二的新词语出现在这里。\n", encoding="utf-8")
    library = load_library([library_dir])
    status, reason = check_index(user, library)
    assert status == IndexStatus.STALE and "changed" in reason
    assert IndexManager(library, user, prebuilt_dirs=[]).open_existing() is None

    service = SearchService.open(library, user, prebuilt_dirs=[])
    assert [h.entry_id for h in service.search("独一无二的新词语", exact=True).hits] == ["facial-palsy"]
    assert check_index(user, library)[0] == IndexStatus.OK
    service.close()


def test_a_new_word_list_makes_the_index_stale(library_dir: Path, tmp_path: Path) -> None:
    library = load_library([library_dir])
    build_index(library, tmp_path / "ix")
    with (library_dir / "search" / "synonyms.txt").open("a", encoding="utf-8") as f:
        f.write("面瘫 面瘫了\n")
    assert check_index(tmp_path / "ix", load_library([library_dir]))[0] == IndexStatus.STALE


def _largest_index_file(folder: Path) -> Path:
    return max(
        (p for p in folder.iterdir() if p.name not in (MANIFEST, "catalogue.sqlite")), key=lambda p: p.stat().st_size
    )


@pytest.mark.parametrize("damage", ["truncate", "garble", "manifest", "delete"])
def test_a_corrupt_index_is_rebuilt_without_an_exception(library_dir: Path, tmp_path: Path, damage: str) -> None:
    library = load_library([library_dir])
    prebuilt = tmp_path / "prebuilt"
    build_index(library, prebuilt)
    victim = _largest_index_file(prebuilt)
    if damage == "truncate":
        with victim.open("r+b") as f:
            f.truncate(victim.stat().st_size // 2)
    elif damage == "garble":
        victim.write_bytes(os.urandom(victim.stat().st_size))
    elif damage == "manifest":
        (prebuilt / MANIFEST).write_text("{not json", encoding="utf-8")
    else:
        victim.unlink()
    assert check_index(prebuilt, library)[0] == IndexStatus.CORRUPT

    user = tmp_path / "user" / "index"
    service = SearchService.open(library, user, prebuilt_dirs=[prebuilt])
    assert service.folder == user
    assert service.search("面瘫").hits[0].entry_id == "facial-palsy"
    service.close()


def test_a_damaged_toc_is_caught_on_open(library_dir: Path, tmp_path: Path) -> None:
    library = load_library([library_dir])
    ix = tmp_path / "ix"
    build_index(library, ix)
    toc = next(ix.glob("*.toc"))
    toc.write_bytes(b"\x00" * toc.stat().st_size)
    manifest = json.loads((ix / MANIFEST).read_text(encoding="utf-8"))
    manifest["files"].pop(toc.name)  # as if the manifest could not see it: Whoosh's own error is caught
    (ix / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    service = SearchService.open(library, tmp_path / "user", prebuilt_dirs=[ix])
    assert service.folder == tmp_path / "user" and service.search("面瘫").hits
    service.close()


def test_a_prebuilt_index_in_a_read_only_folder_is_used_without_writing(library_dir: Path, tmp_path: Path) -> None:
    library = load_library([library_dir])
    prebuilt = tmp_path / "opt" / "index"
    build_index(library, prebuilt)
    before = snapshot(prebuilt.parent)
    modes = {p: p.stat().st_mode for p in [prebuilt, *prebuilt.iterdir()]}
    for p in modes:
        p.chmod(0o555 if p.is_dir() else 0o444)
    user = tmp_path / "user" / "index"
    try:
        service = SearchService.open(library, user, prebuilt_dirs=[prebuilt])
        assert service.folder == prebuilt
        assert service.search("面瘫").hits and service.suggest("jrws")
        assert service.search("肌肉委缩").corrected_from == "肌肉委缩"
        service.close()
    finally:
        for p, mode in modes.items():
            p.chmod(mode)
    # Tests run as root in CI, where chmod stops nothing: check that nothing was written instead.
    assert snapshot(prebuilt.parent) == before
    assert not user.exists()


def test_the_user_index_is_used_when_no_prebuilt_one_is_current(library_dir: Path, tmp_path: Path) -> None:
    library = load_library([library_dir])
    user = tmp_path / "user"
    build_index(library, user)
    manager = IndexManager(library, user, prebuilt_dirs=[tmp_path / "nowhere"])
    statuses = {folder: status for folder, status, _ in manager.statuses()}
    assert statuses == {tmp_path / "nowhere": IndexStatus.MISSING, user: IndexStatus.OK}
    found = manager.open_existing()
    assert found is not None and found.folder == user
    found.close()


def test_the_content_hash_is_remembered_until_a_file_changes(
    library_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from healthreader.search import index as index_module

    library = load_library([library_dir])
    cache = tmp_path / "cache" / "hash.json"
    first = index_module.cached_content_hash(library, cache)
    assert first == index_module.content_hash(library) and cache.is_file()

    def no_reading(_library: object) -> str:
        raise AssertionError("the entries were read again")

    monkeypatch.setattr(index_module, "content_hash", no_reading)
    assert index_module.cached_content_hash(library, cache) == first
    monkeypatch.undo()

    # A same-size edit (one character for another) still changes the mtime, so the hash is redone.
    article = library_dir / "articles" / "facial-palsy.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("面瘫", "面摊", 1), encoding="utf-8")
    os.utime(article, ns=(article.stat().st_atime_ns, article.stat().st_mtime_ns + 1_000_000))
    assert index_module.cached_content_hash(library, cache) != first


def _resign(folder: Path, name: str) -> None:
    """Record ``name``'s present size and checks in the manifest, as if it had been built so."""
    from healthreader.search.index import _file_check, _whole_crc

    path = folder / name
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    manifest["files"][name] = [path.stat().st_size, _file_check(path), _whole_crc(path)]
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


@pytest.mark.parametrize("damage", ["garble", "delete", "other-format", "not-sqlite", "old-index"])
def test_a_damaged_missing_or_old_catalogue_is_rebuilt(library_dir: Path, tmp_path: Path, damage: str) -> None:
    import sqlite3

    library = load_library([library_dir])
    prebuilt = tmp_path / "prebuilt"
    build_index(library, prebuilt)
    catalogue = prebuilt / "catalogue.sqlite"
    if damage == "garble":
        data = bytearray(catalogue.read_bytes())
        data[len(data) // 2 : len(data) // 2 + 64] = os.urandom(64)
        catalogue.write_bytes(bytes(data))
    elif damage == "delete":
        catalogue.unlink()
    elif damage == "other-format":  # signed as current, but written by another version
        with sqlite3.connect(catalogue) as db:
            db.execute("UPDATE meta SET value = 'healthreader-catalogue-0' WHERE key = 'format'")
        _resign(prebuilt, catalogue.name)
    elif damage == "not-sqlite":
        catalogue.write_bytes(b"SQLite format 3\0" + os.urandom(4096))
        _resign(prebuilt, catalogue.name)
    else:  # an index of the version before: suggest.json and docs.json, no catalogue
        catalogue.unlink()
        (prebuilt / "suggest.json").write_text("{}", encoding="utf-8")
        manifest = json.loads((prebuilt / MANIFEST).read_text(encoding="utf-8"))
        manifest["schema"] = 3
        manifest["files"].pop("catalogue.sqlite")
        (prebuilt / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    expected = IndexStatus.STALE if damage == "old-index" else IndexStatus.CORRUPT
    if damage in ("other-format", "not-sqlite"):
        expected = IndexStatus.OK  # the manifest cannot tell: opening it does
    assert check_index(prebuilt, library)[0] == expected

    user = tmp_path / "user" / "index"
    service = SearchService.open(library, user, prebuilt_dirs=[prebuilt])
    assert service.folder == user and (user / "catalogue.sqlite").is_file()
    assert service.search("面瘫").hits[0].entry_id == "facial-palsy"
    assert service.suggest("jrws")[0].title.startswith("肌肉萎缩")
    service.close()


def test_snippets_are_cut_from_the_index_not_from_the_entry_files(library_dir: Path, tmp_path: Path) -> None:
    library = load_library([library_dir])
    service = SearchService.open(library, tmp_path / "ix", prebuilt_dirs=[])
    before = service.search("面瘫恢复").hits
    assert before and any(h.section_title and '<b class="match">' in h.snippet_html for h in before)
    for hit in before:  # the files go away after opening: the snippets must not change
        library.get(hit.entry_id).path.unlink()
    after = service.search("面瘫恢复").hits
    assert [(h.entry_id, h.anchor, h.section_title, h.snippet_html) for h in after] == [
        (h.entry_id, h.anchor, h.section_title, h.snippet_html) for h in before
    ]
    service.close()


def test_a_catalogue_damaged_while_open_gives_no_suggestions_and_asks_for_a_rebuild(
    library_dir: Path, tmp_path: Path
) -> None:
    library = load_library([library_dir])
    service = SearchService.open(library, tmp_path / "ix", prebuilt_dirs=[])
    catalogue = tmp_path / "ix" / "catalogue.sqlite"
    # The same file, its pages after the first few overwritten (a failing disk under a running reader).
    with catalogue.open("r+b") as f:
        f.seek(8 * 4096)
        f.write(os.urandom(catalogue.stat().st_size - 8 * 4096))
    assert service.suggest("面瘫") == [] and service.damaged
    results = service.search("面瘫")
    assert results.hits == [] and results.hint == "index-unavailable"
    service.close()
    # What the window's worker then does: a new index in the user's folder, and all is well again.
    fresh = SearchService.open(library, tmp_path / "user", prebuilt_dirs=[])
    assert fresh.suggest("面瘫") and not fresh.damaged
    fresh.close()
