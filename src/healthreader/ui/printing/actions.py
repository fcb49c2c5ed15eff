"""The reader window's print commands: print (through a preview), print preview and export PDF.

Made once by the composition root with the window, the library and the settings, and connected to
the window's actions.  It turns ``PrintError``s into message boxes in plain words; the work itself is
in ``printing``.  Its other dialogs go through small methods so tests can answer them; the file dialog
is the real one (``ui.common.files.ask_file_name``), which tests fill in as a person does.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from healthreader.config import Settings
from healthreader.content import Entry, Library
from healthreader.render import PageLabels
from healthreader.ui.common.files import ask_file_name, documents_folder

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from healthreader.printjobs import Outcome, Printer
    from healthreader.ui.printing.document import PrintOptions
    from healthreader.ui.printing.jobs import PrintJob

# The page layout, print queues and preview are imported when a reader prints, not before the
# window's first paint (python -X importtime: a tenth of the start's imports).

log = logging.getLogger(__name__)

# How long the window follows a job that is waiting at the printer (out of paper, say) before it
# stops watching; the job itself stays queued.
DESKTOP_FOLLOW_S = 600.0

# Characters that Windows, macOS or a USB stick's FAT file system refuse in a file name.
_UNSAFE_FILENAME_RE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def pdf_file_name(entry: Entry, section_title: str | None = None) -> str:
    """``<title>.pdf`` (or ``<title> - <section>.pdf``), safe on every file system."""
    stem = entry.title if not section_title else f"{entry.title} - {section_title}"
    stem = " ".join(_UNSAFE_FILENAME_RE.sub(" ", stem).split()).strip(" .") or entry.id
    return f"{stem}.pdf"


class PrintActions(QObject):
    """Slots for File > Print, File > Print preview, File > Export PDF and "print this section".

    ``entry`` is the open entry (None on the home page); ``section`` the anchor of one of its sections,
    or "" for the whole entry.  The clinic header and large print come from the settings each time.
    """

    exported = Signal(str)  # the PDF's path, after a successful export (for a status bar message)
    printed = Signal(int)  # pages the printer printed (the job completed)
    # What the print job is doing or how it ended, in the reader's words; how long to show it in ms (0: until closed).
    print_status = Signal(str, int)

    def __init__(self, window: QWidget, library: Library, settings: Settings) -> None:
        super().__init__(window)
        self._window = window
        self._library = library
        self._settings = settings
        self._jobs: list[PrintJob] = []  # followed in workers; kept so their signals reach the window
        # The page's look that the handout follows: its script (traditional characters) and labels.
        self._convert: Callable[[str], str] | None = None
        self._labels: PageLabels | None = None

    def set_page_look(self, convert: Callable[[str], str] | None, labels: PageLabels | None) -> None:
        """Print the library's text as the screen shows it: ``convert`` (HTML-safe; None for the text
        as written) and the page's own ``labels`` (None: the UI's)."""
        self._convert = convert
        self._labels = labels

    def use_library(self, library: Library) -> None:
        """The library after the check of its files at start: handouts name what the reader sees."""
        self._library = library

    # --- options ---------------------------------------------------------------------------------
    def _options(self, section: str) -> PrintOptions:
        from healthreader.ui.printing.document import PrintOptions

        return PrintOptions(
            section=section or None,
            large_print=bool(self._settings.get("large_print")),
            header_line=str(self._settings.get("print_header")),
            convert=self._convert,
        )

    @Slot(bool)
    def set_large_print(self, on: bool) -> None:
        self._settings.set("large_print", bool(on))

    # --- slots -----------------------------------------------------------------------------------
    @Slot(object, str)
    def print_current(self, entry: Entry | None, section: str = "") -> None:
        """Print through the preview; with no printer, say so and offer a PDF instead.

        The printers are looked up in a worker (a hung print server would hold the window for as
        long as it likes); the preview opens when the answer comes, on the default printer's paper.
        """
        if not self._has_entry(entry):
            return
        self._discover(lambda printers, reason: self._print_with(entry, section, printers, reason))

    def _discover(self, then: Callable[[list[Printer], str], None]) -> None:
        from healthreader.ui.printing.jobs import PrinterDiscovery

        discovery = PrinterDiscovery(self)
        discovery.found.connect(then)
        discovery.found.connect(discovery.deleteLater)
        discovery.start()

    def _print_with(self, entry: Entry | None, section: str, printers: list[Printer], reason: str) -> None:
        if not printers:
            log.info("print: no printer (%s)", reason or "none set up")
            if self._offer_pdf(self._no_printer_text(reason)):
                self.export_current_pdf(entry, section)
            return
        self._open_preview(entry, section, printers)

    def _no_printer_text(self, reason: str) -> str:
        # A print service that is down or does not answer is not "no printer": it is fixed elsewhere.
        if reason == "timeout":
            return self.tr(
                "The printing service of this computer does not answer. You can save the article as a PDF and print it later."
            )
        if reason in ("no_server", "no_cups"):
            return self.tr(
                "The printing service of this computer is not running. You can save the article as a PDF and print it elsewhere."
            )
        from healthreader.ui.printing import document as printing

        return str(printing.no_printer_error())

    @Slot(object, str)
    def preview(self, entry: Entry | None, section: str = "") -> None:
        """The preview on the default printer's paper, with its printers to print on (looked up in a
        worker first); with none, on the locale's paper, to look at or save as PDF."""
        if not self._has_entry(entry):
            return
        self._discover(lambda printers, reason: self._preview_with(entry, section, printers, reason))

    def _preview_with(self, entry: Entry | None, section: str, printers: list[Printer], reason: str) -> None:
        if reason == "timeout":
            # A print server that does not answer would hold the window: the preview's QPrinter asks
            # it for the default printer in this thread.  Offer the PDF instead.
            log.info("print preview: the print service does not answer")
            if self._offer_pdf(self._no_printer_text(reason)):
                self.export_current_pdf(entry, section)
            return
        self._open_preview(entry, section, printers)

    def _open_preview(self, entry: Entry | None, section: str, printers: list[Printer]) -> None:
        if entry is None:
            return
        from healthreader.ui.printing import document as printing
        from healthreader.ui.printing.document import PrintError
        from healthreader.ui.printing.preview import QueueChoice

        chosen = next((p for p in printers if p.is_default), printers[0] if printers else None)
        try:
            o = self._options(section)
            painter = printing.preview_printer(chosen.media if chosen else None)
            dialog = printing.make_preview_dialog(
                self._window,
                entry,
                self._library,
                section=o.section,
                large_print=o.large_print,
                header_line=o.header_line,
                labels=self._labels,
                printer=painter,
                convert=o.convert,
            )
        except PrintError as exc:
            self._show_error(str(exc))
            return
        if chosen is not None:
            choice = QueueChoice(dialog, painter, printers, chosen)
            choice.send.connect(lambda queue, copies: self._send(dialog, painter, entry, section, queue, copies))
        try:
            self._exec(dialog)
        finally:
            dialog.deleteLater()

    def _send(
        self, dialog: QDialog, painter: QPrinter, entry: Entry, section: str, queue: Printer, copies: int
    ) -> None:
        """The pages as previewed go to ``queue`` as a job followed in a worker; the reader hears
        what becomes of it (``print_status``), not only that the button was pressed."""
        from healthreader.ui.printing import document as printing
        from healthreader.ui.printing.document import PrintError
        from healthreader.ui.printing.jobs import PrintJob, status_text

        try:
            data, pages = printing.layout_pdf(
                entry, self._library, painter.pageLayout(), self._options(section), self._labels
            )
        except PrintError as exc:
            self._show_error(str(exc))
            return
        heading = printing.section_title(entry, section) if section else None
        title = f"{entry.title} - {heading}" if heading else entry.title
        title = self._convert(title) if self._convert is not None else title
        # A desktop's job stays queued when the printer needs a hand, and is followed until it prints
        # (for a while): the reader beside the printer loads paper and sees it come out.
        job = PrintJob(
            data,
            queue.name,
            title,
            pages,
            copies,
            until=DESKTOP_FOLLOW_S,
            media=queue.media,
            parent=self,
            held_grace=DESKTOP_FOLLOW_S,
            poll=1.0,
        )
        job.progress.connect(lambda status: self.print_status.emit(status_text(status, desktop=True), 0))
        job.finished.connect(lambda outcome: self._sent(job, outcome))
        self._jobs.append(job)
        self.print_status.emit(
            self.tr("Sending “%1” to the printer %2…").replace("%1", title).replace("%2", queue.name), 0
        )
        job.start()
        dialog.accept()

    def _sent(self, job: PrintJob, outcome: Outcome) -> None:
        from healthreader.ui.printing.jobs import outcome_text

        self._jobs = [j for j in self._jobs if j is not job]
        log.info("print of %r on %s: %s %s", job.title, job.printer, outcome.state, outcome.reason)
        # A printed job's note goes away by itself; a problem stays until the reader closes it.
        self.print_status.emit(outcome_text(outcome, job.pages, desktop=True), 10000 if outcome.ok else 0)
        if outcome.ok:
            self.printed.emit(job.pages)
        job.deleteLater()

    @Slot(object, str)
    def export_current_pdf(self, entry: Entry | None, section: str = "") -> Path | None:
        """Ask where to save (``<title>.pdf`` in Documents), write the PDF; the path, or None."""
        if not self._has_entry(entry):
            return None
        assert entry is not None
        from healthreader.ui.printing import document as printing
        from healthreader.ui.printing.document import PrintError

        title = printing.section_title(entry, section) if section else None
        if section and title is None:
            self._show_error(self.tr("This section is no longer in the article."))
            return None
        chosen = ask_file_name(
            self._window,
            self.tr("Save as PDF"),
            documents_folder() / pdf_file_name(entry, title),
            self.tr("PDF files (*.pdf)"),
            save=True,
        )
        if chosen is None:
            return None
        path = chosen
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            o = self._options(section)
            pages = printing.export_pdf(
                entry,
                self._library,
                path,
                section=o.section,
                large_print=o.large_print,
                header_line=o.header_line,
                labels=self._labels,
                convert=o.convert,
            )
        except PrintError as exc:
            self._show_error(str(exc))
            return None
        log.info("exported %s to %s (%d pages)", entry.id, path, pages)
        self.exported.emit(str(path))
        return path

    # --- dialogs (tests replace these) -----------------------------------------------------------
    def _has_entry(self, entry: Entry | None) -> bool:
        if entry is None:
            self._show_error(self.tr("Open an article or a question first; then you can print it or save it as a PDF."))
            return False
        return True

    def _exec(self, dialog: QDialog) -> int:
        return dialog.exec()

    def _show_error(self, message: str) -> None:
        QMessageBox.warning(self._window, self.tr("Printing"), message)

    def _offer_pdf(self, message: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("No printer"), message, parent=self._window)
        save = box.addButton(self.tr("Save as PDF…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is save
