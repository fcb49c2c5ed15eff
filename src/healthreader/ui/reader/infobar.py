"""A dismissible message bar above the viewer, for things the reader should see but not be blocked by."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from healthreader.ui.common.announce import announce


class InfoBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("infoBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Its colours are the theme's (theme.chrome_stylesheet, #infoBar): a sheet of its own here
        # kept a cream stripe over the dark and high-contrast windows.
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self.label = QLabel()
        self.label.setObjectName("infoText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton(self.tr("Copy address"))
        self.copy_button.setObjectName("infoCopy")
        self.action_button = QPushButton()
        self.action_button.setObjectName("infoAction")
        self.action_button.hide()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("infoClose")
        layout.addWidget(self.label, 1)
        layout.addWidget(self.copy_button)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self.copy_button.clicked.connect(self._copy)
        self.close_button.clicked.connect(self.hide)
        self.action_button.clicked.connect(self._act)
        self._copy_text = ""
        self._action: Callable[[], None] | None = None
        self._make: Callable[[], str] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_message(
        self,
        text: str | Callable[[], str],
        copy_text: str = "",
        action: tuple[str, Callable[[], None]] | None = None,
        timeout_ms: int = 0,
    ) -> None:
        """Show ``text``; optionally a Copy button, one action button (such as Undo), and a timeout.

        ``text`` may be a function that makes it: a message naming library text (已收藏：title) is
        made again by ``refresh`` when that text is shown another way (traditional characters)."""
        self._make = text if callable(text) else None
        text = text() if callable(text) else text
        self.label.setText(text)
        self._copy_text = copy_text
        self.copy_button.setVisible(bool(copy_text))
        self._action = action[1] if action else None
        self.action_button.setText(action[0] if action else "")
        self.action_button.setVisible(action is not None)
        if timeout_ms:
            self._timer.start(timeout_ms)
        else:
            self._timer.stop()
        self.show()
        # Seen at a glance, but a screen reader's focus is elsewhere: say it (with its button, if any).
        announce(self, f"{text} {self.action_button.text()}".strip() if action else text)

    def refresh(self) -> None:
        """Make a message on screen again from its function, as it would be shown now."""
        if self._make is not None and self.isVisibleTo(self.parentWidget() or self):
            self.label.setText(self._make())

    def _act(self) -> None:
        callback, self._action = self._action, None
        self.hide()
        if callback:
            callback()

    def text(self) -> str:
        return self.label.text()

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self._copy_text)
