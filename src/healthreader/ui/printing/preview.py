"""The print preview's own Print: the printer, the copies and a Print button on the preview's toolbar,
in place of Qt's.

Qt's Print button opens its print dialog and paints the job onto a CUPS printer in the UI thread: a
print server that does not answer freezes the window, and nobody follows the job, so a queue that
refuses it or a printer out of paper goes unsaid.  Here the printers come from discovery (done in a
worker before the preview opens); choosing one lays the preview out on its paper (no CUPS call, the
preview paints on a PDF printer); Print hands the pages, as previewed, to ``send``, which submits
and follows the job in a worker (``jobs.PrintJob``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QComboBox, QLabel, QSpinBox, QToolBar

from healthreader.printjobs import Printer
from healthreader.ui.printing.document import paper_for_media

MAX_COPIES = 50  # a stack for a morning clinic; more is a slip of the finger


class QueueChoice(QObject):
    """The printer and copies chosen on the preview's toolbar; ``send`` (Printer, copies) on Print."""

    send = Signal(object, int)

    def __init__(
        self, dialog: QPrintPreviewDialog, printer: QPrinter, printers: Sequence[Printer], chosen: Printer
    ) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.printer = printer
        self.printers = list(printers)
        toolbar = dialog.findChild(QToolBar)
        assert toolbar is not None  # QPrintPreviewDialog always has one
        self.toolbar = toolbar
        qt_print = self._qt_print_action(toolbar)
        self.printer_box = QComboBox()
        self.printer_box.setObjectName("printerChoice")
        for queue in self.printers:
            self.printer_box.addItem(queue.name)
        self.printer_box.setCurrentIndex(max(0, self.printers.index(chosen) if chosen in self.printers else 0))
        self.printer_box.setAccessibleName(self.tr("Printer"))
        self.copies = QSpinBox()
        self.copies.setObjectName("copies")
        self.copies.setRange(1, MAX_COPIES)
        self.copies.setAccessibleName(self.tr("Copies"))
        self.print_action = QAction(self.tr("Print"), dialog)
        self.print_action.setObjectName("sendToPrinter")
        if qt_print is not None:
            self.print_action.setIcon(qt_print.icon())
            qt_print.setVisible(False)
        self.print_action.setToolTip(self.tr("Print on the chosen printer"))
        printer_label = QLabel(self.tr("Printer:"))
        printer_label.setBuddy(self.printer_box)
        copies_label = QLabel(self.tr("Copies:"))
        copies_label.setBuddy(self.copies)
        toolbar.addSeparator()
        for widget in (printer_label, self.printer_box, copies_label, self.copies):
            toolbar.addWidget(widget)
        toolbar.addAction(self.print_action)
        self.printer_box.currentIndexChanged.connect(self._relayout)
        self.print_action.triggered.connect(self._print)

    @staticmethod
    def _qt_print_action(toolbar: QToolBar) -> QAction | None:
        # Qt's own string, looked up in Qt's translation; a variable context keeps lupdate from
        # copying it into ours.
        context = "QPrintPreviewDialog"
        text = QCoreApplication.translate(context, "Print")
        return next((a for a in toolbar.actions() if a.text() == text), None)

    @property
    def chosen(self) -> Printer:
        return self.printers[self.printer_box.currentIndex()]

    def _relayout(self) -> None:
        """The preview follows the printer: its paper, margins and type scale, as it will print."""
        self.printer.setPageLayout(paper_for_media(self.chosen.media)[0])
        preview = self.dialog.findChild(QPrintPreviewWidget)
        if preview is not None:
            preview.updatePreview()

    def _print(self) -> None:
        self.send.emit(self.chosen, self.copies.value())
