"""The sidebar: the open entry's sections and its related questions and articles.

It knows nothing of the library: the main window hands it plain lists, and it reports clicks with
signals.  Further tabs (bookmarks) are added by the composition root with ``add_tab``.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

ANCHOR_ROLE = Qt.ItemDataRole.UserRole
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class RelatedDelegate(QStyledItemDelegate):
    """Title in bold (wrapped, never cut: questions are long), then one grey line of summary."""

    PAD = 6
    FLAGS = Qt.TextFlag.TextWrapAnywhere | Qt.AlignmentFlag.AlignLeft

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        small = QFont(option.font)
        small.setPointSizeF(max(option.font.pointSizeF() * 0.9, 9.0))
        return title, small

    def _title_rect(self, option: QStyleOptionViewItem, text: str, width: int) -> QRect:
        title_font, _ = self._fonts(option)
        return QFontMetrics(title_font).boundingRect(QRect(0, 0, width, 10_000), self.FLAGS, text)

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        """The width a title wraps at when painted.  Measured on the list itself: the rectangle Qt passes
        to sizeHint is the width before a vertical scroll bar took its share, and titles measured
        wider than they are painted overlap the next row."""
        view = option.widget
        if isinstance(view, QListWidget):
            width = view.viewport().width()
            bar = view.verticalScrollBar()
            if not bar.isVisible():
                width -= view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
        else:
            width = option.rect.width()
        return max(width, 120) - 2 * self.PAD

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        width = self._text_width(option)
        title = self._title_rect(option, index.data(Qt.ItemDataRole.DisplayRole), width)
        _, small = self._fonts(option)
        return QSize(width, title.height() + QFontMetrics(small).height() + 3 * self.PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        title_font, small = self._fonts(option)
        r = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        title = index.data(Qt.ItemDataRole.DisplayRole)
        painter.save()
        painter.setFont(title_font)
        painter.setPen(option.palette.color(group, text_role))
        title_rect = self._title_rect(option, title, r.width()).translated(r.topLeft())
        painter.drawText(title_rect, self.FLAGS, title)
        painter.setFont(small)
        if not selected:
            painter.setPen(option.palette.color(group, QPalette.ColorRole.PlaceholderText))
        summary = QFontMetrics(small).elidedText(index.data(SUMMARY_ROLE) or "", Qt.TextElideMode.ElideRight, r.width())
        line = QRect(r.left(), title_rect.bottom() + self.PAD // 2, r.width(), QFontMetrics(small).height())
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft, summary)
        painter.restore()


class Sidebar(QTabWidget):
    sectionActivated = Signal(str)
    entryActivated = Signal(str)
    sectionCommand = Signal(str, str)  # command ('bookmark' | 'print' | 'pdf'), section anchor

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setDocumentMode(True)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 6, 6, 6)
        split = QSplitter(Qt.Orientation.Vertical)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.sections_label = QLabel(self.tr("Sections"))
        self.sections_label.setObjectName("sidebarHeading")
        self.sections_label.setWordWrap(True)  # a narrow sidebar, a long translation
        self.sections = QListWidget()
        self.sections.setObjectName("sections")
        self.sections.setAccessibleName(self.tr("Sections of this entry"))
        self.sections.setWordWrap(True)
        self.sections.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.setStyleSheet("QListWidget::item { padding: 4px 2px; }")
        self.sections_label.setBuddy(self.sections)
        top_layout.addWidget(self.sections_label)
        top_layout.addWidget(self.sections)

        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        self.related_label = QLabel(self.tr("Related questions and articles"))
        self.related_label.setObjectName("sidebarHeading")
        self.related_label.setWordWrap(True)
        self.related = QListWidget()
        self.related.setObjectName("related")
        self.related.setAccessibleName(self.tr("Related questions and articles"))
        self.related.setItemDelegate(RelatedDelegate(self.related))
        self.related.setUniformItemSizes(False)
        self.related.setResizeMode(QListWidget.ResizeMode.Adjust)
        # Titles wrap to the list's width, so there is never anything to scroll sideways to.
        self.related.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.related.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.related_label.setBuddy(self.related)
        bottom_layout.addWidget(self.related_label)
        bottom_layout.addWidget(self.related)

        split.addWidget(top)
        split.addWidget(bottom)
        split.setChildrenCollapsible(False)
        # Not the minimum their scroll bars ask for (two arrows and a slider: 162 px each with a kiosk's
        # finger-sized bars), which the splitter keeps to whatever _balance shares out, and which made
        # a kiosk's window taller than an 800×600 screen: the panes get at least a row from _balance.
        for view in (self.sections, self.related):
            view.setMinimumHeight(QFontMetrics(view.font()).lineSpacing())
        self._sections_box = top
        self._has_sections = False
        self._related_box = bottom
        self._split = split
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout.addWidget(split)
        self.addTab(page, self.tr("Contents"))

        self.sections.itemActivated.connect(self._section_clicked)
        self.sections.itemClicked.connect(self._section_clicked)
        self.sections.installEventFilter(self)
        self.sections.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.sections.customContextMenuRequested.connect(self._section_menu)
        self.section_commands_enabled = False  # only sections of an entry can be bookmarked or printed
        self.related.itemActivated.connect(self._related_clicked)
        self.related.itemClicked.connect(self._related_clicked)
        self._updating = False

    def add_tab(self, widget: QWidget, title: str) -> None:
        self.addTab(widget, title)

    # --- filling -------------------------------------------------------------------------
    def set_sections(self, sections: list[tuple[str, str]], heading: str | None = None) -> None:
        """``sections`` are (anchor, title) pairs in reading order."""
        self.sections_label.setText(heading or self.tr("Sections"))
        # Named for what it lists now (an entry's sections, the topics, the search results).
        self.sections.setAccessibleName(heading or self.tr("Sections of this entry"))
        self.sections.clear()
        # A short answer has no sections: give the space to its related entries.
        self._has_sections = bool(sections)
        self._sections_box.setVisible(self._has_sections)
        for anchor, title in sections:
            item = QListWidgetItem(title)
            item.setData(ANCHOR_ROLE, anchor)
            item.setToolTip(title)
            self.sections.addItem(item)
        self._keep_place()
        self._balance()

    def _keep_place(self) -> None:
        """Nothing marked, but the list keeps a place on its first row: Tab into it says that row and
        Down goes to the second (with no current row, Qt picks one on focus, and Orca does not hear it)."""
        first = self.sections.model().index(0, 0)
        self.sections.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.sections.clearSelection()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.sections and event.type() == QEvent.Type.FocusIn and not self.sections.selectedItems():
            # Reached by the keyboard with nothing marked: the row it is on becomes the chosen one, once
            # the focus has been told, so a screen reader says it (Orca says a list's chosen row).
            QTimer.singleShot(0, self, self._choose_current)
        return False

    def _choose_current(self) -> None:
        current = self.sections.currentItem()
        if current is not None and self.sections.hasFocus():
            self._updating = True  # chosen, not clicked: nothing opens
            try:
                current.setSelected(True)
            finally:
                self._updating = False

    def set_related(self, related: list[tuple[str, str, str, str]]) -> None:
        """``related`` are (entry id, title, kind label, summary) tuples."""
        self.related.clear()
        for entry_id, title, kind, summary in related:
            item = QListWidgetItem(title)
            item.setData(ENTRY_ROLE, entry_id)
            item.setData(SUMMARY_ROLE, f"{kind} · {' '.join(summary.split())}")
            item.setToolTip(f"{title}\n{summary}")
            self.related.addItem(item)
        self.related_label.setVisible(bool(related))
        self.related.setVisible(bool(related))
        self._related_box.setVisible(bool(related))
        self._balance()

    # --- sharing the height ------------------------------------------------------------------
    RELATED_ROWS = 3  # related questions always on screen when an entry has them

    def _rows_height(self, view: QListWidget, rows: int) -> int:
        """Height of the first ``rows`` rows as laid out at the list's present width."""
        view.doItemsLayout()
        return sum(view.visualItemRect(view.item(i)).height() for i in range(min(rows, view.count())))

    def _balance(self) -> None:
        """Share the height between the sections and the related entries by what each needs.

        A QSplitter gives a pane that was hidden (the home page has no related entries) whatever is
        left, which was one row between two scroll bars: the related list gets room for three rows, the
        sections what their rows need, and any rest goes to whichever still has rows to show.  When not
        even one section row fits beside the three questions (a kiosk's finger-sized rows on 800×600),
        the sections fold away until there is room: the article's own headings say the same."""
        if not (self._has_sections and self._related_box.isVisibleTo(self)):
            # Nothing to share the height with: sections folded away for an article's questions come
            # back (the home page after an article, at 800×600, showed an empty 目录 tab).
            if self._sections_box.isVisibleTo(self) != self._has_sections:
                self._sections_box.setVisible(self._has_sections)
            return
        # The splitter's own height less its handle: the sizes it had were shared out with one pane
        # hidden (no handle), and the handle that appears now would be taken from both panes.
        total = self._split.height() - self._split.handleWidth()
        if sum(self._split.sizes()) <= 0:
            total = max(self.height() - self.tabBar().height(), 0)
        if total <= 0:
            return
        chrome = self.sections_label.sizeHint().height() + 2 * self.sections.frameWidth() + 8
        related_min = self._rows_height(self.related, self.RELATED_ROWS) + chrome
        related_all = self._rows_height(self.related, self.related.count()) + chrome
        # A row's height from its size hint: a folded list has no layout to measure.
        sections_min = self.sections.sizeHintForRow(0) + chrome
        fits = sections_min + related_min <= total
        if fits != self._sections_box.isVisibleTo(self):
            self._sections_box.setVisible(fits)
            # The related list takes (or gives back) the sections' room now, not at the next layout
            # pass: until then a kiosk at 800×600 showed the questions one line high.
            self._split.refresh()
        if not fits:
            return
        sections_need = self._rows_height(self.sections, self.sections.count()) + chrome
        if sections_need + related_all <= total:
            top = sections_need + (total - sections_need - related_all) // 2
        else:
            # Not room for everything: the related list keeps its three rows and the sections (a list
            # that scrolls) give up theirs first, down to one row; they never get more than they need.
            # (They kept half the height before, and a kiosk's finger-sized rows left one question.)
            top = max(min(sections_need, total - related_min), sections_min)
        self._split.setSizes([top, total - top])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._balance()

    def highlight_section(self, anchor: str) -> None:
        """Mark the section being read, without emitting a click."""
        self._updating = True
        try:
            for i in range(self.sections.count()):
                item = self.sections.item(i)
                if item.data(ANCHOR_ROLE) == anchor:
                    self.sections.setCurrentItem(item)
                    self.sections.scrollToItem(item)
                    return
            self._keep_place()
        finally:
            self._updating = False

    def highlighted_section(self) -> str:
        item = self.sections.currentItem()
        return item.data(ANCHOR_ROLE) if item is not None and item.isSelected() else ""

    def section_titles(self) -> list[str]:
        return [self.sections.item(i).text() for i in range(self.sections.count())]

    def section_title(self, anchor: str) -> str:
        items = (self.sections.item(i) for i in range(self.sections.count()))
        return next((item.text() for item in items if item.data(ANCHOR_ROLE) == anchor), "")

    def related_ids(self) -> list[str]:
        return [self.related.item(i).data(ENTRY_ROLE) for i in range(self.related.count())]

    # --- clicks ----------------------------------------------------------------------------
    def _section_clicked(self, item: QListWidgetItem) -> None:
        if not self._updating:
            self.sectionActivated.emit(item.data(ANCHOR_ROLE))

    def section_menu(self, anchor: str) -> QMenu:
        menu = QMenu(self)
        for command, text in (
            ("bookmark", self.tr("Bookmark this section")),
            ("print", self.tr("Print this section…")),
            ("pdf", self.tr("Save this section as PDF…")),
        ):
            action = menu.addAction(text)
            action.setData(command)
            action.triggered.connect(lambda _=False, c=command: self.sectionCommand.emit(c, anchor))
        return menu

    def _section_menu(self, pos: QPoint) -> None:
        item = self.sections.itemAt(pos)
        if item is None or not self.section_commands_enabled:
            return
        self.section_menu(item.data(ANCHOR_ROLE)).exec(self.sections.viewport().mapToGlobal(pos))

    def _related_clicked(self, item: QListWidgetItem) -> None:
        self.entryActivated.emit(item.data(ENTRY_ROLE))
