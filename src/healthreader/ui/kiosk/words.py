"""The words for the pinyin a patient is spelling on the on-screen keyboard, under the search box.

Qt's pinyin engine reads "mianta" as mian+ta and offers 面他, never 面瘫; the search box finds the
library's words for the spelling (``SearchBox.wordsOffered``) and this row shows them as finger-sized
buttons.  A child of the window, not a popup: a popup window would take the input focus, and the
keyboard would commit what it holds and send its next keys to the popup.  The buttons take no focus
either, so the keyboard keeps its spelling until a word is tapped.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLayout, QMainWindow, QPushButton

from healthreader.ui.search.box import SearchBox

MARGIN = 4


class SpellingWords(QFrame):
    picked = Signal(str)

    def __init__(self, box: SearchBox, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("spellingWords")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Words for what you are typing"))
        self._box = box
        self._window = window
        self._offered: list[str] = []
        self._offered_in = QFont()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(8)
        # Always as large as its buttons ask, also when their type changes after they were placed:
        # not in a layout itself, the row would otherwise keep the size it was given.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        self.hide()
        box.wordsOffered.connect(self.offer)
        self.picked.connect(box.take_word)

    def buttons(self) -> list[QPushButton]:
        return self.findChildren(QPushButton, "spellingWord")

    def words(self) -> list[str]:
        """The words on screen, left to right."""
        return [b.text() for b in self.buttons() if self.isVisible() and not b.isHidden()]

    def clear(self) -> None:
        for button in self.buttons():
            button.hide()
            button.deleteLater()
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and self.isVisible():
            # Larger type: the words that fit now, laid out again (once the new type is everywhere).
            QTimer.singleShot(0, self, self._offer_again)

    def _offer_again(self) -> None:
        if self.isVisible() and self.font() != self._offered_in:  # not for the restyling an offer itself causes
            self.offer(self._offered)

    def offer(self, words: list[str]) -> None:
        self._offered = list(words)
        self._offered_in = QFont(self.font())
        self.clear()
        if not words or not self._box.isVisible():
            return
        self.ensurePolished()  # the buttons measured in the type the row will have
        corner = self._box.mapTo(self._window, QPoint(0, self._box.height()))
        room = self._window.width() - corner.x() - 2 * MARGIN - 8
        layout = self.layout()
        used = 2 * MARGIN
        for word in words:
            button = QPushButton(word, self)
            button.setObjectName("spellingWord")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.ensurePolished()
            width = button.sizeHint().width()
            if used + width > room and used > 2 * MARGIN:
                # Only whole words: the rest come with the next letter typed.  Hidden first: a child
                # not yet deleted would otherwise show with the row, unplaced, 134 px wide over the
                # first word (CI saw 面神经麻痹（面瘫） so).
                button.hide()
                button.deleteLater()
                break
            used += width + layout.spacing()
            button.clicked.connect(lambda _=False, w=word: self.picked.emit(w))
            layout.addWidget(button)
        self.move(corner + QPoint(0, 2))
        self.adjustSize()
        self.raise_()
        self.show()
