"""A full build prepares entries (rjieba, pinyin, folding) in other processes while this one writes:
the index it makes is the one a build in one process makes, documents in library order."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthreader.content import load_library
from healthreader.search import SearchService
from healthreader.search import index as index_module
from healthreader.search.index import build_index
from tests.unit.search.conftest import generate_library
from tests.unit.search.test_update import _state


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    return generate_library(tmp_path / "lib", 300, seed=5)


def _open(lib: Path, folder: Path) -> SearchService:
    return SearchService.open(load_library([lib]), folder, prebuilt_dirs=[])


def test_entries_prepared_in_another_process_make_the_same_index(
    lib: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = load_library([lib])
    alone = build_index(library, tmp_path / "alone", workers=0)
    monkeypatch.setattr(index_module, "PARALLEL_MIN", 0)
    monkeypatch.setattr(index_module, "PREPARE_CHUNK", 7)  # many chunks, the last one short
    calls: list[tuple[int, int]] = []
    shared = build_index(library, tmp_path / "shared", workers=1, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(n, 300) for n in range(1, 301)]
    assert (shared.content_hash, shared.entries) == (alone.content_hash, alone.entries)
    one, two = _open(lib, tmp_path / "alone"), _open(lib, tmp_path / "shared")
    searcher = two.index.searcher
    assert [searcher.stored_fields(n)["id"] for n in range(300)] == [e.id for e in library]
    assert _state(one) == _state(two)
    one.close()
    two.close()


def test_a_build_whose_processes_cannot_start_prepares_entries_itself(
    lib: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_processes(_method: str) -> object:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(index_module, "PARALLEL_MIN", 0)
    monkeypatch.setattr(index_module.multiprocessing, "get_context", no_processes)
    build_index(load_library([lib]), tmp_path / "ix", workers=1)
    service = _open(lib, tmp_path / "ix")
    assert service.index.searcher.doc_count() == 300 and service.search("肌肉萎缩").total
    service.close()
