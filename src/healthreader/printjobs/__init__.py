"""Print jobs through CUPS, followed from submission to the end, with no Qt.

The CUPS command-line clients (``lp``, ``lpstat``, ``lpoptions``, ``cancel`` from Debian's
cups-client) do the talking, each run with a timeout: a hung print server (one that accepts and never
answers) costs a bounded wait and a clear outcome, never a frozen caller.  pycups was the other choice;
it needs libcups' headers to build and its calls block inside C with no timeout, so a hung server
would hold the calling thread for as long as the server likes.

The callers (the window's print commands, the kiosk, ``healthreader print``) run these functions off
their UI thread and turn the outcomes' ``reason`` codes into sentences in the reader's language.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass

# One client call; a working server answers in milliseconds.
CALL_TIMEOUT_S = 5.0

# printer-state-reasons that mean a person has to do something at the printer, most specific first.
_NEEDS_HANDS = (
    ("media-empty", "out_of_paper"),
    ("media-needed", "out_of_paper"),
    ("media-jam", "paper_jam"),
    ("toner-empty", "out_of_toner"),
    ("marker-supply-empty", "out_of_toner"),
    ("door-open", "door_open"),
    ("cover-open", "door_open"),
    ("offline", "offline"),
    ("paused", "stopped"),
)
_OUT_OF_PAPER_WORDS = re.compile(r"paper|media|缺纸|纸", re.IGNORECASE)


class PrintSystemError(Exception):
    """The print system could not be asked or refused; ``reason`` is a code, ``str()`` the detail.

    Reasons: ``no_cups`` (no client programs), ``no_server`` (nothing answers), ``timeout`` (the
    server did not answer in time), ``no_printer`` (no such queue), ``refused`` (the queue takes no
    jobs), ``failed`` (anything else the client said).
    """

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(detail or reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Printer:
    name: str
    is_default: bool = False
    media: str | None = None  # the queue's default media, an IPP/PWG name such as iso_a5_148x210mm


@dataclass(frozen=True)
class JobStatus:
    """One look at a job: ``state`` is queued, printing, held or done; ``reason`` says why it is held."""

    state: str
    reason: str = ""
    message: str = ""  # the printer's own words (printer-state-message), for the log and staff


@dataclass(frozen=True)
class Outcome:
    """How a job ended, as far as the caller waited: ``state`` is done, held, refused, cancelled,
    failed or unknown (the server stopped answering)."""

    state: str
    job_id: str = ""
    reason: str = ""
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.state == "done"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["LC_ALL"] = "C"  # the clients' own words are parsed below; they must be the untranslated ones
    env.pop("LANGUAGE", None)
    return env


def _run(args: list[str], timeout: float = CALL_TIMEOUT_S) -> subprocess.CompletedProcess[str]:
    if shutil.which(args[0]) is None:
        raise PrintSystemError("no_cups", f"{args[0]} is not installed (Debian: cups-client)")
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=timeout, env=_env(), check=False)
    except subprocess.TimeoutExpired as exc:
        raise PrintSystemError("timeout", f"{' '.join(args)}: no answer within {timeout:g} s") from exc


def _classify(stderr: str) -> PrintSystemError:
    text = stderr.strip()
    low = text.lower()
    if "not accepting" in low:
        return PrintSystemError("refused", text)
    if "does not exist" in low or "unknown destination" in low or "no such" in low or "invalid destination" in low:
        return PrintSystemError("no_printer", text)
    if (
        "scheduler is not running" in low
        or "connection refused" in low
        or "no such file or directory" in low
        or "unable to connect" in low
        or "bad file descriptor" in low
    ):
        return PrintSystemError("no_server", text)
    return PrintSystemError("failed", text)


def list_printers(timeout: float = CALL_TIMEOUT_S) -> list[Printer]:
    """The print queues the server knows, the default one marked; [] when there are none."""
    result = _run(["lpstat", "-d", "-p"], timeout)
    names: list[str] = []
    default = ""
    for line in result.stdout.splitlines():
        if line.startswith("printer "):
            names.append(line.split()[1])
        elif line.startswith("system default destination:"):
            default = line.split(":", 1)[1].strip()
    if result.returncode != 0 and not names:
        if "no destinations" in result.stderr.lower() or not result.stderr.strip():
            return []
        raise _classify(result.stderr)
    return [Printer(n, n == default, printer_media(n, timeout)) for n in names]


def printer_media(name: str, timeout: float = CALL_TIMEOUT_S) -> str | None:
    """The queue's default paper: its ``media`` option, else the PPD's default PageSize."""
    result = _run(["lpoptions", "-p", name], timeout)
    match = re.search(r"(?:^|\s)media=(\S+)", result.stdout)
    if match:
        return match.group(1).split(",")[0]
    result = _run(["lpoptions", "-p", name, "-l"], timeout)
    for line in result.stdout.splitlines():
        if line.startswith("PageSize/"):
            chosen = re.search(r"\*(\S+)", line)
            if chosen:
                return chosen.group(1)
    return None


# PWG size names of standard sheets: a PPD names these sizes itself, and CUPS maps the name to them.
_SHEET_PREFIXES = ("iso_", "na_", "jis_", "jpn_", "prc_", "roc_", "asme_")
_PWG_SIZE_RE = re.compile(r"_(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)(mm|in)$")


def custom_page_size(media: str) -> str | None:
    """The PPD custom size (``Custom.80x200mm``) for a roll's PWG name such as ``oe_80x200mm``; None
    for standard sheets and names that carry no size.

    CUPS maps a PWG name to a size the PPD lists; a roll's size is rarely listed, and then the job
    silently went out on the PPD's default (an 80 mm handout printed as A4).  A PPD that takes custom
    sizes prints this one exactly; one that does not ignores the option and keeps the ``media`` match.

        >>> custom_page_size("oe_80x200mm"), custom_page_size("iso_a5_148x210mm")
        ('Custom.80x200mm', None)
    """
    if media.startswith(_SHEET_PREFIXES):
        return None
    match = _PWG_SIZE_RE.search(media)
    return f"Custom.{match.group(1)}x{match.group(2)}{match.group(3)}" if match else None


def submit(
    pdf: str | os.PathLike[str],
    printer: str,
    title: str,
    copies: int = 1,
    timeout: float = CALL_TIMEOUT_S,
    media: str | None = None,
) -> str:
    """Queue the PDF on ``printer`` under the job name ``title``; the job's id (e.g. ``a4-12``).

    ``media`` is the paper the PDF was laid out for; saying it keeps a driver whose PPD defaults to
    another size (a receipt printer set up with ``-o media=``) from scaling the pages onto that size.
    """
    args = ["lp", "-d", printer, "-t", title, "-n", str(max(1, copies)), "-o", "fit-to-page=false"]
    if media:
        args += ["-o", f"media={media}"]
        custom = custom_page_size(media)
        if custom:
            args += ["-o", f"PageSize={custom}"]
    args += ["--", os.fspath(pdf)]
    result = _run(args, timeout)
    match = re.search(r"request id is (\S+)", result.stdout)
    if result.returncode != 0 or not match:
        raise _classify(result.stderr or result.stdout)
    return match.group(1)


def _printer_problem(printer: str, timeout: float) -> tuple[str, str]:
    """Why ``printer`` is not printing (a reason code, its message), or ("", "") when it is fine."""
    result = _run(["lpstat", "-l", "-p", printer], timeout)
    if result.returncode != 0:
        raise _classify(result.stderr)
    lines = result.stdout.splitlines()
    first = lines[0] if lines else ""
    message = lines[1].strip() if len(lines) > 1 and not lines[1].strip().startswith("Form mounted") else ""
    alerts = next((ln.split(":", 1)[1].strip() for ln in lines if ln.strip().startswith("Alerts:")), "")
    for key, reason in _NEEDS_HANDS:
        if key in alerts:
            if reason == "stopped" and _OUT_OF_PAPER_WORDS.search(message):
                reason = "out_of_paper"  # staff stopped it because of the paper (cupsdisable -r "Out of paper")
            return reason, message
    if " disabled " in f" {first} ":
        return ("out_of_paper" if _OUT_OF_PAPER_WORDS.search(message) else "stopped"), message
    return "", ""


def _job_details(listing: str, job_id: str) -> tuple[str, str] | None:
    """The Status and Alerts lines of ``job_id`` in ``lpstat -l -o``, or None when it is not listed."""
    found = False
    status = alerts = ""
    for line in listing.splitlines():
        if line and not line[0].isspace():
            if found:
                break
            found = line.split()[:1] == [job_id]
        elif found:
            key, _, value = line.strip().partition(":")
            if key == "Status":
                status = value.strip()
            elif key == "Alerts":
                alerts = value.strip()
    return (status, alerts) if found else None


def job_status(job_id: str, printer: str, timeout: float = CALL_TIMEOUT_S) -> JobStatus:
    """Where ``job_id`` is now: queued, printing, held (and why) or done."""
    pending = _run(["lpstat", "-l", "-o", printer], timeout)
    if pending.returncode != 0 and pending.stderr.strip():
        raise _classify(pending.stderr)
    details = _job_details(pending.stdout, job_id)
    if details is None:
        return JobStatus("done")
    job_message, alerts = details
    if "job-completed-with-errors" in alerts or "failed" in job_message.lower():
        # The driver or the connection failed; CUPS keeps the job to retry, and nothing comes out.
        return JobStatus("held", "printer_error", job_message)
    reason, message = _printer_problem(printer, timeout)
    if reason:
        return JobStatus("held", reason, message)
    state = _run(["lpstat", "-p", printer], timeout).stdout
    if f"now printing {job_id}" in state:
        return JobStatus("printing")
    return JobStatus("queued")


def cancel(job_id: str, timeout: float = CALL_TIMEOUT_S) -> bool:
    """Cancel the job; True when it is gone (cancelled now, or already finished)."""
    result = _run(["cancel", job_id], timeout)
    return result.returncode == 0 or "already" in result.stderr.lower()


def follow(
    job_id: str,
    printer: str,
    *,
    until: float = 120.0,
    held_grace: float = 3.0,
    poll: float = 0.3,
    on_status: Callable[[JobStatus], None] | None = None,
    stop: Callable[[], bool] | None = None,
    call_timeout: float = CALL_TIMEOUT_S,
) -> Outcome:
    """Watch the job until it is done, held for ``held_grace`` seconds, or ``until`` seconds pass.

    ``on_status`` hears each change; ``stop`` returning True ends the watch early (state unknown).
    A held job is left in the queue: the caller decides whether to cancel it.
    """
    deadline = time.monotonic() + until
    held_since: float | None = None
    last: JobStatus | None = None
    while True:
        try:
            status = job_status(job_id, printer, call_timeout)
        except PrintSystemError as exc:
            return Outcome("unknown", job_id, exc.reason, exc.detail)
        if status != last and on_status is not None:
            on_status(status)
        last = status
        if status.state == "done":
            return Outcome("done", job_id)
        if status.state == "held":
            held_since = held_since if held_since is not None else time.monotonic()
            if time.monotonic() - held_since >= held_grace:
                return Outcome("held", job_id, status.reason, status.message)
        else:
            held_since = None
        if time.monotonic() >= deadline:
            return Outcome(
                "held" if status.state == "held" else "unknown", job_id, status.reason or "slow", status.message
            )
        if stop is not None and stop():
            return Outcome("unknown", job_id, "stopped_watching")
        time.sleep(poll)


def print_pdf(
    pdf: str | os.PathLike[str],
    printer: str,
    title: str,
    *,
    copies: int = 1,
    until: float = 120.0,
    on_status: Callable[[JobStatus], None] | None = None,
    on_submitted: Callable[[str], None] | None = None,
    stop: Callable[[], bool] | None = None,
    call_timeout: float = CALL_TIMEOUT_S,
    media: str | None = None,
    held_grace: float = 3.0,
    poll: float = 0.3,
) -> Outcome:
    """Submit, then follow: the whole job as one call, for a worker thread or a script."""
    try:
        job_id = submit(pdf, printer, title, copies, call_timeout, media)
    except PrintSystemError as exc:
        state = "refused" if exc.reason in ("refused", "no_printer") else "failed"
        return Outcome(state, "", exc.reason, exc.detail)
    if on_submitted is not None:
        on_submitted(job_id)
    return follow(
        job_id,
        printer,
        until=until,
        held_grace=held_grace,
        poll=poll,
        on_status=on_status,
        stop=stop,
        call_timeout=call_timeout,
    )
