"""The toolbar's search box: suggestions drop down as you type; Enter searches everything.

For a question the suggestions are the entries and sections it is about; for a slip of the input
method (肌肉委缩) the first item offers the correction ("Did you mean 肌肉萎缩?"), which searches it.

The suggestions come from the search controller (off the UI thread); this widget only shows them.
A QCompleter in unfiltered-popup mode shows the list and handles the arrow keys and Enter, while the
typed text stays in the box.

On a kiosk's on-screen keyboard the box also finds words while the keyboard still holds the pinyin
being spelled (its preedit, "mian'ta"): Qt's pinyin engine reads "mianta" as mian+ta and never offers
面瘫, but the library's own names know that the patient is on the way to 面瘫.  They are words, as an
input method's candidates are (``wordsOffered``; the kiosk shows them), and ``take_word`` searches one.
They are not put in the drop-down: a popup window takes the input focus, and the keyboard then commits
what it holds ("m" became 没) and its next keys land on the popup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
ANCHOR_ROLE = Qt.ItemDataRole.UserRole + 2
TYPED_ROLE = Qt.ItemDataRole.UserRole + 3  # what the box keeps showing while an item is highlighted
CORRECTION_ROLE = Qt.ItemDataRole.UserRole + 4  # the homophone correction an item searches for
ALL_RESULTS = "\x00all"
CORRECTED = "\x00corrected"


def spelling(preedit: str) -> str:
    """The pinyin an input method holds uncommitted ("mian'ta", "mian ta"), as the suggestions read it
    ("mianta"); "" when it spells nothing (no Latin letter: a preedit already in characters)."""
    squashed = "".join(c for c in preedit if c not in "' ")
    return squashed if any("a" <= c.lower() <= "z" for c in squashed) else ""


class SearchBox(QLineEdit):
    suggestRequested = Signal(str)
    searchRequested = Signal(str)
    entryRequested = Signal(str, str)  # entry id, anchor
    wordsOffered = Signal(list)  # the library's words for the pinyin being spelled; [] when none

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchBox")
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(260)
        self.model = QStandardItemModel(self)
        self.completer_ = QCompleter(self.model, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCompletionRole(TYPED_ROLE)
        self.completer_.setMaxVisibleItems(10)
        self.completer_.setWidget(self)
        self.completer_.popup().setObjectName("suggestions")
        self.completer_.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        self.textEdited.connect(self._edited)
        self.returnPressed.connect(self._return)
        self._just_activated = False
        # False once Enter or a choice has answered the typing: suggestions still on their way for it
        # (a quick typist, a slow machine) must not open over the page it led to.
        self._wants_suggestions = False
        self._display: Callable[[str], str] | None = None  # library text as shown (traditional characters)
        self._labels = {"article": self.tr("Article"), "qa": self.tr("Q&A")}
        self._words_for_spelling = False
        self._spelling = ""  # the pinyin the input method holds uncommitted, when words are offered for it
        self.set_ready(False)

    def offer_words_while_spelling(self, on: bool = True) -> None:
        """Offer the library's words for the pinyin an on-screen keyboard still holds (a kiosk)."""
        self._words_for_spelling = on

    def set_text_transform(self, transform: Callable[[str], str] | None) -> None:
        """Show the library's titles converted (traditional characters); what the reader typed stays."""
        self._display = transform

    def set_ready(self, ready: bool, progress: str = "") -> None:
        if ready:
            self.setPlaceholderText(self.tr("Search: words, pinyin or initials (Ctrl+K)"))
        else:
            self.setPlaceholderText(progress or self.tr("Preparing search…"))
        # A screen reader says the description, not the placeholder: it must change with it.
        self.setAccessibleDescription(self.placeholderText())

    # --- typing ------------------------------------------------------------------------------
    def _edited(self, text: str) -> None:
        self._wants_suggestions = bool(text.strip())
        if text.strip():
            self.suggestRequested.emit(text)
        else:
            self.model.clear()
            self.completer_.popup().hide()

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        super().inputMethodEvent(event)
        if not self._words_for_spelling:
            return
        spelled = spelling(event.preeditString())
        if spelled == self._spelling:
            return
        self._spelling = spelled
        if spelled:
            # The word being spelled alone, as an input method's candidates are: 左侧 + "mianta" offers
            # 面瘫 (to follow 左侧), not names that start 左侧面….
            self._wants_suggestions = True
            self.suggestRequested.emit(spelled)
        else:
            self.wordsOffered.emit([])
            if not event.commitString():  # spelling rubbed out (a commit asks again through textEdited)
                self._edited(self.text())

    def show_suggestions(self, suggestions: list[Any]) -> None:
        """Fill the drop-down; ``suggestions`` are search.Suggestion objects."""
        typed = self.text() + self._spelling
        self.model.clear()
        if not typed.strip() or not self.hasFocus() or not self._wants_suggestions:
            self.completer_.popup().hide()
            return
        if self._spelling:
            self.completer_.popup().hide()
            self.wordsOffered.emit(self._words(suggestions))
            return
        corrected = ""
        for s in suggestions:
            if s.corrected and s.corrected != corrected:
                # A slip of the input method (肌肉委缩): offer its correction first, then what it finds.
                corrected = s.corrected
                fix = QStandardItem(self.tr("Did you mean “%1”?").replace("%1", corrected))
                fix.setData(CORRECTED, ENTRY_ROLE)
                fix.setData(corrected, CORRECTION_ROLE)
                fix.setData(typed, TYPED_ROLE)
                self.model.appendRow(fix)
            label = s.label if s.kind != "alias" or s.label == s.title else f"{s.label} → {s.title}"
            if self._display is not None:
                label = self._display(label)
            kind = self._labels.get(s.type, s.type)
            item = QStandardItem(f"{label}    ·  {kind}")
            # The padding and the middle dot line the kind up for the eye; a screen reader gets words.
            item.setData(f"{label.replace(' → ', '：')}，{kind}", Qt.ItemDataRole.AccessibleTextRole)
            item.setData(s.entry_id, ENTRY_ROLE)
            item.setData(s.anchor, ANCHOR_ROLE)
            item.setData(typed, TYPED_ROLE)
            item.setToolTip(self._display(s.title) if self._display is not None else s.title)
            self.model.appendRow(item)
        more = QStandardItem(self.tr("All results for “%1” (Enter)").replace("%1", typed.strip()))
        more.setData(ALL_RESULTS, ENTRY_ROLE)
        more.setData(typed, TYPED_ROLE)
        self.model.appendRow(more)
        self.completer_.complete(self._drop_down_rect())
        # Nothing chosen until the reader moves with the arrows: Enter alone searches everything.
        self.completer_.popup().setCurrentIndex(QModelIndex())

    def _drop_down_rect(self) -> QRect:
        """Where the drop-down goes, in the box's coordinates: under it, as wide as its longest row so
        that no title or kind is cut (a narrow window's box is 260 px), and never past the window's
        edges: a wider list moves left rather than out of the window."""
        popup = self.completer_.popup()
        rows = self.completer_.completionModel().rowCount()
        wanted = popup.sizeHintForColumn(0) + 2 * popup.frameWidth()
        if rows > self.completer_.maxVisibleItems():
            wanted += popup.verticalScrollBar().sizeHint().width()
        window = self.window()
        left = self.mapTo(window, QPoint(0, 0)).x()
        width = min(max(wanted, self.width()), window.width())
        x = min(0, window.width() - left - width)  # the right edge inside the window
        x = max(x, -left)  # and the left edge too
        return QRect(x, 0, width, self.height())

    def _words(self, suggestions: list[Any]) -> list[str]:
        """The names the suggestions were found by, as words to search: shortest first, as an input
        method offers the word before the phrases that start with it (面瘫 before 面瘫后遗症和面肌痉挛)."""
        words: list[str] = []
        for s in suggestions:
            if s.corrected:
                continue  # a correction of characters typed before: not what is being spelled
            name = s.label.split(" › ", 1)[-1] if s.kind == "heading" else s.label
            if self._display is not None:
                name = self._display(name)
            if name not in words:
                words.append(name)
        return sorted(words, key=len)

    def take_word(self, word: str) -> None:
        """Search ``word`` in place of the pinyin being spelled: the keyboard drops what it holds
        (commits nothing, offers nothing more) and the box shows what was typed before, then the word."""
        self._spelling = ""
        self._wants_suggestions = False
        before = self.text()
        QGuiApplication.inputMethod().reset()
        self.setText(before + word)
        self.wordsOffered.emit([])
        self.searchRequested.emit(self.text())

    def suggestion_labels(self) -> list[str]:
        return [self.model.item(i).text() for i in range(self.model.rowCount())]

    # --- choosing ----------------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        self._just_activated = True
        self._wants_suggestions = False
        QTimer.singleShot(0, self._clear_activated)  # the same Enter may also reach returnPressed
        entry_id = index.data(ENTRY_ROLE)
        if entry_id == ALL_RESULTS:
            self.searchRequested.emit(self.text())
        elif entry_id == CORRECTED:
            self.setText(index.data(CORRECTION_ROLE))
            self.searchRequested.emit(self.text())
        elif entry_id:
            self.entryRequested.emit(entry_id, index.data(ANCHOR_ROLE) or "")

    def _clear_activated(self) -> None:
        self._just_activated = False

    def _return(self) -> None:
        if self._just_activated:
            return
        self._wants_suggestions = False
        self.completer_.popup().hide()
        if self.text().strip():
            self.searchRequested.emit(self.text())
