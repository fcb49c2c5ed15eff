"""The bookmarks and history panel: browse, filter, annotate, file and remove bookmarks; browse history.

Self-contained: it is given the store and a ``title_of(entry_id)`` callable (None when the entry has
left the library) and reports what the reader wants to open with ``openRequested(entry_id, anchor)``.
It never reaches for other widgets or globals; the composition root wires it in and calls
``refresh()`` after changing bookmarks elsewhere (it also reloads by itself when shown, if the store
changed meanwhile, including changes made by another window or process).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPalette,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from healthreader.store import NO_FOLDER, Bookmark, BookmarkOrder, Folder, StoreError, UserStore
from healthreader.ui.common.user_data import explain_store_error

TitleOf = Callable[[str], "str | None"]


def _as_written(text: str) -> str:
    return text


def _bookmark_name(bookmark: Bookmark) -> str:
    """The article, and the section when the bookmark is for one: "脑卒中后的康复 › 康复团队"."""
    return f"{bookmark.title} › {bookmark.section_title}" if bookmark.section_title else bookmark.title


_Index = QModelIndex | QPersistentModelIndex

BOOKMARK_ROLE = Qt.ItemDataRole.UserRole  # the Bookmark
GONE_ROLE = Qt.ItemDataRole.UserRole + 1  # True when its entry has left the library
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2  # history items: entry id
ANCHOR_ROLE = Qt.ItemDataRole.UserRole + 3  # history items: anchor

# How long the "removed - undo" bar stays.
UNDO_SECONDS = 10
# Bookmarks read from the store at a time.
PAGE_ROWS = 100
# History rows shown (newest first); older ones stay in the store, just not in the panel.
HISTORY_ROWS = 500


def _padding(font: QFont) -> int:
    # Room around each line in proportion to the font, so rows grow with the reader's chosen size.
    return max(4, QFontMetrics(font).height() // 3)


class BookmarkListModel(QAbstractListModel):
    """Bookmarks as list rows; the note is the editable value (EditRole), saved to the store on edit.

    Rows are read from the store a page at a time (Qt's canFetchMore/fetchMore: the view asks for
    more as the reader scrolls), so opening the panel on 10,000 bookmarks reads one page, not all.
    A store error while reading or saving is reported with ``failed`` (the panel shows it); a damaged
    row is shown as well as it can be, marked as such.
    """

    failed = Signal(object)  # the StoreError

    def __init__(self, store: UserStore, title_of: TitleOf, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._title_of = title_of
        self._rows: list[Bookmark] = []
        self._query: tuple[BookmarkOrder, str, str | None] = (BookmarkOrder.NEWEST, "", None)
        self._exhausted = True
        self._titles: dict[str, str | None] = {}  # title_of results, asked once per reload and entry
        self.display: Callable[[str], str] = _as_written  # library text as shown (traditional characters)

    def load(self, order: BookmarkOrder, text: str, folder: str | None) -> None:
        """Start again from the first page of this query."""
        self.beginResetModel()
        self._query = (order, text, folder)
        self._rows = []
        self._titles.clear()
        self._rows = self._page(0)
        self._exhausted = len(self._rows) < PAGE_ROWS
        self.endResetModel()

    def _page(self, offset: int) -> list[Bookmark]:
        order, text, folder = self._query
        try:
            return self._store.list_bookmarks(order, text, folder, limit=PAGE_ROWS, offset=offset)
        except StoreError as exc:
            self.failed.emit(exc)
            return []

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008 - Qt's signature
        if parent.isValid() or self._exhausted:
            return
        page = self._page(len(self._rows))
        self._exhausted = len(page) < PAGE_ROWS
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def fetch_all(self) -> None:
        while self.canFetchMore():
            self.fetchMore()

    def bookmark(self, row: int) -> Bookmark:
        return self._rows[row]

    def row_of(self, key: tuple[str, str]) -> int | None:
        return next((n for n, b in enumerate(self._rows) if b.key == key), None)

    def current_title(self, entry_id: str) -> str | None:
        if entry_id not in self._titles:
            self._titles[entry_id] = self._title_of(entry_id)
        return self._titles[entry_id]

    def is_gone(self, b: Bookmark) -> bool:
        return self.current_title(b.entry_id) is None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        b = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            # The library's current title when the entry is still there (it may have been renamed),
            # else the title remembered when the bookmark was made.
            title = self.current_title(b.entry_id) or b.title
            shown = self.display(f"{title} › {b.section_title}" if b.section_title else title)
            flag = self.tr("(partly unreadable)")
            return f"{shown}  {flag}" if b.damaged else shown
        if role == Qt.ItemDataRole.EditRole:
            return b.note
        if role == Qt.ItemDataRole.ToolTipRole:
            damaged = [self.tr("Part of this bookmark was damaged on disk; it is shown as well as it can be.")]
            return "\n".join(filter(None, [b.title, b.section_title, b.note, *(damaged if b.damaged else [])]))
        if role == BOOKMARK_ROLE:
            return b
        if role == GONE_ROLE:
            return self.is_gone(b)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags if self._store.read_only is not None else flags | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        b = self._rows[index.row()]
        note = str(value).strip()
        if note == b.note:
            return False
        try:
            self._rows[index.row()] = self._store.set_note(b.entry_id, b.anchor, note)
        except StoreError as exc:
            self.failed.emit(exc)
            return False
        self.dataChanged.emit(index, index)
        return True


class BookmarkDelegate(QStyledItemDelegate):
    """Two lines per bookmark: the title (and section) in bold; the folder and note below, in grey.

    Bookmarks whose entry has left the library are drawn in the disabled colour with a word saying so.
    The note is edited in place on the second line.
    """

    def __init__(self, gone_label: str, note_placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gone_label = gone_label
        self._note_placeholder = note_placeholder

    def _lines(self, option: QStyleOptionViewItem) -> tuple[QRect, QRect]:
        pad = _padding(option.font)
        spacing = QFontMetrics(option.font).lineSpacing()
        r = option.rect.adjusted(pad, pad, -pad, -pad)
        first = QRect(r.left(), r.top(), r.width(), spacing)
        second = QRect(r.left(), r.top() + spacing + pad // 2, r.width(), spacing)
        return first, second

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        pad = _padding(option.font)
        height = 2 * QFontMetrics(option.font).lineSpacing() + 2 * pad + pad // 2
        # No width of its own: the row is as wide as the list (the rectangle passed here is a width
        # from before the list had its size, and with uniform row sizes it was kept: a sideways bar).
        return QSize(1, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget else QApplication.style()
        opt.text = ""
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)

        b: Bookmark = index.data(BOOKMARK_ROLE)
        gone = bool(index.data(GONE_ROLE))
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Disabled if gone else QPalette.ColorGroup.Normal
        main_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        main_color = opt.palette.color(group, main_role)
        # Notes in the full text colour, not a pale grey: they are read by people who need contrast.
        # Only a bookmark whose entry is gone is drawn pale (and says why).
        detail_color = main_color

        first, second = self._lines(opt)
        title_font = QFont(opt.font)
        title_font.setBold(not gone)
        title_font.setItalic(gone)
        title = str(index.data(Qt.ItemDataRole.DisplayRole))
        if gone:
            title = f"{title}  {self._gone_label}"
        painter.save()
        painter.setFont(title_font)
        painter.setPen(main_color)
        painter.drawText(
            first,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            QFontMetrics(title_font).elidedText(title, Qt.TextElideMode.ElideRight, first.width()),
        )
        details = [f"[{b.folder}]"] if b.folder else []
        if b.note:
            details.append(" ".join(b.note.split()))
        painter.setFont(opt.font)
        painter.setPen(detail_color)
        painter.drawText(
            second,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            QFontMetrics(opt.font).elidedText("  ".join(details), Qt.TextElideMode.ElideRight, second.width()),
        )
        painter.restore()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("noteEditor")
        editor.setPlaceholderText(self._note_placeholder)
        editor.setFrame(True)
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: Any, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: _Index) -> None:
        _, second = self._lines(option)
        editor.setGeometry(second.adjusted(-2, -2, 2, 2))


class RoomyDelegate(QStyledItemDelegate):
    """Plain rows with breathing room in proportion to the font (history)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + _padding(option.font))


class MessageBar(QFrame):
    """A line of text with an optional action button that hides itself after a while."""

    def __init__(self, close_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarksMessage")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.action_button = QPushButton()
        self.close_button = QPushButton(close_text)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.dismiss)
        self.close_button.clicked.connect(self.dismiss)
        self._on_dismiss: Callable[[], None] | None = None
        self._make: Callable[[], str] | None = None
        self.hide()

    def refresh(self) -> None:
        if self._make is not None and not self.isHidden():
            self.label.setText(self._make())

    def show_message(
        self,
        text: str | Callable[[], str],
        action_text: str = "",
        seconds: int = UNDO_SECONDS,
        on_dismiss: Callable[[], None] | None = None,
    ) -> None:
        """``text`` may be a function that makes it, so that ``refresh`` shows a title in it the way
        titles are shown now (traditional characters turned on or off while it is on screen)."""
        self._make = text if callable(text) else None
        self.label.setText(text() if callable(text) else text)
        self.action_button.setText(action_text)
        self.action_button.setVisible(bool(action_text))
        self._on_dismiss = on_dismiss
        self.timer.start(seconds * 1000)
        self.show()

    def dismiss(self) -> None:
        self.timer.stop()
        self.hide()
        callback, self._on_dismiss = self._on_dismiss, None
        if callback:
            callback()


class BookmarksPanel(QWidget):
    """Bookmarks and History, as two tabs.  See the module docstring for how it is wired."""

    openRequested = Signal(str, str)  # entry id, section anchor ("" for the top of the entry)

    def __init__(
        self,
        store: UserStore,
        title_of: TitleOf,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarksPanel")
        self._store = store
        self._title_of = title_of
        self._today = today
        self._removed: Bookmark | None = None  # what the undo button restores
        self._drawn_revision: tuple[int, int] | None = None
        self._history_loaded = False

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_bookmarks_tab(), self.tr("Bookmarks"))
        self.tabs.addTab(self._build_history_tab(), self.tr("History"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.message = MessageBar(self.tr("Close"), self)
        self.message.action_button.clicked.connect(self.undo_remove)
        # In a scroll area: the panel's rows of finger-sized controls (a kiosk with large type) asked
        # for more height than an 800×600 screen has, and a sidebar asks for its tallest page even
        # while another is shown, so the window grew past the screen; short of room, it scrolls.
        room = self._room = QScrollArea(self)
        room.setObjectName("bookmarksRoom")
        room.setWidget(self.tabs)
        room.setWidgetResizable(True)
        room.setFrameShape(QFrame.Shape.NoFrame)
        room.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._viewport = room.viewport()
        self._viewport.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(room, 1)
        layout.addWidget(self.message)
        self.refresh()

    # ------------------------------------------------------------------ building

    def _build_bookmarks_tab(self) -> QWidget:
        page = self._bookmarks_page = QWidget()
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("bookmarkFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by title, note or folder"))
        self.filter_edit.setClearButtonEnabled(True)
        self.order_combo = QComboBox()
        self.order_combo.setObjectName("bookmarkOrder")
        self.order_combo.addItem(self.tr("Newest first"), BookmarkOrder.NEWEST.value)
        self.order_combo.addItem(self.tr("By title"), BookmarkOrder.TITLE.value)
        self.folder_combo = QComboBox()
        self.folder_combo.setObjectName("bookmarkFolder")
        self.folder_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.model = BookmarkListModel(self._store, self._title_of, self)
        self.model.failed.connect(self._store_failed)
        self.view = QListView()
        self.view.setObjectName("bookmarkList")
        self.view.setModel(self.model)
        self.view.setItemDelegate(
            BookmarkDelegate(self.tr("(no longer in the library)"), self.tr("Write a note and press Enter"), self.view)
        )
        self.view.setUniformItemSizes(True)  # 10,000 rows lay out instantly
        self.view.setAlternatingRowColors(True)  # tells two-line rows apart without rules between them
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("bookmarksEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Ctrl+B lands here; Tab passes it by

        self.open_button = QPushButton(self.tr("Open"))
        self.note_button = QPushButton(self.tr("Edit note"))
        self.move_button = QPushButton(self.tr("Move to folder"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.move_button.setMenu(QMenu(self.move_button))
        self.move_button.menu().aboutToShow.connect(lambda: self._fill_move_menu(self.move_button.menu()))

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        # Two by two: four buttons in a row made the sidebar 380 px wide, too much of a small window;
        # and one under another where two side by side do not fit (see _reflow).
        options = QGridLayout()
        buttons = QGridLayout()
        controls: tuple[QWidget, ...] = (self.open_button, self.note_button, self.move_button, self.remove_button)
        self._grids: tuple[tuple[QGridLayout, tuple[QWidget, ...]], ...] = (
            (options, (self.order_combo, self.folder_combo)),
            (buttons, controls),
        )
        self._columns = 0
        self._lay_out_grids(2)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addLayout(options)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(buttons)

        self.filter_edit.textChanged.connect(self._reload_bookmarks)
        self.order_combo.currentIndexChanged.connect(self._reload_bookmarks)
        self.folder_combo.currentIndexChanged.connect(self._reload_bookmarks)
        self.view.activated.connect(lambda index: self._open_row(index.row()))
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.open_button.clicked.connect(self.open_selected)
        self.note_button.clicked.connect(self.edit_note_of_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        for keys, slot in (
            (QKeySequence.StandardKey.Delete, self.remove_selected),
            (QKeySequence.StandardKey.Undo, self.undo_remove),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        return page

    def _build_history_tab(self) -> QWidget:
        page = QWidget()
        self.history_tree = QTreeWidget()
        self.history_tree.setObjectName("historyTree")
        self.history_tree.setColumnCount(2)
        self.history_tree.setHeaderHidden(True)
        self.history_tree.setItemDelegate(RoomyDelegate(self.history_tree))
        self.history_tree.setRootIsDecorated(True)
        self.history_tree.setAlternatingRowColors(True)
        header = self.history_tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.history_empty = QLabel(self.tr("Nothing read yet."))
        self.history_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clear_history_button = QPushButton(self.tr("Clear history…"))
        self.clear_history_button.setObjectName("clearHistory")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_history_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.history_tree, 1)
        layout.addWidget(self.history_empty, 1)
        layout.addLayout(buttons)
        self.history_tree.itemActivated.connect(self._history_activated)
        self.clear_history_button.clicked.connect(self.clear_history)
        return page

    def set_text_transform(self, transform: Callable[[str], str] | None) -> None:
        """Show titles converted (traditional characters); the reader's own notes stay as typed."""
        self.model.display = transform or _as_written
        self.refresh()
        self.message.refresh()

    def show_bookmarks(self) -> None:
        """Show the bookmarks and put the keyboard in their list, on the newest (what Ctrl+B is for)."""
        self.tabs.setCurrentIndex(0)
        model = self.view.model()
        if not self.view.currentIndex().isValid() and model.rowCount():
            self.view.setCurrentIndex(model.index(0, 0))
        # With none yet, the message saying how to make one is where the keyboard (and Orca) lands.
        (self.view if model.rowCount() else self.empty_label).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_history(self) -> None:
        self.tabs.setCurrentIndex(1)

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        """Reload everything from the store (call after bookmarks changed elsewhere)."""
        self._reload_folders()
        self._reload_bookmarks()
        if self._history_loaded or self.tabs.currentIndex() == 1:
            self.refresh_history()

    def _store_failed(self, error: StoreError) -> None:
        """Say what could not be done and why; the panel goes on showing what it has."""
        self.message.show_message(explain_store_error(error), seconds=30)

    def _revision(self) -> tuple[int, int] | None:
        try:
            return self._store.revision
        except StoreError:
            return None  # unknown: the next showing reloads

    def _lay_out_grids(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for grid, widgets in self._grids:
            for widget in widgets:
                grid.removeWidget(widget)
            for n, widget in enumerate(widgets):
                grid.addWidget(widget, n // columns, n % columns)

    def _reflow(self) -> None:
        """Controls side by side while two fit beside each other, else one under another: a kiosk's
        finger-sized buttons in large type need 374 px side by side, and an 800×600 kiosk's sidebar
        has 316 (移到文件夹 and 删除 were cut at its edge)."""
        if not self._viewport.isVisible():
            return  # laid out before it is shown (a narrow default size): wait for the room it gets
        margins = self._bookmarks_page.layout().contentsMargins()
        # The room's viewport is what the page is shown in (less the scroll bar, when it has one).
        available = self._room.viewport().width() - margins.left() - margins.right()
        needed = 0
        for grid, widgets in self._grids:
            pairs = [widgets[i : i + 2] for i in range(0, len(widgets), 2)]
            for pair in pairs:
                needed = max(needed, sum(w.minimumSizeHint().width() for w in pair) + grid.spacing() * (len(pair) - 1))
        self._lay_out_grids(2 if needed <= available else 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The room the page is shown in changed size or came on screen: the panel's own resize or show
        # comes before its scroll area has laid out its viewport (a first showing took the narrow one).
        if watched is self._viewport and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._reflow()
        return False

    def changeEvent(self, event: Any) -> None:
        super().changeEvent(event)
        # Larger type makes the controls wider: do two still fit side by side?
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            QTimer.singleShot(0, self, self._reflow)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._drawn_revision is None or self._drawn_revision != self._revision():
            self.refresh()

    def _folders(self) -> list[Folder]:
        try:
            return self._store.list_folders()
        except StoreError as exc:
            self._store_failed(exc)
            return []

    def _reload_folders(self) -> None:
        current = self.folder_combo.currentData()
        self.folder_combo.blockSignals(True)
        self.folder_combo.clear()
        self.folder_combo.addItem(self.tr("All folders"), None)
        self.folder_combo.addItem(self.tr("No folder"), NO_FOLDER)
        for f in self._folders():
            self.folder_combo.addItem(self.tr("%1 (%2)").replace("%1", f.name).replace("%2", str(f.count)), f.name)
        index = self.folder_combo.findData(current) if current is not None else 0
        self.folder_combo.setCurrentIndex(max(index, 0))
        self.folder_combo.blockSignals(False)

    def _reload_bookmarks(self) -> None:
        selected = self.selected_bookmark()
        order = BookmarkOrder(self.order_combo.currentData())
        self.model.load(order, self.filter_edit.text(), self.folder_combo.currentData())
        if selected is not None:
            row = self.model.row_of(selected.key)
            if row is not None:
                self.view.setCurrentIndex(self.model.index(row))
        filtering = bool(self.filter_edit.text().strip()) or self.folder_combo.currentData() is not None
        if self.model.rowCount():
            self.empty_label.hide()
            self.view.show()
        else:
            self.empty_label.setText(
                self.tr("No bookmarks match.")
                if filtering
                else self.tr("No bookmarks yet. Use the star or Ctrl+D to bookmark what you are reading.")
            )
            self.view.hide()
            self.empty_label.show()
        self._drawn_revision = self._revision()
        self._update_buttons()

    def refresh_history(self) -> None:
        self._history_loaded = True
        tree = self.history_tree
        tree.clear()
        disabled = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        locale = self.locale()
        titles: dict[str, str | None] = {}
        try:
            days = self._store.history_by_day(HISTORY_ROWS)
        except StoreError as exc:
            self._store_failed(exc)
            days = []
        for day in days:
            top = QTreeWidgetItem([self._day_label(day.day), ""])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = QFont(top.font(0))
            font.setBold(True)
            top.setFont(0, font)
            for item in day.items:
                if item.entry_id not in titles:
                    titles[item.entry_id] = self._title_of(item.entry_id)
                current = titles[item.entry_id]
                local = item.visited_at.astimezone()
                when = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
                shown = self.model.display(current or item.title)
                if item.damaged:
                    flag = self.tr("(partly unreadable)")
                    shown = f"{shown}  {flag}"
                child = QTreeWidgetItem([shown, when])
                child.setData(0, ENTRY_ROLE, item.entry_id)
                child.setData(0, ANCHOR_ROLE, item.anchor)
                child.setData(0, GONE_ROLE, current is None)
                if current is None:
                    child.setForeground(0, disabled)
                    child.setToolTip(0, self.tr("(no longer in the library)"))
                top.addChild(child)
            tree.addTopLevelItem(top)
        tree.expandAll()
        has_rows = tree.topLevelItemCount() > 0
        tree.setVisible(has_rows)
        self.history_empty.setVisible(not has_rows)
        self.clear_history_button.setEnabled(has_rows and self._store.read_only is None)

    def _day_label(self, day: dt.date) -> str:
        today = self._today()
        if day == today:
            return self.tr("Today")
        if day == today - dt.timedelta(days=1):
            return self.tr("Yesterday")
        return self.locale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)

    def _tab_changed(self, index: int) -> None:
        if index == 1 and not self._history_loaded:
            self.refresh_history()

    # ------------------------------------------------------------------ actions

    def selected_bookmark(self) -> Bookmark | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            return None
        return self.model.bookmark(index.row())

    def _update_buttons(self) -> None:
        has = self.selected_bookmark() is not None
        self.open_button.setEnabled(has)
        # A store that can only be read offers nothing that would change it.
        writable = self._store.read_only is None
        for b in (self.note_button, self.move_button, self.remove_button):
            b.setEnabled(has and writable)

    def _open_row(self, row: int) -> None:
        b = self.model.bookmark(row)
        if self.model.is_gone(b):
            self.message.show_message(
                self.tr("“%1” is no longer in the library; the bookmark is kept with its note.").replace("%1", b.title)
            )
            return
        self.openRequested.emit(b.entry_id, b.anchor)

    def open_selected(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._open_row(index.row())

    def edit_note_of_selected(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.view.edit(index)

    def remove_selected(self) -> None:
        b = self.selected_bookmark()
        if b is None:
            return
        try:
            removed = self._store.remove_bookmark(b.entry_id, b.anchor)
        except StoreError as exc:
            self._store_failed(exc)
            return
        self.refresh()
        if removed is None:
            return
        self._removed = removed
        self.message.show_message(
            lambda: self.tr("Removed “%1”.").replace("%1", self.model.display(_bookmark_name(removed))),
            self.tr("Undo"),
            on_dismiss=self._forget_removed,
        )

    def _forget_removed(self) -> None:
        self._removed = None

    def undo_remove(self) -> None:
        """Put back the bookmark removed last, exactly as it was (note, folder, dates)."""
        removed = self._removed
        if removed is None:
            return
        self._removed = None
        self.message.dismiss()
        try:
            self._store.restore_bookmark(removed)
        except StoreError as exc:
            self._store_failed(exc)
            return
        self.refresh()
        row = self.model.row_of(removed.key)
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row))

    def move_selected_to(self, folder: str) -> None:
        """Move the selected bookmark into ``folder`` (created if new), or out of any with ``NO_FOLDER``."""
        b = self.selected_bookmark()
        if b is None:
            return
        try:
            self._store.move_to_folder(b.entry_id, b.anchor, folder)
        except StoreError as exc:
            self._store_failed(exc)
        self.refresh()

    def _ask_new_folder(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New folder"), self.tr("Name of the new folder:"))
        if ok and name.strip():
            self.move_selected_to(name)

    def _fill_move_menu(self, menu: QMenu) -> None:
        menu.clear()
        current = self.selected_bookmark()
        none = menu.addAction(self.tr("No folder"))
        none.setCheckable(True)
        none.setChecked(current is not None and current.folder == NO_FOLDER)
        none.triggered.connect(lambda: self.move_selected_to(NO_FOLDER))
        folders = self._folders()
        if folders:
            menu.addSeparator()
        for f in folders:
            action = menu.addAction(f.name)
            action.setCheckable(True)
            action.setChecked(current is not None and current.folder == f.name)
            action.triggered.connect(lambda _checked=False, name=f.name: self.move_selected_to(name))
        menu.addSeparator()
        menu.addAction(self.tr("New folder…")).triggered.connect(self._ask_new_folder)

    def build_context_menu(self) -> QMenu:
        """The menu for the selected bookmark (public so tests can look at it without a popup)."""
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), self.open_selected)
        menu.addAction(self.tr("Edit note"), self.edit_note_of_selected)
        move = menu.addMenu(self.tr("Move to folder"))
        self._fill_move_menu(move)
        menu.addSeparator()
        remove = QAction(self.tr("Remove"), menu)
        remove.triggered.connect(self.remove_selected)
        menu.addAction(remove)
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        menu = self.build_context_menu()
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _history_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        entry_id = item.data(0, ENTRY_ROLE)
        if not entry_id:
            return  # a day heading
        if item.data(0, GONE_ROLE):
            self.message.show_message(self.tr("“%1” is no longer in the library.").replace("%1", item.text(0)))
            return
        self.openRequested.emit(entry_id, item.data(0, ANCHOR_ROLE) or "")

    def confirm_clear_history(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Clear history"),
            self.tr("Forget every article you have read? Your bookmarks and notes are kept."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def clear_history(self) -> None:
        if not self.confirm_clear_history():
            return
        try:
            self._store.clear_history()
        except StoreError as exc:
            self._store_failed(exc)
        self.refresh_history()
