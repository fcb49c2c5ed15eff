"""The composition root: build the services once, hand them to the widgets, run the event loop.

Nothing else creates services or reaches for globals: widgets get what they need here and talk
upward with signals.
"""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import logging
import logging.handlers
import os
import shutil
import sys
import time
from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from healthreader import APP_ID, APP_NAME, __version__
from healthreader.config import Settings
from healthreader.config.kiosk import KioskPolicy, PinGuard, load_policy
from healthreader.content import Library
from healthreader.content.snapshot import Changes, open_library
from healthreader.packs.folders import library_folders
from healthreader.paths import DataPaths, resource
from healthreader.store import StoreError, UserStore
from healthreader.ui.access.controller import AccessibilityController
from healthreader.ui.access.read_aloud import stuck_speech_threads
from healthreader.ui.bookmarks import exchange as bookmark_exchange
from healthreader.ui.bookmarks.exchange import explain_recovery
from healthreader.ui.bookmarks.panel import BookmarksPanel
from healthreader.ui.common.announce import install_accessible_factory
from healthreader.ui.common.ending import quit_on_signals
from healthreader.ui.common.fonts import pick_chinese_family
from healthreader.ui.common.i18n import choose_language, install_translators
from healthreader.ui.common.labels import page_labels
from healthreader.ui.common.user_data import (
    explain_data_folder,
    explain_read_only,
    explain_settings_recovery,
    explain_store_error,
)
from healthreader.ui.printing.actions import PrintActions
from healthreader.ui.reader.library_check import LibraryCheck
from healthreader.ui.reader.main_window import MainWindow
from healthreader.ui.reader.navigation import Location
from healthreader.ui.search.box import SearchBox
from healthreader.ui.search.controller import SearchController

if TYPE_CHECKING:
    from healthreader.ui.kiosk.controller import KioskController

# The kiosk (its controller, QR codes, print jobs, staff view, search counts) is imported only when a
# kiosk policy is on: a reader's first paint does not wait for it (python -X importtime).

log = logging.getLogger(__name__)


#: The log is rotated at this size, keeping this many old files: at most 8 MB, however long a kiosk runs
#: and whatever floods it.
LOG_BYTES = 2 * 1024 * 1024
LOG_BACKUPS = 3


class _LogFile(logging.handlers.RotatingFileHandler):
    """The log file, rotated; a record that cannot be written (a full disk) is dropped quietly instead
    of printing a traceback to stderr for every message."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def _log_to_file(data: DataPaths) -> None:
    try:
        data.log_file.parent.mkdir(parents=True, exist_ok=True)
        _set_aside_unless_a_file(data.log_file)
        handler = _LogFile(data.log_file, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
    except OSError as exc:
        log.warning("cannot write the log file: %s", exc)
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    if handler.stream is not None and handler.stream.tell() > LOG_BYTES:
        # A log grown by an older version, before rotation existed: its last LOG_BYTES are kept as the
        # first old file, so that even then the logs stay within their bound.
        _keep_tail(data.log_file, LOG_BYTES)
        handler.doRollover()


def _set_aside_unless_a_file(path: Path) -> None:
    """Opening a named pipe to write waits for a reader, forever (the window never appeared); a folder
    cannot be a log.  Whatever is there that is not a file is kept aside as it is (OSError if it cannot be)."""
    if not os.path.lexists(path) or path.is_file():
        return
    aside = path.with_name(f"{path.name}.aside-{time.strftime('%Y%m%d-%H%M%S')}")
    path.rename(aside)
    log.warning("the log %s was not a file; kept as %s", path, aside.name)


def _keep_tail(path: Path, size: int) -> None:
    try:
        with path.open("r+b") as f:
            f.seek(-size, os.SEEK_END)
            tail = f.read()
            f.seek(0)
            f.write(tail)
            f.truncate()
    except OSError as exc:
        log.warning("cannot shorten the old log %s: %s", path, exc)


#: Qt Virtual Keyboard's input-context plugin (PySide6-Addons), with its pinyin panel.
ON_SCREEN_KEYBOARD = "qtvirtualkeyboard"


def use_on_screen_keyboard(policy: KioskPolicy, env: MutableMapping[str, str] = os.environ) -> bool:
    """On a kiosk, type with Qt Virtual Keyboard: a touch screen has no keys.  True if chosen.

    Qt picks its input method from ``QT_IM_MODULE`` once, when the application object is made, so
    this runs before that.  An administrator's own choice (an input method for a real keyboard, or
    ``none``) is kept; without the plugin the kiosk says so in its log and types as before.
    """
    if not policy.enabled or env.get("QT_IM_MODULE"):
        return False
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforminputcontexts"
    if not any(plugins.glob("libqtvirtualkeyboardplugin*")):
        log.error("kiosk: Qt Virtual Keyboard is not installed (%s): no on-screen keyboard", plugins)
        return False
    env["QT_IM_MODULE"] = ON_SCREEN_KEYBOARD
    # The keyboard opens in the layout of the default locale as it is when Qt starts: Chinese, for a
    # Chinese library, even on a PC set up in C or English (a Taiwan or Hong Kong PC keeps its own).
    if QLocale.system().language() != QLocale.Language.Chinese:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    log.info("kiosk: on-screen keyboard: Qt Virtual Keyboard, %s", QLocale().name())
    return True


def create_main_window(
    data: DataPaths,
    dirs: list[Path],
    open_target: str | None = None,
    *,
    search: bool = True,
    kiosk: KioskPolicy | None = None,
    kiosk_problems: list[str] | tuple[str, ...] = (),
    watch: bool = False,
    restart: Callable[[], None] | None = None,
    packs_root: Path | None = None,
) -> MainWindow:
    """Everything the app is, short of the event loop: used by ``run_gui`` and by the UI tests.

    With an enabled ``kiosk`` policy, settings and bookmarks live in a private session folder (see
    ``ui/kiosk.py``) instead of the user's data folder, and a ``KioskController`` locks the window.
    ``watch`` reloads the entry being read when its file changes (``--watch``); ``restart`` is how a
    kiosk moves to a newly installed library at an idle reset (``run_gui`` restarts the process).
    """
    app = QApplication.instance()
    assert app is not None, "create a QApplication first"
    session = None
    if kiosk is not None and kiosk.enabled:
        from healthreader.ui.kiosk.controller import KioskSession

        session = KioskSession.create()
        session.keep_keyboard_here()
    settings = session.settings(kiosk) if session is not None and kiosk is not None else Settings(data)
    # From the snapshot of the last start when there is one: no entry file is read or statted before
    # the first paint; LibraryCheck looks at the files after it and the window shows what changed.
    opened = open_library(dirs, data.content_snapshot, cache_file=data.catalogue_file)
    library = opened.library
    language = choose_language(settings.get("ui_language"), library.language, traditional=settings.get("traditional"))
    install_translators(app, language)  # parented to the app, so they live as long as it
    family = pick_chinese_family()
    if family is None:
        log.error("no font for Simplified Chinese is installed: Chinese text will show as boxes")
    else:
        font = QApplication.font()
        font.setFamilies([family, *font.families()])
        # Readable for older eyes: never below 11 pt in the interface.
        font.setPointSizeF(max(font.pointSizeF(), 11.0))
        QApplication.setFont(font)
    stylesheet = resource("article.css").read_text(encoding="utf-8")
    install_accessible_factory()
    window = MainWindow(library, settings, stylesheet, family, page_labels(), SearchBox())
    window.library_checked = not opened.needs_check
    window.setWindowIcon(QIcon(str(resource("icons", "healthreader.svg"))))

    if library.problems:
        window.infobar.show_message(_problems_text(library))
    # What went wrong with the reader's own data, told once, together, after the library's problems.
    notices = [text for text in [explain_data_folder(data)] if text]
    notices += [explain_settings_recovery(r) for r in settings.recovered]

    window.attach_printing(PrintActions(window, library, settings))

    def bookmarks_panel(store: UserStore) -> BookmarksPanel:
        # The window's library, not this one: the check after the first paint may replace it.
        return BookmarksPanel(store, lambda eid: e.title if (e := window.library.find(eid)) else None)

    try:
        store = session.new_store() if session is not None else UserStore.open(data.store_file)
    except StoreError as exc:
        log.error("bookmarks and history unavailable: %s", exc)
        notices.append(explain_store_error(exc))
    else:
        renamed = library.renamed_ids()
        if renamed:
            try:
                moved = store.remap_entries(renamed)
            except StoreError as exc:
                log.warning("bookmarks of renamed entries not moved: %s", exc)
            else:
                if moved:
                    log.info("moved %d bookmarks and history rows to renamed entries", moved)
        window.destroyed.connect(lambda *_: store.close())
        window.attach_store(store, bookmarks_panel(store))
        actions = window.actions_
        actions["export_bookmarks"].triggered.connect(lambda: bookmark_exchange.export_bookmarks(window, store))

        def import_bookmarks() -> None:
            if bookmark_exchange.import_bookmarks(window, store) is not None:
                window.bookmarks_changed()

        actions["import_bookmarks"].triggered.connect(import_bookmarks)
        if store.recovery is not None:
            notices.append(explain_recovery(store.recovery))
        if store.read_only is not None and not (data.read_only or data.temporary):
            notices.append(explain_read_only(store.read_only))
    if notices:
        earlier = [window.infobar.text()] if window.infobar.isVisibleTo(window) else []
        window.infobar.show_message("\n\n".join(earlier + notices))

    controller: SearchController | None = None
    if search:
        controller = SearchController(library, data.index_dir, parent=window, cache_dir=data.cache_dir)
        window.attach_search(controller)

    def checked(fresh: Library, changes: Changes) -> None:
        window.use_library(fresh, changes)
        if changes.problems:
            if fresh.problems:
                window.infobar.show_message(_problems_text(fresh))
            elif window.infobar.text() == _problems_text(library):
                window.infobar.hide()
        if controller is None:
            return
        if changes:
            controller.use_library(fresh)
            controller.start()  # the index is checked against the files (rebuilt if they changed it)
        else:
            controller.confirm()

    def after_first_paint() -> None:
        # Search and the check of the library's files on worker threads, once the window has painted,
        # so that their Python work does not compete with the first paint for the interpreter.  Search
        # opens the index for the library as at the last start at once; the check says if it changed.
        if opened.needs_check:
            if controller is not None:
                controller.start_known()
            check = LibraryCheck(window, library, dirs, data.content_snapshot, data.catalogue_file)
            check.finished.connect(checked)
            check.start()
        elif controller is not None:
            controller.start()

    window.viewer.viewport().installEventFilter(_FirstPaint(window.viewer.viewport(), after_first_paint))

    # Theme, large type, traditional, read aloud, keyboard; owned by the window.  The speech engine can
    # be named for a run (tests say "mock": no daemon started behind their back).
    access = AccessibilityController(window, stylesheet, speech_engine=os.environ.get("HEALTHREADER_SPEECH_ENGINE"))
    window.restore_state()
    # The reader starts in the article: a screen reader reads it at once, the arrow keys scroll it.
    window.viewer.setFocus(Qt.FocusReason.OtherFocusReason)
    start = Location.parse(open_target or "") if open_target else None
    if start is None:
        start = Location.parse(settings.get("last_location")) or Location()
        if start.entry_id and start.entry_id not in library:
            start = Location()
    if session is not None and kiosk is not None:
        from healthreader.ui.kiosk.controller import KioskController

        guard = PinGuard(kiosk.exit_pin_hash, data.root / "kiosk-pin-lockout.json")
        kiosk_controller = KioskController(window, kiosk, session, guard, bookmarks_panel, kiosk_problems)
        kiosk_controller.apply()
        # The page and the lists change characters at once; the menus and buttons would need a restart,
        # which a kiosk's patients never do (and it has no menus): nothing said about it.
        access.restart_note = False
        # Read aloud is offered on a kiosk only once the engine has said it can read: started now, on
        # its own thread, so a patient never meets a button that fails.
        access.read_aloud.availabilityChanged.connect(kiosk_controller.offer_read_aloud)
        access.read_aloud.probe()
        start = start if open_target else kiosk_controller.start
        _attach_kiosk_services(window, kiosk_controller, kiosk, data, restart, packs_root)
    if watch:
        from healthreader.ui.reader.watch import EntryWatcher  # a writer's preview: YAML only then

        EntryWatcher(window)
    window.open_location(start)
    return window


def _problems_text(library: Library) -> str:
    broken = library.problems
    shown = "\n".join(str(p) for p in broken[:3])
    more = len(broken) - 3
    text = (
        QCoreApplication.translate("App", "Some library files have problems and were skipped or shown in part:")
        + "\n"
        + shown
    )
    if more > 0:
        text += "\n" + QCoreApplication.translate("App", "…and %1 more (see the log).").replace("%1", str(more))
    return text


def _attach_kiosk_services(
    window: MainWindow,
    controller: KioskController,
    policy: KioskPolicy,
    data: DataPaths,
    restart: Callable[[], None] | None,
    packs_root: Path | None,
) -> None:
    """Library updates (the watched folder, the switch at an idle reset), the local search counts
    (only with the policy's consent) and the staff view behind the PIN."""
    from healthreader.stats import SearchStats, StatsError
    from healthreader.ui.kiosk.staff import STATS_DAYS, StaffView
    from healthreader.ui.kiosk.updates import LibraryUpdates

    updates = LibraryUpdates(
        controller, policy, restart or (lambda: log.info("kiosk: no restart here")), packs_root=packs_root
    )
    log.info("kiosk: library packs in use: %s", ", ".join(f"{i} {v}" for i, v in updates.loaded) or "none")
    stats: SearchStats | None = None
    if policy.search_stats:
        try:
            stats = SearchStats.open(data.stats_file)
            stats.prune()
        except StatsError as exc:
            log.error("search statistics unavailable: %s", exc)
    if stats is not None and window.search is not None:
        window.destroyed.connect(lambda *_: stats.close())
        last = {"text": ""}  # one count per search typed, not per filter or page of it

        def count(request: object, results: object) -> None:
            text = getattr(request, "text", "")
            if stats is None or not text or text == last["text"]:
                return
            last["text"] = text
            try:
                stats.record(text, int(getattr(results, "total", 0)))
            except StatsError as exc:
                log.warning("search not counted: %s", exc)

        window.search.resultsReady.connect(count)
        controller.resetDone.connect(lambda: last.update(text=""))

    def staff_view() -> None:
        from healthreader.packs.install import PackStore  # cryptography only when staff look

        store = PackStore(packs_root)
        since = dt.date.today() - dt.timedelta(days=STATS_DAYS)
        view = StaffView(
            window,
            store.installed(),
            store.history(),
            updates.events,
            updates.pending,
            stats.frequent(since) if stats is not None else None,
            stats.found_nothing(since) if stats is not None else None,
        )
        view.finished.connect(view.deleteLater)
        view.open()

    controller.staffRequested.connect(staff_view)


class _FirstPaint(QObject):
    """Calls back once, right after the viewer has painted for the first time."""

    def __init__(self, parent: QObject, callback: Callable[[], None]) -> None:
        super().__init__(parent)
        self._callback: Callable[[], None] | None = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            QTimer.singleShot(0, callback)  # after this paint has finished
        return False


def run_gui(args: argparse.Namespace, qt_argv: list[str]) -> int:
    started = time.perf_counter()
    try:
        data = DataPaths.for_this_run(args.data_dir)
    except OSError as exc:  # not even a temporary folder: there is nowhere to run from
        print(f"healthreader: no folder can be written for this session's data: {exc}", file=sys.stderr)
        return 2
    _log_to_file(data)
    if data.temporary or data.read_only:
        log.warning("data folder %s unusable (%s): this session's data is not kept", data.root, data.problem)
    # A kiosk on a read-only home starts every day: each start must not leave its folder (and an index
    # of some megabytes) behind.  atexit for a normal end; by hand before _exit and execv, which skip it.
    temporary = data.root if data.temporary else data.scratch

    def remove_temporary() -> None:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)

    atexit.register(remove_temporary)
    # The kiosk policy is read once, here; --kiosk turns it on even with no policy file.  Before Qt
    # starts: a kiosk's on-screen keyboard is chosen by the environment Qt reads when it starts.
    policy, problems = load_policy()
    if getattr(args, "kiosk", False):
        policy = policy.locked()
    if getattr(args, "windowed", False):
        policy = policy.previewed()
    use_on_screen_keyboard(policy)
    QGuiApplication.setDesktopFileName(APP_ID)
    app = QApplication(qt_argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationDomain("healthreader.org")
    # A kiosk's patient store must not outlive a shutdown: SIGTERM ends as Quit does.
    signal_ends = quit_on_signals(app)  # noqa: F841  (kept alive while the loop runs)
    restart_wanted: list[bool] = []

    def restart() -> None:
        restart_wanted.append(True)
        app.exit(0)

    window = create_main_window(
        data,
        library_folders(args.library, not args.no_bundled),
        args.open,
        kiosk=policy,
        kiosk_problems=problems,
        watch=getattr(args, "watch", False),
        restart=restart,
    )
    window.show()
    app.aboutToQuit.connect(window.close)  # saves state and stops the search thread, however we quit

    def painted() -> None:
        # Epoch time too, so a benchmark can measure from the moment it started the process.
        log.info(
            "window shown in %.0f ms (at %.6f): %s",
            (time.perf_counter() - started) * 1000,
            time.time(),
            window.windowTitle(),
        )
        if args.screenshot:
            ok = window.grab().save(args.screenshot)
            log.info("screenshot %s to %s", "saved" if ok else "NOT saved", args.screenshot)
            app.exit(0 if ok else 1)

    first_paint = _FirstPaint(window.viewer.viewport(), painted)
    window.viewer.viewport().installEventFilter(first_paint)
    log.info("HealthReader %s started with data in %s", __version__, data.root)
    code = app.exec()
    if stuck_speech_threads():
        # A speech call that never returns: Python's exit would destroy its thread, and Qt aborts
        # on a thread destroyed while it runs.  Everything is saved by now (aboutToQuit has run).
        log.error("ending without waiting for the speech service, which does not answer")
        logging.shutdown()
        remove_temporary()
        os._exit(code)
    if restart_wanted:
        # A kiosk moving to a newly installed library: start again exactly as at any start.
        log.info("restarting: %s", " ".join(sys.orig_argv))
        logging.shutdown()
        remove_temporary()
        os.execv(sys.executable, sys.orig_argv)
    return code
