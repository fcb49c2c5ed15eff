"""The sidebar: the open entry's sections and its related questions and articles.

It knows nothing of the library: the main window hands it plain lists, and it reports clicks with
signals.  Further tabs (bookmarks) are added by the composition root with ``add_tab``.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
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

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        width = max(option.rect.width(), 120) - 2 * self.PAD
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
        self.sections = QListWidget()
        self.sections.setObjectName("sections")
        self.sections.setAccessibleName(self.tr("Sections of this entry"))
        self.sections.setWordWrap(True)
        self.sections.setStyleSheet("QListWidget::item { padding: 4px 2px; }")
        self.sections_label.setBuddy(self.sections)
        top_layout.addWidget(self.sections_label)
        top_layout.addWidget(self.sections)

        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        self.related_label = QLabel(self.tr("Related questions and articles"))
        self.related_label.setObjectName("sidebarHeading")
        self.related = QListWidget()
        self.related.setObjectName("related")
        self.related.setAccessibleName(self.tr("Related questions and articles"))
        self.related.setItemDelegate(RelatedDelegate(self.related))
        self.related.setUniformItemSizes(False)
        self.related.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.related_label.setBuddy(self.related)
        bottom_layout.addWidget(self.related_label)
        bottom_layout.addWidget(self.related)

        split.addWidget(top)
        split.addWidget(bottom)
        self._sections_box = top
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout.addWidget(split)
        self.addTab(page, self.tr("Contents"))

        self.sections.itemActivated.connect(self._section_clicked)
        self.sections.itemClicked.connect(self._section_clicked)
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
        self.sections.clear()
        # A short answer has no sections: give the space to its related entries.
        self._sections_box.setVisible(bool(sections))
        for anchor, title in sections:
            item = QListWidgetItem(title)
            item.setData(ANCHOR_ROLE, anchor)
            item.setToolTip(title)
            self.sections.addItem(item)

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
            self.sections.setCurrentRow(-1)
            self.sections.clearSelection()
        finally:
            self._updating = False

    def highlighted_section(self) -> str:
        item = self.sections.currentItem()
        return item.data(ANCHOR_ROLE) if item is not None and item.isSelected() else ""

    def section_titles(self) -> list[str]:
        return [self.sections.item(i).text() for i in range(self.sections.count())]

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
