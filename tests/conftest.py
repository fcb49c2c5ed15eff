"""Shared fixtures.  Every test gets its own user folders; none touches the real home directory."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
TINY_LIBRARY = ROOT / "tests" / "data" / "library"
REAL_LIBRARY = ROOT / "content"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    # Never the PC's installed content packs or trusted keys (/var/lib/healthreader, /etc/healthreader).
    monkeypatch.setenv("HEALTHREADER_PACKS_DIR", str(home / "packs"))
    monkeypatch.setenv("HEALTHREADER_KEYS_DIR", str(home / "keys"))
    # Qt's mock speech engine, unless a test names another: a kiosk starts its engine at once, and
    # speech-dispatcher's daemon must not be spawned by every window a test opens.
    monkeypatch.setenv("HEALTHREADER_SPEECH_ENGINE", "mock")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "userdata"
    d.mkdir()
    return d


@pytest.fixture
def tiny_library(tmp_path: Path) -> Path:
    """A writable copy of the tiny test library."""
    dest = tmp_path / "library"
    shutil.copytree(TINY_LIBRARY, dest)
    return dest
