"""Kiosk mode: one controller applies a ``KioskPolicy`` to a main window and keeps it locked down.

The composition root (``app.py``) reads the policy once and, when it is on, builds the window on a
``KioskSession`` (a private folder for the session's settings and a per-patient store) and attaches a
``KioskController``.  Everything kiosk-specific happens here, through the window's public parts: the
action registry (hide what leads out), the viewer (no text drag), an application-wide event filter
(blocked keys, no context menus, no closing, back to full screen, idle tracking), a clinic banner
with the hidden exit gesture, the idle countdown and the reset between patients, printing straight
to the default printer, and the PIN pad.  The widgets themselves hold no ``if kiosk:``.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, MutableMapping
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QKeyCombination, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QIcon, QKeyEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScroller,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from healthreader.config import OPTIONS, Scope, Settings
from healthreader.config.kiosk import KioskPolicy, PinGuard, PinResult
from healthreader.paths import DataPaths, resource
from healthreader.printjobs import Outcome, Printer
from healthreader.store import UserStore
from healthreader.ui.bookmarks.panel import BookmarksPanel
from healthreader.ui.common.scale import LARGE_UI_FACTOR, scale_sizes
from healthreader.ui.kiosk.qr import QrDialog
from healthreader.ui.kiosk.words import SpellingWords
from healthreader.ui.printing import document as printing
from healthreader.ui.printing.document import PrintError, PrintOptions
from healthreader.ui.printing.jobs import PrinterDiscovery, PrintJob, cancel_job_later, outcome_text, status_text
from healthreader.ui.reader.main_window import SIDEBAR_MIN_WIDTH, MainWindow
from healthreader.ui.reader.navigation import Location

log = logging.getLogger(__name__)

#: Actions that lead out of the app or to the file system: never available in a kiosk.
ALWAYS_BLOCKED = ("quit", "about", "export_pdf", "print_preview", "large_print", "export_bookmarks", "import_bookmarks")

_K, _M = Qt.Key, Qt.KeyboardModifier
#: Keys that close, switch or un-fullscreen windows elsewhere; eaten before any widget sees them.
BLOCKED_KEYS = frozenset({
    QKeyCombination(_M.AltModifier, _K.Key_F4),
    QKeyCombination(_M.ControlModifier, _K.Key_Q),
    QKeyCombination(_M.ControlModifier, _K.Key_W),
    QKeyCombination(_M.ControlModifier | _M.ShiftModifier, _K.Key_Q),
    QKeyCombination(_M.ControlModifier | _M.ShiftModifier, _K.Key_W),
    QKeyCombination(_M.ControlModifier, _K.Key_F4),
    QKeyCombination(_M.NoModifier, _K.Key_F11),
    QKeyCombination(_M.NoModifier, _K.Key_Escape),
})  # fmt: skip

_INPUT_EVENTS = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.KeyPress, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.InputMethod,
})  # fmt: skip
# Quick taps arrive as press, double-click, press, double-click...: each one counts.
_TAP_EVENTS = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.TouchBegin})
_PRESS_EVENTS = frozenset(
    {QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.TouchBegin, QEvent.Type.Wheel}
)

_KEY = r"(?:(?:Ctrl|Alt|Shift|Meta)\+)+[^\s，。,.;；)）]+|\bF\d{1,2}\b|\bEnter\b|回车"
#: Shortcut hints in the desktop's words: "(Ctrl+K)", "（回车）", "or Ctrl+D", "或按 Ctrl+D", "后按回车".
KEY_HINT = re.compile(rf"\s*[(（][^()（）]*(?:{_KEY})[^()（）]*[)）]|\s*(?:或者按|或按|后按|按|\bor)\s*(?:{_KEY})")


def without_key_hints(text: str) -> str:
    """``text`` without shortcut hints: a touch screen has no keyboard to press them on.

    >>> without_key_hints("还没有书签。点击星标或按 Ctrl+D，可以把正在阅读的内容加入书签。")
    '还没有书签。点击星标，可以把正在阅读的内容加入书签。'
    >>> without_key_hints("Search: words, pinyin or initials (Ctrl+K)")
    'Search: words, pinyin or initials'
    """
    return KEY_HINT.sub("", text)


TAPS_TO_UNLOCK = 5
TAP_WINDOW_S = 3.0

# Touch targets of at least 44 px (WCAG 2.5.5), bigger type, no hover-only affordances.
KIOSK_STYLESHEET = """
QWidget { font-size: 15pt; }
QToolBar { spacing: 8px; padding: 2px; }  /* three rows of 4 px left an 800x600 kiosk 2 px too tall */
QToolBar QToolButton { min-height: 48px; min-width: 56px; padding: 4px 6px; margin: 2px; }
QPushButton { min-height: 48px; min-width: 96px; padding: 4px 18px; }
QLineEdit { min-height: 48px; padding: 0 8px; }
QTabBar::tab { min-height: 48px; padding: 0 12px; margin-right: 4px; }
QListView::item, QListWidget::item, QTreeView::item { min-height: 48px; padding: 2px 6px; margin: 2px 0; }
QComboBox { min-height: 48px; }
QScrollBar:vertical { width: 32px; }
QScrollBar::handle:vertical { min-height: 64px; }
QScrollBar:horizontal { height: 32px; }
#kioskBanner { background: #1f5f8b; border: none; }
#kioskBanner QLabel { color: white; }
#kioskBanner QToolButton { color: white; background: #2c77ab; border: 1px solid #8fc1e3; border-radius: 6px; }
#kioskBanner QToolButton:disabled { color: #9fbfd6; background: transparent; }
#kioskBanner QToolButton:checked { color: #102a43; background: #ffd54a; border: 2px solid white; }
#kioskClinic { font-size: 20pt; font-weight: bold; }
#kioskPhone { font-size: 17pt; }
#kioskProblems { color: #ffe08a; font-size: 12pt; }
#kioskCountdown, #pinPad, #kioskQr { border: 3px solid #1f5f8b; }
#qrAddress { font-size: 17pt; }
#pinDisplay { font-size: 28pt; min-height: 64px; }
#pinPad QPushButton[digit="true"] { min-width: 88px; min-height: 72px; font-size: 24pt; }
#kioskCountdown QLabel#countdownTitle { font-size: 24pt; font-weight: bold; }
"""


def _session_base() -> Path:
    """A per-user tmpfs when there is one (nothing of a patient reaches the disk), else the temp dir."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir() and os.access(runtime, os.W_OK):
        return Path(runtime)
    return Path(tempfile.gettempdir())


class KioskSession:
    """A private folder (mode 0700) for one kiosk run: the session's settings and one SQLite store
    per patient, each deleted at the next reset; the folder goes when the app ends."""

    PREFIX = "healthreader-kiosk-"

    def __init__(self, root: Path) -> None:
        self.root = root
        self._serial = 0
        self._stores: list[UserStore] = []

    @classmethod
    def create(cls, base: Path | None = None) -> KioskSession:
        base = base or _session_base()
        cls._sweep(base)
        return cls(Path(tempfile.mkdtemp(prefix=f"{cls.PREFIX}{os.getpid()}-", dir=base)))

    @classmethod
    def _sweep(cls, base: Path) -> None:
        """Remove folders left by kiosk runs that died (their process is gone)."""
        for folder in base.glob(cls.PREFIX + "*"):
            m = re.match(re.escape(cls.PREFIX) + r"(\d+)-", folder.name)
            if m is None or int(m[1]) == os.getpid():
                continue
            try:
                os.kill(int(m[1]), 0)
            except ProcessLookupError:
                shutil.rmtree(folder, ignore_errors=True)
            except OSError:
                pass  # alive, or someone else's

    @property
    def config_home(self) -> Path:
        """The kiosk process's XDG_CONFIG_HOME (see ``keep_keyboard_here``)."""
        return self.root / "config"

    def keep_keyboard_here(self, env: MutableMapping[str, str] = os.environ) -> None:
        """Qt Virtual Keyboard's pinyin engine keeps the words picked on it in
        ``QStandardPaths::GenericConfigLocation``/qtvirtualkeyboard/pinyin/usr_dict.dat, that is under
        XDG_CONFIG_HOME: in ~/.config a patient's picks would outlive every reset and restart.  The
        engine opens that file the first time the keyboard is shown, after this."""
        self.config_home.mkdir(mode=0o700, exist_ok=True)
        env["XDG_CONFIG_HOME"] = str(self.config_home)

    def forget_keyboard(self) -> None:
        """What the keyboard wrote for the last patient goes with the reset."""
        shutil.rmtree(self.config_home / "qtvirtualkeyboard", ignore_errors=True)

    def settings(self, policy: KioskPolicy) -> Settings:
        """Settings kept in the session folder, with the options the policy decides already set."""
        settings = Settings(DataPaths(self.root))
        for name, value in policy.option_overrides().items():
            settings.set(name, value)
        return settings

    def new_store(self) -> UserStore:
        self._serial += 1
        store = UserStore.open(self.root / f"patient-{self._serial}.sqlite3")
        self._stores.append(store)
        return store

    def discard(self, store: UserStore) -> None:
        """Close a patient's store and delete its file and SQLite's companions."""
        store.close()
        if store in self._stores:
            self._stores.remove(store)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(store.path) + suffix).unlink(missing_ok=True)

    def close(self) -> None:
        for store in list(self._stores):
            self.discard(store)
        shutil.rmtree(self.root, ignore_errors=True)


class CountdownDialog(QDialog):
    """ "Continue reading?" with a seconds countdown; ``expired`` when it reaches zero."""

    expired = Signal()

    def __init__(self, seconds: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("kioskCountdown")
        # No title bar: a window manager's minimise/maximise/close buttons would only confuse here.
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setWindowTitle(self.tr("Continue reading?"))
        self.setModal(True)
        self._seconds = seconds
        self._left = seconds
        title = QLabel(self.tr("Continue reading?"))
        title.setObjectName("countdownTitle")
        self.note = QLabel()
        self.note.setObjectName("countdownNote")
        self.keep = QPushButton(self.tr("Keep reading"))
        self.keep.setObjectName("keepReading")
        self.keep.setDefault(True)
        self.keep.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(16)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.note, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.keep, 0, Qt.AlignmentFlag.AlignCenter)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.finished.connect(lambda *_: self._timer.stop())

    def start(self) -> None:
        self._left = self._seconds
        self._show_left()
        self._timer.start()
        self.open()

    def seconds_left(self) -> int:
        return self._left

    def _tick(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self._timer.stop()
            self.done(QDialog.DialogCode.Rejected)
            self.expired.emit()
        else:
            self._show_left()

    def _show_left(self) -> None:
        self.note.setText(
            self.tr("In %1 seconds this page closes and the reader starts again for the next person.").replace(
                "%1", str(self._left)
            )
        )


class PinPad(QDialog):
    """Big digit buttons and a masked display; ``submitted(pin)`` on Unlock.  The caller answers."""

    submitted = Signal(str)
    staffSubmitted = Signal(str)  # the PIN, typed to open the staff view instead of leaving

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("pinPad")
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setWindowTitle(self.tr("Staff only: leave kiosk mode"))
        self.setModal(True)
        self.display = QLineEdit()
        self.display.setObjectName("pinDisplay")
        self.display.setEchoMode(QLineEdit.EchoMode.Password)
        self.display.setReadOnly(True)  # typed through the pad (or the digit keys), never pasted
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.message = QLabel(self.tr("Enter the staff PIN"))
        self.message.setObjectName("pinMessage")
        self.message.setWordWrap(True)
        grid = QGridLayout()
        grid.setSpacing(10)
        self.digit_buttons: dict[str, QPushButton] = {}
        for n, digit in enumerate("123456789"):
            grid.addWidget(self._digit(digit), n // 3, n % 3)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.display.backspace)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("pinUnlock")
        self.unlock_button.clicked.connect(self._submit)
        grid.addWidget(self.delete_button, 3, 0)
        grid.addWidget(self._digit("0"), 3, 1)
        grid.addWidget(self.unlock_button, 3, 2)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.staff_button = QPushButton(self.tr("Staff view"))
        self.staff_button.setObjectName("pinStaff")
        self.staff_button.clicked.connect(self._submit_staff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.message)
        layout.addWidget(self.display)
        layout.addLayout(grid)
        layout.addWidget(self.staff_button)
        layout.addWidget(self.cancel_button)

    def _digit(self, digit: str) -> QPushButton:
        button = QPushButton(digit)
        button.setProperty("digit", True)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        button.clicked.connect(lambda: self.press(digit))
        self.digit_buttons[digit] = button
        return button

    def press(self, digit: str) -> None:
        if len(self.display.text()) < 12:
            self.display.setText(self.display.text() + digit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.text().isdigit() and event.text().isascii():
            self.press(event.text())
        elif event.key() == Qt.Key.Key_Backspace:
            self.display.backspace()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._submit()
        else:
            super().keyPressEvent(event)

    def _submit(self) -> None:
        pin = self.display.text()
        self.display.setText("")
        self.submitted.emit(pin)

    def _submit_staff(self) -> None:
        pin = self.display.text()
        self.display.setText("")
        self.staffSubmitted.emit(pin)

    def say(self, text: str) -> None:
        self.message.setText(text)

    def set_checking(self, checking: bool) -> None:
        """While the PIN is checked: say so, and take no other PIN."""
        for button in (self.unlock_button, self.staff_button):
            button.setEnabled(not checking)
        if checking:
            self.say(self.tr("Checking the PIN…"))


class KioskController(QObject):
    """Applies the policy to ``window`` and keeps it: see the module docstring.  Parented to the window."""

    resetDone = Signal()
    unlocked = Signal()
    _pinChecked = Signal(object, bool)  # from the PIN thread: the PinResult, and whether for the staff view
    staffRequested = Signal()  # the right PIN with "Staff view": app.py opens the staff view

    def __init__(
        self,
        window: MainWindow,
        policy: KioskPolicy,
        session: KioskSession,
        guard: PinGuard,
        make_panel: Callable[[UserStore], BookmarksPanel],
        problems: list[str] | tuple[str, ...] = (),
    ) -> None:
        super().__init__(window)
        self.setObjectName("kioskController")
        self.window = window
        self.words = SpellingWords(window.search_box, window)
        self.policy = policy
        self.session = session
        self.guard = guard
        self._make_panel = make_panel
        self.problems = list(problems)
        self.is_unlocked = False
        self._allow_close = False
        self._styled_shown = False  # the tool bars told of their sheet once the window is shown (eventFilter)
        self._dirty = False  # someone touched the screen since the last reset
        self._taps: deque[float] = deque(maxlen=TAPS_TO_UNLOCK)
        self.resets = 0
        self.pin_pad: PinPad | None = None
        self._checking = False  # a PIN is being checked on its thread
        self._pinChecked.connect(self._on_pin_checked)
        self.read_button: QWidget | None = None
        self.qr_dialog: QrDialog | None = None
        self._print_jobs: list[PrintJob] = []
        self.print_wait_s = 120.0  # how long a job is followed before the patient is told to ask the staff
        entry = policy.start_entry
        if entry and entry not in window.library:
            log.error("kiosk start_entry %r is not in the library; starting at the home page", entry)
            entry = ""
        self.start = Location(entry) if entry else Location()

        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(policy.idle_timeout_s * 1000)
        self.idle_timer.timeout.connect(self._on_idle)
        self.countdown = CountdownDialog(policy.countdown_s, window)
        self.countdown.expired.connect(self.reset)
        self.countdown.accepted.connect(self._note_activity)
        self._restore_timer = QTimer(self)
        self._restore_timer.setSingleShot(True)
        self._restore_timer.setInterval(0)
        self._restore_timer.timeout.connect(self.restore_full_screen)
        app = QCoreApplication.instance()
        assert app is not None
        app.aboutToQuit.connect(self._on_quit)  # before app.py's window.close: quitting must not be blocked
        window.destroyed.connect(session.close)

    # --- applying the policy ---------------------------------------------------------------------
    def apply(self) -> None:
        w = self.window
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.installEventFilter(self)
        if self.policy.preview:
            # Staff trying a policy: the kiosk at a touch screen's size, in a window they can close.
            self._allow_close = True
            w.resize(1280, 800)
            w.windowTitleChanged.connect(self._mark_preview)
            self._mark_preview(w.windowTitle())
        else:
            w.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
            w.setWindowState(Qt.WindowState.WindowFullScreen)
        w.menuBar().clear()  # the menus hold Quit, Export, Import: gone, mnemonics included
        w.menuBar().hide()
        w.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)  # no "hide toolbar" menu
        w.toolbar.setFloatable(False)
        w.toolbar.setMovable(False)
        w.toolbar.toggleViewAction().setEnabled(False)
        blocked = list(ALWAYS_BLOCKED)
        if not self.policy.printing:
            blocked.append("print")
        if self.policy.bookmarks == "hidden":
            blocked += ["bookmark", "show_bookmarks"]
        for action_id in blocked:
            action = w.actions_[action_id]
            action.setShortcuts([])  # an invisible action's shortcut must not fire either
            action.setVisible(False)
            action.setEnabled(False)
        if self.policy.printing:
            a = w.actions_["print"]
            a.triggered.disconnect()  # not the preview: its dialogs reach the file system
            a.triggered.connect(self.print_current)
            a.setText(self.tr("Print"))
        if self.policy.bookmarks == "hidden" and w.bookmarks is not None:
            w.sidebar.removeTab(w.sidebar.indexOf(w.bookmarks))
        # Links stay clickable; selecting (and so dragging text out) does not.
        w.viewer.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        w.viewer.setAcceptDrops(False)
        w.outsideLinkShown.connect(self.show_qr)
        w.search_box.setDragEnabled(False)
        w.search_box.setAcceptDrops(False)
        # Qt Virtual Keyboard's pinyin engine learns no words typed into sensitive fields: what one
        # patient searched for must not be offered first to the next.
        w.search_box.setInputMethodHints(w.search_box.inputMethodHints() | Qt.InputMethodHint.ImhSensitiveData)
        # The keyboard's pinyin engine offers 面他 for "mianta", never 面瘫: the box offers the library's
        # words for the pinyin still being spelled.
        w.search_box.offer_words_while_spelling()
        # A search, or a suggestion chosen, answers the keyboard: it goes, and the page is not left under
        # it (on Xvfb the results page was half covered after a word was tapped).
        w.search_box.searchRequested.connect(self._hide_keyboard)
        w.search_box.entryRequested.connect(self._hide_keyboard)
        for child in w.findChildren(QWidget):
            child.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
            self._scrub(child)
        self._make_touch_scrolling()
        # A patient cannot hover for a tooltip: every button says what it does, under its icon.  And
        # a finger resting on a button showed its status tip, shortcut and all ("放大字号（Ctrl+=）"),
        # in the status bar: hover-only, and a keyboard's words.
        w.label_toolbar(Qt.ToolButtonStyle.ToolButtonTextUnderIcon, always=True)
        for action_id in w.actions_.ids():
            w.actions_[action_id].setStatusTip("")
        self._build_banner()
        self._search_row()
        tabs = w.sidebar.tabBar()
        tabs.setUsesScrollButtons(False)
        tabs.setElideMode(Qt.TextElideMode.ElideNone)
        large = w.actions_["large_type"]
        self._apply_stylesheet(large.isChecked())
        large.toggled.connect(self._apply_stylesheet)
        for problem in self.problems:
            log.error("kiosk policy problem: %s", problem)
        if self.policy.preview:
            log.info("kiosk preview: in a %dx%d window staff can close", w.width(), w.height())
        log.info(
            "kiosk mode on: locked; idle reset after %d s, printing %s, bookmarks %s, exit PIN %s",
            self.policy.idle_timeout_s,
            "allowed" if self.policy.printing else "off",
            self.policy.bookmarks,
            "set" if self.guard.has_pin else "NOT set",
        )

    def _hide_keyboard(self, *_: object) -> None:
        QGuiApplication.inputMethod().hide()

    def _apply_stylesheet(self, large: bool) -> None:
        """The kiosk's sizes, and under large type its type larger: its sheet fixes the font sizes
        the application font would otherwise set.  Not its pixel minimums: the buttons are a finger's
        size already and grow with their words; grown by the factor too, at 800×600 the toolbar folded
        A+ away and the sidebar took 41 % of the window (Xvfb journeys)."""
        sheet = scale_sizes(KIOSK_STYLESHEET, LARGE_UI_FACTOR if large else 1.0, units=("pt",))
        self.window.setStyleSheet(sheet)
        # The suggestions drop-down is a window of its own: it does not inherit the window's sheet.
        self.window.search_box.completer_.popup().setStyleSheet(sheet)
        QTimer.singleShot(0, self._fit_rows)  # larger buttons and tabs: do they still fit?

    def _restyle_toolbars(self) -> None:
        for bar in self.window.findChildren(QToolBar):
            QCoreApplication.sendEvent(bar, QEvent(QEvent.Type.StyleChange))

    def _fit_rows(self) -> None:
        # The sidebar's tabs whole, never "书签和阅读记…" with scroll arrows (seen at 1366×800 with large
        # type): the sidebar at least as wide as its tabs ask.
        sidebar = self.window.sidebar
        sidebar.setMinimumWidth(max(SIDEBAR_MIN_WIDTH, sidebar.tabBar().sizeHint().width() + 8))
        self._place_search_box()

    def _build_banner(self) -> None:
        bar = QToolBar(self.tr("Clinic"))
        bar.setObjectName("kioskBanner")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setEnabled(False)
        bar.setIconSize(QSize(32, 32))
        self.logo = QLabel()
        self.logo.setObjectName("kioskLogo")
        self.logo.setPixmap(QIcon(str(resource("icons", "healthreader.svg"))).pixmap(56, 56))
        self.logo.setMinimumSize(64, 64)
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo.setAccessibleName(self.tr("HealthReader"))
        bar.addWidget(self.logo)
        self.clinic_label = QLabel(self.policy.clinic_name or self.tr("Health information"))
        self.clinic_label.setObjectName("kioskClinic")
        bar.addWidget(self.clinic_label)
        self.phone_label = QLabel(
            self.tr("Phone: %1").replace("%1", self.policy.clinic_phone) if self.policy.clinic_phone else ""
        )
        self.phone_label.setObjectName("kioskPhone")
        self.phone_label.setContentsMargins(24, 0, 0, 0)
        bar.addWidget(self.phone_label)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        # Named beside the icon: under it, the buttons made the banner 106 px high, and a printing kiosk
        # no longer fitted an 800×600 screen.
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # Read aloud and print on the banner, not the crowded toolbar: large buttons with their names,
        # never in an overflow menu.  Read aloud (朗读, 停止 while it reads) shows only once the
        # speech engine has said it can read: see offer_read_aloud.
        read = self.window.actions_["read_aloud"]
        self._move_off_toolbar(read)
        read.setVisible(False)
        bar.addAction(read)
        self.read_button = bar.widgetForAction(read)
        if isinstance(self.read_button, QToolButton):
            self.read_button.setObjectName("kioskReadAloud")
        self._add_look_buttons(bar)
        if self.policy.printing:
            bar.addAction(self.window.actions_["print"])
        self.problems_label = QLabel()
        self.problems_label.setObjectName("kioskProblems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setMaximumWidth(560)
        if self.problems:
            self.problems_label.setText(
                self.tr(
                    "The kiosk settings file has problems; safe settings are in use. Please tell the staff: %1"
                ).replace("%1", "; ".join(self.problems[:2]))
            )
        self.problems_label.setVisible(bool(self.problems))
        bar.addWidget(self.problems_label)
        self.window.insertToolBar(self.window.toolbar, bar)
        self.window.insertToolBarBreak(self.window.toolbar)
        self.banner = bar

    def _add_look_buttons(self, bar: QToolBar) -> None:
        """High contrast and traditional characters as buttons a finger can tap, and tap again to turn
        off: a touch screen has no Ctrl+Alt+H or Ctrl+Shift+T.  The reset between patients turns both
        back to the policy's (``_restore_choices``), and the buttons follow."""
        actions = self.window.actions_
        theme_contrast = actions["theme_contrast"]
        contrast = QAction(theme_contrast.icon(), self.tr("High contrast"), self)
        contrast.setObjectName("kioskContrast")
        contrast.setCheckable(True)
        contrast.setChecked(theme_contrast.isChecked())
        # The theme actions are a group of which one is always on: off means the policy's theme again.
        theme_contrast.toggled.connect(contrast.setChecked)
        contrast.triggered.connect(lambda on: (theme_contrast if on else actions["theme_system"]).trigger())
        bar.addAction(contrast)
        bar.addAction(actions["traditional"])

    def _search_row(self) -> None:
        """A row of its own for the search box, the whole window wide under the buttons, used when the
        box does not fit beside them: buttons named under their icons at finger size leave no room
        for it at 800 px, or at 1366 px with large type (the toolbar folded the box, or A and A+, into
        its overflow menu).  Where it fits, the box stays beside the buttons: no row's height lost."""
        w = self.window
        bar = w.toolbar
        actions = bar.actions()
        self._box_holder = next((a for a in actions if bar.widgetForAction(a) is w.search_box), None)
        if self._box_holder is None:
            return
        i = actions.index(self._box_holder)
        self._box_policy = QSizePolicy(w.search_box.sizePolicy())
        self._box_before = actions[i - 1] if i > 0 and actions[i - 1].isSeparator() else None
        self._box_after = actions[i + 1] if i + 1 < len(actions) else None
        row = QToolBar(self.tr("Search"))
        row.setObjectName("kioskSearchRow")
        row.setMovable(False)
        row.setFloatable(False)
        row.toggleViewAction().setEnabled(False)
        w.addToolBarBreak()
        w.addToolBar(row)
        row.hide()
        self.search_row = row
        self._place_search_box()

    def _place_search_box(self) -> None:
        w = self.window
        holder = getattr(self, "_box_holder", None)
        if holder is None or self.is_unlocked:
            return
        bar, box = w.toolbar, w.search_box
        margins = bar.contentsMargins()
        spacing = bar.layout().spacing() if bar.layout() is not None else 0
        buttons = [bar.widgetForAction(a) for a in bar.actions() if a is not holder and a.isVisible()]
        used = sum(b.sizeHint().width() + spacing for b in buttons if b is not None)
        wanted = box.fontMetrics().horizontalAdvance(box.placeholderText()) + 4 * box.fontMetrics().height()
        beside = used + margins.left() + margins.right() + 24 + wanted <= w.width()
        if beside == (holder in bar.actions()):
            return
        if beside:
            self.search_row.removeAction(holder)
            self.search_row.hide()
            for action in (self._box_before, holder):
                if action is None:
                    continue
                if self._box_after is None:
                    bar.addAction(action)
                else:
                    bar.insertAction(self._box_after, action)
            box.setSizePolicy(self._box_policy)  # as the window made it: wide beside the buttons
        else:
            self._move_off_toolbar(holder)  # with the separator before it; the one after it stays
            self.search_row.addAction(holder)  # the same widget action: Qt hands it the box back
            self.search_row.show()
            box.setSizePolicy(QSizePolicy.Policy.Expanding, box.sizePolicy().verticalPolicy())
        box.show()

    def _move_off_toolbar(self, action: QAction) -> None:
        bar = self.window.toolbar
        actions = bar.actions()
        if action in actions:
            i = actions.index(action)
            if i > 0 and actions[i - 1].isSeparator():
                bar.removeAction(actions[i - 1])
            bar.removeAction(action)

    def offer_read_aloud(self, works: bool) -> None:
        """The speech engine's answer at start: read aloud is offered only when it can read."""
        self.window.actions_["read_aloud"].setVisible(works)
        log.info("kiosk: read aloud %s", "offered" if works else "not offered: the speech engine cannot read")

    # --- the event filter: keys, closing, window state, context menus, activity ------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.is_unlocked:
            return False
        t = event.type()
        if t in _INPUT_EVENTS:
            self._note_activity(t)
            if t in _TAP_EVENTS and watched is getattr(self, "logo", None):
                self._tap()
        if t in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(event, QKeyEvent):
            if self._blocked_key(watched, event):
                event.accept()  # accepted ShortcutOverride: no shortcut fires; then the KeyPress is eaten
                return True
        elif t in (QEvent.Type.ContextMenu, QEvent.Type.ToolTip, QEvent.Type.WhatsThis):
            return True  # no right click, and no hover-only help: a finger does not hover
        elif (
            t == QEvent.Type.Show
            and isinstance(watched, QWidget)
            or t == QEvent.Type.Paint
            and isinstance(watched, QLineEdit)
        ):
            self._scrub(watched)  # text set after the start ("Search … (Ctrl+K)" once search is ready)
            if watched is self.window and not self._styled_shown:
                # A tool bar reads its padding and spacing from the sheet on a style change, which a bar
                # polished only now, at the first show, never had: told once, the banner and the search
                # row have their 2 px for the first patient too, not only after the first reset (73 px
                # high for one patient, 69 for the next).  Not the whole sheet set again: restyling
                # every widget costs about 50 ms of the start.
                self._styled_shown = True
                QTimer.singleShot(0, self, self._restyle_toolbars)
        elif watched is self.window:
            if t == QEvent.Type.Close and isinstance(event, QCloseEvent) and not self._allow_close:
                event.ignore()
                log.info("kiosk: window close refused")
                return True
            if t == QEvent.Type.Resize:
                self._place_search_box()
                self.words.clear()  # placed for the box where it was; the next letter places them again
            if t in (QEvent.Type.WindowStateChange, QEvent.Type.Hide, QEvent.Type.Resize):
                if not self._allow_close and not self._is_full_screen():
                    self._restore_timer.start()
        return False

    def _blocked_key(self, watched: QObject, event: QKeyEvent) -> bool:
        combo = event.keyCombination()
        mods = combo.keyboardModifiers() & ~Qt.KeyboardModifier.KeypadModifier
        combo = QKeyCombination(mods, combo.key())
        if combo not in BLOCKED_KEYS:
            return False
        if combo.key() == Qt.Key.Key_Escape:
            # Escape still closes our own dialogs, popups and the find bar; it never leaves the window.
            widget = watched if isinstance(watched, QWidget) else None
            return (
                widget is not None and widget.window() is self.window and not self.window.find_bar.isAncestorOf(widget)
            )
        return True

    def _scrub(self, widget: QWidget) -> None:
        """Take shortcut hints out of what ``widget`` shows; setting only what changes, so a paint
        that calls this does not paint again."""
        if isinstance(widget, QLineEdit):
            clean = without_key_hints(widget.placeholderText())
            if clean != widget.placeholderText():
                widget.setPlaceholderText(clean)
        elif isinstance(widget, QLabel | QAbstractButton):
            clean = without_key_hints(widget.text())
            if clean != widget.text():
                widget.setText(clean)
        parent = widget.parentWidget()
        view = parent if isinstance(parent, QAbstractItemView) else widget
        if isinstance(view, QAbstractItemView) and isinstance(view.model(), QStandardItemModel):
            model = view.model()
            assert isinstance(model, QStandardItemModel)
            for row in range(model.rowCount()):
                item = model.item(row)
                if item is not None and KEY_HINT.search(item.text()):
                    item.setText(without_key_hints(item.text()))

    def _make_touch_scrolling(self) -> None:
        """Kinetic scrolling by a finger's drag (or a mouse held down) in every list and page a patient
        reads; Qt's scroller tells a tap from a drag, so links and rows still open with a tap."""
        w = self.window
        views: list[QAbstractScrollArea] = [w.viewer]
        popup = w.search_box.completer_.popup()
        if popup is not None:
            views.append(popup)
        views += [v for v in w.sidebar.findChildren(QAbstractScrollArea) if isinstance(v, QAbstractItemView)]
        for view in views:
            QScroller.grabGesture(view.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
            if isinstance(view, QAbstractItemView):
                view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)  # follows the finger

    def _is_full_screen(self) -> bool:
        state = self.window.windowState()
        return bool(state & Qt.WindowState.WindowFullScreen) and not state & Qt.WindowState.WindowMinimized

    def show_qr(self, address: str) -> None:
        """An outside address as a QR code to scan, instead of the info bar's "copy address"."""
        self.window.infobar.hide()
        dialog = QrDialog(address, self.window)
        dialog.finished.connect(dialog.deleteLater)
        self.qr_dialog = dialog
        log.info("kiosk: outside address shown as a QR code")
        dialog.open()

    def _mark_preview(self, title: str) -> None:
        suffix = self.tr("(kiosk preview)")
        if not title.endswith(suffix):
            self.window.setWindowTitle(f"{title} {suffix}")

    def restore_full_screen(self) -> None:
        if self.is_unlocked or self._allow_close or self.policy.preview:
            return
        if not self._is_full_screen() or not self.window.isVisible():
            log.info("kiosk: window state %s changed from outside; back to full screen", self.window.windowState())
            self.window.setWindowState(Qt.WindowState.WindowFullScreen)
            self.window.showFullScreen()
            self.window.raise_()
            self.window.activateWindow()

    # --- idle and reset ---------------------------------------------------------------------------
    def _note_activity(self, event_type: QEvent.Type | None = None) -> None:
        self._dirty = True
        if self.countdown.isVisible():
            if event_type in _PRESS_EVENTS:
                # A touch anywhere during the countdown means "still here" (after this event is handled).
                QTimer.singleShot(0, self.countdown.accept)
            return
        self.idle_timer.start()

    @property
    def is_idle(self) -> bool:
        """Nobody has touched the screen since the last reset (or since the start)."""
        return not self._dirty and not self.countdown.isVisible() and not self.is_unlocked

    def _on_idle(self) -> None:
        if not self._dirty or self.is_unlocked:
            return
        log.info("kiosk: idle for %d s; asking whether the reader is still there", self.policy.idle_timeout_s)
        self.countdown.start()

    def reset(self) -> None:
        """Forget the session: dialogs, search, find, history, bookmarks, scroll, zoom, messages."""
        w = self.window
        self.idle_timer.stop()
        self._close_dialogs()
        self._cancel_print_jobs()
        w.find_bar.field.setText("")  # setText, not clear(): it also empties the undo history
        w.find_bar.close_bar()
        w.search_box.setText("")
        w.search_box.model.clear()
        w.search_box.completer_.popup().hide()
        self.words.clear()
        w.forget_session()
        old = w.store
        if old is not None:
            fresh = self.session.new_store()
            w.replace_store(fresh, self._make_panel(fresh))
            self.session.discard(old)
        for name, option in OPTIONS.items():
            if option.scope is Scope.SESSION:
                w.settings.reset(name)
        self._restore_choices()
        w.set_zoom(self.policy.text_size)
        w.open_location(self.start)
        w.viewer.verticalScrollBar().setValue(0)
        w.viewer.horizontalScrollBar().setValue(0)
        w.sidebar.setCurrentIndex(0)
        w.infobar.hide()
        w.statusBar().clearMessage()
        QGuiApplication.clipboard().clear()  # an address copied from the info bar, say
        self.session.forget_keyboard()
        w.viewer.setFocus(Qt.FocusReason.OtherFocusReason)
        self._dirty = False
        self._taps.clear()
        self.resets += 1
        log.info("kiosk: session reset (%d so far); ready for the next reader", self.resets)
        self.resetDone.emit()

    def _restore_choices(self) -> None:
        """Every preference a patient can change goes back to the policy's value (else the default),
        through the window's own actions, so the screen changes with the setting.  Settings alone
        would keep the last patient's high contrast or traditional characters on screen."""
        w = self.window
        w.actions_["read_stop"].trigger()  # before the page changes: the voice is the patient's too
        decided = self.policy.option_overrides()
        wanted = {
            name: decided.get(name, option.default) for name, option in OPTIONS.items() if option.scope is Scope.PREFS
        }
        theme_action = f"theme_{wanted['theme']}"
        if theme_action in w.actions_.ids() and not w.actions_[theme_action].isChecked():
            w.actions_[theme_action].trigger()
        for name in ("large_type", "traditional"):
            w.actions_[name].setChecked(bool(wanted[name]))
        for name, value in wanted.items():
            if w.settings.get(name) != value:
                w.settings.set(name, value)

    def _close_dialogs(self) -> None:
        for _ in range(10):  # a popup may sit on a dialog that sits on another
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()  # ends a nested exec() too

    # --- printing --------------------------------------------------------------------------------------
    def print_current(self) -> None:
        """Straight to the default printer after a yes/no question: no dialog reaches the file system.

        Finding the printer, sending the pages and following the job all run in workers; the info bar
        says what really happens (waiting, printing, printed, or what is wrong at the printer), and a
        job not printed by the next reset is cancelled there, so it never comes out for someone else.
        """
        entry = self.window.current_entry()
        if entry is None:
            return
        if any(job.pending for job in self._print_jobs):
            self.window.infobar.show_message(self.tr("The last page is still being printed. Please wait a moment."))
            return
        if not self._ask(self.tr("Print “%1” on the clinic's printer?").replace("%1", entry.title)):
            return
        self.window.infobar.show_message(self.tr("Looking for the printer…"))
        discovery = PrinterDiscovery(self)
        discovery.found.connect(lambda printers, reason: self._print_on(entry.id, printers, reason))
        discovery.found.connect(discovery.deleteLater)
        discovery.start()

    def _print_on(self, entry_id: str, printers: list[Printer], reason: str) -> None:
        entry = self.window.current_entry()
        if entry is None or entry.id != entry_id:
            return  # the reader moved on, or the kiosk was reset, while the printer was looked up
        printer = next((p for p in printers if p.is_default), None) or (printers[0] if printers else None)
        if printer is None:
            log.error("kiosk print of %s: no printer (%s)", entry.id, reason or "none set up")
            # A print service that is down or does not answer is said so: staff look in another place.
            self.window.infobar.show_message(
                outcome_text(Outcome("failed", reason=reason), 0)
                if reason in ("timeout", "no_server")
                else self.tr("No printer is available. Please ask the staff for a printed copy.")
            )
            return
        try:
            labels = self.window.page_look()[1]  # the page's, in the script it is shown in
            data, pages = printing.printer_pdf(entry, self.window.library, printer.media, self.print_options(), labels)
        except PrintError as exc:
            log.error("kiosk print of %s failed: %s", entry.id, exc)
            self.window.infobar.show_message(str(exc))
            return
        job = PrintJob(
            data, printer.name, entry.title, pages, until=self.print_wait_s, media=printer.media, parent=self
        )
        job.progress.connect(lambda status: self.window.infobar.show_message(status_text(status)))
        job.finished.connect(lambda outcome: self._printed(job, outcome))
        self._print_jobs.append(job)
        self.window.infobar.show_message(self.tr("Sending the pages to the printer…"))
        job.start()

    def _printed(self, job: PrintJob, outcome: Outcome) -> None:
        if outcome.state == "cancelled":
            return  # cancelled at the reset: the next reader has nothing to do with it
        log.info("kiosk: print of %r on %s: %s %s", job.title, job.printer, outcome.state, outcome.reason)
        self.window.infobar.show_message(
            outcome_text(outcome, job.pages, kiosk=True), timeout_ms=20000 if outcome.ok else 0
        )

    def _cancel_print_jobs(self) -> None:
        """At the reset: every job not printed yet is cancelled at the print server (in a worker)."""
        for job in self._print_jobs:
            if job.pending:
                job.cancel()
            elif job.outcome is not None and not job.outcome.ok and job.outcome.job_id:
                cancel_job_later(job.outcome.job_id)
        self._print_jobs = [job for job in self._print_jobs if job.pending]

    def print_options(self) -> PrintOptions:
        """A kiosk handout: the clinic's line at the top, and at the end a QR code of the entry (the
        clinic's page for it when the policy names one) with the print date.

        The type follows the policy's text size: a clinic that enlarges the screen's text past the
        kiosk's usual 125 % (for its readers' eyes, not for touch) gets handouts larger in the same
        proportion; at 125 % and below, the handout's own 12 pt.
        """
        return PrintOptions(
            header_line=self.policy.clinic_line,
            stamp=True,
            entry_url=self.policy.entry_url,
            text_scale=max(1.0, self.policy.text_size / KioskPolicy.text_size),
            convert=self.window.page_look()[0],  # the characters the patient reads the page in
        )

    def _ask(self, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Print"), text, parent=self.window)
        yes = box.addButton(self.tr("Print"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is yes

    def _tell(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Print"), text, parent=self.window)
        box.exec()

    # --- the hidden exit --------------------------------------------------------------------------------
    def _tap(self) -> None:
        now = time.monotonic()
        self._taps.append(now)
        if len(self._taps) == TAPS_TO_UNLOCK and now - self._taps[0] <= TAP_WINDOW_S:
            self._taps.clear()
            self.open_pin_pad()

    def open_pin_pad(self) -> None:
        if self.pin_pad is not None and self.pin_pad.isVisible():
            return
        pad = PinPad(self.window)
        pad.submitted.connect(self._check_pin)
        pad.staffSubmitted.connect(lambda pin: self._check_pin(pin, staff=True))
        pad.finished.connect(pad.deleteLater)
        if not self.guard.has_pin:
            pad.say(self.tr("No exit PIN is set in the kiosk settings. Ask the administrator."))
            pad.unlock_button.setEnabled(False)
            pad.staff_button.setEnabled(False)
        self.pin_pad = pad
        log.info("kiosk: PIN pad opened")
        pad.open()

    def _check_pin(self, pin: str, staff: bool = False) -> None:
        """Check the PIN on a thread of its own: scrypt takes about 0.4 s (it lets go of Python's lock
        while it works), and the screen must not stop for it."""
        pad = self.pin_pad
        if self._checking:
            return
        self._checking = True
        if pad is not None:
            pad.set_checking(True)
        guard = self.guard
        done = self._pinChecked

        def check() -> None:
            done.emit(guard.attempt(pin), staff)

        threading.Thread(target=check, name="kiosk-pin", daemon=True).start()

    def _on_pin_checked(self, result: PinResult, staff: bool) -> None:
        self._checking = False
        pad = self.pin_pad
        if pad is None or not shiboken6.isValid(pad) or not pad.isVisible():
            return  # the pad went (an idle reset) while the PIN was checked: nothing to answer
        pad.set_checking(False)
        if not self.guard.has_pin:
            pad.unlock_button.setEnabled(False)
            pad.staff_button.setEnabled(False)
        if result.ok:
            if pad is not None:
                pad.accept()
            if staff:
                log.info("kiosk: staff view opened with the PIN")
                self.staffRequested.emit()
            else:
                self.unlock()
            return
        if result.wait_s > 0:
            pad.say(self.tr("Wrong PIN. Try again in %1 seconds.").replace("%1", str(int(result.wait_s + 0.999))))
        else:
            pad.say(self.tr("Wrong PIN. %1 tries left before a pause.").replace("%1", str(result.attempts_left)))

    def unlock(self) -> None:
        """The right PIN: stop guarding and close the window (the app then quits)."""
        log.info("kiosk: unlocked with the exit PIN; closing")
        self.is_unlocked = True
        self._allow_close = True
        self.idle_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.unlocked.emit()
        self.window.close()

    def _on_quit(self) -> None:
        self._allow_close = True  # the app is ending (a session logout, a signal): let the window save and go
