"""settings.json and session.json as damage, other editors and attackers leave them: each is read, or
moved aside (kept, never overwritten) with the defaults used and the reader told; never a crash."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from healthreader.config import Settings
from healthreader.config.settings import MAX_FILE_BYTES
from healthreader.paths import DataPaths
from tests.hostile.faults import BOUND_S, run_window

DEEP = 100_000
MOVED_ASIDE: dict[str, str | bytes] = {
    "100,000-deep lists": '{"version": 1, "values": ' + "[" * DEEP + "]" * DEEP + "}",
    "100,000-deep objects": '{"version": 1, "values": ' + '{"a":' * DEEP + "1" + "}" * DEEP + "}",
    "100,000 unclosed brackets": "[" * DEEP,
    "5,000-digit version": '{"version": ' + "1" * 5000 + ', "values": {}}',
    "a 5,000-digit value": '{"version": 1, "values": {"zoom_percent": ' + "1" * 5000 + "}}",
    "duplicate keys": '{"version": 1, "values": {"zoom_percent": 110}, "values": {"zoom_percent": 300}}',
    "a duplicate option": '{"version": 1, "values": {"zoom_percent": 110, "zoom_percent": 300}}',
    "lone surrogates": '{"version": 1, "values": {"print_header": "\\ud800", "last_location": "entry:\\udfff"}}',
    "NaN": '{"version": 1, "values": {"zoom_percent": NaN}}',
    "larger than a settings file can be": '{"version": 1, "values": {"print_header": "' + "x" * MAX_FILE_BYTES + '"}}',
    "not UTF-8": b'{"version": 1, "values": {"print_header": "\xff\xfe"}}',
    "a list": "[1, 2, 3]",
    "version true": '{"version": true, "values": {}}',
    "version 0": '{"version": 0, "values": {}}',
    "empty": "",
    "cut off": '{"version": 1, "values": {"zoom_per',
}


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


@pytest.mark.parametrize("case", list(MOVED_ASIDE))
@pytest.mark.parametrize("name", ["settings.json", "session.json"])
def test_unreadable_file_is_kept_aside_and_defaults_used(tmp_path: Path, case: str, name: str) -> None:
    data = DataPaths(tmp_path / "data")
    content = MOVED_ASIDE[case]
    _write(data.root / name, content)
    started = time.monotonic()
    settings = Settings(data)
    assert time.monotonic() - started < BOUND_S
    assert settings.get("zoom_percent") == 110 and settings.get("last_location") == ""
    [recovery] = settings.recovered
    assert recovery.kept_as != recovery.path and recovery.kept_as.name.startswith(f"{name}.corrupt-")
    raw = content if isinstance(content, bytes) else content.encode("utf-8")
    assert recovery.kept_as.read_bytes() == raw  # kept as it was
    assert not (data.root / name).exists()
    settings.set("zoom_percent", 150)  # and saving works again
    assert Settings(data).get("zoom_percent") == 150 and not Settings(data).recovered


def test_a_second_damaged_file_never_replaces_the_first_kept_copy(tmp_path: Path) -> None:
    data = DataPaths(tmp_path / "data")
    for text in ("first [", "second ["):
        _write(data.settings_file, text)
        Settings(data)
    kept = sorted(p.read_text() for p in data.root.glob("settings.json.corrupt-*"))
    assert kept == ["first [", "second ["]


def test_bad_values_in_a_good_file_fall_back_one_by_one(tmp_path: Path) -> None:
    data = DataPaths(tmp_path / "data")
    values = {"zoom_percent": 300, "theme": "purple", "print_header": "x" * 100_000, "speech_rate": True}
    _write(data.settings_file, json.dumps({"version": 1, "values": values}))
    s = Settings(data)
    assert not s.recovered
    assert (s.get("zoom_percent"), s.get("theme"), s.get("print_header"), s.get("speech_rate")) == (
        300,
        "system",
        "",
        0,
    )


def test_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    data = DataPaths(tmp_path / "data")
    _write(data.settings_file, "\ufeff" + json.dumps({"version": 1, "values": {"zoom_percent": 150}}))
    s = Settings(data)
    assert not s.recovered and s.get("zoom_percent") == 150


def test_killed_saves_leave_no_temporary_files_forever(tmp_path: Path) -> None:
    import os

    data = DataPaths(tmp_path / "data")
    Settings(data).set("zoom_percent", 150)
    stale = data.root / "settings.json.abc123.tmp"
    stale.write_text("{half")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    fresh = data.root / "settings.json.def456.tmp"  # another window saving right now
    fresh.write_text("{half")
    assert Settings(data).get("zoom_percent") == 150
    assert not stale.exists() and fresh.exists()


@pytest.mark.parametrize("case", ["100,000-deep lists", "lone surrogates", "5,000-digit version"])
def test_the_window_starts_and_says_so(tmp_path: Path, case: str) -> None:
    data = tmp_path / "data"
    _write(data / "settings.json", MOVED_ASIDE[case])
    for _start in range(2):  # and the start after it is clean too
        window = run_window(data)
        window.assert_clear(0)
        assert "[screenshot saved]" in window.out
    assert len(list(data.glob("settings.json.corrupt-*"))) == 1
