"""Bookmark files as other programs, hand edits, damaged disks and attackers make them.

Each is refused with a sentence (``ImportFileError``: nothing imported, the store as it was) or imported
whole; never a traceback, an OverflowError at the next start, or a hang.  Hypothesis then throws
arbitrary JSON shapes and bytes at the importer with the same expectation.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthreader.store import ImportFileError, ImportProblem, UserStore
from tests.hostile.faults import BOUND_S, run_cli, run_window

HEAD = '{"format": "healthreader-bookmarks", "version": 1, '


def _doc(**record: object) -> str:
    b = {"entry_id": "alpha", "title": "面部肌肉萎缩", "created_at": "2026-01-01T00:00:00+00:00"} | record
    return json.dumps({"format": "healthreader-bookmarks", "version": 1, "bookmarks": [b]}, ensure_ascii=False)


def _many(n: int, **extra: object) -> str:
    return json.dumps(
        {
            "format": "healthreader-bookmarks",
            "version": 1,
            "bookmarks": [{"entry_id": f"e{i}"} | extra for i in range(n)],
        }
    )


# name -> (file contents, expected problem or None when it must import)
REFUSED: dict[str, tuple[Callable[[], str | bytes], ImportProblem]] = {
    "created_at in year 0 UTC (0001-01-01T00:00:00+14:00)": (
        lambda: _doc(created_at="0001-01-01T00:00:00+14:00"),
        ImportProblem.INVALID,
    ),
    "updated_at past 9999 UTC": (lambda: _doc(updated_at="9999-12-31T23:59:59-14:00"), ImportProblem.INVALID),
    "created_at in 1900": (lambda: _doc(created_at="1900-01-01T00:00:00"), ImportProblem.INVALID),
    "created_at of 10,000 characters": (lambda: _doc(created_at="2026" * 2500), ImportProblem.INVALID),
    "lone surrogate in the entry id": (
        lambda: HEAD + '"bookmarks": [{"entry_id": "a\\ud800"}]}',
        ImportProblem.INVALID,
    ),
    "lone surrogate in a note": (
        lambda: HEAD + '"bookmarks": [{"entry_id": "a", "note": "\\udfff"}]}',
        ImportProblem.INVALID,
    ),
    "lone surrogate in a folder name": (
        lambda: HEAD + '"bookmarks": [], "folders": [{"name": "\\udbff"}]}',
        ImportProblem.INVALID,
    ),
    "lone surrogate as a key": (
        lambda: HEAD + '"bookmarks": [{"\\ud800": 1, "entry_id": "a"}]}',
        ImportProblem.INVALID,
    ),
    "5,000-digit version": (
        lambda: '{"format": "healthreader-bookmarks", "version": ' + "9" * 5000 + ', "bookmarks": []}',
        ImportProblem.INVALID,
    ),
    "version 10**30": (
        lambda: '{"format": "healthreader-bookmarks", "version": ' + "1" + "0" * 30 + ', "bookmarks": []}',
        ImportProblem.INVALID,
    ),
    "version 2": (lambda: '{"format": "healthreader-bookmarks", "version": 2, "bookmarks": []}', ImportProblem.TOO_NEW),
    "100,000-deep list": (lambda: HEAD + '"bookmarks": ' + "[" * 100_000 + "]" * 100_000 + "}", ImportProblem.INVALID),
    "100,000-deep objects": (
        lambda: HEAD + '"bookmarks": [' + '{"a":' * 100_000 + "1" + "}" * 100_000 + "]}",
        ImportProblem.INVALID,
    ),
    "unclosed 100,000-deep list": (lambda: "[" * 100_000, ImportProblem.INVALID),
    "duplicate format key": (
        lambda: '{"format": "x", "format": "healthreader-bookmarks", "version": 1, "bookmarks": []}',
        ImportProblem.INVALID,
    ),
    "duplicate key in a bookmark": (
        lambda: HEAD + '"bookmarks": [{"entry_id": "a", "entry_id": "b"}]}',
        ImportProblem.INVALID,
    ),
    "NaN as a time": (lambda: HEAD + '"bookmarks": [{"entry_id": "a", "created_at": NaN}]}', ImportProblem.INVALID),
    "Infinity as the version": (
        lambda: '{"format": "healthreader-bookmarks", "version": Infinity, "bookmarks": []}',
        ImportProblem.INVALID,
    ),
    "a 30 MB file": (lambda: _many(1000, note="长" * 10_000), ImportProblem.TOO_LARGE),
    "a note of 100,000 characters": (lambda: _doc(note="长" * 100_000), ImportProblem.INVALID),
    "a title of 5,000 characters": (lambda: _doc(title="题" * 5_000), ImportProblem.INVALID),
    "11,000 bookmarks": (lambda: _many(11_000), ImportProblem.INVALID),
    "not UTF-8 (GBK)": (lambda: _doc(title="书签").encode("gbk"), ImportProblem.UNREADABLE),
    "a PNG renamed .json": (lambda: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, ImportProblem.UNREADABLE),
    "empty": (lambda: "", ImportProblem.NOT_JSON),
    "cut off half-way": (lambda: _many(50)[:700], ImportProblem.NOT_JSON),
    "JSON true": (lambda: "true", ImportProblem.NOT_BOOKMARKS),
    "a number where text goes": (lambda: _doc(title=12), ImportProblem.INVALID),
    "control characters in the id": (lambda: _doc(entry_id="a\u0000b"), ImportProblem.INVALID),
    "a folder list that is an object": (lambda: HEAD + '"bookmarks": [], "folders": {"a": 1}}', ImportProblem.INVALID),
}
ACCEPTED: dict[str, Callable[[], str | bytes]] = {
    "a UTF-8 byte-order mark (Notepad)": lambda: "\ufeff" + _doc(),
    "a time without a zone": lambda: _doc(created_at="2026-03-10T09:00:00"),
    "the earliest time (1970)": lambda: _doc(created_at="1970-01-01T00:00:00+00:00"),
    "10,000 bookmarks": lambda: _many(10_000),
    "emoji, tabs and line breaks in a note": lambda: _doc(note="问医生😀\t第一\n第二"),
}


def _write(path: Path, content: str | bytes) -> None:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", errors="surrogatepass")


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = UserStore.open(tmp_path / "data" / "userdata.sqlite3")
    s.add_bookmark("mine", title="我的收藏", note="别丢")
    yield s
    s.close()


def _snapshot(s: UserStore) -> list[tuple[Any, ...]]:
    return [(b.key, b.note, b.folder, b.created_at) for b in s.list_bookmarks()] + [(f.name,) for f in s.list_folders()]


@pytest.mark.parametrize("case", list(REFUSED))
def test_refused_whole_with_a_sentence(store: UserStore, tmp_path: Path, case: str) -> None:
    make, problem = REFUSED[case]
    f = tmp_path / "import.json"
    _write(f, make())
    before = _snapshot(store)
    started = time.monotonic()
    with pytest.raises(ImportFileError) as refused:
        store.import_json(f)
    assert time.monotonic() - started < BOUND_S
    assert refused.value.problem is problem, refused.value
    message = str(refused.value)
    assert message and len(message) < 300 and "Traceback" not in message
    assert _snapshot(store) == before  # nothing half-imported


@pytest.mark.parametrize("case", list(ACCEPTED))
def test_accepted_and_readable_afterwards(store: UserStore, tmp_path: Path, case: str) -> None:
    f = tmp_path / "import.json"
    _write(f, ACCEPTED[case]())
    started = time.monotonic()
    result = store.import_json(f)
    assert time.monotonic() - started < 4 * BOUND_S  # 10,000 pinyin sort keys: a few seconds, not minutes
    assert result.added >= 1
    assert store.count_bookmarks() == 1 + result.added
    assert len(store.list_bookmarks()) == 1 + result.added
    store.export_data()


def test_the_0_1_overflow_no_longer_stops_list_or_start(tmp_path: Path) -> None:
    """0.1 said "1 added" and then every list and every start failed with OverflowError."""
    data = tmp_path / "data"
    f = tmp_path / "import.json"
    f.write_text(_doc(created_at="0001-01-01T00:00:00+14:00"), encoding="utf-8")
    imported = run_cli("bookmarks", "import", str(f), data=data)
    imported.assert_clear(2)
    assert "nothing was imported" in imported.err and "not between 1970 and 2199" in imported.err
    run_cli("bookmarks", "list", data=data).assert_clear(0)
    window = run_window(data)
    window.assert_clear(0)
    assert "[screenshot saved]" in window.out


@pytest.mark.parametrize("case", ["5,000-digit version", "100,000-deep list", "lone surrogate in the entry id"])
def test_the_command_line_refuses_with_one_line(tmp_path: Path, case: str) -> None:
    f = tmp_path / "import.json"
    _write(f, REFUSED[case][0]())
    ran = run_cli("bookmarks", "import", str(f), data=tmp_path / "data")
    ran.assert_clear(2)
    assert ran.err.startswith("healthreader: nothing was imported:") and ran.err.count("\n") == 1


# --- fuzzing ----------------------------------------------------------------------------------------------

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(["", "0001-01-01T00:00:00+14:00", "2026-01-01", "9999-12-31T23:59:59-14:00", "\u202e", "\x00"]),
)
_json = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=25,
)
_fields = st.sampled_from(
    ["entry_id", "anchor", "title", "section_title", "note", "folder", "created_at", "updated_at"]
)
_record = st.dictionaries(_fields, _json, max_size=8)
_document = st.fixed_dictionaries(
    {"format": st.just("healthreader-bookmarks"), "version": st.sampled_from([1, 1, 1, 0, 2, True, "1"])},
    optional={"bookmarks": st.lists(_record | _json, max_size=6), "folders": st.lists(_json, max_size=3)},
)


def _fresh_store() -> tuple[UserStore, tempfile.TemporaryDirectory[str]]:
    # In memory where the system has it: every example makes a store, and each commit is fsynced.
    tmp = tempfile.TemporaryDirectory(dir="/dev/shm" if Path("/dev/shm").is_dir() else None)
    s = UserStore.open(Path(tmp.name) / "userdata.sqlite3")
    s.add_bookmark("mine", title="我的收藏")
    return s, tmp


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=_document)
def test_fuzzed_documents_import_whole_or_not_at_all(doc: dict[str, Any]) -> None:
    s, tmp = _fresh_store()
    try:
        before = _snapshot(s)
        try:
            result = s.import_data(doc)
        except ImportFileError:
            assert _snapshot(s) == before
        else:
            assert s.count_bookmarks() == 1 + result.added
        for b in s.list_bookmarks():  # whatever went in reads back: no OverflowError, no bad text
            assert b.created_at.year >= 1970 and not b.damaged
            b.entry_id.encode("utf-8")
        s.export_data()
    finally:
        s.close()
        tmp.cleanup()


@settings(max_examples=200, deadline=None)
@given(raw=st.binary(max_size=400) | st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_fuzzed_bytes_are_refused_with_a_sentence_or_imported(raw: bytes) -> None:
    s, tmp = _fresh_store()
    try:
        f = Path(tmp.name) / "in.json"
        f.write_bytes(raw)
        try:
            s.import_json(f)
        except ImportFileError as exc:
            assert str(exc)
        assert s.get_bookmark("mine") is not None
    finally:
        s.close()
        tmp.cleanup()


def test_a_note_pasted_with_hidden_controls_is_kept_without_them(store: UserStore) -> None:
    b = store.add_bookmark("pasted", title="粘贴的", note="问\u202e医生\x00\x07\t明天\n再问")
    assert b.note == "问医生\t明天\n再问"
    assert store.set_note("pasted", "", "改\u2066过").note == "改过"


def test_hidden_controls_in_imported_text_are_removed(store: UserStore, tmp_path: Path) -> None:
    f = tmp_path / "import.json"
    f.write_text(_doc(title="面部\u0000萎缩", note="问医生\u202etxt.exe\n明天"), encoding="utf-8")
    assert store.import_json(f).added == 1
    b = store.get_bookmark("alpha")
    assert b is not None and (b.title, b.note) == ("面部萎缩", "问医生txt.exe\n明天")
