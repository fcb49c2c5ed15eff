"""The rich-text viewer: shows a rendered page, scrolls to sections, reports the current section.

Links are never followed by Qt itself (``setOpenLinks(False)``): every click is reported upward as
``linkActivated`` and the main window decides (entry, section, or an outside address it will not open).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleTextCursorEvent,
    QAccessibleTextSelectionEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
    QShowEvent,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from healthreader.render.results import WORD_JOINER
from healthreader.render.stylesheet import scale_stylesheet

BASE_POINT_SIZE = 13.0
# A line of about 38 Chinese characters reads comfortably; wider, the eye loses the next line's start.
COLUMN_CHARS = 38
DOCUMENT_MARGIN = 18

if TYPE_CHECKING:
    _TextBrowser = QTextBrowser
else:
    # Qt picks a widget's accessible interface by the class names in its meta-object chain. For a
    # QTextBrowser it gives the role "static text", a label to a screen reader: no caret, no review
    # by line, word or character. The QTextEdit interface is the same text with the role "text",
    # read-only, with caret events; a class in the chain named QTextEdit (ahead of QTextBrowser) is
    # the only way PySide6 has to get it, since its accessible factories cannot implement text.
    _TextBrowser = type("QTextEdit", (QTextBrowser,), {"__module__": __name__})


class EntryViewer(_TextBrowser):
    linkActivated = Signal(QUrl)
    linkFocused = Signal(QUrl, str)  # Tab reached a link: where it leads, its text
    headingReached = Signal(int, str)  # H or Shift+H moved the caret to a heading: its level, its text
    noMoreHeadings = Signal(bool)  # H (True) or Shift+H (False) found no heading that way
    boxEntered = Signal(str)  # the caret went into a boxed part (warning signs, disclaimer): its first line
    currentSectionChanged = Signal(str)
    backRequested = Signal()
    forwardRequested = Signal()

    def __init__(self, stylesheet: str, family: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("viewer")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        # A caret the arrow keys move (and a screen reader follows), besides Tab between links.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAccessibleName(self.tr("Article"))
        self._css = stylesheet
        self._family = family
        self._zoom = 100
        self._scale = 1.0  # large type multiplies the zoom
        self._transform: Callable[[str], str] | None = None  # display-time text conversion (traditional characters)
        self._html = ""
        self._anchors: list[str] = []
        self._anchor_y: list[float] = []
        self._positions_valid = False
        self._current_section = ""
        self._pending_anchor = ""
        self._requested: tuple[str, int] | None = None
        self._box_start = -1  # where the box holding the caret begins (-1: in no box)
        self.cursorPositionChanged.connect(self._on_caret_moved)
        self.anchorClicked.connect(self.linkActivated)
        self.verticalScrollBar().valueChanged.connect(self._on_scroll)
        self.document().documentLayout().documentSizeChanged.connect(self._invalidate_positions)
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        self._apply_style()

    # --- content ---------------------------------------------------------------------------
    def show_page(self, html: str, anchor: str = "") -> None:
        self._html = html
        self._set_html(html)
        self._invalidate_positions()
        self._current_section = ""
        self._requested = None
        self._pending_anchor = anchor
        if self.isVisible():
            self._apply_pending_anchor()

    def _apply_pending_anchor(self) -> None:
        anchor, self._pending_anchor = self._pending_anchor, ""
        if anchor:
            self.scroll_to(anchor)
        else:
            self.verticalScrollBar().setValue(0)
            self._on_scroll()

    def scroll_to(self, anchor: str) -> bool:
        """Scroll so that the section ``anchor`` is at the top; False when there is no such anchor."""
        if not self.isVisible():
            # Layout waits for a width; scroll once the viewer is shown.
            self._pending_anchor = anchor
            return anchor in self.section_anchors() or anchor == "top"
        self._ensure_positions()
        if anchor not in self._anchors and anchor != "top":
            return False
        self.scrollToAnchor(anchor)
        # Near the end of a page a heading cannot reach the top; it is still the one asked for, until
        # the reader scrolls away from where it put us.
        self._requested = (anchor, self.verticalScrollBar().value()) if anchor != "top" else None
        self._on_scroll()
        return True

    def current_section(self) -> str:
        return self._current_section

    def section_anchors(self) -> list[str]:
        """Anchor names in document order (from the document itself, laid out or not)."""
        names: list[str] = []
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                for name in it.fragment().charFormat().anchorNames():
                    if name != "top" and name not in names:
                        names.append(name)
                it += 1
            block = block.next()
        return names

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            # QTextEdit resets the document's font to the widget's when the application font changes
            # (large type): put the zoomed article font back.
            self._apply_style()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._invalidate_positions()
        self._apply_pending_anchor()

    # --- zoom ------------------------------------------------------------------------------
    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, percent: int) -> None:
        if percent == self._zoom:
            return
        self._zoom = percent
        self._relayout()

    def restyle(self, stylesheet: str, scale: float = 1.0) -> None:
        """A new article stylesheet (a theme) and text scale (large type); the page is laid out again."""
        if stylesheet == self._css and scale == self._scale:
            return
        self._css, self._scale = stylesheet, scale
        self._relayout()

    def set_text_transform(self, transform: Callable[[str], str] | None) -> None:
        """Convert every page's HTML at display time (the page kept for re-display stays unconverted)."""
        self._transform = transform
        self._relayout()

    def _relayout(self) -> None:
        """Apply the style and lay the page out again, keeping the reader's place (as a fraction)."""
        bar = self.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self._apply_style()
        if self._html:
            self._set_html(self._html)
            self._invalidate_positions()
            bar.setValue(round(fraction * bar.maximum()))
            self._on_scroll()

    def _set_html(self, html: str) -> None:
        self.setHtml(self._transform(html) if self._transform else html)
        self._fit_column()  # a new document starts with the default margins

    # --- the reading column ------------------------------------------------------------------
    def column_width(self) -> int:
        """The widest line the text gets, in pixels: COLUMN_CHARS characters of the article's font."""
        return round(QFontMetricsF(self.document().defaultFont()).horizontalAdvance("中") * COLUMN_CHARS)

    def _fit_column(self) -> None:
        """Centre a column of readable width; on a narrow viewer the text takes the whole width."""
        spare = self.viewport().width() - self.column_width() - 2 * DOCUMENT_MARGIN
        side = DOCUMENT_MARGIN + max(spare, 0) / 2
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        if abs(fmt.leftMargin() - side) < 0.5 and abs(fmt.rightMargin() - side) < 0.5:
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        root.setFrameFormat(fmt)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_column()
        super().resizeEvent(event)

    def base_font(self) -> QFont:
        return self.document().defaultFont()

    def _apply_style(self) -> None:
        factor = self._zoom / 100.0 * self._scale
        font = QFont(self._family) if self._family else QFont()
        font.setPointSizeF(BASE_POINT_SIZE * factor)
        self.document().setDefaultFont(font)
        self.document().setDefaultStyleSheet(scale_stylesheet(self._css, factor))
        self._fit_column()

    # --- current section -------------------------------------------------------------------
    def _invalidate_positions(self, *_: object) -> None:
        self._positions_valid = False

    def _ensure_positions(self) -> None:
        if self._positions_valid:
            return
        doc: QTextDocument = self.document()
        layout = doc.documentLayout()
        anchors: dict[str, float] = {}
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                for name in it.fragment().charFormat().anchorNames():
                    if name != "top" and name not in anchors:
                        anchors[name] = layout.blockBoundingRect(block).top()
                it += 1
            block = block.next()
        ordered = sorted(((y, name) for name, y in anchors.items()), key=lambda a: a[0])
        self._anchor_y = [a[0] for a in ordered]
        self._anchors = [a[1] for a in ordered]
        # Before the viewer is shown nothing is laid out; positions are only trusted once it is.
        self._positions_valid = self.isVisible()

    def _on_scroll(self, *_: object) -> None:
        if not self.isVisible():
            return
        self._ensure_positions()
        # A section counts as current once its heading is in the top third of the view.
        y = self.verticalScrollBar().value() + self.viewport().height() / 3
        i = bisect.bisect_right(self._anchor_y, y) - 1
        bar = self.verticalScrollBar()
        if bar.maximum() and bar.value() >= bar.maximum() and self._anchors:
            # At the very end, the last section is the one being read even if its heading is low.
            i = max(i, bisect.bisect_right(self._anchor_y, bar.value() + self.viewport().height() - 1) - 1)
        name = self._anchors[i] if i >= 0 else ""
        if self._requested is not None:
            if self._requested[1] == bar.value() and self._requested[0] in self._anchors:
                name = self._requested[0]
            else:
                self._requested = None
        if name != self._current_section:
            self._current_section = name
            self.currentSectionChanged.emit(name)

    # --- links by keyboard -------------------------------------------------------------------
    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's name)
        if not super().focusNextPrevChild(next):
            return False
        cursor = self.textCursor()
        if self.hasFocus() and cursor.hasSelection():
            # QTextBrowser selects the link it moved to but tells the accessibility bus nothing, so a
            # screen reader would say only "tab": report the caret and selection, and name the link.
            if QAccessible.isActive():
                QAccessible.updateAccessibility(
                    QAccessibleTextSelectionEvent(self, cursor.selectionStart(), cursor.selectionEnd())
                )
                QAccessible.updateAccessibility(QAccessibleTextCursorEvent(self, cursor.position()))
            href = cursor.charFormat().anchorHref()
            if not href:  # the format after the selection's end can be plain text
                probe = self.textCursor()
                probe.setPosition(cursor.selectionStart() + 1)
                href = probe.charFormat().anchorHref()
            self.linkFocused.emit(QUrl(href), cursor.selectedText())
        return True

    def _on_caret_moved(self) -> None:
        # The boxes (each tier of warning signs, the disclaimer) are one-cell tables: their text reads
        # on from the line before, so a screen reader is told where a box begins.
        table = self.textCursor().currentTable()
        start = table.firstPosition() if table is not None else -1
        if start == self._box_start:
            return
        self._box_start = start
        if table is not None:
            first = table.cellAt(0, 0).firstCursorPosition().block().text().strip()
            if first:
                self.boxEntered.emit(first)

    # --- headings by keyboard ----------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        # H and Shift+H, as in Orca's browse mode (a read-only text has no other use for letters).
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() == Qt.Key.Key_H and mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            self.move_to_heading(forward=mods == Qt.KeyboardModifier.NoModifier)
            event.accept()
            return
        super().keyPressEvent(event)

    def move_to_heading(self, forward: bool = True) -> bool:
        """Put the caret at the start of the next (or previous) heading and report it; False at the end."""
        block = self.textCursor().block()
        block = block.next() if forward else block.previous()
        while block.isValid() and not block.blockFormat().headingLevel():
            block = block.next() if forward else block.previous()
        if not block.isValid():
            self.noMoreHeadings.emit(forward)
            return False
        cursor = self.textCursor()
        cursor.setPosition(block.position())
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self._on_scroll()
        self.headingReached.emit(block.blockFormat().headingLevel(), block.text().strip())
        return True

    # --- mouse back/forward buttons ----------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.BackButton:
            self.backRequested.emit()
            event.accept()
            return
        if event.button() == Qt.MouseButton.ForwardButton:
            self.forwardRequested.emit()
            event.accept()
            return
        super().mousePressEvent(event)

    # --- text ------------------------------------------------------------------------------
    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 (Qt's name)
        """What is copied or dragged is the text as drawn: the joiners that keep a link whole on its
        line are nothing on screen, and pasted elsewhere they break search boxes and word counts."""
        data = super().createMimeDataFromSelection()
        clean = QMimeData()
        if data.hasHtml():
            clean.setHtml(data.html().replace(WORD_JOINER, ""))
        if data.hasText():
            clean.setText(data.text().replace(WORD_JOINER, ""))
        return clean

    def visible_text(self) -> str:
        return self.document().toPlainText()
