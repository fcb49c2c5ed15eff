"""An address as a QR code a patient scans with a phone: a kiosk has no clipboard to take home."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from healthreader.ui.common.qr import qr_image

# A finger's width per module at the smallest; a 60-character address is about 300 px square.
MODULE_PX = 8


class QrDialog(QDialog):
    """The code, the address in text below it (to type, or to check what the code holds), and Close."""

    def __init__(self, address: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("kioskQr")
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setWindowTitle(self.tr("Open this page on your phone"))
        self.setModal(True)
        self.address = address
        title = QLabel(self.tr("HealthReader does not open web pages. Scan the code with your phone's camera:"))
        title.setObjectName("qrTitle")
        title.setWordWrap(True)
        self.code = QLabel()
        self.code.setObjectName("qrCode")
        self.code.setPixmap(QPixmap.fromImage(qr_image(address, MODULE_PX)))
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setAccessibleName(self.tr("QR code of %1").replace("%1", address))
        self.text = QLabel(address)
        self.text.setObjectName("qrAddress")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("qrClose")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(16)
        layout.addWidget(title)
        layout.addWidget(self.code, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.text)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignCenter)
