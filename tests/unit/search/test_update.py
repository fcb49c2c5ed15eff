"""Incremental re-indexing: after a clinic edits, adds or deletes a few files, the index is brought up
to date by indexing only those (a new small segment; what they replaced marked deleted in the old
one), and every search shows the new state exactly as a full build of the same files would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from whoosh.filedb.filestore import FileStorage

from healthreader.content import load_library
from healthreader.search import SearchService
from healthreader.search import index as index_module
from healthreader.search.index import IndexManager, IndexStatus, Manifest, check_files, check_index, open_index
from tests.unit.search.conftest import TERMS, generate_library, write_entry

ROOT = Path(__file__).resolve().parents[3]
EDITED = ["gen-0001", "gen-0002", "gen-0004", "gen-0005"]
DELETED = ["gen-0003", "gen-0006", "gen-0009"]
ADDED = {"gen-new-0": "火烈鸟综合征", "gen-new-1": "企鹅步态", "gen-new-2": "海豚音带小结"}


def _entry_file(lib: Path, entry_id: str) -> Path:
    return next(lib.rglob(f"{entry_id}.md"))


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    """A generated library with words only one entry has: one that will be edited away, one in an
    entry that will be deleted."""
    folder = generate_library(tmp_path / "lib", 240, seed=16)
    _append(_entry_file(folder, "gen-0002"), "\n鸵鸟蛋黄是这篇原来才有的词。\n")
    _append(_entry_file(folder, "gen-0003"), "\n袋鼠跳跃是将被删除的那篇才有的词。\n")
    return folder


def edit_ten_files(lib: Path) -> None:
    """Four entries edited (a new word, a new section, one title changed, one word taken out), three
    deleted, three added: ten files, as a clinic's week of corrections."""
    first = _entry_file(lib, "gen-0001")
    text = first.read_text(encoding="utf-8")
    old_title = next(line for line in text.splitlines() if line.startswith("title: "))
    first.write_text(text.replace(old_title, "title: 独角兽样皮疹", 1), encoding="utf-8")
    second = _entry_file(lib, "gen-0002")
    second.write_text(second.read_text(encoding="utf-8").replace("鸵鸟蛋黄", "那个词"), encoding="utf-8")
    for entry_id in EDITED:
        _append(_entry_file(lib, entry_id), "\n## 斑马鱼怎么养\n\n斑马鱼要每天换水，水温保持在二十五度左右。\n")
    for entry_id in DELETED:
        _entry_file(lib, entry_id).unlink()
    for entry_id, title in ADDED.items():
        write_entry(
            lib, entry_id, "article", title, [title[:3]], [title[:3] + "病"],
            f"{title}是新加的一篇。\n\n## 怎么治疗{title[:3]}\n\n多休息，按时复查肌电图。\n",
        )  # fmt: skip


def _segments(folder: Path) -> int:
    ix = FileStorage(str(folder), readonly=True).open_index()
    try:
        return len(ix._segments())
    finally:
        ix.close()


def _ids(service: SearchService, text: str) -> list[str]:
    return [h.entry_id for h in service.search(text, limit=500).hits]


QUERIES = [
    *TERMS,
    "肌肉萎缩 康复训练",
    "神经根 肌电图",
    "斑马鱼",
    "火烈鸟",
    "独角兽",
    "肌肉萎缩怎么办",
    "吞咽困难吃什么好",
    "斑马鱼怎么养",
    "腰椎间盘突出是什么原因引起的",
]
SUGGESTIONS = ["火烈", "huolie", "hln", "独角", "djs", "肌肉", "jirou", "斑马", "企鹅", "qie", "袋鼠", "鸵鸟"]


def _state(service: SearchService) -> list[object]:
    """Everything a patient sees for the queries: each hit's entry, score, section and snippet, the
    counts, and the suggestions.  Hits of equal score next to each other are compared as a set: among those, the order
    is the documents' numbers, and an update numbers what it indexed after everything else."""
    seen: list[object] = []
    for q in QUERIES:
        r = service.search(q, limit=500)
        runs: list[tuple[float, list[tuple[str, str, str, str]]]] = []
        for h in r.hits:
            if not runs or runs[-1][0] != h.score:
                runs.append((h.score, []))
            runs[-1][1].append((h.entry_id, h.anchor, h.section_title, h.snippet_html))
        seen.append((q, r.total, r.not_found, [(score, sorted(run)) for score, run in runs]))
    for q in SUGGESTIONS:
        seen.append((q, [(s.entry_id, s.label, s.anchor) for s in service.suggest(q)]))
    return seen


def test_ten_changed_files_are_indexed_alone_and_every_search_shows_the_new_state(lib: Path, tmp_path: Path) -> None:
    user = tmp_path / "user" / "index"
    SearchService.open(load_library([lib]), user, prebuilt_dirs=[]).close()
    first_files = set(Manifest.read(user).files) - {"catalogue.sqlite"}
    edit_ten_files(lib)

    library = load_library([lib])
    assert check_index(user, library)[0] == IndexStatus.STALE
    calls: list[tuple[int, int]] = []
    service = SearchService.open(library, user, prebuilt_dirs=[], progress=lambda d, t: calls.append((d, t)))
    # Only the seven new or changed entries were indexed, into a second segment beside the first.
    assert calls == [(n, 7) for n in range(1, 8)]
    assert _segments(user) == 2
    assert first_files - {n for n in first_files if n.endswith(".toc")} <= set(Manifest.read(user).files)
    assert service.index.searcher.doc_count() == len(library) == 240

    assert sorted(_ids(service, "斑马鱼")) == EDITED  # a new word
    assert _ids(service, "鸵鸟蛋黄") == []  # a word taken out
    assert _ids(service, "袋鼠跳跃") == []  # in a deleted entry only
    everything = {i for t in TERMS for i in _ids(service, t)}
    assert everything and not everything & set(DELETED)  # deleted entries never come back
    assert _ids(service, "火烈鸟") == ["gen-new-0"] and _ids(service, "企鹅步态") == ["gen-new-1"]
    # A new section is found and shown as the hit's section, with its text as the snippet.
    hit = next(h for h in service.search("斑马鱼 换水").hits if h.entry_id == "gen-0004")
    assert hit.section_title == "斑马鱼怎么养" and "换水" in hit.snippet_html
    # The suggestions follow: the new title by its characters and its pinyin, the old title gone.
    assert [s.label for s in service.suggest("独角兽")][:1] == ["独角兽样皮疹"]
    assert "火烈鸟综合征" in [s.label for s in service.suggest("huolieniao")]
    assert "火烈鸟综合征" in [s.label for s in service.suggest("hlnzhz")]
    assert not [s for s in service.suggest("袋鼠") if s.entry_id in DELETED]
    assert service.search("斑马鱼怎么养").hits[0].section_title == "斑马鱼怎么养"  # a question
    updated = _state(service)
    service.close()

    # The same files built in full give the same results, in the same order, with the same snippets.
    full = SearchService.open(library, tmp_path / "full", prebuilt_dirs=[])
    assert _segments(tmp_path / "full") == 1
    assert updated == _state(full)
    full.close()


def test_an_update_starts_from_a_prebuilt_index_and_leaves_it_alone(lib: Path, tmp_path: Path) -> None:
    prebuilt = tmp_path / "opt" / "index"
    SearchService.open(load_library([lib]), prebuilt, prebuilt_dirs=[]).close()
    before = {p.name: p.read_bytes() for p in prebuilt.iterdir()}
    prebuilt.chmod(0o555)
    try:
        edit_ten_files(lib)
        user = tmp_path / "user" / "index"
        service = SearchService.open(load_library([lib]), user, prebuilt_dirs=[prebuilt])
        assert sorted(_ids(service, "斑马鱼")) == EDITED and _segments(user) == 2
        service.close()
    finally:
        prebuilt.chmod(0o755)
    assert {p.name: p.read_bytes() for p in prebuilt.iterdir()} == before


def test_a_kill_in_the_middle_of_an_update_leaves_the_old_index_usable(lib: Path, tmp_path: Path) -> None:
    user = tmp_path / "index"
    SearchService.open(load_library([lib]), user, prebuilt_dirs=[]).close()
    old = Manifest.read(user)
    before = {p.name: p.read_bytes() for p in user.iterdir()}
    edit_ten_files(lib)
    # A process killed (SIGKILL: nothing cleaned up) after it wrote the new segment's third document.
    script = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from healthreader.content import load_library
        from healthreader.search.index import IndexManager

        def progress(done, total):
            if done == 3:
                os.kill(os.getpid(), signal.SIGKILL)

        IndexManager(load_library([Path({str(lib)!r})]), Path({str(user)!r}), prebuilt_dirs=[]).update(progress)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, timeout=120, check=False)
    assert done.returncode == -9, done.stderr.decode()
    leftovers = [p for p in tmp_path.iterdir() if p.name.startswith(".index.build-") and p.is_dir()]
    assert leftovers, "the update did not get as far as its build folder"
    # The index in place is the old one, whole: its files as they were, and it opens and answers.
    assert {p.name: p.read_bytes() for p in user.iterdir()} == before
    assert check_files(user, old)[0] == IndexStatus.OK
    opened = open_index(user, load_library([lib]), expected_hash=old.content_hash)
    assert opened.searcher.doc_count() == 240
    opened.close()

    # The next start cleans up after the killed one and updates.
    service = SearchService.open(load_library([lib]), user, prebuilt_dirs=[])
    assert sorted(_ids(service, "斑马鱼")) == EDITED and _segments(user) == 2
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".index.build-")]
    service.close()


def test_a_damaged_update_segment_costs_a_full_build_not_the_start(lib: Path, tmp_path: Path) -> None:
    user = tmp_path / "index"
    SearchService.open(load_library([lib]), user, prebuilt_dirs=[]).close()
    first = set(Manifest.read(user).files)
    edit_ten_files(lib)
    SearchService.open(load_library([lib]), user, prebuilt_dirs=[]).close()
    added = sorted(set(Manifest.read(user).files) - first - {"catalogue.sqlite"})
    assert added and _segments(user) == 2
    for name in added:  # the update's segment (and its TOC) overwritten by a failing disk
        path = user / name
        path.write_bytes(os.urandom(path.stat().st_size))
    library = load_library([lib])
    assert check_index(user, library)[0] == IndexStatus.CORRUPT
    _append(_entry_file(lib, "gen-0010"), "\n河马牙齿是又一次修改加的。\n")
    service = SearchService.open(load_library([lib]), user, prebuilt_dirs=[])
    assert _segments(user) == 1  # rebuilt in full, not updated from a damaged index
    assert sorted(_ids(service, "斑马鱼")) == EDITED and _ids(service, "河马牙齿") == ["gen-0010"]
    service.close()


def test_when_small_segments_pile_up_the_next_change_is_a_full_build(
    lib: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_module, "MAX_SEGMENTS", 2)
    user = tmp_path / "index"
    SearchService.open(load_library([lib]), user, prebuilt_dirs=[]).close()
    edit_ten_files(lib)
    SearchService.open(load_library([lib]), user, prebuilt_dirs=[]).close()
    assert _segments(user) == 2
    _append(_entry_file(lib, "gen-0010"), "\n河马牙齿是又一次修改加的。\n")
    service = SearchService.open(load_library([lib]), user, prebuilt_dirs=[])
    assert _segments(user) == 1
    assert _ids(service, "河马牙齿") == ["gen-0010"] and sorted(_ids(service, "斑马鱼")) == EDITED
    service.close()


def test_changed_word_lists_are_a_full_build(lib: Path, tmp_path: Path) -> None:
    user = tmp_path / "index"
    manager = IndexManager(load_library([lib]), user, prebuilt_dirs=[])
    manager.open_or_build().close()
    words = lib / "search" / "userdict.txt"
    words.parent.mkdir(exist_ok=True)
    words.write_text("斑马鱼 1000\n", encoding="utf-8")
    _append(_entry_file(lib, "gen-0010"), "\n斑马鱼是新词。\n")
    library = load_library([lib])
    assert IndexManager(library, user, prebuilt_dirs=[]).update() is None
    shutil.rmtree(user)


def test_a_library_copied_to_another_folder_is_still_updated_not_rebuilt(real_copy: Path, tmp_path: Path) -> None:
    """The real library, with its word lists: a clinic's copy on a new PC keeps its index's use."""
    first = tmp_path / "content"
    shutil.copytree(real_copy, first)
    user = tmp_path / "index"
    SearchService.open(load_library([first]), user, prebuilt_dirs=[]).close()
    moved = tmp_path / "clinic-library"
    first.rename(moved)
    _append(moved / "articles" / "facial-palsy.md", "\n斑马鱼疗法没有可靠证据。\n")
    service = SearchService.open(load_library([moved]), user, prebuilt_dirs=[])
    assert _segments(user) == 2 and _ids(service, "斑马鱼疗法") == ["facial-palsy"]
    service.close()


@pytest.mark.parametrize("hash_cache", [False, True])
def test_an_update_reads_the_library_files_once(
    lib: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hash_cache: bool
) -> None:
    """The content hash that finds the index stale gives each entry's hash too, for the update."""
    user, cache = tmp_path / "index", (tmp_path / "cache" if hash_cache else None)
    SearchService.open(load_library([lib]), user, prebuilt_dirs=[], cache_dir=cache).close()
    edit_ten_files(lib)
    reads: list[int] = []
    real = index_module.source_digests

    def counted(library: object) -> index_module.Digests:
        reads.append(1)
        return real(library)  # type: ignore[arg-type]

    monkeypatch.setattr(index_module, "source_digests", counted)
    service = SearchService.open(load_library([lib]), user, prebuilt_dirs=[], cache_dir=cache)
    assert len(reads) == 1 and _segments(user) == 2
    service.close()
