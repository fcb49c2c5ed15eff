"""The options registry and the back/forward history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from healthreader.config import Settings, SettingsError
from healthreader.paths import DataPaths
from healthreader.ui.reader.navigation import History, Location


def test_defaults_set_and_persist(data_dir: Path) -> None:
    s = Settings(DataPaths.at(data_dir))
    assert s.get("zoom_percent") == 110
    s.set("zoom_percent", 150)
    s.set("last_location", "entry:alpha#x")
    again = Settings(DataPaths.at(data_dir))
    assert again.get("zoom_percent") == 150
    assert again.get("last_location") == "entry:alpha#x"
    # Preferences and session state live in separate files.
    assert "zoom_percent" in json.loads((data_dir / "settings.json").read_text())["values"]
    assert "last_location" in json.loads((data_dir / "session.json").read_text())["values"]


def test_invalid_values_are_refused(data_dir: Path) -> None:
    s = Settings(DataPaths.at(data_dir))
    with pytest.raises(SettingsError):
        s.set("zoom_percent", 123)
    with pytest.raises(SettingsError):
        s.set("ui_language", "klingon")
    with pytest.raises(KeyError):
        s.get("no_such_option")


def test_corrupt_settings_are_kept_aside(data_dir: Path) -> None:
    (data_dir / "settings.json").write_text("{broken", "utf-8")
    s = Settings(DataPaths.at(data_dir))
    assert s.get("zoom_percent") == 110
    assert s.problems and "unreadable settings" in s.problems[0]
    kept = list(data_dir.glob("settings.json.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_text("utf-8") == "{broken"


def test_location_round_trip() -> None:
    loc = Location("alpha", "面神经麻痹面瘫")
    assert Location.parse(loc.to_string()) == loc
    assert Location.parse("alpha") == Location("alpha")
    assert Location.parse("home:") == Location()
    assert Location.parse("") is None


def test_history_back_and_forward() -> None:
    h = History()
    for name in ("a", "b", "c"):
        h.visit(Location(name))
    assert h.back() == Location("b")
    assert h.back() == Location("a")
    assert h.back() is None
    assert h.forward() == Location("b")
    h.visit(Location("d"))
    assert not h.can_forward()
    assert h.back() == Location("b")


def test_a_save_is_durable_its_rename_synced_with_the_folder(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A setting the app was told is saved survives a power cut: the new file is synced, then renamed
    over the old one, then the folder is synced, or the rename may still be only in memory."""
    import os
    import stat

    import healthreader.config.settings as settings_module

    steps: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        is_dir = stat.S_ISDIR(os.fstat(fd).st_mode)
        steps.append(f"fsync {'folder' if is_dir else 'file'} {os.readlink(f'/proc/self/fd/{fd}')}")
        real_fsync(fd)

    def replace(src: str | Path, dst: str | Path) -> None:
        steps.append(f"replace {Path(dst).name}")
        real_replace(src, dst)

    monkeypatch.setattr(settings_module.os, "fsync", fsync)
    monkeypatch.setattr(settings_module.os, "replace", replace)
    settings = Settings(DataPaths(data_dir))
    settings.set("print_header", "诊所 1")
    folder = str(data_dir.resolve())
    assert [s.split(" ", 2)[:2] for s in steps] == [
        ["fsync", "file"],
        ["replace", "settings.json"],
        ["fsync", "folder"],
    ]
    assert steps[-1] == f"fsync folder {folder}"


def test_two_windows_saving_do_not_undo_each_others_settings(data_dir: Path) -> None:
    """Each window holds its own copy of the settings; saving its copy whole put back, in the file,
    the other window's old value of every option it had not touched itself."""
    first, second = Settings(DataPaths(data_dir)), Settings(DataPaths(data_dir))
    first.set("zoom_percent", 150)
    second.set("theme", "dark")
    second.set("last_location", "entry:alpha")
    first.set("print_header", "康复门诊")
    again = Settings(DataPaths(data_dir))
    assert again.get("zoom_percent") == 150
    assert again.get("theme") == "dark"
    assert again.get("print_header") == "康复门诊"
    assert again.get("last_location") == "entry:alpha"
    second.reset("zoom_percent")  # a reset is a change too: the other window's value goes
    assert Settings(DataPaths(data_dir)).get("zoom_percent") == 110
