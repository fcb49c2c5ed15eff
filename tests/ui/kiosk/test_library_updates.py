"""A kiosk and its library updates: a new pack is switched to at the next idle reset (never while
someone reads), the watched folder installs what staff drop in, the staff view behind the PIN shows
what was installed when and what patients searched for, counted only with the policy's consent."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QTableWidget

from healthreader.config.kiosk import KioskPolicy, hash_pin
from healthreader.packs import PackStore, SigningKey, build_pack
from healthreader.packs.folders import library_folders
from healthreader.paths import DataPaths
from healthreader.stats import SearchStats
from healthreader.ui.app import create_main_window
from healthreader.ui.kiosk.controller import KioskController
from healthreader.ui.kiosk.staff import StaffView
from healthreader.ui.kiosk.updates import LibraryUpdates
from healthreader.ui.reader.main_window import MainWindow
from healthreader.ui.reader.navigation import Location
from tests.conftest import TINY_LIBRARY
from tests.unit.packs.conftest import set_version

PIN = "246813"
KEY = SigningKey.generate("clinic-group")


def make_pack(tmp_path: Path, version: str, extra_entry: str = "") -> Path:
    src = tmp_path / f"src-{version}"
    shutil.copytree(TINY_LIBRARY, src)
    set_version(src, version)
    if extra_entry:
        (src / "qa" / f"{extra_entry}.md").write_text(
            f"---\nid: {extra_entry}\ntype: qa\ntitle: 新版本才有的问题\nsummary: 新摘要。\ncategory: 神经与肌肉\n"
            "reviewed: 2026-12-01\n---\n新版本的回答。\n",
            encoding="utf-8",
        )
    out = tmp_path / f"library-{version}.hrpack"
    build_pack(src, KEY, out)
    return out


@pytest.fixture
def packs_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "packs"
    monkeypatch.setenv("HEALTHREADER_PACKS_DIR", str(root))
    PackStore(root).install(make_pack(tmp_path, "1.0"), {KEY.public.id: KEY.public})
    return root


@pytest.fixture
def kiosk(
    qtbot, data_dir: Path, packs_root: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[Callable[..., tuple[MainWindow, list[int]]]]:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
    (tmp_path / "run").mkdir(mode=0o700)
    windows: list[MainWindow] = []

    def make(search: bool = False, **fields: object) -> tuple[MainWindow, list[int]]:
        values: dict[str, object] = {"exit_pin_hash": hash_pin(PIN), "clinic_name": "康复门诊", "ui_language": "en"}
        values.update(fields)
        restarts: list[int] = []
        window = create_main_window(
            DataPaths.at(data_dir),
            library_folders(bundled=TINY_LIBRARY, packs_root=packs_root),
            None,
            search=search,
            kiosk=KioskPolicy(enabled=True, **values),  # type: ignore[arg-type]
            restart=lambda: restarts.append(1),
            packs_root=packs_root,
        )
        qtbot.addWidget(window)
        with qtbot.waitExposed(window):
            window.show()
        windows.append(window)
        return window, restarts

    locale = QLocale()
    yield make
    for window in windows:
        controller = window.findChild(KioskController)
        if controller is not None and not controller.is_unlocked:
            controller.unlock()
    app = QApplication.instance()
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(locale)


def parts(window: MainWindow) -> tuple[KioskController, LibraryUpdates]:
    c = window.findChild(KioskController)
    u = window.findChild(LibraryUpdates)
    assert c is not None and u is not None
    return c, u


def table_text(table: QTableWidget) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_a_new_pack_is_switched_to_at_the_idle_reset_not_while_someone_reads(
    qtbot, kiosk, packs_root, tmp_path
) -> None:
    window, restarts = kiosk(idle_timeout_s=1, countdown_s=1)
    c, updates = parts(window)
    assert window.library.primary.version == "1.0"
    qtbot.mouseClick(window.viewer.viewport(), Qt.MouseButton.LeftButton)  # a reader touches the screen
    window.open_location(Location("gamma"))
    PackStore(packs_root).install(make_pack(tmp_path, "1.1", "qa-only-in-new"), {KEY.public.id: KEY.public})
    assert updates.pending
    updates.tick()  # the minute's check: someone is reading, so no switch now
    assert restarts == [] and window.windowTitle().startswith("康复训练测试文章")
    qtbot.waitUntil(lambda: c.resets == 1, timeout=5000)  # the idle question, then the reset
    assert restarts == [1], "the switch happens at the idle reset"
    # What the next start shows: the new version's library, with the entry only it has.
    window2, _ = kiosk()
    assert window2.library.primary.version == "1.1" and "qa-only-in-new" in window2.library
    window2.open_location(Location("qa-only-in-new"))
    assert window2.windowTitle().startswith("新版本才有的问题")


def test_the_watched_folder_installs_a_dropped_pack_and_an_idle_kiosk_switches(
    qtbot, kiosk, packs_root, tmp_path
) -> None:
    drop = tmp_path / "usb"
    drop.mkdir()
    window, restarts = kiosk(pack_folder=str(drop), trusted_keys=(KEY.public.line(),))
    _, updates = parts(window)
    shutil.copy(make_pack(tmp_path, "2.0"), drop / "library-2.0.hrpack")
    (drop / "half-copied.hrpack").write_bytes(b"PK\x03\x04")
    updates.scan()
    qtbot.waitUntil(lambda: restarts == [1], timeout=10000)
    assert PackStore(packs_root).current("test-library").version == "2.0"
    results = {e.file: e.result for e in updates.events}
    assert results["library-2.0.hrpack"] == "installed 2.0"
    assert results["half-copied.hrpack"].startswith("Refused: the file is incomplete")
    assert "half-copied.hrpack is truncated" in results["half-copied.hrpack"]


def _open_staff_view(qtbot, window: MainWindow) -> StaffView:
    c, _ = parts(window)
    c.open_pin_pad()
    pad = c.pin_pad
    assert pad is not None and pad.staff_button.isVisible()
    for digit in PIN:
        qtbot.mouseClick(pad.digit_buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.staff_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(StaffView) is not None, timeout=10000)  # the PIN's thread
    view = window.findChild(StaffView)
    assert view is not None
    qtbot.waitExposed(view)
    assert not c.is_unlocked and window.isVisible(), "the staff view does not leave kiosk mode"
    return view


def test_the_staff_view_shows_what_was_installed_when(qtbot, kiosk, packs_root, tmp_path) -> None:
    store = PackStore(packs_root)
    store.install(make_pack(tmp_path, "1.1"), {KEY.public.id: KEY.public})
    store.rollback("test-library")
    window, _ = kiosk()
    view = _open_staff_view(qtbot, window)
    assert view.windowTitle() == "Staff view"
    assert view.tabs.tabText(0) == "Library" and view.tabs.currentIndex() == 0
    assert view.current_label.text() == "In use: test-library 1.0"
    rows = table_text(view.history_table)
    assert [r[1:5] for r in rows] == [
        ["rolled back", "test-library", "1.0", "1.1"],
        ["installed", "test-library", "1.1", "1.0"],
        ["installed", "test-library", "1.0", ""],
    ]
    assert all(len(r[0]) == len("2026-12-03 10:30") for r in rows)
    assert view.history_table.isVisible() and view.history_table.height() > 100
    view.tabs.setCurrentIndex(1)
    off = view.findChild(type(view.current_label), "staffStatsOff")
    assert off is not None and off.isVisible() and "Search statistics are off" in off.text()


def test_searches_are_counted_only_with_consent_and_shown_from_three(qtbot, kiosk, data_dir) -> None:
    window, _ = kiosk(search=True, search_stats=True, idle_timeout_s=1, countdown_s=1)
    c, _ = parts(window)
    qtbot.waitUntil(lambda: window.search is not None and window.search.is_ready, timeout=30000)

    def search(text: str) -> None:
        with qtbot.waitSignal(window.search.resultsReady, timeout=10000):
            window.open_location(Location(query=text))

    for _reader in range(3):  # three readers, one after another, each searching twice for one thing
        search("康复")
        search("康复")  # the same search again in one session: counted once
        search("打嗝不停")
        c.reset()
    search("只搜一次")
    with SearchStats.open(data_dir / "search-stats.sqlite3") as stats:
        assert [(r.query, r.searches, r.found_nothing) for r in stats.days()] == [("康复", 3, 0), ("打嗝不停", 3, 3)]
    view = _open_staff_view(qtbot, window)
    view.tabs.setCurrentIndex(1)
    assert table_text(view.nothing_table) == [["打嗝不停", "3", "3"]]
    assert table_text(view.frequent_table) == [["康复", "3", "0"], ["打嗝不停", "3", "3"]]
    assert view.frequent_table.isVisible()


def test_without_consent_nothing_is_counted(qtbot, kiosk, data_dir) -> None:
    window, _ = kiosk(search=True)
    qtbot.waitUntil(lambda: window.search is not None and window.search.is_ready, timeout=30000)
    with qtbot.waitSignal(window.search.resultsReady, timeout=10000):
        window.open_location(Location(query="康复"))
    assert not (data_dir / "search-stats.sqlite3").exists()
