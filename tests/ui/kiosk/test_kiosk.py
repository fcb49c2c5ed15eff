"""Kiosk mode in a real window: every escape route blocked under the policy and working without it,
the idle reset leaving nothing of the previous reader, printing without dialogs, the PIN exit."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QLocale, QObject, QPoint, Qt, QTimer, QTranslator, QUrl
from PySide6.QtGui import (
    QContextMenuEvent,
    QDesktopServices,
    QGuiApplication,
    QHelpEvent,
    QKeyEvent,
    QPalette,
    QShowEvent,
)
from PySide6.QtWidgets import QApplication, QMenu, QScroller, QToolBar, QToolButton, QToolTip, QWidget

from healthreader.config.kiosk import KioskPolicy, hash_pin
from healthreader.paths import DataPaths
from healthreader.ui.access.controller import AccessibilityController
from healthreader.ui.app import create_main_window
from healthreader.ui.kiosk import controller as kiosk_module
from healthreader.ui.kiosk.controller import KioskController
from healthreader.ui.reader.main_window import MainWindow
from healthreader.ui.reader.navigation import Location

PIN = "246813"
PIN_HASH = hash_pin(PIN)


@pytest.fixture
def open_window(
    qtbot, data_dir: Path, tiny_library: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[Callable[..., MainWindow]]:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
    (tmp_path / "run").mkdir(mode=0o700)
    windows: list[MainWindow] = []

    def make(kiosk: bool = True, **fields: object) -> MainWindow:
        # English UI: the assertions below read our messages, whatever the .ts translations say.
        values: dict[str, object] = {
            "exit_pin_hash": PIN_HASH,
            "clinic_name": "康复门诊",
            "clinic_phone": "010-1234",
            "ui_language": "en",
        }
        values.update(fields)
        policy = KioskPolicy(enabled=True, **values) if kiosk else None  # type: ignore[arg-type]
        window = create_main_window(DataPaths.at(data_dir), [tiny_library], None, search=False, kiosk=policy)
        qtbot.addWidget(window)
        if not kiosk:
            window.resize(780, 580)
        with qtbot.waitExposed(window):
            window.show()
        windows.append(window)
        return window

    locale = QLocale()
    yield make
    for window in windows:  # let qtbot close them, and take the app-wide filter away
        controller = window.findChild(KioskController)
        if controller is not None and not controller.is_unlocked:
            controller.unlock()
    # The windows installed the library's (Chinese) translation on the app: later tests expect none.
    app = QApplication.instance()
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(locale)


def controller_of(window: MainWindow) -> KioskController:
    c = window.findChild(KioskController)
    assert c is not None
    return c


class KeyRecorder(QObject):
    """Records the keys (not bare modifiers) that reach a widget, as press or shortcut-override events."""

    def __init__(self, watched: QObject) -> None:
        super().__init__(watched)
        self.seen: list[Qt.Key] = []
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(event, QKeyEvent):
            self.seen.append(event.key())
        return False


# --- keys -----------------------------------------------------------------------------------------------
KEYS = [
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
]


@pytest.mark.parametrize("key, mods", KEYS, ids=["alt+f4", "ctrl+q", "ctrl+w", "escape", "f11"])
@pytest.mark.parametrize("kiosk", [True, False], ids=["kiosk", "normal"])
def test_leaving_keys_never_reach_the_window_in_kiosk_mode(
    qtbot, open_window, kiosk: bool, key: Qt.Key, mods: Qt.KeyboardModifier
) -> None:
    window = open_window(kiosk)
    window.viewer.setFocus()
    seen = KeyRecorder(window.viewer)
    closed: list[bool] = []
    window.actions_["quit"].triggered.connect(lambda: closed.append(True))
    qtbot.keyClick(window.viewer, key, mods)
    if kiosk:
        assert key not in seen.seen and closed == []
        assert window.isVisible() and window.windowState() & Qt.WindowState.WindowFullScreen
    else:
        assert key in seen.seen, "without kiosk mode the key reaches the widget"
        if key == Qt.Key.Key_Q:
            assert closed == [True] and not window.isVisible()


def test_actions_that_lead_out_are_gone_in_kiosk_mode(open_window) -> None:
    window = open_window()
    assert window.menuBar().isHidden() and window.menuBar().actions() == []
    for action_id in (
        "quit",
        "export_pdf",
        "print_preview",
        "large_print",
        "export_bookmarks",
        "import_bookmarks",
        "about",
    ):
        action = window.actions_[action_id]
        assert not action.isVisible() and action.shortcuts() == [], action_id
    assert window.actions_["print"].isVisible() is False  # printing is off by default


def test_actions_are_all_there_in_normal_mode(open_window) -> None:
    window = open_window(kiosk=False)
    assert window.menuBar().isVisible() and len(window.menuBar().actions()) == 5
    assert window.actions_["quit"].isVisible() and window.actions_["quit"].shortcuts()


# --- closing and window state --------------------------------------------------------------------------
@pytest.mark.parametrize("kiosk", [True, False], ids=["kiosk", "normal"])
def test_close_events_are_refused_only_in_kiosk_mode(qtbot, open_window, kiosk: bool) -> None:
    window = open_window(kiosk)
    assert window.close() is (not kiosk)
    assert window.isVisible() is kiosk


@pytest.mark.parametrize(
    "state", [Qt.WindowState.WindowMinimized, Qt.WindowState.WindowNoState, Qt.WindowState.WindowMaximized]
)
@pytest.mark.parametrize("kiosk", [True, False], ids=["kiosk", "normal"])
def test_window_state_changes_snap_back_to_full_screen_in_kiosk_mode(
    qtbot, open_window, kiosk: bool, state: Qt.WindowState
) -> None:
    window = open_window(kiosk)
    if kiosk:
        assert window.windowState() == Qt.WindowState.WindowFullScreen
        assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    window.setWindowState(state)
    if kiosk:
        qtbot.waitUntil(lambda: window.windowState() == Qt.WindowState.WindowFullScreen and window.isVisible())
    else:
        qtbot.wait(50)
        assert window.windowState() == state


# --- links ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kiosk", [True, False], ids=["kiosk", "normal"])
def test_outside_links_are_never_opened(qtbot, open_window, monkeypatch: pytest.MonkeyPatch, kiosk: bool) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    window = open_window(kiosk)
    window.viewer.anchorClicked.emit(QUrl("https://example.com/ads"))
    assert opened == [] and "example.com" in window.infobar.text() and window.isVisible()
    window.viewer.anchorClicked.emit(QUrl("entry:alpha"))  # the library's own links still work
    assert window.current_location().entry_id == "alpha"
    assert not window.viewer.openExternalLinks() and not window.viewer.openLinks()


# --- drag ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kiosk", [True, False], ids=["kiosk", "normal"])
def test_text_cannot_be_selected_to_drag_out_in_kiosk_mode(qtbot, open_window, kiosk: bool) -> None:
    window = open_window(kiosk)
    window.open_location(Location("alpha"))
    viewport = window.viewer.viewport()
    start, end = QPoint(30, 40), QPoint(300, 120)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for x in range(40, 300, 20):
        qtbot.mouseMove(viewport, QPoint(x, 40 + (x - 40) * 80 // 260))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    selectable = bool(window.viewer.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse)
    assert selectable is (not kiosk)
    assert window.viewer.textCursor().hasSelection() is (not kiosk)


# --- context menus ---------------------------------------------------------------------------------------
def _menu_appears(qtbot, widget: QWidget) -> bool:
    shown: list[str] = []

    def close_popup() -> None:
        for popup in QApplication.topLevelWidgets():
            if isinstance(popup, QMenu) and popup.isVisible():
                shown.append(popup.objectName())
                popup.close()

    timer = QTimer()
    timer.timeout.connect(close_popup)
    timer.start(20)
    pos = QPoint(10, 10)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)
    qtbot.wait(60)
    timer.stop()
    return bool(shown)


@pytest.mark.parametrize("kiosk", [True, False], ids=["kiosk", "normal"])
def test_context_menus_appear_only_in_normal_mode(qtbot, open_window, kiosk: bool) -> None:
    window = open_window(kiosk)
    window.open_location(Location("alpha"))
    assert _menu_appears(qtbot, window.viewer.viewport()) is (not kiosk)
    assert _menu_appears(qtbot, window.search_box) is (not kiosk)
    assert _menu_appears(qtbot, window.sidebar.sections.viewport()) is (not kiosk)  # the section menu


# --- touch, banner, problems ------------------------------------------------------------------------------
def test_touch_targets_are_at_least_44_px_and_the_clinic_is_named(qtbot, open_window) -> None:
    window = open_window()
    for action_id in ("back", "home"):
        button = window.toolbar.widgetForAction(window.actions_[action_id])
        assert isinstance(button, QToolButton) and button.isVisible()
        assert button.height() >= 44 and button.width() >= 44
    assert window.search_box.height() >= 44
    assert "min-height: 48px" in window.search_box.completer_.popup().styleSheet()  # its own window
    c = controller_of(window)
    assert c.clinic_label.text() == "康复门诊" and "010-1234" in c.phone_label.text()
    assert c.clinic_label.isVisible() and not c.problems_label.isVisible()
    assert window.viewer.zoom == 125


def test_policy_problems_are_shown_on_screen(qtbot, data_dir: Path, tiny_library: Path, open_window) -> None:
    open_window(kiosk=False).close()  # the fixture's environment, then a window built directly
    window = create_main_window(DataPaths.at(data_dir), [tiny_library], search=False, kiosk=KioskPolicy(enabled=True),
                                kiosk_problems=["idle_timeout_seconds: expected a whole number"])  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    c = controller_of(window)
    try:
        assert c.problems_label.isVisible() and "idle_timeout_seconds" in c.problems_label.text()
    finally:
        c.unlock()


# --- the idle reset -----------------------------------------------------------------------------------------
def test_idle_reset_leaves_no_trace_in_memory_on_screen_or_on_disk(
    qtbot, open_window, data_dir: Path, tmp_path: Path
) -> None:
    window = open_window(idle_timeout_s=1, countdown_s=1)
    c = controller_of(window)
    session_root = c.session.root
    assert session_root.parent == tmp_path / "run" and oct(session_root.stat().st_mode & 0o777) == "0o700"

    # A reader searches, reads two entries, bookmarks one, finds a word, zooms, scrolls.
    qtbot.keyClicks(window.search_box, "jirou")  # ASCII: QTest types no Chinese
    window.open_location(Location(query="jirou"))
    window.open_location(Location("alpha"))
    window.actions_["bookmark"].trigger()
    window.open_location(Location("gamma"))
    window.find_bar.open_bar()
    qtbot.keyClicks(window.find_bar.field, "xunlian")
    window.actions_["zoom_in"].trigger()
    window.viewer.verticalScrollBar().setValue(window.viewer.verticalScrollBar().maximum())
    old_store = window.store
    assert old_store is not None and old_store.count_bookmarks() == 1 and old_store.count_history() == 2
    old_file = old_store.path
    assert old_file.exists() and window.history.can_back()

    qtbot.waitUntil(lambda: c.countdown.isVisible(), timeout=4000)
    assert c.countdown.windowTitle() == "Continue reading?" and "seconds" in c.countdown.note.text()
    qtbot.waitUntil(lambda: c.resets == 1, timeout=4000)

    # In memory: history, results, the store.
    assert not window.history.can_back() and not window.history.can_forward()
    assert window.current_location() == Location()
    assert window.store is not old_store and window.store is not None
    assert window.store.count_bookmarks() == 0 and window.store.count_history() == 0
    assert window.search_box.text() == "" and not window.search_box.isUndoAvailable()
    assert window.search_box.model.rowCount() == 0
    assert window.find_bar.field.text() == "" and not window.find_bar.field.isUndoAvailable()
    assert window.viewer.zoom == 125 and window.settings.get("zoom_percent") == 125
    assert window.settings.get("last_location") == ""
    # On screen: the home page at the top, no bookmark listed, nothing left in the boxes.
    assert not window.find_bar.isVisible() and not c.countdown.isVisible()
    assert window.viewer.verticalScrollBar().value() == 0
    assert window.bookmarks is not None and window.sidebar.indexOf(window.bookmarks) >= 0
    assert window.bookmarks.model.rowCount() == 0 and window.bookmarks.selected_bookmark() is None
    assert not window.actions_["back"].isEnabled()
    # On disk: the patient's store file is gone, and nothing went to the user's data folder.
    assert not old_file.exists() and not Path(str(old_file) + "-wal").exists()
    assert not (data_dir / "userdata.sqlite3").exists() and not (data_dir / "settings.json").exists()
    for f in session_root.rglob("*"):
        if f.is_file():
            assert b"alpha" not in f.read_bytes() and b"jirou" not in f.read_bytes(), f
    # And the next reader starts clean: the idle timer waits for a first touch before counting.
    assert not c.idle_timer.isActive()


def test_the_on_screen_keyboards_words_live_in_the_session_and_go_with_each_reset(qtbot, open_window) -> None:
    window = open_window()
    c = controller_of(window)
    # Qt Virtual Keyboard keeps what is picked on it under XDG_CONFIG_HOME: the kiosk's is its session's.
    config = Path(os.environ["XDG_CONFIG_HOME"])
    assert config.is_relative_to(c.session.root) and config.is_dir()
    learned = config / "qtvirtualkeyboard" / "pinyin" / "usr_dict.dat"
    learned.parent.mkdir(parents=True)
    learned.write_bytes(b"\x01mian tan")
    # The search box is one whose words the keyboard does not learn.
    assert window.search_box.inputMethodHints() & Qt.InputMethodHint.ImhSensitiveData
    c.reset()
    assert not (config / "qtvirtualkeyboard").exists()


def test_a_touch_during_the_countdown_keeps_the_page(qtbot, open_window) -> None:
    window = open_window(idle_timeout_s=1, countdown_s=3)
    c = controller_of(window)
    window.open_location(Location("alpha"))
    qtbot.mouseMove(window.viewer.viewport(), QPoint(20, 20))
    qtbot.waitUntil(lambda: c.countdown.isVisible(), timeout=3000)
    qtbot.mouseClick(c.countdown.keep, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not c.countdown.isVisible(), timeout=1000)
    qtbot.wait(300)
    assert c.resets == 0 and window.current_location().entry_id == "alpha"


def test_reset_closes_open_dialogs(qtbot, open_window) -> None:
    window = open_window()
    c = controller_of(window)
    c.open_pin_pad()
    assert c.pin_pad is not None and c.pin_pad.isVisible()
    c.reset()
    qtbot.waitUntil(lambda: c.pin_pad is None or not c.pin_pad.isVisible())


def test_hidden_bookmarks_mode_has_no_bookmarks(qtbot, open_window) -> None:
    window = open_window(bookmarks="hidden")
    assert window.sidebar.indexOf(window.bookmarks) == -1
    assert not window.actions_["bookmark"].isVisible() and window.actions_["bookmark"].shortcuts() == []
    controller_of(window).reset()
    assert window.sidebar.indexOf(window.bookmarks) == -1


# --- printing -------------------------------------------------------------------------------------------------
# Printing on a real print server: tests/ui/kiosk/test_kiosk_printing.py


# --- the way out -----------------------------------------------------------------------------------------------
def _tap_logo(qtbot, c: KioskController, times: int) -> None:
    for _ in range(times):
        qtbot.mouseClick(c.logo, Qt.MouseButton.LeftButton)


def test_five_taps_and_the_pin_unlock(qtbot, open_window) -> None:
    window = open_window()
    c = controller_of(window)
    _tap_logo(qtbot, c, 4)
    assert c.pin_pad is None
    _tap_logo(qtbot, c, 1)
    pad = c.pin_pad
    assert pad is not None and pad.isVisible()
    assert all(b.height() >= 44 and b.width() >= 44 for b in pad.digit_buttons.values())
    for digit in "1111":
        qtbot.mouseClick(pad.digit_buttons[digit], Qt.MouseButton.LeftButton)
    assert pad.display.text() == "1111" and pad.display.echoMode() == pad.display.EchoMode.Password
    qtbot.mouseClick(pad.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Wrong PIN" in pad.message.text(), timeout=10000)  # checked on a thread
    assert window.isVisible() and not c.is_unlocked
    for digit in PIN:
        qtbot.mouseClick(pad.digit_buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: c.is_unlocked, timeout=10000)
    assert not window.isVisible()


def test_wrong_pins_lock_the_pad(qtbot, open_window, data_dir: Path) -> None:
    window = open_window()
    c = controller_of(window)
    c.open_pin_pad()
    pad = c.pin_pad
    assert pad is not None
    for _ in range(3):
        pad.display.setText("0000")
        qtbot.mouseClick(pad.unlock_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Wrong PIN" in pad.message.text(), timeout=10000)
    assert "Try again in 30 seconds" in pad.message.text()
    pad.display.setText(PIN)  # even the right PIN waits
    qtbot.mouseClick(pad.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Try again" in pad.message.text(), timeout=10000)
    assert not c.is_unlocked and window.isVisible()
    assert (data_dir / "kiosk-pin-lockout.json").exists()


def test_taps_spread_out_do_not_open_the_pad(qtbot, open_window, monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window()
    c = controller_of(window)
    now = [100.0]
    monkeypatch.setattr(kiosk_module.time, "monotonic", lambda: now[0])
    for _ in range(5):
        now[0] += 1.0  # five taps over five seconds
        qtbot.mouseClick(c.logo, Qt.MouseButton.LeftButton)
    assert c.pin_pad is None


def test_clipboard_is_cleared_at_reset(qtbot, open_window) -> None:
    window = open_window()
    QGuiApplication.clipboard().setText("https://example.com")
    controller_of(window).reset()
    assert QGuiApplication.clipboard().text() == ""


def test_quick_taps_count_even_when_they_arrive_as_double_clicks(qtbot, open_window) -> None:
    window = open_window()
    c = controller_of(window)
    for _ in range(2):
        qtbot.mouseClick(c.logo, Qt.MouseButton.LeftButton)
        qtbot.mouseDClick(c.logo, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(c.logo, Qt.MouseButton.LeftButton)
    assert c.pin_pad is not None and c.pin_pad.isVisible()


def test_reset_returns_theme_characters_type_and_drop_down_to_the_policy(qtbot, open_window) -> None:
    window = open_window(text_size=150)
    c = controller_of(window)
    a = window.actions_
    app = QApplication.instance()
    window.open_location(Location("alpha"))
    simplified = window.viewer.toPlainText()
    window_colour = app.palette().color(QPalette.ColorRole.Window)
    font_size = app.font().pointSizeF()
    # The last patient chose high contrast, traditional characters and large type, and left a
    # half-typed search.
    a["theme_contrast"].trigger()
    a["traditional"].setChecked(True)
    a["large_type"].setChecked(True)
    window.open_location(Location("alpha"))
    assert window.viewer.toPlainText() != simplified  # the page really is in traditional characters
    assert app.palette().color(QPalette.ColorRole.Window) != window_colour
    qtbot.keyClicks(window.search_box, "ji")
    popup = window.search_box.completer_.popup()

    c.reset()
    window.open_location(Location("alpha"))

    # On screen: the colours, characters and type the kiosk started with; no drop-down; no text.
    assert app.palette().color(QPalette.ColorRole.Window) == window_colour
    assert window.viewer.toPlainText() == simplified
    assert app.font().pointSizeF() == font_size
    assert not popup.isVisible() and window.search_box.text() == ""
    assert a["theme_system"].isChecked() and not a["theme_contrast"].isChecked()
    assert not a["traditional"].isChecked() and not a["large_type"].isChecked()
    assert window.viewer.zoom == 150
    # In the settings the session keeps: the policy's values, nothing the patient chose.
    assert window.settings.get("theme") == "system" and window.settings.get("traditional") is False
    assert window.settings.get("large_type") is False and window.settings.get("speech_rate") == 0
    assert window.settings.get("zoom_percent") == 150


@pytest.mark.parametrize("kiosk", [True, False], ids=["kiosk", "normal"])
def test_switching_characters_tells_of_a_restart_only_off_a_kiosk(qtbot, open_window, kiosk: bool) -> None:
    # Patients do not restart a kiosk, and it has no menus: the page changes now, and that is all.
    window = open_window(kiosk=kiosk)
    window.open_location(Location("alpha"))
    simplified = window.viewer.toPlainText()
    window.actions_["traditional"].setChecked(True)
    assert window.viewer.toPlainText() != simplified
    note = window.statusBar().currentMessage()
    if kiosk:
        assert note == "" and "start" not in window.statusBar().currentMessage()
    else:
        assert "下次启动" in note or "next time HealthReader starts" in note, note  # the library's language


def test_preview_is_the_kiosk_in_a_window_staff_can_close(qtbot, open_window) -> None:
    window = open_window(preview=True)
    c = controller_of(window)
    # Everything a patient gets: the clinic's banner, no menus, no way out to the files...
    assert c.banner.isVisible() and c.clinic_label.text() == "康复门诊"
    assert not window.menuBar().isVisible() and not window.actions_["quit"].isVisible()
    # ...in an ordinary window with a title bar, saying what it is, that closes like any other.
    assert not window.isFullScreen() and not window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.windowTitle().endswith("(kiosk preview)")
    window.showNormal()
    qtbot.wait(50)
    assert not window.isFullScreen()  # nothing snaps it back
    assert window.close() and not window.isVisible()


def zbar(png: Path) -> list[str]:
    """What a real QR decoder (zbarimg, Debian's zbar-tools) reads in a picture."""
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg is not installed (tools/setup.sh installs zbar-tools)")
    out = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True, timeout=30)
    return out.stdout.splitlines()


def test_an_outside_link_is_a_qr_code_to_scan_with_the_address_below(qtbot, open_window, tmp_path: Path) -> None:
    window = open_window()
    c = controller_of(window)
    address = "https://www.who.int/zh/news-room/fact-sheets/detail/stroke?lang=zh"
    window.viewer.anchorClicked.emit(QUrl(address))
    qtbot.waitUntil(lambda: c.qr_dialog is not None and c.qr_dialog.isVisible(), timeout=2000)
    dialog = c.qr_dialog
    assert dialog.text.isVisible() and dialog.text.text() == address
    assert dialog.code.isVisible() and dialog.code.y() < dialog.text.y()  # the code, and the address below it
    # No "copy address": the info bar with its Copy button is not on screen.
    assert not window.infobar.isVisible() and not window.infobar.copy_button.isVisible()
    shot = tmp_path / "qr.png"
    assert dialog.grab().save(str(shot))
    assert zbar(shot) == [address]
    assert dialog.close_button.height() >= 48
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=1000)


def test_kiosk_handouts_carry_the_entry_code_and_the_clinics_address(open_window) -> None:
    window = open_window(printing=True, entry_url="https://clinic.example/hr/{id}")
    options = controller_of(window).print_options()
    assert options.stamp and options.entry_url == "https://clinic.example/hr/{id}"
    assert options.header_line == "康复门诊  010-1234"


KEY_HINT = re.compile(r"Ctrl\+|Alt\+|Shift\+|\bF\d{1,2}\b|\(Enter\)|回车")


def test_no_keyboard_shortcut_text_anywhere_on_a_kiosk(qtbot, open_window) -> None:
    window = open_window()
    window.search_box.set_ready(True)  # the placeholder once search is ready: "(Ctrl+K)" on a desktop
    # The offscreen screen is 800 px wide: the search box is in the toolbar's overflow, shown when opened.
    QApplication.sendEvent(window.search_box, QShowEvent())
    window.sidebar.setCurrentIndex(window.sidebar.indexOf(window.bookmarks))  # "No bookmarks yet…"
    qtbot.wait(50)
    window.repaint()
    shown: list[str] = []
    for widget in [*window.findChildren(QWidget), window.search_box]:
        if not widget.isVisible() and widget is not window.search_box:
            continue
        for name in ("text", "placeholderText"):
            value = getattr(widget, name, None)
            if callable(value):
                text = value()
                if isinstance(text, str):
                    shown.append(text)
    model = window.search_box.model
    shown += [model.item(i).text() for i in range(model.rowCount())]
    assert shown and not [t for t in shown if KEY_HINT.search(t)], [t for t in shown if KEY_HINT.search(t)]
    assert window.search_box.placeholderText().startswith("Search")
    # No hover-only help: a tooltip event is eaten before any widget shows one.
    button = window.toolbar.widgetForAction(window.actions_["home"])
    event = QHelpEvent(QEvent.Type.ToolTip, QPoint(5, 5), button.mapToGlobal(QPoint(5, 5)))
    QApplication.sendEvent(button, event)
    assert not QToolTip.isVisible()


def test_finger_sized_targets_and_kinetic_scrolling(qtbot, open_window) -> None:
    window = open_window()
    window.open_location(Location("alpha"))
    qtbot.wait(50)
    for action_id in ("back", "home"):
        button = window.toolbar.widgetForAction(window.actions_[action_id])
        assert button is not None and button.height() >= 48, action_id
    assert window.search_box.height() >= 48
    bar = window.sidebar.tabBar()
    assert all(bar.tabRect(i).height() >= 48 for i in range(bar.count()))
    sections = window.sidebar.sections
    assert sections.count() > 0 and all(
        sections.visualItemRect(sections.item(i)).height() >= 48 for i in range(sections.count())
    )
    for view in (window.viewer, sections, window.sidebar.related, window.search_box.completer_.popup()):
        assert QScroller.hasScroller(view.viewport()), view
    # A finger's drag scrolls the article.
    viewport = window.viewer.viewport()
    start = window.viewer.verticalScrollBar().value()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(200, 400))
    for y in range(400, 100, -30):
        qtbot.mouseMove(viewport, QPoint(200, y))
        qtbot.wait(15)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(200, 100))
    qtbot.waitUntil(lambda: window.viewer.verticalScrollBar().value() > start, timeout=3000)


# --- every button named, read aloud only when it can read, the PIN off the UI thread ---------------
def toolbar_buttons(window) -> list[QToolButton]:
    bar = window.toolbar
    buttons = [bar.widgetForAction(a) for a in bar.actions() if a.isVisible() and not a.isSeparator()]
    return [b for b in buttons if isinstance(b, QToolButton)]


def test_every_toolbar_button_shows_its_name(qtbot, open_window) -> None:
    window = open_window(preview=True)  # 1280 × 800, a touch screen's size
    qtbot.wait(50)
    buttons = toolbar_buttons(window)
    assert len(buttons) >= 5
    for b in buttons:
        assert b.toolButtonStyle() in (
            Qt.ToolButtonStyle.ToolButtonTextUnderIcon,
            Qt.ToolButtonStyle.ToolButtonTextOnly,
        )
        assert b.text().strip() and b.isVisible(), b.text()
        assert b.height() >= 48 and b.width() >= 48, b.text()
    names = {b.text() for b in buttons}
    assert {"Back", "Home"} <= names
    # A finger resting on a button shows nothing in the status bar (it showed "Larger text (Ctrl+=)").
    zoom_in = window.toolbar.widgetForAction(window.actions_["zoom_in"])
    window.actions_["zoom_in"].hover()
    qtbot.mouseMove(zoom_in)
    qtbot.wait(50)
    assert window.statusBar().currentMessage() == ""
    assert not [i for i in window.actions_.ids() if window.actions_[i].statusTip()]
    # A narrower screen keeps the names (the desktop drops them for icons alone).
    window.resize(1024, 768)
    qtbot.wait(50)
    assert all(b.toolButtonStyle() != Qt.ToolButtonStyle.ToolButtonIconOnly for b in toolbar_buttons(window))


@pytest.mark.parametrize(
    "size, large",
    [((800, 600), False), ((1366, 800), True), ((1280, 800), True)],
    ids=["800x600", "1366x800-large", "1280x800-large"],
)
def test_every_kiosk_toolbar_action_is_on_screen(qtbot, open_window, size: tuple[int, int], large: bool) -> None:
    # Seen at 1366×800 with large type: A and A+ folded into the toolbar's overflow, the search box's
    # words cut, the second tab "书签和阅读记…"; at 800×600 the search box and A−/A/A+ folded away.
    window = open_window(preview=True)
    window.actions_["large_type"].setChecked(large)
    window.resize(*size)
    qtbot.wait(100)
    assert window.width() <= size[0]
    seen = 0
    for bar in window.findChildren(QToolBar):
        if not bar.isVisible():
            continue
        overflow = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        assert overflow is None or not overflow.isVisible(), f"{bar.objectName()} folds some of its items away"
        for action in bar.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            widget = bar.widgetForAction(action)
            assert widget is not None and widget.isVisible(), action.text()
            where = widget.mapTo(window, widget.rect().topLeft())
            assert where.x() >= 0 and where.x() + widget.width() <= window.width(), action.text()
            seen += 1
    names = {b.text() for b in toolbar_buttons(window)}
    assert {"A−", "A", "A+", "Back", "Home"} <= names and seen >= 9
    box = window.search_box
    assert box.isVisible() and box.width() >= box.fontMetrics().horizontalAdvance(box.placeholderText()) + 24
    tabs = window.sidebar.tabBar()
    for i in range(tabs.count()):
        text = tabs.tabText(i).replace("&", "")
        assert tabs.tabRect(i).width() >= tabs.fontMetrics().horizontalAdvance(text) + 16, text
        assert tabs.tabRect(i).right() < tabs.width(), f"{text!r} is cut by the sidebar's edge"
    # A row of its own for the box only where it does not fit beside the buttons: none at 1280 px.
    row = window.findChild(QToolBar, "kioskSearchRow")
    assert row is not None
    window.actions_["large_type"].setChecked(False)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: not row.isVisible() and box.isVisible(), timeout=2000)
    # Back beside the buttons (after large type, as after a reset), with its words whole.
    words = box.fontMetrics().horizontalAdvance(box.placeholderText())
    assert box.parent() is window.toolbar and box.width() >= words + 24, (box.width(), words)
    window.actions_["large_type"].setChecked(large)
    window.resize(*size)

    def whole() -> bool:  # beside the buttons or on its own row, wherever it fits
        words = box.fontMetrics().horizontalAdvance(box.placeholderText())
        return box.isVisible() and box.width() >= words + 24 and row.isVisible() == (box.parent() is row)

    qtbot.waitUntil(whole, timeout=2000)


def test_read_aloud_is_a_large_button_offered_only_when_it_can_read(qtbot, open_window) -> None:
    window = open_window(preview=True)
    c = controller_of(window)
    speech = window.findChild(AccessibilityController).read_aloud
    # The mock engine has no Chinese voice: it cannot read, so no 朗读 button on the kiosk at all.
    qtbot.waitUntil(lambda: speech.engine == "failed", timeout=5000)
    assert c.read_button is not None and not c.read_button.isVisible()
    assert not window.infobar.isVisible()  # and no word to the patient about it: it is the staff's
    assert window.toolbar.widgetForAction(window.actions_["read_aloud"]) is None  # not hidden in the toolbar
    # An engine that can read (any voice will do for the mock): offered, large, named.
    speech.shutdown()
    speech._score = lambda voice: 1
    speech.probe()
    qtbot.waitUntil(lambda: c.read_button.isVisible(), timeout=5000)
    button = c.read_button
    assert button.height() >= 48 and button.width() >= 48
    # Named beside its icon (under it, the banner did not leave an 800×600 kiosk room).
    assert button.text() == "Read aloud" and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.text() == "Stop"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.text() == "Read aloud" and not speech.reading()


def test_the_pin_is_checked_while_the_screen_keeps_moving(qtbot, open_window) -> None:
    window = open_window()
    c = controller_of(window)
    c.open_pin_pad()
    pad = c.pin_pad
    ticks = [0]
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    timer.start(10)
    for digit in "000000":
        qtbot.mouseClick(pad.digit_buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.unlock_button, Qt.MouseButton.LeftButton)
    # At once: the pad says it is checking and takes no second PIN meanwhile.
    assert pad.message.text() == "Checking the PIN…" and not pad.unlock_button.isEnabled()
    before = ticks[0]
    qtbot.waitUntil(lambda: "Wrong PIN" in pad.message.text(), timeout=10000)
    assert ticks[0] > before  # the event loop turned while scrypt ran
    assert pad.unlock_button.isEnabled()
    for digit in PIN:
        qtbot.mouseClick(pad.digit_buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: c.is_unlocked, timeout=10000)
    assert not window.isVisible()


@pytest.mark.parametrize("where", ["home", "article"])
def test_a_printing_kiosk_fits_an_800x600_screen(qtbot, open_window, where: str) -> None:
    # Seen on Xvfb 800×600 with printing on: the window was at least 635 px high, the status bar and
    # the foot of the page below the screen (the banner's 打印 button, named under its icon, made the
    # banner 106 px).
    window = open_window(preview=True, printing=True)
    if where == "article":
        window.open_location(Location("alpha"))
    window.resize(800, 600)
    qtbot.wait(100)
    assert window.minimumSizeHint().height() <= 600, window.minimumSizeHint()
    assert window.height() <= 600
    bar = window.statusBar()
    assert bar.isVisible() and bar.mapTo(window, bar.rect().bottomLeft()).y() < 600
    printing = controller_of(window).banner.widgetForAction(window.actions_["print"])
    assert printing.isVisible() and printing.height() >= 48 and printing.width() >= 48
    assert printing.text() == "Print" and not printing.icon().isNull()


def test_a_patient_turns_high_contrast_and_traditional_characters_on_and_off_with_a_finger(qtbot, open_window) -> None:
    # A touch screen has no Ctrl+Alt+H or Ctrl+Shift+T: without buttons a patient could not change
    # either (the Xvfb walk had to trigger the actions).
    window = open_window(preview=True)
    c = controller_of(window)
    window.open_location(Location("alpha"))
    simplified = window.viewer.toPlainText()
    buttons = {b.text(): b for b in c.banner.findChildren(QToolButton) if b.isVisible()}
    contrast, traditional = buttons["High contrast"], buttons["Traditional characters"]
    for b in (contrast, traditional):
        assert b.height() >= 48 and b.width() >= 48 and b.isCheckable() and not b.isChecked()
    qtbot.mouseClick(contrast, Qt.MouseButton.LeftButton)
    assert window.actions_["theme_contrast"].isChecked() and contrast.isChecked()
    assert QApplication.palette().color(QPalette.ColorRole.Base).name() == "#000000"
    qtbot.mouseClick(contrast, Qt.MouseButton.LeftButton)  # and off again, as it was
    assert window.actions_["theme_system"].isChecked() and not contrast.isChecked()
    assert QApplication.palette().color(QPalette.ColorRole.Base).name() != "#000000"
    before = traditional.grab().toImage()
    qtbot.mouseClick(traditional, Qt.MouseButton.LeftButton)
    assert traditional.isChecked() and window.viewer.toPlainText() != simplified
    qtbot.mouseMove(window.viewer)  # not hovered: the look of "on" alone
    assert traditional.grab().toImage() != before  # it looks pressed: on, for the eye too
    qtbot.mouseClick(contrast, Qt.MouseButton.LeftButton)
    c.reset()  # the next patient
    assert not contrast.isChecked() and not traditional.isChecked()
    assert window.actions_["theme_system"].isChecked()


def test_after_an_article_at_800x600_the_reset_shows_the_home_pages_topics(qtbot, open_window) -> None:
    # Seen on Xvfb 800x600: in an article the sections folded away for the three related questions, and
    # back at home (after the reset) they stayed folded: the 目录 tab was empty for the next patient.
    window = open_window(preview=True, printing=True)
    window.resize(800, 600)
    qtbot.wait(100)
    topics = [window.sidebar.sections.item(i).text() for i in range(window.sidebar.sections.count())]
    assert window.sidebar.sections.isVisible() and topics
    window.open_location(Location("alpha"))
    window.actions_["large_type"].setChecked(True)  # the tiny library's two questions need it to fold
    qtbot.wait(100)
    assert not window.sidebar.sections.isVisible()  # folded for the related questions, as seen
    controller_of(window).reset()
    qtbot.wait(100)
    sections = window.sidebar.sections
    assert sections.isVisible() and sections.height() >= 48
    assert [sections.item(i).text() for i in range(sections.count())] == topics
    assert sections.visualItemRect(sections.item(0)).bottom() <= sections.viewport().height()
