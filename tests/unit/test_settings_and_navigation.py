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
