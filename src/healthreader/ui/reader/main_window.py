"""The main window: toolbar, sidebar and viewer, and navigation between the library's pages.

It gets everything it needs from the composition root (``app.py``): the loaded library, the
settings, the stylesheet and the font.  It turns link clicks into places (``Location``), renders the
page for a place, and keeps the back/forward history.
"""

from __future__ import annotations

import base64
import logging
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from healthreader import __version__
from healthreader.config import Settings
from healthreader.config.settings import ZOOM_STEPS
from healthreader.content import Entry, Library
from healthreader.content.snapshot import Changes
from healthreader.render import PageLabels, Rendered, entry_page, home_page, render_markdown
from healthreader.render.page import TIER_ICONS, not_found_page
from healthreader.render.results import ResultsLabels, results_html, searching_html
from healthreader.store import Bookmark, StoreError, UserStore
from healthreader.ui.common.actions import ActionRegistry
from healthreader.ui.common.announce import SpokenNotice, announce
from healthreader.ui.common.labels import Translate, page_labels, results_labels
from healthreader.ui.common.search_request import PAGE_SIZE, SearchRequest
from healthreader.ui.common.user_data import explain_store_error
from healthreader.ui.reader.find_bar import FindBar, find_all, highlight
from healthreader.ui.reader.infobar import InfoBar
from healthreader.ui.reader.navigation import History, Location
from healthreader.ui.reader.sidebar import Sidebar
from healthreader.ui.reader.viewer import EntryViewer

if TYPE_CHECKING:
    # Other features, met only through what app.py attaches: the window calls their public methods
    # and connects their signals, never imports their modules at run time.
    from healthreader.ui.bookmarks.panel import BookmarksPanel
    from healthreader.ui.printing.actions import PrintActions
    from healthreader.ui.search.box import SearchBox
    from healthreader.ui.search.controller import SearchController

log = logging.getLogger(__name__)


def _b64(data: QByteArray) -> str:
    return base64.b64encode(bytes(data.data())).decode("ascii")


def _unb64(text: str) -> QByteArray:
    try:
        return QByteArray(base64.b64decode(text.encode("ascii"), validate=True))
    except (ValueError, UnicodeEncodeError):
        return QByteArray()


SIDEBAR_WIDTH = 300  # px, until the reader drags it elsewhere
SIDEBAR_MIN_WIDTH = 200
SIDEBAR_SHARE = 0.34  # at most this much of the window: the article gets the rest


class MainWindow(QMainWindow):
    locationChanged = Signal(str)  # Location.to_string(), after a page is shown
    outsideLinkShown = Signal(str)  # an address outside the library: told in the info bar, never opened

    RENDER_CACHE_SIZE = 32

    def __init__(
        self,
        library: Library,
        settings: Settings,
        stylesheet: str,
        family: str | None,
        labels: PageLabels,
        search_box: SearchBox,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.library = library
        self.settings = settings
        self.labels = labels
        self._words: Translate | None = None  # the page's own words, when not the UI's (see set_page_words)
        self.history = History()
        self._shown: Location | None = None  # the place whose page the viewer holds
        self._rendered: OrderedDict[str, Rendered] = OrderedDict()
        self._category_anchors = {cat.name: f"cat-{i}" for i, cat in enumerate(library.categories())}
        self.setWindowTitle(self.tr("HealthReader"))

        self.actions_ = ActionRegistry(self)
        self.viewer = EntryViewer(stylesheet, family)
        self.sidebar = Sidebar()
        self.infobar = InfoBar()
        self.find_bar = FindBar(self.viewer)
        self.search_box = search_box  # the search feature's box, shown in this window's toolbar
        self.search_box.setAccessibleName(self.tr("Search"))
        self.search: SearchController | None = None
        self._results: Any = None  # the search service's Results shown on the current results page
        self._result_limit = PAGE_SIZE  # results asked for on this results page ("More results" adds a page)
        self._more_from = -1  # the first new hit when "More results" was asked for: shown at the top
        self._pending_terms: tuple[str, ...] = ()

        self.store: UserStore | None = None
        self.bookmarks: BookmarksPanel | None = None
        self._history_failure_shown = False
        self._display: Callable[[str], str] | None = None  # library text as shown (traditional characters)
        self._display_html: Callable[[str], str] | None = None  # the same for a page's HTML
        self.printing: PrintActions | None = None
        # False while the library on screen is the snapshot of the last start, its files not yet checked.
        self.library_checked = True
        self._build_toolbar()
        self._build_menus()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(4)
        right_layout.addWidget(self.infobar)
        right_layout.addWidget(self.find_bar)
        right_layout.addWidget(self.viewer, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)  # hidden with F9, never dragged away by accident
        # Below what its widest row of buttons asks for: on 800×600 the article needs the room more.
        self.sidebar.setMinimumWidth(SIDEBAR_MIN_WIDTH)
        self._sidebar_width = SIDEBAR_WIDTH  # what the reader last dragged it to
        self.splitter.setSizes([SIDEBAR_WIDTH, 900])
        self.splitter.splitterMoved.connect(self._on_splitter_moved)
        self.splitter.installEventFilter(self)
        self.setCentralWidget(self.splitter)
        self.statusBar()
        SpokenNotice(self)  # what announce() has the screen reader say

        self.viewer.linkActivated.connect(self._on_link)
        self.viewer.linkFocused.connect(self._on_link_focused)
        self.viewer.headingReached.connect(
            lambda level, text: announce(
                self.viewer, self.tr("Heading level %1, %2").replace("%1", str(level)).replace("%2", text)
            )
        )
        self.viewer.noMoreHeadings.connect(
            lambda forward: announce(
                self.viewer, self.tr("No more headings") if forward else self.tr("No headings before this")
            )
        )
        self.viewer.boxEntered.connect(self._on_box_entered)
        self.viewer.currentSectionChanged.connect(self._on_section_scrolled)
        self.viewer.backRequested.connect(self.go_back)
        self.viewer.forwardRequested.connect(self.go_forward)
        self.sidebar.sectionActivated.connect(self._on_sidebar_section)
        self.sidebar.entryActivated.connect(lambda eid: self.open_location(Location(eid)))
        a = self.actions_
        a["sidebar"].setChecked(True)
        a["sidebar"].toggled.connect(self.set_sidebar_visible)
        a["back"].triggered.connect(self.go_back)
        a["forward"].triggered.connect(self.go_forward)
        a["home"].triggered.connect(lambda: self.open_location(Location()))
        a["zoom_in"].triggered.connect(lambda: self.step_zoom(+1))
        a["zoom_out"].triggered.connect(lambda: self.step_zoom(-1))
        a["zoom_reset"].triggered.connect(self.reset_zoom)
        a["quit"].triggered.connect(self.close)
        a["about"].triggered.connect(self._about)
        a["find"].triggered.connect(self.find_bar.open_bar)
        a["focus_search"].triggered.connect(self.focus_search)
        a["find_next"].triggered.connect(self.find_bar.next)
        a["find_previous"].triggered.connect(self.find_bar.previous)
        self.search_box.searchRequested.connect(lambda text: self.open_location(Location(query=text.strip())))
        self.search_box.entryRequested.connect(lambda eid, anchor: self.open_location(Location(eid, anchor)))
        self.viewer.set_zoom(self.settings.get("zoom_percent"))
        self._update_nav_actions()
        # The mouse's back/forward buttons work anywhere in the window, like a browser's.
        self.installEventFilter(self)
        for w in (self.sidebar.sections, self.sidebar.related):
            w.viewport().installEventFilter(self)

    # --- construction ------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Navigation"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(self.actions_["sidebar"])
        for action_id in ("back", "forward", "home", "bookmark"):
            bar.addAction(self.actions_[action_id])
        bar.addSeparator()
        # The search box before the rest: on a narrow window the toolbar folds its last items into
        # an overflow menu, and the search box must never be one of them.
        bar.addWidget(self.search_box)
        bar.addSeparator()
        for action_id in ("zoom_out", "zoom_reset", "zoom_in"):
            bar.addAction(self.actions_[action_id])
        self.addToolBar(bar)
        self.toolbar = bar
        # Short labels on the toolbar (the menus keep the long ones), so the search box stays in view.
        zoom_labels = {"zoom_out": "A−", "zoom_reset": "A", "zoom_in": "A+"}
        for action_id, text in zoom_labels.items():
            self.actions_[action_id].setIconText(text)
        self._wide_toolbar = 0  # the toolbar's width with its labels, measured while it shows them
        # Labels beside the icons, dropped on a narrow window; a kiosk puts them under the icons, always.
        self._labelled = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        self._may_drop_labels = True
        self._own_tool_styles()

    def label_toolbar(self, style: Qt.ToolButtonStyle, *, always: bool) -> None:
        """How the toolbar names its buttons; ``always``: never icons alone, however narrow the window."""
        self._labelled, self._may_drop_labels = style, not always
        self.toolbar.setToolButtonStyle(style)
        self._own_tool_styles()
        self.fit_toolbar()

    def _own_tool_styles(self) -> None:
        """A−, A and A+ are their own picture (the menus show the magnifiers); the sidebar button is an
        icon, named by its tooltip.  Set again after the toolbar changes the style of all its buttons."""
        for action_id, style in (
            ("zoom_out", Qt.ToolButtonStyle.ToolButtonTextOnly),
            ("zoom_reset", Qt.ToolButtonStyle.ToolButtonTextOnly),
            ("zoom_in", Qt.ToolButtonStyle.ToolButtonTextOnly),
            ("sidebar", Qt.ToolButtonStyle.ToolButtonIconOnly if self._may_drop_labels else self._labelled),
        ):
            button = self.toolbar.widgetForAction(self.actions_[action_id])
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(style)

    def fit_toolbar(self) -> None:
        """Labels beside the icons while they fit; icons alone (their tooltips name them) on a narrow
        window, so the search box never folds into the toolbar's overflow menu."""
        bar = self.toolbar
        labelled = self._labelled
        if bar.toolButtonStyle() == labelled:
            self._wide_toolbar = bar.sizeHint().width()
        fits = self._wide_toolbar <= self.width() or not self._may_drop_labels
        wanted = labelled if fits else Qt.ToolButtonStyle.ToolButtonIconOnly
        if bar.toolButtonStyle() != wanted:
            bar.setToolButtonStyle(wanted)
            self._own_tool_styles()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_toolbar()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # Larger type, longer labels: measure them again with the labels shown.
            self.toolbar.setToolButtonStyle(self._labelled)
            self._own_tool_styles()
            self.fit_toolbar()

    def _build_menus(self) -> None:
        a = self.actions_
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for action_id in ("print", "print_preview", "export_pdf", "large_print"):
            file_menu.addAction(a[action_id])
        file_menu.addSeparator()
        for action_id in ("export_bookmarks", "import_bookmarks"):
            file_menu.addAction(a[action_id])
        file_menu.addSeparator()
        file_menu.addAction(a["quit"])
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        for action_id in ("focus_search", "find", "find_next", "find_previous"):
            edit_menu.addAction(a[action_id])
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(a["sidebar"])
        view_menu.addSeparator()
        for action_id in ("zoom_in", "zoom_out", "zoom_reset"):
            view_menu.addAction(a[action_id])
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for action_id in ("back", "forward", "home"):
            go_menu.addAction(a[action_id])
        go_menu.addSeparator()
        for action_id in ("bookmark", "show_bookmarks"):
            go_menu.addAction(a[action_id])
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(a["about"])

    # --- navigation ----------------------------------------------------------------------------
    def current_location(self) -> Location:
        return self.history.current or Location()

    def current_entry(self) -> Entry | None:
        loc = self.history.current
        return self.library.find(loc.entry_id) if loc and loc.entry_id else None

    def open_location(self, loc: Location, *, record: bool = True) -> None:
        """Show a place; with ``record``, as a new step in the history."""
        if record:
            self.history.visit(loc)
        else:
            self.history.replace(loc)
        self._show(loc)

    def _show(self, loc: Location) -> None:
        """Put the page for ``loc`` on screen (the history already points at it)."""
        # Compared with the page on screen, never with the history: back and forward move the history
        # before they show anything, so it already names the page they are going to.
        shown = self._shown
        same_page = shown is not None and shown.entry_id == loc.entry_id and not loc.is_search and not shown.is_search
        self._shown = loc
        if same_page and self.viewer.toPlainText():
            if loc.anchor:
                self.viewer.scroll_to(loc.anchor)
            else:
                self.viewer.scroll_to("top")
        elif loc.is_home:
            self._show_home(loc.anchor)
        elif loc.is_search:
            self._show_search(loc)
        else:
            self._show_entry(loc)
        self._apply_highlight()
        self.find_bar.refresh()
        self._update_nav_actions()
        self._update_entry_actions()
        self.locationChanged.emit(loc.to_string())

    def open_url(self, url: QUrl) -> None:
        self._on_link(url)

    def go_back(self) -> None:
        loc = self.history.back()
        if loc is not None:
            self._show(loc)

    def go_forward(self) -> None:
        loc = self.history.forward()
        if loc is not None:
            self._show(loc)

    def _update_nav_actions(self) -> None:
        self.actions_["back"].setEnabled(self.history.can_back())
        self.actions_["forward"].setEnabled(self.history.can_forward())

    def _update_entry_actions(self) -> None:
        """Bookmarking and printing need an open entry; the star shows whether it is bookmarked."""
        entry = self.current_entry()
        for action_id in ("print", "print_preview", "export_pdf"):
            self.actions_[action_id].setEnabled(entry is not None and self.printing is not None)
        # A store that can only be read (a read-only folder, a full disk at start) shows the star, not
        # a button that could only fail.
        writable = self.store is not None and self.store.read_only is None
        self.actions_["bookmark"].setEnabled(entry is not None and writable)
        try:
            starred = bool(entry and self.store and self.store.is_bookmarked(entry.id, ""))
        except StoreError as exc:
            log.warning("bookmark state unknown: %s", exc)
            starred = False
        self.actions_["bookmark"].setChecked(starred)
        self.sidebar.section_commands_enabled = entry is not None

    def rendered(self, entry: Entry) -> Rendered:
        cached = self._rendered.get(entry.id)
        if cached is None:
            cached = render_markdown(entry.read_body(), sources=len(entry.sources))
            self._rendered[entry.id] = cached
            while len(self._rendered) > self.RENDER_CACHE_SIZE:
                self._rendered.popitem(last=False)
        else:
            self._rendered.move_to_end(entry.id)
        return cached

    def _show_home(self, anchor: str = "") -> None:
        recent = self.recently_read()
        html = home_page(self.library, self.labels, self._category_anchors, recent)
        self.viewer.show_page(html, anchor)
        start = [("recent", self.labels.recently_read)] if recent else []
        start += [("start", self.labels.start_here)] if self.library.featured() else []
        self.sidebar.set_sections(
            start + [(self._category_anchors[c.name], c.name) for c, _ in self.library.by_category()],
            self.tr("Topics"),
        )
        self.sidebar.set_related([])
        self.sidebar.highlight_section(self.viewer.current_section())
        self.setWindowTitle(self.tr("HealthReader"))
        log.info("opened home page")

    def _show_entry(self, loc: Location) -> None:
        entry = self.library.find(loc.entry_id or "")
        if entry is None:
            self.viewer.show_page(not_found_page(loc.entry_id or "", self.labels))
            self.sidebar.set_sections([])
            self.sidebar.set_related([])
            log.warning("no entry with id %r", loc.entry_id)
            return
        try:
            rendered = self.rendered(entry)
        except (OSError, UnicodeDecodeError) as exc:
            self.infobar.show_message(self.tr("This entry could not be read: %1").replace("%1", str(exc)))
            log.error("cannot read %s: %s", entry.path, exc)
            return
        html = entry_page(entry, rendered.html, self.library.disclaimer_for(entry), self.labels)
        self.viewer.show_page(html, loc.anchor)
        self.sidebar.set_sections([(s.anchor, s.title) for s in rendered.sections])
        self.sidebar.set_related([(e.id, e.title, self.labels.kind(e), e.summary) for e in self.library.related(entry)])
        self.sidebar.highlight_section(self.viewer.current_section())
        self.setWindowTitle(self.tr("%1 — HealthReader").replace("%1", entry.title))
        self.settings.set("last_location", loc.to_string())
        if self.store is not None and self.store.read_only is None:
            try:
                self.store.record_visit(entry.id, loc.anchor, title=entry.title)
            except StoreError as exc:
                log.warning("reading history not saved: %s", exc)
                if not self._history_failure_shown:  # once: every page opened would say it again
                    self._history_failure_shown = True
                    self.infobar.show_message(explain_store_error(exc))
        log.info("opened entry %s (%d sections)", entry.id, len(rendered.sections))
        announce(self.viewer, self.tr("Opened %1").replace("%1", entry.title))

    # --- links and sections ------------------------------------------------------------------------
    def _on_link(self, url: QUrl) -> None:
        scheme = url.scheme()
        if scheme == "hit":
            self._open_hit(int(url.path()) if url.path().isdigit() else -1)
        elif scheme == "more":
            self.show_more_results()
        elif scheme == "search":
            # Encoded, as Location.parse expects (it decodes ids, anchors and the query itself): Qt
            # refuses to write a whole URL fully decoded, and says so on every click.
            loc = Location.parse(url.toString())
            if loc is not None:
                self.open_location(loc)
        elif scheme in ("entry", "home"):
            loc = Location.parse(url.toString())
            if loc is not None:
                self.open_location(loc)
        elif scheme == "" and url.hasFragment():
            current = self.current_location()
            self.open_location(Location(current.entry_id, url.fragment()))
        else:
            address = url.toDisplayString()
            self.infobar.show_message(
                self.tr("HealthReader works offline and does not open web pages. The address is: %1").replace(
                    "%1", address
                ),
                copy_text=address,
            )
            log.info("outside link not opened: %s", address)
            self.outsideLinkShown.emit(address)

    def _on_link_focused(self, url: QUrl, text: str) -> None:
        """Say the link Tab reached and where it leads, as a screen reader does for a web page's links."""
        scheme = url.scheme()
        loc = Location.parse(url.toString()) if scheme in ("entry", "search") else None
        if scheme == "hit":
            where = self.tr("opens this result")
        elif scheme == "more":
            where = self.tr("shows the next results below these")
        elif loc is not None and loc.is_search:
            where = self.tr("searches for %1").replace("%1", loc.query)
        elif loc is not None and loc.entry_id:
            target = self.library.find(loc.entry_id)
            if target is None:
                where = ""
            elif target.title == text:
                where = self.tr("opens this entry")
            else:
                where = self.tr("opens %1").replace("%1", target.title)
        elif scheme == "" and url.hasFragment():
            where = self.tr("goes to a section of this page")
        else:
            where = self.tr("outside address, not opened: %1").replace("%1", url.toDisplayString())
        said = self.tr("Link: %1").replace("%1", text)
        announce(self.viewer, self.tr("%1, %2").replace("%1", said).replace("%2", where) if where else said)

    def _open_hit(self, n: int) -> None:
        if self._results is not None and 0 <= n < len(self._results.hits):
            hit = self._results.hits[n]
            self._pending_terms = hit.terms
            self.open_location(Location(hit.entry_id, hit.anchor))

    def _on_sidebar_section(self, anchor: str) -> None:
        current = self.current_location()
        if current.is_search and anchor.startswith("hit-"):
            # The sidebar lists the results: choosing one opens it, as its link on the page does.
            number = anchor.removeprefix("hit-")
            self._open_hit(int(number) if number.isdigit() else -1)
            return
        self.open_location(Location(current.entry_id, anchor), record=False)
        self.sidebar.highlight_section(anchor)
        title = self.sidebar.section_title(anchor)
        announce(self.viewer, self.tr("Section: %1").replace("%1", title) if title else "")

    def _on_section_scrolled(self, anchor: str) -> None:
        self.sidebar.highlight_section(anchor)

    # --- how the library's text is shown ------------------------------------------------------------
    def set_text_conversion(self, text: Callable[[str], str] | None, html: Callable[[str], str] | None) -> None:
        """Show the library's text converted (traditional characters) wherever it appears: the page,
        the search drop-down, bookmark titles and the window's messages about them."""
        self._display = text
        self._display_html = html
        self.viewer.set_text_transform(html)
        self.search_box.set_text_transform(text)
        if self.bookmarks is not None:
            self.bookmarks.set_text_transform(text)
        self.infobar.refresh()  # 已收藏：title, in the script the page is in now
        self._print_as_shown()

    def set_page_words(self, translate: Translate | None) -> None:
        """Make the pages with these words (labels, headings) instead of the UI's, and draw the page on
        screen again with them, keeping the reader's place; None: the UI's own words again."""
        if translate is self._words:
            return
        self._words = translate
        self.labels = page_labels(translate or QCoreApplication.translate)
        self._print_as_shown()
        loc = self.history.current
        if loc is None or self._shown is None or not self.viewer.toPlainText():
            return
        bar = self.viewer.verticalScrollBar()
        scroll = bar.value()
        if loc.is_search:
            if self._results is None:
                return  # still searching: the results page is made with the new words when they come
            self._on_results(self._request_for(loc), self._results)
        elif loc.is_home:
            self._show_home()
        else:
            self._show_entry(loc)
        bar.setValue(scroll)
        self._apply_highlight()
        self.find_bar.refresh()

    def _results_labels(self) -> ResultsLabels:
        return results_labels(self._words or QCoreApplication.translate)

    def displayed(self, text: str) -> str:
        return self._display(text) if self._display is not None else text

    # --- bookmarks and history ------------------------------------------------------------------------
    def attach_store(self, store: UserStore, panel: BookmarksPanel) -> None:
        self.store = store
        self.bookmarks = panel
        panel.set_text_transform(self._display)
        self.sidebar.add_tab(panel, self.tr("Bookmarks and history"))
        panel.openRequested.connect(lambda eid, anchor: self.open_location(Location(eid, anchor)))
        self.actions_["bookmark"].triggered.connect(lambda: self.toggle_bookmark(""))
        self.actions_["show_bookmarks"].triggered.connect(self.show_bookmarks)
        self.sidebar.sectionCommand.connect(self._on_section_command)
        self._update_entry_actions()

    def recently_read(self, limit: int = 5) -> list[Entry]:
        if self.store is None:
            return []
        try:
            items = self.store.recent_history(limit)
        except StoreError as exc:
            log.warning("reading history unavailable: %s", exc)
            return []
        return [e for e in (self.library.find(item.entry_id) for item in items) if e is not None]

    def _on_box_entered(self, first_line: str) -> None:
        """The caret went into a box: a tier of warning signs (urgent) or the disclaimer, said as such."""
        if first_line[:1] in TIER_ICONS.values():
            announce(self.viewer, self.tr("Warning box: %1").replace("%1", first_line), urgent=True)
        elif first_line == self.displayed(self.labels.disclaimer):
            announce(self.viewer, self.tr("Note box: %1").replace("%1", first_line))

    def show_bookmarks(self) -> None:
        if self.bookmarks is not None:
            self.sidebar.setCurrentWidget(self.bookmarks)
            self.bookmarks.show_bookmarks()

    def toggle_bookmark(self, anchor: str = "") -> None:
        """Bookmark the open entry (or one of its sections); pressed again, remove it, with an undo."""
        entry = self.current_entry()
        if entry is None or self.store is None:
            return
        section = next((s.title for s in self.rendered(entry).sections if s.anchor == anchor), "") if anchor else ""
        written = f"{entry.title} › {section}" if section else entry.title
        try:
            result = self.store.toggle_bookmark(entry.id, anchor, title=entry.title, section_title=section)
        except StoreError as exc:
            self.infobar.show_message(explain_store_error(exc))
            return
        if result.removed is not None:
            removed = result.removed
            self.infobar.show_message(
                lambda: self.tr("Bookmark removed: %1").replace("%1", self.displayed(written)),
                action=(self.tr("Undo"), lambda: self._restore_bookmark(removed)),
                timeout_ms=8000,
            )
        else:
            self.infobar.show_message(
                lambda: self.tr("Bookmarked: %1").replace("%1", self.displayed(written)), timeout_ms=4000
            )
        self.bookmarks_changed()

    def _restore_bookmark(self, bookmark: Bookmark) -> None:
        if self.store is not None:
            try:
                self.store.restore_bookmark(bookmark)
            except StoreError as exc:
                self.infobar.show_message(explain_store_error(exc))
                return
            self.bookmarks_changed()

    def bookmarks_changed(self) -> None:
        """The store changed behind the window's back (an import, an undo): refresh the star and the panel."""
        self._update_entry_actions()
        if self.bookmarks is not None:
            self.bookmarks.refresh()

    def _on_section_command(self, command: str, anchor: str) -> None:
        entry = self.current_entry()
        if command == "bookmark":
            self.toggle_bookmark(anchor)
        elif command == "print" and self.printing is not None:
            self.printing.print_current(entry, anchor)
        elif command == "pdf" and self.printing is not None:
            self.printing.export_current_pdf(entry, anchor)

    # --- printing ------------------------------------------------------------------------------------
    def page_look(self) -> tuple[Callable[[str], str] | None, PageLabels]:
        """How the page on screen shows the library: its HTML conversion (traditional characters; None
        for the text as written) and its own labels; a handout is printed the same way."""
        return self._display_html, self.labels

    def _print_as_shown(self) -> None:
        if self.printing is not None:
            self.printing.set_page_look(*self.page_look())

    def attach_printing(self, actions: PrintActions) -> None:
        self.printing = actions
        self._print_as_shown()
        a = self.actions_
        a["print"].triggered.connect(lambda: actions.print_current(self.current_entry(), ""))
        a["print_preview"].triggered.connect(lambda: actions.preview(self.current_entry(), ""))
        a["export_pdf"].triggered.connect(lambda: actions.export_current_pdf(self.current_entry(), ""))
        a["large_print"].setChecked(bool(self.settings.get("large_print")))
        a["large_print"].toggled.connect(actions.set_large_print)
        actions.exported.connect(
            lambda path: self.statusBar().showMessage(self.tr("Saved %1").replace("%1", path), 8000)
        )
        # Where the print job is and how it ended: in the bar above the article, where it is seen.
        actions.print_status.connect(lambda text, ms: self.infobar.show_message(text, timeout_ms=ms))
        self._update_entry_actions()

    # --- search -------------------------------------------------------------------------------------
    def attach_search(self, controller: SearchController) -> None:
        self.search = controller
        self.search_box.suggestRequested.connect(controller.suggest)
        controller.suggestionsReady.connect(self.search_box.show_suggestions)
        controller.resultsReady.connect(self._on_results)
        controller.preparing.connect(lambda: self.search_box.set_ready(False))
        controller.ready.connect(self._on_search_ready)
        controller.progress.connect(self._on_index_progress)
        controller.failed.connect(self._on_search_failed)

    def _request_for(self, loc: Location) -> SearchRequest:
        return SearchRequest(loc.query, loc.qtype, loc.qcategory, loc.exact, self._result_limit)

    def _show_search(self, loc: Location) -> None:
        self._result_limit, self._more_from = PAGE_SIZE, -1
        request = self._request_for(loc)
        self._results = None
        self.viewer.show_page(searching_html(request, self._results_labels()))
        self.sidebar.set_sections([])
        self.sidebar.set_related([])
        self.setWindowTitle(self.tr("%1 — HealthReader").replace("%1", loc.query))
        if self.search_box.text().strip() != loc.query:
            self.search_box.setText(loc.query)
        if self.search is not None:
            self.search.search(request)

    def _on_results(self, request: SearchRequest, results: object) -> None:
        loc = self.history.current
        if loc is None or not loc.is_search or self._request_for(loc) != request:
            return  # the reader has moved on
        self._results = results
        topics = [(c.name, self._category_anchors[c.name]) for c in self.library.categories()]
        browse = [(name, Location(None, anchor).to_string()) for name, anchor in topics]
        hits = results.hits  # type: ignore[attr-defined]
        more = len(hits) >= request.limit and results.total > len(hits)  # type: ignore[attr-defined]
        words = self._results_labels()
        html = results_html(request, results, self.library, words, browse, more)  # type: ignore[arg-type]
        # After "More results", the first new result at the top: the reader goes on where the page ended.
        first_new, self._more_from = self._more_from, -1
        self.viewer.show_page(html, f"hit-{first_new}" if 0 <= first_new < len(hits) else "")
        if hits:
            self.sidebar.set_sections([(f"hit-{n}", hit.title) for n, hit in enumerate(hits)], self.tr("Results"))
        else:
            # Nothing found: the sidebar offers the nearest entries and the topics, as the page does.
            self.sidebar.set_sections([(anchor, name) for name, anchor in topics], self.labels.categories)
            near = [self.library.find(eid) for eid, _ in results.nearest_titles]  # type: ignore[attr-defined]
            self.sidebar.set_related([(e.id, e.title, self.labels.kind(e), e.summary) for e in near if e is not None])
        log.info("search %r: %d results", request.text, results.total)  # type: ignore[attr-defined]
        announce(self.viewer, words.count.replace("%1", str(results.total)))  # type: ignore[attr-defined]

    def show_more_results(self) -> None:
        """Ask for the next page of results of the search on screen (the link below the last result)."""
        loc = self.history.current
        if loc is None or not loc.is_search or self._results is None or self.search is None:
            return
        self._more_from = len(self._results.hits)
        self._result_limit = self._more_from + PAGE_SIZE
        self.search.search(self._request_for(loc))

    def _on_search_ready(self) -> None:
        self.search_box.set_ready(True)
        self.statusBar().showMessage(self.tr("Search is ready"), 3000)

    def _on_index_progress(self, done: int, total: int) -> None:
        self.search_box.set_ready(
            False, self.tr("Preparing search… %1%").replace("%1", str(done * 100 // max(total, 1)))
        )
        self.statusBar().showMessage(
            self.tr("Preparing search: %1 of %2 entries").replace("%1", str(done)).replace("%2", str(total))
        )

    def _on_search_failed(self, message: str) -> None:
        self.search_box.set_ready(False, self.tr("Search is unavailable"))
        self.infobar.show_message(self.tr("Search is unavailable: %1").replace("%1", message))

    def _apply_highlight(self) -> None:
        """Mark the words a search found in the entry just opened from the results page."""
        terms, self._pending_terms = self._pending_terms, ()
        if terms:
            highlight(self.viewer, find_all(self.viewer.document(), list(terms)))
        else:
            self.viewer.setExtraSelections([])

    def highlighted_count(self) -> int:
        return len(self.viewer.extraSelections())

    # --- zoom ---------------------------------------------------------------------------------------
    def step_zoom(self, direction: int) -> None:
        current = self.viewer.zoom
        steps = list(ZOOM_STEPS)
        i = min(range(len(steps)), key=lambda k: abs(steps[k] - current))
        i = max(0, min(len(steps) - 1, i + direction))
        self.set_zoom(steps[i])

    def reset_zoom(self) -> None:
        self.settings.reset("zoom_percent")
        self.set_zoom(self.settings.get("zoom_percent"))

    def set_zoom(self, percent: int) -> None:
        self.viewer.set_zoom(percent)
        self.settings.set("zoom_percent", percent)
        self.statusBar().showMessage(self.tr("Text size %1%").replace("%1", str(percent)), 2000)
        self.actions_["zoom_in"].setEnabled(percent < ZOOM_STEPS[-1])
        self.actions_["zoom_out"].setEnabled(percent > ZOOM_STEPS[0])

    # --- the sidebar -----------------------------------------------------------------------------
    def set_sidebar_visible(self, visible: bool) -> None:
        self.sidebar.setVisible(visible)
        self.splitter.refresh()  # the article takes (or gives back) the room now, not at the next layout pass
        self.actions_["sidebar"].setChecked(visible)
        if visible:
            self._fit_sidebar()

    def _on_splitter_moved(self, pos: int, _index: int) -> None:
        self._sidebar_width = pos

    def _fit_sidebar(self) -> None:
        """The sidebar at the width the reader chose, but never more than a third of the window."""
        if not self.sidebar.isVisibleTo(self):
            return
        total = sum(self.splitter.sizes()) or self.splitter.width() - self.splitter.handleWidth()
        cap = max(SIDEBAR_MIN_WIDTH, int(self.splitter.width() * SIDEBAR_SHARE))
        width = max(SIDEBAR_MIN_WIDTH, min(self._sidebar_width, cap))
        if total > width and self.splitter.sizes()[0] != width:
            self.splitter.setSizes([width, total - width])

    # --- state -------------------------------------------------------------------------------------
    def restore_state(self) -> None:
        geometry = _unb64(self.settings.get("window_geometry"))
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry()
            self.resize(min(1200, int(screen.width() * 0.9)), min(820, int(screen.height() * 0.9)))
        state = _unb64(self.settings.get("window_state"))
        if not state.isEmpty():
            self.restoreState(state)
        split = _unb64(self.settings.get("splitter_state"))
        if not split.isEmpty() and self.splitter.restoreState(split):
            self._sidebar_width = self.splitter.sizes()[0] or SIDEBAR_WIDTH
        self.set_sidebar_visible(bool(self.settings.get("sidebar_visible")))

    def save_state(self) -> None:
        self.settings.set("window_geometry", _b64(self.saveGeometry()))
        self.settings.set("window_state", _b64(self.saveState()))
        if self.sidebar.isVisibleTo(self):
            # Qt saves a hidden pane as width 0 and does not restore it as hidden: keep the last shown state.
            self.settings.set("splitter_state", _b64(self.splitter.saveState()))
        self.settings.set("sidebar_visible", self.sidebar.isVisibleTo(self))
        loc = self.history.current
        if loc is not None and not loc.is_home:
            self.settings.set("last_location", Location(loc.entry_id, self.viewer.current_section()).to_string())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if self.search is not None:
            self.search.shutdown()  # finish the worker's current job before the thread goes away
        super().closeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.splitter and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            QTimer.singleShot(0, self._fit_sidebar)  # after the splitter has shared out its new width
            return False
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.BackButton:
                self.go_back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.go_forward()
                return True
        return super().eventFilter(watched, event)

    def _about(self) -> None:
        info = self.library.primary
        text = self.tr("HealthReader %1\nAn offline reader for health information.").replace("%1", __version__)
        if info:
            text += "\n\n" + f"{info.title} {info.version}\n{info.publisher}"
        QMessageBox.about(self, self.tr("About HealthReader"), text)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    # --- kiosk hooks (used by ui/kiosk.py between two readers) --------------------------------------
    def reload_entry(self, entry: Entry) -> None:
        """Show a new version of an entry (its file changed: ``--watch``), keeping the reader's place."""
        self.library.entries[entry.id] = entry
        self._rendered.pop(entry.id, None)
        current = self.history.current
        if current is None or current.entry_id != entry.id or current.is_search:
            return
        scroll = self.viewer.verticalScrollBar().value()
        self._show_entry(current)
        self.viewer.verticalScrollBar().setValue(scroll)
        self._apply_highlight()
        self.find_bar.refresh()

    def use_library(self, library: Library, changes: Changes) -> None:
        """The library after the check of its files (``LibraryCheck``): what changed while the app was
        closed shows now, on the page on screen and in the lists, without losing the reader's place."""
        self.library = library
        self.library_checked = True
        if self.printing is not None:
            self.printing.use_library(library)
        if not changes:
            return
        self._category_anchors = {cat.name: f"cat-{i}" for i, cat in enumerate(library.categories())}
        for entry_id in changes.changed | changes.removed:
            self._rendered.pop(entry_id, None)
        self.bookmarks_changed()  # their titles come from the library
        current = self.history.current
        if current is None:
            return
        if (
            current.is_home
            or current.is_search
            or changes.infos
            or current.entry_id in changes.changed | changes.removed
        ):
            scroll = self.viewer.verticalScrollBar().value()
            self._shown = None  # drawn afresh: the same page, with what changed
            self._show(current)
            self.viewer.verticalScrollBar().setValue(scroll)

    def forget_session(self) -> None:
        """Drop what the reader did in memory: back/forward history, the last results, highlight terms."""
        self.history.clear()
        self._shown = None  # the next page is drawn afresh, even if it is the one on screen
        self._results = None
        self._pending_terms = ()

    def replace_store(self, store: UserStore, panel: BookmarksPanel) -> None:
        """Use a fresh store and its panel; the old panel goes (its tab too, if it had one)."""
        old = self.bookmarks
        index = self.sidebar.indexOf(old) if old is not None else -1
        title = self.sidebar.tabText(index) if index >= 0 else ""
        if old is not None:
            if index >= 0:
                self.sidebar.removeTab(index)
            old.deleteLater()
        self.store = store
        self.bookmarks = panel
        panel.set_text_transform(self._display)
        if index >= 0:
            self.sidebar.insertTab(index, panel, title)
        else:
            panel.setParent(self)  # owned, but not shown: bookmarks are hidden here
            panel.hide()
        panel.openRequested.connect(lambda eid, anchor: self.open_location(Location(eid, anchor)))
        self.bookmarks_changed()
