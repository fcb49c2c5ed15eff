"""``healthreader print ID``: print an entry's handout on a real printer and wait for the job's end.

    healthreader print facial-muscle-atrophy [--section ANCHOR] [--printer NAME] [--large-print] [--copies N]

For clinics' scripts (a stack of handouts at the start of the day).  The handout is laid out for the
printer's own paper (its CUPS default media), queued under the entry's title, and followed through
CUPS until it is done.  Exit status: 0 only when the job completed; 1 when it was refused, is held at
the printer (it is cancelled, so it does not print later by surprise), or the print system failed;
2 no such entry or section.  Every failure is one sentence on stderr.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from healthreader.commands.common import data_paths, open_library
from healthreader.commands.export_pdf import _ensure_gui_application


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("print", help="print an entry's handout and wait until the printer has printed it")
    p.add_argument("entry_id", metavar="ID", help="the entry's id, e.g. facial-muscle-atrophy")
    p.add_argument("--section", metavar="ANCHOR", help="only this section (its anchor, as in entry:ID#ANCHOR)")
    p.add_argument("--printer", metavar="NAME", help="the print queue (default: the system's default printer)")
    p.add_argument(
        "--large-print",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="16 pt body text instead of 12 pt (default: the large_print setting)",
    )
    p.add_argument("--copies", type=int, default=1, metavar="N", help="copies of the handout (default 1)")
    p.add_argument("--header", metavar="TEXT", help="a line on top of every page (default: the print_header setting)")
    p.add_argument("--wait", type=float, default=120.0, metavar="S", help="seconds to wait for the job (default 120)")
    p.set_defaults(func=run_print)


def run_print(args: argparse.Namespace) -> int:
    from healthreader import printjobs
    from healthreader.config import Settings

    def fail(message: str, code: int = 1) -> int:
        print(f"healthreader print: {message}", file=sys.stderr)
        return code

    if args.copies < 1:
        return fail("--copies must be 1 or more", 2)
    library = open_library(args)
    entry = library.find(args.entry_id)
    if entry is None:
        return fail(f"no entry with id '{args.entry_id}'", 2)
    settings = Settings(data_paths(args))
    header = args.header if args.header is not None else settings.get("print_header")
    large = args.large_print if args.large_print is not None else settings.get("large_print")

    _ensure_gui_application()
    from PySide6.QtCore import QCoreApplication

    from healthreader.ui.common.i18n import choose_language, install_translators
    from healthreader.ui.printing.document import PrintError, PrintOptions, printer_pdf
    from healthreader.ui.printing.jobs import outcome_text

    app = QCoreApplication.instance()
    assert app is not None
    install_translators(app, choose_language(settings.get("ui_language"), library.language))
    try:
        printers = printjobs.list_printers()
    except printjobs.PrintSystemError as exc:
        return fail(outcome_text(printjobs.Outcome("failed", reason=exc.reason), 0))
    chosen = next((p for p in printers if p.name == args.printer), None) if args.printer else None
    if args.printer and chosen is None:
        return fail(outcome_text(printjobs.Outcome("refused", reason="no_printer"), 0))
    chosen = chosen or next((p for p in printers if p.is_default), None) or (printers[0] if printers else None)
    if chosen is None:
        return fail(outcome_text(printjobs.Outcome("refused", reason="no_printer"), 0))
    try:
        data, pages = printer_pdf(entry, library, chosen.media, PrintOptions(args.section or None, large, header))
    except PrintError as exc:
        return fail(str(exc), 2 if exc.reason == "unknown_section" else 1)
    with tempfile.TemporaryDirectory(prefix="healthreader-print-") as folder:
        pdf = Path(folder) / "handout.pdf"
        pdf.write_bytes(data)
        outcome = printjobs.print_pdf(
            pdf, chosen.name, entry.title, copies=args.copies, until=args.wait, media=chosen.media
        )
    if not outcome.ok:
        if outcome.job_id:
            try:
                printjobs.cancel(outcome.job_id)  # a held job would print later, when nobody expects it
            except printjobs.PrintSystemError:
                pass
        detail = f" ({outcome.message})" if outcome.message else ""
        return fail(outcome_text(outcome, pages) + detail)
    print(f"{outcome_text(outcome, pages)} {chosen.name}: {outcome.job_id}, {chosen.media or 'default paper'}")
    return 0
