"""Find in page: every match in the open entry highlighted, next and previous, and a count."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextEdit, QWidget

from healthreader.render.results import WORD_JOINER

MATCH = QColor("#ffe58a")
CURRENT = QColor("#ff9f43")


def as_drawn(term: str) -> QRegularExpression:
    """``term`` as it reads on screen (the results page keeps each link whole on its line with word
    joiners, drawn as nothing, between its characters): case-insensitive, and with or without joiners between its characters."""
    pattern = f"{WORD_JOINER}?".join(QRegularExpression.escape(ch) for ch in term.replace(WORD_JOINER, ""))
    return QRegularExpression(pattern, QRegularExpression.PatternOption.CaseInsensitiveOption)


def find_all(document: QTextDocument, terms: list[str]) -> list[QTextCursor]:
    """Cursors over every case-insensitive occurrence of any term as drawn, in document order."""
    found: list[QTextCursor] = []
    for term in terms:
        if not term.replace(WORD_JOINER, ""):
            continue
        expression = as_drawn(term)
        cursor = document.find(expression, 0)
        while not cursor.isNull():
            found.append(QTextCursor(cursor))
            cursor = document.find(expression, cursor)
    found.sort(key=lambda c: c.selectionStart())
    return found


def highlight(editor: QTextEdit, cursors: list[QTextCursor], current: int = -1) -> None:
    selections = []
    for i, cursor in enumerate(cursors):
        sel = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(CURRENT if i == current else MATCH)
        fmt.setForeground(QColor("black"))
        sel.format = fmt
        sel.cursor = cursor
        selections.append(sel)
    editor.setExtraSelections(selections)


class FindBar(QFrame):
    closed = Signal()

    def __init__(self, editor: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.editor = editor
        self._matches: list[QTextCursor] = []
        self._current = -1
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        label = QLabel(self.tr("Find in page:"))
        self.field = QLineEdit()
        self.field.setObjectName("findField")
        self.field.setAccessibleName(self.tr("Find in page"))
        self.field.setClearButtonEnabled(True)
        label.setBuddy(self.field)
        self.count = QLabel()
        self.count.setObjectName("findCount")
        self.prev_button = QPushButton(self.tr("Previous"))
        self.next_button = QPushButton(self.tr("Next"))
        self.close_button = QPushButton(self.tr("Close"))
        for w in (label, self.field, self.count, self.prev_button, self.next_button, self.close_button):
            layout.addWidget(w)
        layout.setStretch(1, 1)
        self.field.textChanged.connect(self._search)
        self.field.returnPressed.connect(self.next)
        self.next_button.clicked.connect(self.next)
        self.prev_button.clicked.connect(self.previous)
        self.close_button.clicked.connect(self.close_bar)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Shift+Return"), self.field, self.previous, Qt.ShortcutContext.WidgetShortcut)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self._search(self.field.text())

    def close_bar(self) -> None:
        self.hide()
        self._matches = []
        self.editor.setExtraSelections([])
        self.editor.setFocus()
        self.closed.emit()

    def refresh(self) -> None:
        """The page changed: search it again if the bar is open."""
        if self.isVisible():
            self._search(self.field.text())

    def match_count(self) -> int:
        return len(self._matches)

    def current_index(self) -> int:
        return self._current

    def _search(self, text: str) -> None:
        self._matches = find_all(self.editor.document(), [text.strip()]) if text.strip() else []
        self._current = -1
        if self._matches:
            top = self.editor.cursorForPosition(self.editor.viewport().rect().topLeft()).position()
            self._current = next((i for i, c in enumerate(self._matches) if c.selectionStart() >= top), 0)
        self._show_current()

    def next(self) -> None:
        if self._matches:
            self._current = (self._current + 1) % len(self._matches)
            self._show_current()

    def previous(self) -> None:
        if self._matches:
            self._current = (self._current - 1) % len(self._matches)
            self._show_current()

    def _show_current(self) -> None:
        highlight(self.editor, self._matches, self._current)
        if self._current >= 0:
            cursor = QTextCursor(self._matches[self._current])
            cursor.clearSelection()
            self.editor.setTextCursor(cursor)
            self.editor.ensureCursorVisible()
            self.count.setText(
                self.tr("%1 of %2").replace("%1", str(self._current + 1)).replace("%2", str(len(self._matches)))
            )
        elif self.field.text().strip():
            self.count.setText(self.tr("No matches"))
        else:
            self.count.setText("")
        self.prev_button.setEnabled(len(self._matches) > 1)
        self.next_button.setEnabled(len(self._matches) > 1)
