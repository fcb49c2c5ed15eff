"""The ``healthreader`` command: the reader window by default, and subcommands for scripts.

    healthreader [--data-dir DIR] [--library DIR]... [--no-bundled] [--open ID]
    healthreader content check [--library DIR]...
    healthreader kiosk hash-pin | check [--policy FILE]

Each subcommand lives in its own module under ``healthreader.commands`` and registers itself there;
Qt is imported only when a window (or a Qt-based export) is needed.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from healthreader import __version__
from healthreader.commands import register_all


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="healthreader",
        description="HealthReader: an offline reader for a library of health articles.",
    )
    parser.add_argument("--version", action="version", version=f"HealthReader {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="keep all user data (settings, bookmarks, index) here")
    parser.add_argument(
        "--library",
        metavar="DIR",
        action="append",
        default=[],
        help="also read this library folder (repeatable; added after the bundled library)",
    )
    parser.add_argument("--no-bundled", action="store_true", help="do not read the bundled library")
    parser.add_argument("--open", metavar="ID", help="start at this entry (ID or ID#section)")
    parser.add_argument(
        "--kiosk", action="store_true", help="locked-down kiosk mode (also on when a kiosk policy file exists)"
    )
    parser.add_argument(
        "--windowed", action="store_true", help="with --kiosk: the kiosk in a window that closes, to try a policy"
    )
    parser.add_argument("--screenshot", metavar="PNG", help="save a picture of the window once shown, then quit")
    parser.add_argument(
        "--watch", action="store_true", help="reload the entry being read when its file changes (for writers)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    register_all(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args, rest = parser.parse_known_args(argv)
    if args.command is not None and rest:
        parser.error("unrecognized arguments: " + " ".join(rest))
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if args.command is None:
        from healthreader.ui.app import run_gui  # Qt only when a window is wanted

        return run_gui(args, [sys.argv[0], *rest])
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # inside the try: a pipe closed early fails here as often as in print()
    except BrokenPipeError:
        return _reader_went_away()
    return code


def _reader_went_away() -> int:
    """``healthreader search … | head -1``: the reader of our output has what it wanted and left.
    Nothing is wrong, so no traceback; stdout is pointed at /dev/null so that the interpreter's own
    flush at exit does not raise the same error again.  The status is the shell's for SIGPIPE."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 128 + 13


if __name__ == "__main__":
    raise SystemExit(main())
