"""``healthreader export-pdf ID FILE``: write an entry's printed handout as a PDF, without a window.

    healthreader export-pdf facial-muscle-atrophy handout.pdf [--section ANCHOR] [--large-print] [--header TEXT]

Qt is imported only when the command runs; with no display it draws offscreen.  Exit status: 0 done,
1 the file could not be written, 2 no such entry or section.
"""

from __future__ import annotations

import argparse
import os
import sys

from healthreader.commands.common import data_paths, open_library
from healthreader.content.sections import split_sections


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export-pdf", help="save an entry as a printable PDF handout")
    p.add_argument("entry_id", metavar="ID", help="the entry's id, e.g. facial-muscle-atrophy")
    p.add_argument("file", metavar="FILE", help="the PDF to write (replaced if it exists)")
    p.add_argument("--section", metavar="ANCHOR", help="only this section (its anchor, as in entry:ID#ANCHOR)")
    p.add_argument(
        "--large-print",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="16 pt body text instead of 12 pt (default: the large_print setting)",
    )
    p.add_argument("--header", metavar="TEXT", help="a line on top of every page (default: the print_header setting)")
    p.set_defaults(func=run_export)


def _ensure_gui_application() -> None:
    # Fonts and PDF painting need a QGuiApplication; a script or a server has no display to give one.
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        # Kept on the module so it lives as long as the command; Qt wants exactly one.
        global _app
        _app = QGuiApplication([sys.argv[0] if sys.argv else "healthreader"])


_app: object = None


def run_export(args: argparse.Namespace) -> int:
    from healthreader.config import Settings

    library = open_library(args)
    entry = library.find(args.entry_id)
    if entry is None:
        print(f"healthreader export-pdf: no entry with id '{args.entry_id}'", file=sys.stderr)
        return 2
    settings = Settings(data_paths(args))
    header = args.header if args.header is not None else settings.get("print_header")
    large = args.large_print if args.large_print is not None else settings.get("large_print")

    _ensure_gui_application()
    from PySide6.QtCore import QCoreApplication

    from healthreader.ui.common.i18n import choose_language, install_translators
    from healthreader.ui.printing.document import PrintError, export_pdf

    app = QCoreApplication.instance()
    assert app is not None
    # The handout speaks the reader's language, as the window would (labels, footer, page numbers).
    install_translators(app, choose_language(settings.get("ui_language"), library.language))
    try:
        pages = export_pdf(
            entry, library, args.file, section=args.section or None, large_print=large, header_line=header
        )
    except PrintError as exc:
        print(f"healthreader export-pdf: {exc}", file=sys.stderr)
        if exc.reason == "unknown_section":
            anchors = [s.anchor for s in split_sections(entry.read_body()) if s.anchor]
            print("sections: " + ", ".join(anchors), file=sys.stderr)
            return 2
        return 1
    print(f"{pages} page{'s' if pages != 1 else ''} written to {args.file}")
    return 0
