"""Print jobs off the UI thread: discovery, submission and following a job run in a worker thread,
and their outcomes come back as signals, in the reader's words.

The work is ``healthreader.printjobs`` (Qt-free, CUPS's own clients with timeouts); this module only
moves it off the UI thread and words the outcome.  A hung print server costs the window nothing: the
worker waits, the window keeps drawing, and the bounded calls end in an outcome that says so.
"""

from __future__ import annotations

import logging
import tempfile
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from healthreader import printjobs
from healthreader.printjobs import JobStatus, Outcome, Printer

log = logging.getLogger(__name__)


def held_reason_text(reason: str) -> str:
    """Why the printer is not printing, for a patient: what is wrong and whom to tell."""
    texts = {
        "out_of_paper": QCoreApplication.translate("PrintJobs", "The printer is out of paper. Please tell the staff."),
        "paper_jam": QCoreApplication.translate(
            "PrintJobs", "The paper is jammed in the printer. Please tell the staff."
        ),
        "out_of_toner": QCoreApplication.translate(
            "PrintJobs", "The printer is out of ink or toner. Please tell the staff."
        ),
        "door_open": QCoreApplication.translate("PrintJobs", "A cover of the printer is open. Please tell the staff."),
        "offline": QCoreApplication.translate(
            "PrintJobs", "The printer is switched off or not connected. Please tell the staff."
        ),
        "printer_error": QCoreApplication.translate(
            "PrintJobs", "The printer reported an error and did not print. Please tell the staff."
        ),
    }
    return texts.get(reason, QCoreApplication.translate("PrintJobs", "The printer has stopped. Please tell the staff."))


def waiting_reason_text(reason: str) -> str:
    """Why the printer is not printing, for a reader whose job stays queued: the pages come out once
    the printer is put right (a desktop's printer, with the reader beside it), so say what to fix."""
    texts = {
        "out_of_paper": QCoreApplication.translate(
            "PrintJobs", "The printer is out of paper. The pages will print once paper is loaded."
        ),
        "paper_jam": QCoreApplication.translate(
            "PrintJobs", "The paper is jammed in the printer. The pages will print once it is cleared."
        ),
        "out_of_toner": QCoreApplication.translate(
            "PrintJobs", "The printer is out of ink or toner. The pages will print once it is replaced."
        ),
        "door_open": QCoreApplication.translate(
            "PrintJobs", "A cover of the printer is open. The pages will print once it is closed."
        ),
        "offline": QCoreApplication.translate(
            "PrintJobs", "The printer is switched off or not connected. The pages will print once it is back."
        ),
        "printer_error": QCoreApplication.translate(
            "PrintJobs", "The printer reported an error and has not printed the pages."
        ),
    }
    return texts.get(
        reason,
        QCoreApplication.translate(
            "PrintJobs", "The printer has stopped. The pages will print once it is started again."
        ),
    )


def outcome_text(outcome: Outcome, pages: int, *, kiosk: bool = False, desktop: bool = False) -> str:
    """One sentence saying what really happened to the job.

    ``desktop``: the reader is at their own printer (the window, not a kiosk or a script): a held job
    stays in the queue rather than being cancelled, so the sentence says it will print once the
    printer is put right, and there are no staff to tell.
    """
    if outcome.state == "refused" and outcome.reason == "refused" and desktop:
        return QCoreApplication.translate("PrintJobs", "The printer is not taking print jobs now. Nothing was printed.")
    if outcome.state == "held" and desktop:
        if outcome.reason == "slow":
            return QCoreApplication.translate("PrintJobs", "The printer has not printed the pages yet.")
        return waiting_reason_text(outcome.reason)
    if outcome.state == "done":
        if kiosk:
            return QCoreApplication.translate(
                "PrintJobs", "Printed %1 page(s). Please collect them at the printer."
            ).replace("%1", str(pages))
        return QCoreApplication.translate("PrintJobs", "Printed %1 page(s).").replace("%1", str(pages))
    if outcome.state == "held":
        if outcome.reason == "slow":
            return QCoreApplication.translate(
                "PrintJobs", "The printer has not printed the pages yet. Please tell the staff."
            )
        return held_reason_text(outcome.reason)
    if outcome.state == "cancelled":
        return QCoreApplication.translate("PrintJobs", "The print job was cancelled; nothing will print.")
    if outcome.reason == "refused":
        return QCoreApplication.translate(
            "PrintJobs", "The printer is not taking print jobs now. Nothing was printed. Please tell the staff."
        )
    if outcome.reason == "no_printer":
        return QCoreApplication.translate(
            "PrintJobs", "That printer is not set up on this computer. Nothing was printed."
        )
    if outcome.reason in ("no_server", "no_cups"):
        return QCoreApplication.translate(
            "PrintJobs", "The printing service of this computer is not running. Nothing was printed."
        )
    if outcome.reason == "timeout":
        return QCoreApplication.translate(
            "PrintJobs", "The printing service does not answer. Nothing may print; please tell the staff."
        )
    return QCoreApplication.translate("PrintJobs", "The page could not be printed. Please tell the staff.")


def status_text(status: JobStatus, *, desktop: bool = False) -> str:
    if status.state == "queued":
        return QCoreApplication.translate("PrintJobs", "Waiting for the printer…")
    if status.state == "printing":
        return QCoreApplication.translate("PrintJobs", "Printing…")
    if status.state == "held":
        return waiting_reason_text(status.reason) if desktop else held_reason_text(status.reason)
    return QCoreApplication.translate("PrintJobs", "Printed.")


def cancel_job_later(job_id: str) -> None:
    """Cancel a job at the print server from a worker: a hung server must not hold the caller."""

    def work() -> None:
        try:
            printjobs.cancel(job_id)
            log.info("print job %s cancelled", job_id)
        except printjobs.PrintSystemError as exc:
            log.warning("could not cancel print job %s: %s", job_id, exc)

    threading.Thread(target=work, name=f"cancel-{job_id}", daemon=True).start()


class PrinterDiscovery(QObject):
    """Asks the print system for its queues in a worker; ``found`` carries the list, or [] and a reason."""

    found = Signal(list, str)  # [Printer], and "" or a printjobs reason code (no_server, timeout, ...)

    def start(self, timeout: float = printjobs.CALL_TIMEOUT_S) -> None:
        def work() -> None:
            try:
                printers: list[Printer] = printjobs.list_printers(timeout)
                reason = ""
            except printjobs.PrintSystemError as exc:
                log.warning("printer discovery failed: %s (%s)", exc.reason, exc.detail)
                printers, reason = [], exc.reason
            self.found.emit(printers, reason)

        threading.Thread(target=work, name="printer-discovery", daemon=True).start()


class PrintJob(QObject):
    """One handout on its way to a queue: submit and follow in a worker; signals on the UI thread.

    ``submitted`` (the job id), ``progress`` (a JobStatus), ``finished`` (the Outcome).  ``cancel``
    cancels the job at the print server (from the worker) and ends the watch.
    """

    submitted = Signal(str)
    progress = Signal(object)
    finished = Signal(object)

    def __init__(
        self,
        pdf: bytes,
        printer: str,
        title: str,
        pages: int,
        copies: int = 1,
        until: float = 120.0,
        media: str | None = None,
        parent: QObject | None = None,
        held_grace: float = 3.0,
        poll: float = 0.3,
    ) -> None:
        super().__init__(parent)
        self.media = media  # the paper the PDF is laid out for (see printjobs.submit)
        # How long a held job is still watched (see printjobs.follow), and how often it is looked at.
        self.held_grace, self.poll = held_grace, poll
        self.pdf, self.printer, self.title, self.pages, self.copies, self.until = (
            pdf,
            printer,
            title,
            pages,
            copies,
            until,
        )
        self.job_id = ""
        self.outcome: Outcome | None = None
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._work, name=f"print-{self.printer}", daemon=True)
        self._thread.start()

    @property
    def pending(self) -> bool:
        return self._thread is not None and self.outcome is None

    def cancel(self) -> None:
        """Cancel at the server, off the UI thread; the job ends as ``cancelled``."""
        self._cancel.set()

    def _progress(self, status: JobStatus) -> None:
        if status.state != "done":  # "done" is the outcome's to say, with the pages and where they are
            self.progress.emit(status)

    def _work(self) -> None:
        with tempfile.TemporaryDirectory(prefix="healthreader-print-") as folder:
            path = Path(folder) / "handout.pdf"
            path.write_bytes(self.pdf)

            def on_submitted(job_id: str) -> None:
                self.job_id = job_id
                self.submitted.emit(job_id)

            outcome = printjobs.print_pdf(
                path,
                self.printer,
                self.title,
                copies=self.copies,
                until=self.until,
                on_status=self._progress,
                on_submitted=on_submitted,
                stop=self._cancel.is_set,
                media=self.media,
                held_grace=self.held_grace,
                poll=self.poll,
            )
        if self._cancel.is_set() and outcome.state != "done":
            if outcome.job_id:
                try:
                    printjobs.cancel(outcome.job_id)
                except printjobs.PrintSystemError as exc:
                    log.warning("could not cancel print job %s: %s", outcome.job_id, exc)
            outcome = Outcome("cancelled", outcome.job_id, "cancelled")
        log.info("print job %s on %s: %s %s", outcome.job_id or "-", self.printer, outcome.state, outcome.reason)
        self.outcome = outcome
        self.finished.emit(outcome)
