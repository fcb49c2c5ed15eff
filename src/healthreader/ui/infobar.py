"""A dismissible message bar above the viewer, for things the reader should see but not be blocked by."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class InfoBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("infoBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#infoBar { background: #fff8e1; border: 1px solid #e0b040; border-radius: 4px; }"
            "#infoBar QLabel { color: #3d2e00; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self.label = QLabel()
        self.label.setObjectName("infoText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton(self.tr("Copy address"))
        self.copy_button.setObjectName("infoCopy")
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("infoClose")
        layout.addWidget(self.label, 1)
        layout.addWidget(self.copy_button)
        layout.addWidget(self.close_button)
        self.copy_button.clicked.connect(self._copy)
        self.close_button.clicked.connect(self.hide)
        self._copy_text = ""
        self.hide()

    def show_message(self, text: str, copy_text: str = "") -> None:
        self.label.setText(text)
        self._copy_text = copy_text
        self.copy_button.setVisible(bool(copy_text))
        self.show()

    def text(self) -> str:
        return self.label.text()

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self._copy_text)
